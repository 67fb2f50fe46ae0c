"""Vietnamese messages of the workflow core (``thoxuan_gnbv.workflow``), used when a flow declares
no wording of its own; tests import them."""

WRONG_STATE = "Không thể chuyển từ trạng thái “{current}” sang “{target}”."
UNKNOWN_STEP = "Quy trình không có bước chuyển sang trạng thái “{target}”."
FOUR_EYES = "Người trình không được tự phê duyệt, tiếp nhận hoặc trả lại văn bản của chính mình."
COMMENT_REQUIRED = "Ghi rõ ý kiến (lý do) cho bước này."
FROZEN = "Văn bản đã được phê duyệt nên không sửa, không xóa được."

# The commune seam (User.commune, CommuneMiddleware).
ROLE_WITHOUT_COMMUNE = "Người dùng có vai trò phải thuộc một xã, phường hoặc thị trấn."
NO_COMMUNE = (
    "Tài khoản của bạn chưa được gắn với xã, phường hoặc thị trấn nào nên chưa xem được dữ liệu. "
    "Hãy liên hệ quản trị viên."
)

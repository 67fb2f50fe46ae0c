"""Vietnamese messages of the workflow core (``thoxuan_gnbv.workflow``), used when a flow declares
no wording of its own; tests import them."""

WRONG_STATE = "Không thể chuyển từ trạng thái “{current}” sang “{target}”."
UNKNOWN_STEP = "Quy trình không có bước chuyển sang trạng thái “{target}”."
FOUR_EYES = "Người trình không được tự phê duyệt, tiếp nhận hoặc trả lại văn bản của chính mình."
COMMENT_REQUIRED = "Ghi rõ ý kiến (lý do) cho bước này."
FROZEN = "Văn bản đã được phê duyệt nên không sửa, không xóa được."

# Personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)
NATIONAL_ID_SEARCH_REFUSED = (
    "Vai trò của bạn không được tìm hộ theo số CCCD (Luật Bảo vệ dữ liệu cá nhân): "
    "hãy tìm theo tên chủ hộ hoặc mã hộ."
)

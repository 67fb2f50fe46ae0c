"""Vietnamese messages of the workflow core (``thoxuan_gnbv.workflow``), used when a flow declares
no wording of its own; tests import them."""

WRONG_STATE = "Không thể chuyển từ trạng thái “{current}” sang “{target}”."
UNKNOWN_STEP = "Quy trình không có bước chuyển sang trạng thái “{target}”."
FOUR_EYES = "Người trình không được tự phê duyệt, tiếp nhận hoặc trả lại văn bản của chính mình."
COMMENT_REQUIRED = "Ghi rõ ý kiến (lý do) cho bước này."
FROZEN = "Văn bản đã được phê duyệt nên không sửa, không xóa được."

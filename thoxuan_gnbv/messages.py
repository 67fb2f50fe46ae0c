"""Vietnamese messages of the workflow core (``thoxuan_gnbv.workflow``), used when a flow declares
no wording of its own; tests import them."""

WRONG_STATE = "Không thể chuyển từ trạng thái “{current}” sang “{target}”."
UNKNOWN_STEP = "Quy trình không có bước chuyển sang trạng thái “{target}”."
FOUR_EYES = "Người trình không được tự phê duyệt, tiếp nhận hoặc trả lại văn bản của chính mình."
COMMENT_REQUIRED = "Ghi rõ ý kiến (lý do) cho bước này."
FROZEN = "Văn bản đã được phê duyệt nên không sửa, không xóa được."

# Optimistic locking (``thoxuan_gnbv.concurrency``): a form saved after someone else's change.
STALE_EDIT = (
    "Người khác đã sửa dữ liệu này sau khi bạn mở biểu mẫu, nên thay đổi của bạn chưa được lưu. "
    "Khác biệt (giá trị hiện có → giá trị của bạn): {changes}. Hãy tải lại trang rồi sửa lại."
)
STALE_EDIT_NO_DIFF = (
    "Người khác đã sửa dữ liệu này sau khi bạn mở biểu mẫu, nên thay đổi của bạn chưa được lưu. "
    "Hãy tải lại trang rồi sửa lại."
)
VERSION_MISSING = "Biểu mẫu thiếu số phiên bản dữ liệu: hãy tải lại trang rồi sửa lại."
EMPTY_VALUE = "(trống)"
YES = "Có"
NO = "Không"

# Input at the boundary (``thoxuan_gnbv.forms.BoundaryFormMixin``).
INVISIBLE_IN_CODE = "{label}: có ký tự ẩn (ký tự độ rộng 0 hoặc điều khiển chiều chữ); hãy gõ lại bằng tay."
DATE_OUT_OF_RANGE = "{label}: ngày phải trong khoảng từ {start} đến {end}."
# Personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)
NATIONAL_ID_SEARCH_REFUSED = (
    "Vai trò của bạn không được tìm hộ theo số CCCD (Luật Bảo vệ dữ liệu cá nhân): "
    "hãy tìm theo tên chủ hộ hoặc mã hộ."
)
# The commune seam (User.commune, CommuneMiddleware).
ROLE_WITHOUT_COMMUNE = "Người dùng có vai trò phải thuộc một xã, phường hoặc thị trấn."
UPPER_VIEWER_WITHOUT_AREA = (
    "Tài khoản cấp trên phải thuộc một tỉnh/thành phố (hoặc một xã, phường được giao theo dõi)."
)
PROVINCE_ONLY_FOR_UPPER_VIEWER = "Chỉ tài khoản cấp trên (chỉ xem) mới được gắn với cả tỉnh/thành phố."
PROVINCE_CHOOSE_COMMUNE = (
    "Tài khoản cấp tỉnh xem dữ liệu của từng xã, phường: hãy chọn một xã, phường trên trang tổng hợp "
    "của tỉnh trước khi mở trang này."
)
NO_COMMUNE = (
    "Tài khoản của bạn chưa được gắn với xã, phường hoặc thị trấn nào nên chưa xem được dữ liệu. "
    "Hãy liên hệ quản trị viên."
)

"""Vietnamese messages of the budget services and models (allocations, estimates, disbursements)
and of money amounts entered anywhere. Tests import these constants instead of repeating the text."""

# --- money ---------------------------------------------------------------------------------------
MONEY_NOT_INTEGER = "Số tiền phải là số nguyên đồng (ví dụ 1.500.000), không có phần lẻ."
MONEY_NEGATIVE = "Số tiền không được âm."
MONEY_TOO_LARGE = "Số tiền quá lớn."
AMOUNT_MUST_BE_POSITIVE = "Số tiền phải lớn hơn 0."

# --- budget --------------------------------------------------------------------------------------
ALLOCATION_NOT_ALLOWED = "Chỉ kế toán được ghi nhận kinh phí được phân bổ."
ESTIMATE_NOT_ALLOWED = "Chỉ kế toán được lập và sửa dự toán."
ESTIMATE_APPROVE_NOT_ALLOWED = "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND được phê duyệt hoặc trả lại dự toán."
ESTIMATE_FROZEN = "Dự toán đã được phê duyệt: không thể sửa, thêm hoặc xóa dòng."
ESTIMATE_NOT_EDITABLE = "Dự toán đang chờ phê duyệt: chỉ sửa được khi còn là bản nháp hoặc bị trả lại."
ESTIMATE_EMPTY = "Dự toán chưa có dòng nào: không thể trình phê duyệt."
ESTIMATE_NOT_SUBMITTED = "Dự toán chưa được trình: chỉ phê duyệt hoặc trả lại dự toán đang chờ phê duyệt."
ESTIMATE_ALREADY_APPROVED = "Dự toán này đã được phê duyệt ngày {date}: không phê duyệt lần thứ hai."
ESTIMATE_RETURN_NEEDS_REASON = "Trả lại dự toán phải ghi rõ lý do."
LINE_COMPONENT_OTHER_PLAN = "Hợp phần phải thuộc kế hoạch năm {year} đã phê duyệt của xã/phường/thị trấn."
DISBURSEMENT_NOT_ALLOWED = "Chỉ kế toán được ghi nhận giải ngân."
DISBURSEMENT_NOT_APPROVED = "Chỉ giải ngân theo dòng của dự toán đã được phê duyệt."
DISBURSEMENT_OVERDRAFT = (
    "Vượt dự toán được duyệt: dòng này còn {remaining} đ, không thể giải ngân {amount} đ."
)
DISBURSEMENT_DATE_OUTSIDE_YEAR = "Ngày giải ngân phải nằm trong năm {year} của dự toán."

# --- the allocation caps estimates and disbursements (Luật NSNN 2015, Điều 12 khoản 2) ---------------------
ESTIMATE_OVER_ALLOCATION = (
    "{component} – {source}: vượt kinh phí được phân bổ. Được phân bổ {allocated} đ, các dự toán khác đã giữ "
    "{held} đ, còn {available} đ; dự toán này cần {needed} đ, thiếu {shortfall} đ."
)
ESTIMATE_NOTHING_ALLOCATED = "{component} – {source}: chưa được phân bổ kinh phí, không thể lập dự toán {needed} đ (thiếu {shortfall} đ)."
DISBURSEMENT_OVER_ALLOCATION = (
    "{component} – {source}: vượt kinh phí được phân bổ. Được phân bổ {allocated} đ, đã giải ngân {disbursed} đ, "
    "còn {available} đ; không thể giải ngân {amount} đ (thiếu {shortfall} đ)."
)
ALLOCATION_BELOW_DISBURSED = (
    "Kinh phí phân bổ cho {component} – {source} không thể thấp hơn số đã giải ngân {disbursed} đ."
)
# The allocation of year N counts in that year's figures (reports sum allocations by decision date).
ALLOCATION_DATE_OUTSIDE_YEAR = (
    "Ngày quyết định phải nằm trong năm {year} của kế hoạch (01/01/{year} – 31/12/{year})."
)
DATE_IN_FUTURE = "{label} không được sau ngày hôm nay ({today})."
ESTIMATE_YEAR_WITHOUT_PLAN = "Năm {year} chưa có kế hoạch được phê duyệt: chưa lập được dự toán cho năm này."
ALLOCATION_MOVES_PAID_MONEY = (
    "Không đổi được nguồn vốn: nguồn cũ đã giải ngân nhiều hơn số còn lại sau khi chuyển khoản phân bổ này."
)

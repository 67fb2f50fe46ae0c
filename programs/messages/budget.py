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

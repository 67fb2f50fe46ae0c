"""Vietnamese messages of the delivery and budget services (support, activities, allocations,
estimates, disbursements). Tests import these constants instead of repeating the text."""

# --- money ---------------------------------------------------------------------------------------
MONEY_NOT_INTEGER = "Số tiền phải là số nguyên đồng (ví dụ 1.500.000), không có phần lẻ."
MONEY_NEGATIVE = "Số tiền không được âm."
AMOUNT_MUST_BE_POSITIVE = "Số tiền phải lớn hơn 0."
QUANTITY_NEGATIVE = "Số lượng không được âm."

# --- support and activities ----------------------------------------------------------------------
PLAN_NOT_APPROVED = "Hợp phần này thuộc kế hoạch chưa được phê duyệt: chưa thể ghi nhận."
DATE_OUTSIDE_PLAN_YEAR = "Ngày phải nằm trong năm {year} của kế hoạch."
HOUSEHOLD_OTHER_COMMUNE = "Hộ này thuộc xã/phường/thị trấn khác, không thuộc kế hoạch đã chọn."
MEMBER_NOT_IN_HOUSEHOLD = "Người được hỗ trợ phải là thành viên của hộ đã chọn."
NOT_ALLOWED_TO_RECORD = "Bạn không phụ trách hợp phần {component}: người ghi nhận là {role}."
NOT_BENEFICIARY = (
    "Hộ không thuộc diện được hỗ trợ: tại ngày {date} hộ không phải hộ nghèo, hộ cận nghèo "
    "hoặc hộ mới thoát nghèo (trong 36 tháng)."
)
NOT_BENEFICIARY_VOCATIONAL = (
    "Không thuộc diện được hỗ trợ đào tạo nghề: tại ngày {date} hộ không phải hộ nghèo, cận nghèo "
    "hoặc mới thoát nghèo (trong 36 tháng), và người học không được xác nhận là người lao động có thu nhập thấp."
)
NUTRITION_NEEDS_MEMBER = "Hỗ trợ dinh dưỡng phải ghi cho một người cụ thể (trẻ em hoặc bà mẹ) trong hộ."
NUTRITION_NOT_CHILD_OR_MOTHER = (
    "Tiểu dự án cải thiện dinh dưỡng chỉ hỗ trợ trẻ em dưới 16 tuổi và bà mẹ có con dưới 5 tuổi: "
    "{name} {age} tuổi tại ngày hỗ trợ."
)
LOW_INCOME_NEEDS_MEMBER = "Người lao động có thu nhập thấp phải là một người cụ thể được chọn trong hộ."
EXCEPTION_NEEDS_REASON = "Ghi nhận ngoại lệ phải có lý do bằng văn bản (ít nhất 20 ký tự)."
EXCEPTION_NOT_ALLOWED = "Bạn không có quyền ghi nhận trường hợp ngoại lệ cho hợp phần này."
EXCEPTION_NOT_NEEDED = "Hộ/người này đủ điều kiện, không cần ghi là trường hợp ngoại lệ."
RETURNED_EXCEEDS_DUE = "Số đã hoàn trả không được lớn hơn số phải hoàn trả."
PARTICIPANT_BREAKDOWN_EXCEEDS_TOTAL = "Số người trong nhóm này không được lớn hơn tổng số người tham gia."
DISBURSEMENT_OTHER_COMPONENT = "Khoản giải ngân được liên kết phải thuộc cùng hợp phần."
ACTIVITY_HOUSEHOLD_OTHER_COMMUNE = "Danh sách hộ tham gia có hộ thuộc xã/phường/thị trấn khác."

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
MEMBER_NO_BIRTH_DATE = (
    "Chưa có ngày sinh của {name}: cập nhật thông tin thành viên trước khi ghi hỗ trợ dinh dưỡng."
)

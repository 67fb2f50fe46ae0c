"""Vietnamese messages of the delivery services and models (support, activities, eligibility).
Tests import these constants instead of repeating the text."""

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
    "Tiểu dự án cải thiện dinh dưỡng chỉ hỗ trợ trẻ em dưới {child_limit} tuổi và bà mẹ có con dưới "
    "{young_limit} tuổi: {name} {age} tuổi tại ngày hỗ trợ."
)
LOW_INCOME_NEEDS_MEMBER = "Người lao động có thu nhập thấp phải là một người cụ thể được chọn trong hộ."
EXCEPTION_NEEDS_REASON = "Ghi nhận ngoại lệ phải có lý do bằng văn bản (ít nhất 20 ký tự)."
EXCEPTION_NOT_ALLOWED = "Bạn không có quyền ghi nhận trường hợp ngoại lệ cho hợp phần này."
EXCEPTION_NOT_NEEDED = "Hộ/người này đủ điều kiện, không cần ghi là trường hợp ngoại lệ."
RETURNED_EXCEEDS_DUE = "Số đã hoàn trả không được lớn hơn số phải hoàn trả."
PARTICIPANT_BREAKDOWN_EXCEEDS_TOTAL = "Số người trong nhóm này không được lớn hơn tổng số người tham gia."
DISBURSEMENT_OTHER_COMPONENT = "Khoản giải ngân được liên kết phải thuộc cùng hợp phần."
ACTIVITY_HOUSEHOLD_OTHER_COMMUNE = "Danh sách hộ tham gia có hộ thuộc xã/phường/thị trấn khác."
MEMBER_NO_BIRTH_DATE = (
    "Chưa có ngày sinh của {name}: cập nhật thông tin thành viên trước khi ghi hỗ trợ dinh dưỡng."
)
QUANTITY_NEGATIVE = "Số lượng không được âm."
SUPPORT_VOIDED = "Hỗ trợ này đã bị hủy bỏ: không cập nhật được."

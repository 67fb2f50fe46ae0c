"""Vietnamese messages of corrections (edit or void of support, activities, allocations and
disbursements). Tests import these constants instead of repeating the text."""

REASON_REQUIRED = "Ghi rõ lý do điều chỉnh (ít nhất 10 ký tự)."
NOTHING_CHANGED = "Không có trường nào thay đổi: chưa có gì để điều chỉnh."
ALREADY_VOIDED = "Bản ghi này đã bị hủy bỏ ngày {date}: không sửa, không hủy lại được."
NOT_ALLOWED = "Bạn không phải người ghi nhận loại số liệu này nên không điều chỉnh được."
PENDING_EXISTS = "Bản ghi này đang có một đề nghị điều chỉnh chờ Chủ tịch phê duyệt (gửi ngày {date})."
CORRECTION_DECIDED = "Đề nghị điều chỉnh đã được quyết định nên không sửa, không xóa được."
CORRECTION_OWN = "Người đề nghị điều chỉnh không được tự phê duyệt hoặc từ chối đề nghị của mình."
CORRECTION_NOT_REQUESTED = "Đề nghị này không còn chờ phê duyệt."
CORRECTION_REFUSE_NEEDS_REASON = "Ghi rõ lý do từ chối đề nghị điều chỉnh."
DECIDE_NOT_ALLOWED = "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND phê duyệt đề nghị điều chỉnh."
CHANGED_SINCE_REQUEST = (
    "Bản ghi đã được sửa sau khi gửi đề nghị này: không áp dụng được, hãy từ chối và đề nghị lại."
)
REQUESTED = (
    "{report} đã dùng số liệu này, nên điều chỉnh được gửi Chủ tịch phê duyệt; "
    "số liệu chưa thay đổi cho tới khi được phê duyệt."
)
APPLIED = "Đã điều chỉnh. Lịch sử điều chỉnh ghi lại giá trị cũ, giá trị mới và lý do."

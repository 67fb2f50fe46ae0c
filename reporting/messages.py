"""Vietnamese messages of the reporting services and commands (tests import them)."""

PERIOD_UNPARSABLE = "Kỳ báo cáo “{text}” không hợp lệ: ghi theo dạng 2024-Q1 … 2024-Q4 (quý), 2024-H1 (6 tháng) hoặc 2024 (năm)."
PERIOD_YEAR_RANGE = "Năm của kỳ báo cáo “{text}” phải từ 2000 đến 2100."
NO_APPROVED_PLAN = (
    "Kỳ báo cáo năm {year} nằm ngoài năm của các kế hoạch đã phê duyệt: chưa có kế hoạch năm {year} "
    "được phê duyệt nên chưa có lịch báo cáo."
)
PERIOD_NOT_IN_PLAN = "Kế hoạch năm {year} không quy định kỳ báo cáo {period}."
COMPONENT_NOT_IN_PLAN = "Dự án/tiểu dự án này không thuộc kế hoạch của kỳ báo cáo."
NOT_REPORT_AUTHOR = "Chỉ đơn vị chủ trì dự án/tiểu dự án này được lập và gửi báo cáo."
REPORT_NOT_EDITABLE = "Báo cáo đã gửi hoặc đã được tiếp nhận nên không sửa được."
REPORT_ACCEPTED_FROZEN = "Báo cáo đã được tiếp nhận: không sửa, không xóa được."
REPORT_NOT_SUBMITTED = "Chỉ tiếp nhận hoặc trả lại báo cáo đang chờ tiếp nhận."
NOT_REPORT_REVIEWER = "Chỉ công chức Lao động – TB&XH tiếp nhận hoặc trả lại báo cáo của các đơn vị."
RETURN_COMMENT_REQUIRED = "Ghi rõ lý do trả lại để đơn vị sửa."
RESULTS_REQUIRED = "Ghi kết quả thực hiện trước khi gửi báo cáo."
NARRATIVE_TOO_LONG = "Nội dung quá dài: tối đa {limit} ký tự (hiện có {length})."

COMPILED_EXISTS = "Báo cáo tổng hợp của kỳ này đã được lập."
NOT_COMPILER = "Chỉ công chức Lao động – TB&XH lập báo cáo tổng hợp."
COMPILED_NOT_EDITABLE = "Báo cáo tổng hợp đã trình hoặc đã được phê duyệt nên không sửa được."
COMPILED_APPROVED_FROZEN = "Báo cáo tổng hợp đã được phê duyệt: không sửa, không xóa được."
COMPILED_NOT_SUBMITTED = "Chỉ phê duyệt hoặc trả lại báo cáo tổng hợp đang chờ phê duyệt."
NOT_APPROVER = "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND phê duyệt báo cáo tổng hợp."
GENERAL_SITUATION_REQUIRED = "Mục I. Tình hình chung còn trống: ghi nội dung trước khi trình Chủ tịch."
STEERING_REQUIRED = "Mục II. Công tác chỉ đạo, điều hành còn trống: ghi nội dung trước khi trình Chủ tịch."
PROBLEMS_REQUIRED = "Mục IV. Khó khăn, vướng mắc còn trống: ghi nội dung (hoặc “Không có khó khăn, vướng mắc.”) trước khi trình."
PROPOSALS_REQUIRED = (
    "Mục V. Kiến nghị, đề xuất còn trống: ghi nội dung (hoặc “Không có kiến nghị.”) trước khi trình Chủ tịch."
)
FIGURES_CHANGED = "Số liệu đã thay đổi từ khi trình: {changes}. Xem lại số liệu mới trên trang và bấm phê duyệt lần nữa nếu đồng ý."
CUTOFF_OUTSIDE_YEAR = "Ngày chốt số liệu phải trong năm của báo cáo ({year})."
CUTOFF_ONLY_ANNUAL = "Chỉ báo cáo năm có ngày chốt số liệu; báo cáo quý, 6 tháng tính đến hết kỳ."
DOCUMENT_NUMBER_REQUIRED = "Nhập số văn bản (phần số trong “Số: …/BC-UBND”)."
DOCUMENT_NUMBER_INVALID = "Số văn bản chỉ gồm chữ số, ví dụ 45."
ISSUED_ON_REQUIRED = "Nhập ngày ban hành."
ISSUED_ON_FUTURE = "Ngày ban hành không được sau hôm nay."
ISSUED_ON_BEFORE_PERIOD = "Ngày ban hành không được trước ngày bắt đầu kỳ báo cáo."

FORMAT_UNKNOWN = "Định dạng phải là pdf hoặc xlsx."

# Review result tables and the recognition decision (QĐ 24/2021/QĐ-TTg, TT 07/2021/TT-BLĐTBXH).
REVIEW_YEAR_NOT_APPROVED = (
    "Năm {year} chưa có đợt rà soát nào được Chủ tịch phê duyệt: chưa lập được biểu kết quả rà soát."
)
REVIEW_ROUND_NOT_APPROVED = "Đợt rà soát chưa được phê duyệt: chưa có quyết định công nhận và biểu kết quả."

ANNEX_TOO_LONG = (
    "Phụ lục có hơn {limit} hộ được hỗ trợ, quá dài để in thành một tệp PDF: tải “Danh sách hộ được hỗ trợ "
    "(Excel)” trên trang báo cáo tổng hợp (không giới hạn số hộ); PDF báo cáo vẫn tải được không kèm phụ lục."
)
# The province workbook (render_review --province) and the province roll-up.
PROVINCE_UNKNOWN = "Không có tỉnh/thành phố mã “{code}”."
PROVINCE_XLSX_ONLY = "Biểu tổng hợp của tỉnh chỉ xuất ra Excel (--format xlsx)."
PROVINCE_OR_COMMUNE = "Chỉ chọn một trong hai: --province (cả tỉnh) hoặc --commune (một xã, phường)."
PROVINCE_YEAR_UNKNOWN = "Năm phải là một số từ 2000 đến 2100."

# A background job rebuilds a document in its requester's scope at the time it runs.
MEETING_OUT_OF_SCOPE = "Người yêu cầu không (còn) được xem biên bản họp dân này."

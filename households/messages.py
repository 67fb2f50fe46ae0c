"""Vietnamese messages of the registry's services; tests import them instead of repeating the text."""

# Registry
NATIONAL_ID_FORMAT = "Số CCCD phải gồm đúng 12 chữ số."
NATIONAL_ID_USED = "Số CCCD này đã được dùng cho người khác."
HOUSEHOLD_CODE_USED = "Mã hộ này đã có trong xã."
NEIGHBORHOOD_OTHER_COMMUNE = "Khu phố không thuộc xã của hộ."
BIRTH_DATE_FUTURE = "Ngày sinh không được sau ngày hôm nay."
MEMBER_OTHER_COMMUNE = "Không thể chuyển thành viên sang hộ của xã khác."

# Review
INCOME_NEGATIVE = "Thu nhập không được âm."
SCORE_NEGATIVE = "Điểm không được âm."
INCOME_OR_SCORE_REQUIRED = "Nhập thu nhập bình quân hoặc điểm Phiếu B."
NO_STANDARD = "Chưa có chuẩn nghèo áp dụng cho năm {year}: quản trị viên cần thêm chuẩn nghèo."
NO_POINTS_LINE = "Chuẩn nghèo áp dụng cho năm {year} không có ngưỡng điểm Phiếu B: hãy nhập thu nhập."
UNKNOWN_INDICATOR = "Chỉ số thiếu hụt không thuộc chuẩn nghèo đang áp dụng: {code}."
ROUND_FROZEN = (
    "Đợt rà soát đã được phê duyệt hoặc đã hủy: kết quả không được sửa. Hãy mở đợt rà soát bổ sung."
)
ROUND_NOT_OPEN = "Đợt rà soát không ở trạng thái đang rà soát."
ROUND_IN_PROGRESS = "Đang có một đợt rà soát chưa phê duyệt: hoàn thành đợt đó trước khi mở đợt mới."
ROUND_EMPTY = "Đợt rà soát chưa có kết quả nào để trình."
ROUND_NOT_SUBMITTED = "Chỉ phê duyệt được đợt rà soát đã trình."
DECISION_NUMBER_REQUIRED = "Nhập số quyết định công nhận."
DECISION_DATE_REQUIRED = "Nhập ngày quyết định."
DECISION_DATE_FUTURE = "Ngày quyết định không được sau ngày hôm nay."
YEAR_RANGE = "Năm rà soát phải từ 2000 đến 2100."
HOUSEHOLD_OTHER_COMMUNE = "Hộ không thuộc xã của đợt rà soát."

# Round stages (QĐ 24/2021/QĐ-TTg Điều 4)
ROUND_NOT_MEETING = "Đợt rà soát không ở bước họp dân."
ROUND_NOT_POSTING = "Đợt rà soát không ở bước niêm yết công khai, giải quyết khiếu nại."
ROUND_NOT_SUBMITTABLE = "Đợt rà soát không ở bước trình được: chỉ trình sau khi niêm yết công khai (hoặc đợt nhập lịch sử đang mở)."
ROUND_CLOSED = "Đợt rà soát đã phê duyệt hoặc đã hủy."
ROUND_FUTURE_YEAR = "Không mở được đợt rà soát cho năm {year}: sau năm hiện tại ({current})."
HISTORY_REASON_REQUIRED = "Năm {year} đã qua: nhập lý do nhập đợt rà soát của năm trước (nhập lịch sử)."
CANCEL_REASON_REQUIRED = "Nhập lý do hủy đợt rà soát."
HISTORY_NEEDS_STAGES = "Đợt rà soát năm hiện tại phải qua họp dân và niêm yết công khai trước khi trình."
LIST_ONLY_WHILE_OPEN = "Chỉ thêm hộ vào danh sách khi đợt rà soát đang lập danh sách, điều tra."
HOUSEHOLD_ALREADY_LISTED = "Hộ {code} đã có trong danh sách rà soát."
NOTHING_SURVEYED = "Chưa có hộ nào được điều tra: chưa chuyển sang họp dân được."
NEIGHBORHOOD_OTHER_COMMUNE_ROUND = "Khu phố không thuộc xã của đợt rà soát."
MEETING_DATE_FUTURE = "Ngày họp không được sau ngày hôm nay."
MEETING_BEFORE_SURVEY = (
    "Ngày họp {held_on} trước ngày điều tra hộ {code} ({surveyed_on}): họp dân sau khi điều tra."
)
MEETING_NO_VOTES = "Nhập tỷ lệ đồng ý cho ít nhất một hộ đưa ra họp."
VOTE_PERCENT_RANGE = "Hộ {code}: tỷ lệ đồng ý phải từ 0 đến 100 %."
VOTE_NOT_READY = "Hộ {code} chưa điều tra hoặc không chờ họp dân trong khu phố này."
ATTENDANCE_REQUIRED = "Số người dự họp phải từ 1 trở lên."
MEETINGS_PENDING = "Còn {count} hộ đã điều tra chưa được họp dân thống nhất: {codes}."
POSTING_BEFORE_MEETING = "Ngày bắt đầu niêm yết phải từ ngày họp dân cuối cùng ({last}) trở đi."
POSTING_TOO_SHORT = (
    "Niêm yết phải đủ {days} ngày làm việc (QĐ 24/2021 Điều 4): bắt đầu {start} thì kết thúc sớm nhất {end}."
)
POSTING_START_REQUIRED = "Nhập ngày bắt đầu niêm yết."
POSTING_END_REQUIRED = "Nhập ngày kết thúc niêm yết."
POSTING_NOT_NEEDED = "Chưa có kết quả phúc tra nào làm thay đổi phân loại: không cần niêm yết lại."
POSTING_REASON_REQUIRED = "Nhập lý do niêm yết lại."
COMPLAINT_OUTSIDE_POSTING = (
    "Ngày nhận {received} ngoài thời gian niêm yết ({start} – {end}): không nhận khiếu nại."
)
COMPLAINT_FUTURE = "Ngày nhận khiếu nại không được sau ngày hôm nay."
COMPLAINT_NOT_PENDING = "Khiếu nại này đã có kết luận phúc tra."
RECHECK_BEFORE_RECEIPT = "Ngày phúc tra không được trước ngày nhận khiếu nại ({received})."
RECHECK_FUTURE = "Ngày phúc tra không được sau ngày hôm nay."
RECHECK_NOTE_REQUIRED = "Nhập kết luận phúc tra."
RECHECK_RESULT_REQUIRED = "Chọn kết quả phúc tra: khiếu nại đúng hoặc không đúng."
COMPLAINTS_PENDING = "Còn {count} khiếu nại chưa có kết luận phúc tra: {codes}."
POSTING_RUNNING = "Niêm yết lần {number} đến hết ngày {end}: chưa kết thúc."
REPOST_MISSING = "Kết quả phúc tra hộ {codes} đã thay đổi phân loại: phải niêm yết lại trước khi trình."
DECISION_BEFORE_POSTING_END = "Ngày quyết định phải sau ngày kết thúc niêm yết ({end})."
UNSURVEYED_CONFIRM = "Còn {count} hộ trong danh sách chưa điều tra: {codes}. Đánh dấu xác nhận để vẫn trình."
IMPORT_HISTORY_REASON = "Nhập kết quả rà soát năm {year} từ tệp Excel hộ gia đình."
SURVEY_NOT_ALLOWED = "Hộ {code} không ở bước được điều tra lại trong bước hiện tại của đợt rà soát."

# Workbook
FILE_TOO_LARGE = "Tệp quá lớn: tối đa {limit} MB."
FILE_NOT_XLSX = "Tệp không phải tệp Excel .xlsx đọc được."
FILE_UNPACKED_TOO_LARGE = "Tệp giải nén quá lớn (nghi là tệp độc hại): không đọc."
FILE_NO_ROWS = "Tệp không có dòng dữ liệu nào."
COLUMN_MISSING = 'Thiếu cột "{header}".'
CELL_REQUIRED = 'Dòng {row}, cột "{header}": không được để trống'
CELL_NOT_INTEGER = 'Dòng {row}, cột "{header}": phải là số nguyên ≥ 0'
CELL_NOT_POSITIVE = 'Dòng {row}, cột "{header}": phải là số nguyên ≥ 1'
CELL_YEAR_RANGE = 'Dòng {row}, cột "{header}": năm phải từ 2000 đến 2100'
CELL_INVISIBLE = 'Dòng {row}, cột "{header}": có ký tự ẩn (ký tự độ rộng 0 hoặc điều khiển chiều chữ)'
CELL_NATIONAL_ID = 'Dòng {row}, cột "{header}": số CCCD phải gồm đúng 12 chữ số'
CELL_FLAG = 'Dòng {row}, cột "{header}": chỉ ghi x, 1, có (thiếu hụt) hoặc để trống, 0, không'
CELL_CODE_REPEATED = 'Dòng {row}, cột "{header}": mã hộ {code} đã có ở dòng {first}'
CELL_NEIGHBORHOOD_UNKNOWN = 'Dòng {row}, cột "{header}": xã không có khu phố "{name}"'
CELL_NATIONAL_ID_USED = 'Dòng {row}, cột "{header}": số CCCD đã dùng cho hộ khác'
CELL_NO_STANDARD = 'Dòng {row}, cột "{header}": chưa có chuẩn nghèo cho năm {year}'
CELL_ROUND_FROZEN = 'Dòng {row}, cột "{header}": đợt rà soát năm {year} đã phê duyệt, không ghi đè được'
CELL_TOO_LONG = 'Dòng {row}, cột "{header}": dài quá {limit} ký tự'
ERRORS_GROUPED = "{count} dòng, {rest} (dòng {rows})"
IMPORT_EXPIRED = "Phiên nhập tệp đã hết hạn: hãy tải tệp lên lại."
IMPORT_FILE_CHANGED = "Tệp đã tải lên không còn như lúc xem trước: hãy tải tệp lên lại."
IMPORT_DATA_CHANGED = (
    "Dữ liệu hộ hoặc kết quả rà soát đã thay đổi sau khi xem trước: chưa nhập gì, hãy tải tệp lên lại "
    "để xem trước những gì sẽ thay đổi."
)
IMPORT_MANUAL_CONSENT = (
    "Tệp sẽ ghi đè {count} kết quả rà soát do cán bộ nhập tay: đánh dấu ô đồng ý ghi đè rồi xác nhận lại."
)
HEAD_ALREADY = "Hộ đã có chủ hộ ({name}): đổi quan hệ của người đó trước khi chọn chủ hộ mới."
HOUSEHOLD_CODE_NO_SUGGESTION = "Không gợi ý được mã hộ cho khu phố này: hãy nhập mã hộ."
EXPORT_ARGUMENTS = "Cần tên tệp và --year NĂM (hoặc --template TỆP để tải mẫu trống)."
COMMUNE_REQUIRED = "Có nhiều xã, phường, thị trấn trong cơ sở dữ liệu: hãy chọn một (--commune MÃ)."
COMMUNE_UNKNOWN = "Không có xã, phường, thị trấn mã “{code}”."
NO_COMMUNE = "Chưa có xã, phường, thị trấn nào trong cơ sở dữ liệu."

# Ongoing review (rà soát thường xuyên, QĐ 24/2021/QĐ-TTg Điều 5)
REQUEST_HOUSEHOLD_UNKNOWN = "Không có hộ mã “{code}” trong xã (hoặc hộ không thuộc khu phố bạn phụ trách)."
REQUEST_HOUSEHOLD_OTHER_COMMUNE = "Hộ không thuộc xã tiếp nhận giấy đề nghị."
REQUEST_RECEIVED_FUTURE = "Ngày nhận giấy đề nghị không được sau ngày hôm nay."
REQUEST_LEAVE_NOT_LISTED = (
    "Hộ không thuộc danh sách hộ nghèo, hộ cận nghèo: không đề nghị thoát nghèo (Mẫu số 04) được. "
    "Chọn Mẫu số 01 nếu hộ đề nghị được rà soát."
)
REQUEST_PENDING_EXISTS = "Hộ này đã có giấy đề nghị đang xử lý (nhận ngày {date}): xử lý xong giấy đó trước."
REQUEST_SURVEY_BEFORE_RECEIPT = "Ngày rà soát không được trước ngày nhận giấy đề nghị ({date})."
REQUEST_SURVEY_FUTURE = "Ngày rà soát không được sau ngày hôm nay."
REQUEST_POSTING_BEFORE_SURVEY = "Ngày bắt đầu niêm yết không được trước ngày rà soát ({date})."
REQUEST_POSTING_FUTURE = "Ngày bắt đầu niêm yết không được sau ngày hôm nay."
REQUEST_POSTING_TOO_SHORT = (
    "Thời gian niêm yết phải đủ {days} ngày làm việc: niêm yết từ {start} thì kết thúc sớm nhất ngày {end}."
)
REQUEST_DECISION_BEFORE_POSTING_ENDS = "Ngày quyết định phải sau ngày kết thúc niêm yết ({date})."
REQUEST_DECISION_POSTING_RUNNING = "Chưa hết thời gian niêm yết (đến hết ngày {date}): chưa quyết định được."
REQUEST_ROUND_NOTE = "Rà soát thường xuyên: hộ {code}, giấy đề nghị nhận ngày {date}."

# Dated commune identity and mergers (Luật Tổ chức chính quyền địa phương 2025; NQ của UBTVQH về sắp xếp)
IDENTITY_OVERLAP = (
    "Thời kỳ từ {start} đến {end} trùng với tên gọi “{name}” ({span}): mỗi ngày chỉ có một tên gọi."
)
IDENTITY_RENAME_NOT_AFTER = "Ngày đổi tên ({date}) phải sau ngày bắt đầu của tên gọi hiện tại ({start})."
IDENTITY_NAME_REQUIRED = "Tên mới không được để trống."
DOCUMENT_BEFORE_COMMUNE = (
    "Văn bản ngày {date} có trước ngày thành lập {name} ({established}): đơn vị chưa tồn tại vào ngày đó."
)
MERGER_NO_PREDECESSOR = "Các đơn vị trước sắp xếp: chọn ít nhất một đơn vị."
MERGER_SUCCESSOR_AMONG_PREDECESSORS = (
    "Đơn vị sau sắp xếp ({name}) không được nằm trong các đơn vị trước sắp xếp."
)
MERGER_PREDECESSOR_ALREADY_MERGED = (
    "Các đơn vị trước sắp xếp: {name} đã được sắp xếp vào {successor} từ ngày {date} (Nghị quyết {number})."
)
MERGER_SAME_DATE = "Ngày hiệu lực: {name} đã có một sắp xếp khác có hiệu lực cùng ngày {date}."
MERGER_BEFORE_ESTABLISHED = "Ngày hiệu lực ({date}) phải sau ngày thành lập của {name} ({established})."
MERGER_RESOLUTION_REQUIRED = "Số nghị quyết: không được để trống."
MERGER_RESOLUTION_AFTER_EFFECT = "Ngày nghị quyết ({resolution}) không được sau ngày hiệu lực ({effective})."
MERGER_SUCCESSOR_DATA = "Đơn vị sau sắp xếp: {errors}"
MERGER_NEIGHBORHOOD_UNKNOWN = "Bảng ghép khu phố: không có khu phố “{name}” trong các đơn vị trước sắp xếp."
MERGER_HISTORY_REASON = "Sáp nhập vào {successor} từ ngày {date} theo Nghị quyết {number}"
SEARCH_SHORT = (
    "Từ khóa dưới 3 chữ cái được tìm ở đầu từ: «{term}» tìm các tên, mã có một từ bắt đầu bằng «{term}»."
)

"""The 2024 plan's structured parts as data, in the order of the document: the bases, the components'
leads and deadlines, the assignments of section VI with their duties, the reporting rules of section VII
and the recipients; ``plan_builder`` loads them."""

import datetime

from programs.models import (
    ReportingPeriodCode,
)
from thoxuan_gnbv.models import Role

ASSIGNMENT_DUTIES = [
    (
        "- Xây dựng kế hoạch tổ chức triển khai thực hiện dự án, tiểu dự án thuộc Chương trình MTQG "
        "giảm nghèo bền vững năm 2024. Thực hiện tốt công tác thông tin, tin truyền các chủ trương, "
        "đường lối, chính sách của Nhà nước trong công tác giảm nghèo; các dự án tiểu dự án thuộc "
        "Chương trình MTQG giảm nghèo bền vững.\n"
        "- Tham mưu cho UBND thị trấn vận động, huy động các nguồn lực của địa phương bằng nhiều hình"
        " thức như: ủng hộ cơ sở vật chất, ngày công lao động, vốn, kinh nghiệm sản xuất... giúp đỡ "
        "người nghèo khắc phục khó khăn vươn lên thoát nghèo; sử dụng khai thác có hiệu quả tiềm năng"
        " thế mạnh của địa phương phục vụ cho công tác giảm nghèo.\n"
        "- Tham mưu cho UBND thị trấn chỉ đạo, tổ chức, triển khai thực hiện các dự án, tiểu dự án "
        "thuộc Chương trình MTQG giảm nghèo bền vững trên địa bàn theo đúng quy định của pháp luật và"
        " hướng dẫn của UBND tỉnh, Sở, ngành chuyên môn cấp tỉnh, UBND huyện và các phòng, ngành "
        "chuyên môn cấp huyện.\n"
        "- Tham mưu cho UBND thị trấn tổ chức kiểm tra, giám sát kết quả thực hiện chính sách giảm "
        "nghèo, các Chương trình MTQG ở địa phương, như: dự án đa dạng hóa sinh kế, hỗ trợ phát triển"
        " sản xuất trong lĩnh vực nông nghiệp, thu thập dữ liệu lao động, thống kê nhu cầu học nghề "
        "của người lao động và công tác điều tra rà soát hộ nghèo, hộ cận nghèo hàng năm.\n"
        "- Phối hợp với các ngành, đơn vị liên quan, các khu phố tổ chức thực hiện các dự án, tiểu dự"
        " án thành phần thuộc chương trình;\n"
        "- Phối hợp với công chức kế toán lập dự toán nhu cầu kinh phí thực hiện Chương trình trình "
        "Chủ tịch UBND thị trấn phê duyệt khi có nguồn phân bổ của Huyện;\n"
        "- Tổng hợp kết quả của các ngành đơn vị được giao chủ trì thực hiện dự án, tiểu dự án báo "
        "cáo UBND huyện, Phòng Lao động - Thương binh và Xã hội theo quy định."
    ),
    (
        "- Chủ trì, phối hợp với các ngành, đơn vị liên quan tổ chức thực hiện Tiểu dự án 1 thuộc Dự "
        "án 3 - Hỗ trợ phát triển sản xuất thuộc lĩnh vực nông nghiệp; tổ chức thực hiện tiểu dự án "
        "được phân công.\n"
        "- Kiểm tra, giám sát, đánh giá và tổng hợp kết quả thực hiện báo cáo UBND huyện qua phòng "
        "Nông nghiệp và PTNN huyện theo quy định."
    ),
    (
        "- Chủ trì, phối hợp với Trung tâm Y tế huyện triển khai thực hiện Tiểu dự án 2, thuộc dự án "
        "3 - Cải thiện dinh dưỡng, tổ chức thực hiện đảm bảo theo quy định của pháp luật có liên "
        "quan.\n"
        "- Kiểm tra, giám sát, đánh giá và tổng hợp kết quả thực hiện báo cáo UBND thị trấn, Trung "
        "tâm y tế huyện theo quy định."
    ),
    (
        "- Chủ trì tham mưu UBND thị trấn thực hiện Tiểu dự án 1, thuộc Dự án 6: giảm nghèo về thông "
        "tin đảm bảo theo quy định; tăng cường công tác thông tin, tuyên truyền các chính sách về "
        "giảm nghèo; thông tin, tuyên truyền các tổ chức, cá nhân, mô hình phát triển sản xuất có "
        "hiệu quả; biểu dương những tấm gương vượt khó vươn lên thoát nghèo.\n"
        "- Tổ chức triển khai thực hiện giảm nghèo về thông tin theo quy định của pháp luật có liên "
        "quan và hướng dẫn của Phòng Văn hóa – thông tin.\n"
        "- Kiểm tra, giám sát, đánh giá và tổng hợp kết quả thực hiện báo cáo UBND huyện qua phòng "
        "Văn hóa – thông tin."
    ),
    (
        "- Tham mưu cho UBND thị trấn bố trí nguồn kinh phí đảm bảo các hoạt động của Chương trình; "
        "hướng dẫn, theo dõi, kiểm tra, giám sát sử dụng kinh phí hỗ trợ thực hiện dự án thuộc Chương"
        " trình MTQG giảm nghèo bền vững trên địa bàn."
    ),
    ("Tổ chức thực hiện các dự án chương trình được triển khai theo hướng dẫn của UBND thị trấn Thọ Xuân."),
    (
        "- Tuyên truyền, vận động các tổ chức, doanh nghiệp, đoàn viên, hội viên và Nhân dân hưởng "
        'ứng, tích cực tham gia phong trào "Chung tay vì người nghèo - Không để ai bị bỏ lại phía '
        'sau", Tiếp tục đẩy mạnh thực hiện cuộc vận động "Ngày vì người nghèo", "Toàn dân đoàn kết '
        'xây dựng đô thị văn minh"; Vận động các tổ chức, cá nhân tham gia ủng hộ "Quỹ vì người '
        'nghèo" giúp đỡ hộ nghèo, hộ cận nghèo, khắc phục các nguyên nhân vươn lên thoát nghèo bền '
        "vững;\n"
        "- Tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tham gia thực hiện Chương trình; "
        "tăng cường giám sát quá trình tổ chức thực hiện Chương trình trên địa bàn."
    ),
]


# kind, number, date, issuer, subject — the source's "Thực hiện …" sentence, one document each.
LEGAL_BASES = [
    (
        "Kế hoạch",
        "101/KH-UBND",
        datetime.date(2024, 4, 11),
        "UBND huyện Thọ Xuân",
        "về triển khai thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024 trên địa bàn huyện",
    ),
    (
        "Quyết định",
        "03/QĐ-UBND",
        datetime.date(2024, 1, 10),
        "UBND huyện Thọ Xuân",
        "về việc ban hành Kế hoạch hành động thực hiện Kế hoạch của UBND huyện",
    ),
    (
        "Nghị quyết",
        "",
        None,
        "Ban Chấp hành Đảng bộ thị trấn, HĐND thị trấn",
        "về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh năm 2024",
    ),
]


# (project, sub-project) → lead unit (short name), advising role, partner units, deadline, funding text
COMPONENT_LEADS = {
    (2, None): ("UBND thị trấn", Role.LABOUR_OFFICER, [], datetime.date(2024, 12, 31), None),
    (3, 1): ("UBND thị trấn", Role.AGRICULTURE_OFFICER, [], datetime.date(2024, 12, 31), None),
    (3, 2): (
        "Trạm y tế thị trấn",
        Role.HEALTH_STATION,
        ["Các trường học"],
        datetime.date(2024, 9, 30),
        "Theo phân bổ của huyện.",
    ),
    (4, 1): ("UBND thị trấn", Role.LABOUR_OFFICER, [], datetime.date(2024, 12, 31), None),
    (4, 3): ("UBND thị trấn", Role.LABOUR_OFFICER, [], datetime.date(2024, 12, 31), None),
    (6, 1): ("UBND thị trấn", Role.CULTURE_OFFICER, [], datetime.date(2024, 12, 31), None),
    (6, 2): ("UBND thị trấn", Role.LABOUR_OFFICER, [], datetime.date(2024, 12, 31), None),
    (7, 1): ("UBND thị trấn", Role.LABOUR_OFFICER, [], datetime.date(2024, 12, 31), None),
    (7, 2): ("UBND thị trấn", Role.LABOUR_OFFICER, ["MTTQ thị trấn"], datetime.date(2024, 12, 31), None),
}


DEFAULT_FUNDING = "Theo phân bổ của UBND huyện."


# heading, unit (short name) or None, role — duties in ASSIGNMENT_DUTIES, same order
ASSIGNMENTS = [
    ("Công chức phụ trách Lao động - Thương binh và Xã hội", "UBND thị trấn", Role.LABOUR_OFFICER),
    ("Công chức địa chính – nông nghiệp", "UBND thị trấn", Role.AGRICULTURE_OFFICER),
    ("Trạm y tế thị trấn", "Trạm y tế thị trấn", Role.HEALTH_STATION),
    ("Phòng Văn hóa - Thông tin", "UBND thị trấn", Role.CULTURE_OFFICER),
    ("Công chức Kế toán", "UBND thị trấn", Role.ACCOUNTANT),
    ("Các khu phố", "Các khu phố", Role.NEIGHBORHOOD_HEAD),
    (
        "Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
        "MTTQ thị trấn",
        Role.FATHERLAND_FRONT,
    ),
]


# Section VII: quarterly before the 15th of the quarter's last month, 6-month before 20/6, annual before 10/12.
REPORTS_TO = "UBND thị trấn qua công chức phụ trách Lao động - Thương binh và Xã hội"


REPORTING_RULES = [
    (ReportingPeriodCode.Q1, datetime.date(2024, 3, 15)),
    (ReportingPeriodCode.Q2, datetime.date(2024, 6, 15)),
    (ReportingPeriodCode.H1, datetime.date(2024, 6, 20)),
    (ReportingPeriodCode.Q3, datetime.date(2024, 9, 15)),
    (ReportingPeriodCode.YEAR, datetime.date(2024, 12, 10)),
    (ReportingPeriodCode.Q4, datetime.date(2024, 12, 15)),
]


RECIPIENTS = [
    "UBND huyện (B/c)",
    "Phòng Lao động – TBXH (B/c)",
    "Thường trực Đảng ủy, HĐND (B/c)",
    "UBMTTQ và các đoàn thể",
    "Thành viên BCĐ thực hiện dự án",
    "Các khu trưởng",
]

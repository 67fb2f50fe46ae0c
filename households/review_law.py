"""The legal figures of the periodic review round, in one place, each with its source.

QĐ 24/2021/QĐ-TTg (16/7/2021), Điều 3–4: the steps of the yearly review. What could not be read in the
text itself is marked "cần xác nhận" (to be confirmed against the official gazette): the portal shows
these figures on the round page, so a correction is one line here.
"""

import datetime
from dataclasses import dataclass

# Điều 3 khoản 1 điểm a: the periodic review runs from 01/9 to the end of 14/12 each year.
PERIODIC_START = (9, 1)
PERIODIC_END = (12, 14)

# Điều 4 khoản 2 (họp dân): the result is agreed when at least 50 % of those attending agree; below
# that the household is surveyed again and discussed at a new meeting. The khu phố head chairs, the
# commune Fatherland Front (MTTQ) is invited to supervise, the minutes are made in 02 copies.
MEETING_AGREEMENT_MIN_PERCENT = 50
MINUTES_COPIES = 2

# Điều 4 khoản 3 (niêm yết): the result is posted at the khu phố cultural house and the commune
# office for 03 working days (cần xác nhận: read in secondary sources, not in the gazette text).
POSTING_WORKING_DAYS = 3
POSTING_PLACES = "Nhà văn hóa khu phố và trụ sở Ủy ban nhân dân xã"

# Điều 4 khoản 3: a complaint received during the posting is re-checked (phúc tra) by the commune
# steering committee; 05 working days from receipt (cần xác nhận), and a result that changes a
# classification is posted again.
RECHECK_WORKING_DAYS = 5

# Điều 4 khoản 4 asked the opinion of the district chairman before the commune chairman's decision.
# The district level ended on 01/7/2025 (Luật Tổ chức chính quyền địa phương 2025; TT 13/2025/TT-BNNMT,
# in force 01/7/2025, divides the poverty-reduction powers between province and commune): from then on
# the commune chairman decides without that step (cần xác nhận: the article of TT 13/2025 naming it).
DISTRICT_LEVEL_ENDED = datetime.date(2025, 7, 1)


@dataclass(frozen=True)
class StageRule:
    """One stage of the round as the page shows it: who acts, what is recorded, its deadline."""

    status: str
    title: str
    who: str
    records: str
    deadline: str


def district_opinion_note(decided_on: datetime.date | None) -> str:
    """Whether the decision still needed the district chairman's opinion (before 01/7/2025)."""
    if decided_on is not None and decided_on < DISTRICT_LEVEL_ENDED:
        return (
            "Trước khi quyết định: báo cáo, xin ý kiến Chủ tịch UBND cấp huyện (QĐ 24/2021 Điều 4 khoản 4)."
        )
    return (
        "Từ 01/7/2025 không còn cấp huyện: Chủ tịch UBND xã quyết định công nhận, không xin ý kiến "
        "cấp huyện (TT 13/2025/TT-BNNMT – cần xác nhận điều khoản)."
    )


def periodic_window(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, *PERIODIC_START), datetime.date(year, *PERIODIC_END)


# TT 07/2021/TT-BLĐTBXH (sửa đổi bởi TT 02/2022/TT-BLĐTBXH), Phụ lục I – Phiếu A "Phiếu nhận dạng nhanh
# đặc điểm hộ gia đình": a household showing clear signs of a living standard above the line is recognised
# as not poor without the Phiếu B survey. The criteria and the threshold below are reconstructed from the
# form's structure (cần xác nhận: wording and counts not read in the gazette text, VBHN 1315/VBHN-BLĐTBXH).
PHIEU_A_GROUP_1 = (
    ("g1_salary", "Có thành viên hưởng lương từ ngân sách nhà nước hoặc lương hưu (cần xác nhận)"),
    ("g1_car", "Có ô tô (trừ xe dùng để chở khách, chở hàng sinh kế) (cần xác nhận)"),
    ("g1_house", "Có nhà ở kiên cố diện tích bình quân từ 30 m²/người trở lên (cần xác nhận)"),
    ("g1_business", "Có cơ sở sản xuất, kinh doanh, dịch vụ thuê lao động thường xuyên (cần xác nhận)"),
)
PHIEU_A_GROUP_2 = (
    ("g2_fridge", "Có tủ lạnh (cần xác nhận)"),
    ("g2_aircon", "Có máy điều hòa nhiệt độ (cần xác nhận)"),
    ("g2_washer", "Có máy giặt (cần xác nhận)"),
    ("g2_motorbike", "Có từ 02 xe máy trở lên (cần xác nhận)"),
    ("g2_computer", "Có máy vi tính, máy tính xách tay (cần xác nhận)"),
    ("g2_water_heater", "Có bình nước nóng (cần xác nhận)"),
)
# Phiếu A, hướng dẫn ghi phiếu: one criterion of group 1, or at least 3 of group 2, and the household
# stops at Phiếu A — "không nghèo, không cần Phiếu B" (cần xác nhận: the counts).
PHIEU_A_GROUP_1_MIN = 1
PHIEU_A_GROUP_2_MIN = 3

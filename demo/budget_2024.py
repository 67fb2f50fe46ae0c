"""Demo budget of 2024: the district's allocations by component, the commune's approved estimate with its
lines, and the disbursements the support and activities of ``delivery_2024`` draw on its lines."""

import datetime
from zoneinfo import ZoneInfo

from programs.models import Estimate, FundingSource
from programs.services import budget
from thoxuan_gnbv import workflow

YEAR = 2024


ALLOCATION_DECISION = ("03/QĐ-UBND", datetime.date(2024, 1, 10))  # the district's allocation decision


# code → (central, local) allocated in đồng
ALLOCATIONS = {
    "2": (180_000_000, 20_000_000),
    "3.1": (240_000_000, 30_000_000),
    "3.2": (45_000_000, 5_000_000),
    "4.1": (60_000_000, 0),
    "4.3": (30_000_000, 0),
    "6.1": (25_000_000, 5_000_000),
    "6.2": (20_000_000, 5_000_000),
    "7.1": (15_000_000, 0),
    "7.2": (10_000_000, 2_000_000),
}


# code → estimate line content
LINE_CONTENT = {
    "2": "Hỗ trợ mô hình giảm nghèo nuôi bò sinh sản (vốn luân chuyển)",
    "3.1": "Hỗ trợ giống, vật tư phát triển sản xuất nông nghiệp",
    "3.2": "Hỗ trợ dinh dưỡng trẻ em, bà mẹ; truyền thông dinh dưỡng",
    "4.1": "Đào tạo nghề ngắn hạn cho lao động",
    "4.3": "Tư vấn, giới thiệu việc làm, phiên giao dịch việc làm",
    "6.1": "Phát thanh, tài liệu, thiết bị thông tin cơ sở",
    "6.2": "Truyền thông về giảm nghèo đa chiều",
    "7.1": "Tập huấn nâng cao năng lực cán bộ",
    "7.2": "Kiểm tra, giám sát, đánh giá",
}


def _seed_budget(commune, components, users) -> dict:
    accountant, chairman = users["ketoan"], users["chutich"]
    number, decided = ALLOCATION_DECISION
    for code, (central, local) in ALLOCATIONS.items():
        for source, amount in ((FundingSource.CENTRAL, central), (FundingSource.LOCAL, local)):
            if amount and code in components:
                budget.allocation_record(
                    component=components[code],
                    source=source,
                    amount=amount,
                    decision_number=number,
                    decision_date=decided,
                    user=accountant,
                )
    estimate = budget.estimate_create(
        commune=commune,
        year=YEAR,
        title="Dự toán chi thực hiện Chương trình MTQG giảm nghèo bền vững năm 2024",
        user=accountant,
    )
    lines = {}
    for code, (central, local) in ALLOCATIONS.items():
        if code not in components:
            continue
        lines[code] = budget.estimate_line_add(
            estimate=estimate,
            component=components[code],
            source=FundingSource.CENTRAL,
            content=LINE_CONTENT[code],
            amount=central,
            user=accountant,
        )
        if local:
            budget.estimate_line_add(
                estimate=estimate,
                component=components[code],
                source=FundingSource.LOCAL,
                content=f"{LINE_CONTENT[code]} (ngân sách thị trấn)",
                amount=local,
                user=accountant,
            )
    budget.estimate_submit(estimate=estimate, user=accountant)
    budget.estimate_approve(estimate=estimate, user=chairman)
    # The services stamp "now"; the demo tells the 2024 story, so the workflow dates are set back to
    # January 2024 (a direct update: the estimate is frozen for every ordinary path).
    with workflow.seeding():
        Estimate.objects.filter(pk=estimate.pk).update(
            submitted_at=_moment(2024, 1, 22, 9), approved_at=_moment(2024, 1, 25, 15)
        )
    _seed_supplement(commune, components, users)
    return lines


# A supplementary allocation in July, and the estimate drawing on it that waits on the chairman's desk:
# its page compares each line with the allocation and what the approved estimate already holds.
SUPPLEMENT_DECISION = ("27/QĐ-UBND", datetime.date(2024, 7, 15))
SUPPLEMENT = {  # code → (source, allocated, estimated, content)
    "3.1": (FundingSource.CENTRAL, 20_000_000, 18_000_000, "Hỗ trợ vật tư chăn nuôi vụ thu đông"),
    "6.2": (FundingSource.LOCAL, 3_000_000, 3_000_000, "In tờ rơi truyền thông giảm nghèo đa chiều"),
}


def _seed_supplement(commune, components, users) -> None:
    accountant = users["ketoan"]
    number, decided = SUPPLEMENT_DECISION
    estimate = budget.estimate_create(
        commune=commune, year=YEAR, title="Dự toán bổ sung kinh phí đợt 2 năm 2024", user=accountant
    )
    for code, (source, allocated, estimated, content) in SUPPLEMENT.items():
        if code not in components:
            continue
        budget.allocation_record(
            component=components[code],
            source=source,
            amount=allocated,
            decision_number=number,
            decision_date=decided,
            note="Bổ sung kinh phí",
            user=accountant,
        )
        budget.estimate_line_add(
            estimate=estimate,
            component=components[code],
            source=source,
            content=content,
            amount=estimated,
            user=accountant,
        )
    if estimate.lines.exists():
        budget.estimate_submit(estimate=estimate, user=accountant)
        with workflow.seeding():
            Estimate.objects.filter(pk=estimate.pk).update(submitted_at=_moment(2024, 7, 22, 10))


def _moment(year, month, day, hour) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _disburse(line, amount, voucher, payee, paid_on, users):
    amount = min(amount, line.remaining)
    if amount <= 0:
        return None
    disbursement = budget.disbursement_record(
        line=line, paid_on=paid_on, amount=amount, voucher_number=voucher, payee=payee, user=users["ketoan"]
    )
    line.refresh_from_db()
    return disbursement

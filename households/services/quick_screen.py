"""Phiếu A, the quick screen (TT 07/2021/TT-BLĐTBXH Phụ lục I, sửa đổi bởi TT 02/2022): record the
criteria a listed household has and decide whether it is recognised as not poor without Phiếu B."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from households.models import QuickScreen, ReviewRound, RoundHousehold, RoundStatus
from households.review_law import (
    PHIEU_A_GROUP_1,
    PHIEU_A_GROUP_1_MIN,
    PHIEU_A_GROUP_2,
    PHIEU_A_GROUP_2_MIN,
)
from thoxuan_gnbv.statuses import HouseholdStage

GROUP_1 = {code for code, _ in PHIEU_A_GROUP_1}
GROUP_2 = {code for code, _ in PHIEU_A_GROUP_2}


def screens_out(criteria) -> bool:
    """Enough signs of a living standard above the line: not poor, no Phiếu B needed."""
    chosen = set(criteria)
    return len(chosen & GROUP_1) >= PHIEU_A_GROUP_1_MIN or len(chosen & GROUP_2) >= PHIEU_A_GROUP_2_MIN


@transaction.atomic
def quick_screen_record(
    *, entry: RoundHousehold, criteria, screened_on: datetime.date, user, today: datetime.date
) -> QuickScreen:
    """Record (or correct) the household's Phiếu A while the round is open and before its Phiếu B."""
    review_round = ReviewRound.objects.select_for_update().get(pk=entry.round_id)
    entry = RoundHousehold.objects.get(pk=entry.pk)
    if not review_round.uses_quick_screen:
        raise ValidationError("Đợt rà soát này không dùng Phiếu A (nhận dạng nhanh).")
    if review_round.status != RoundStatus.OPEN or review_round.is_history:
        raise ValidationError("Chỉ ghi Phiếu A khi đợt rà soát đang ở bước lập danh sách, điều tra.")
    if entry.stage != HouseholdStage.TO_SURVEY:
        raise ValidationError("Hộ đã được điều tra bằng Phiếu B, không ghi Phiếu A nữa.")
    unknown = set(criteria) - GROUP_1 - GROUP_2
    if unknown:
        raise ValidationError({"criteria": "Tiêu chí Phiếu A không hợp lệ: " + ", ".join(sorted(unknown))})
    if screened_on > today:
        raise ValidationError({"screened_on": "Ngày nhận dạng không được sau ngày hôm nay."})
    if screened_on.year != review_round.year:
        raise ValidationError({"screened_on": f"Ngày nhận dạng phải thuộc năm rà soát {review_round.year}."})
    screen, _ = QuickScreen.objects.update_or_create(
        entry=entry,
        defaults={
            "criteria": sorted(set(criteria)),
            "screened_on": screened_on,
            "screened_out": screens_out(criteria),
            "screened_by": user,
        },
    )
    return screen

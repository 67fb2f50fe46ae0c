"""Phiếu A (TT 07/2021/TT-BLĐTBXH Phụ lục I): the quick screen of one household on a round's list,
where the commune screens first. The criteria ticked decide whether the household needs Phiếu B."""

from django.db import models

from households.models.review_stages import RoundHousehold
from thoxuan_gnbv.workflow import Freezable, FrozenQuerySet, actor_field


class QuickScreen(Freezable, models.Model):
    frozen_parent = "entry__round"

    entry = models.OneToOneField(
        RoundHousehold, on_delete=models.CASCADE, related_name="quick_screen", verbose_name="hộ cần rà soát"
    )
    criteria = models.JSONField("tiêu chí hộ có", default=list, blank=True)
    screened_on = models.DateField("ngày nhận dạng")
    screened_out = models.BooleanField("không nghèo, không cần Phiếu B", default=False)
    screened_by = actor_field("người ghi phiếu")

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "Phiếu A (nhận dạng nhanh)"
        verbose_name_plural = "Phiếu A (nhận dạng nhanh)"

    def __str__(self):
        return f"Phiếu A hộ {self.entry.household_id} ngày {self.screened_on:%d/%m/%Y}"

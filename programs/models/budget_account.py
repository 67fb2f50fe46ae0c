"""The running money of one component and funding source in one commune's year (sổ theo dõi kinh phí):
what was allocated to it and what was paid out of it, on one row.

One row per (commune, year, component, source) is what lets the database itself refuse a payment past
the allocation: the services lock this row (``SELECT … FOR UPDATE``) before they compare, and the
``budget_account_no_overdraft`` constraint refuses a total paid above the allocated total even where a
check was slipped past (Luật NSNN 2015, Điều 12 khoản 2: no spending beyond the allocated estimate). A
component is keyed by its code ("3.1") so the amended versions of a year's plan share one account."""

from django.db import models
from django.db.models import F, Q, Sum

from programs.models.budget import FundingSource


def code_filter(code: str, prefix: str = "") -> dict:
    """Filter arguments matching a component code: "3.1" is Dự án 3 – Tiểu dự án 1, "2" is Dự án 2
    without a sub-project; ``prefix`` is the path to the component ("line__component__")."""
    project, _, subproject = code.partition(".")
    if subproject:
        return {f"{prefix}project__number": int(project), f"{prefix}subproject__number": int(subproject)}
    return {f"{prefix}project__number": int(project), f"{prefix}subproject__isnull": True}


class BudgetAccount(models.Model):
    commune = models.ForeignKey(
        "households.Commune", on_delete=models.PROTECT, related_name="+", verbose_name="xã/phường/thị trấn"
    )
    year = models.PositiveSmallIntegerField("năm")
    component_code = models.CharField("dự án/tiểu dự án", max_length=10)
    source = models.CharField("nguồn vốn", max_length=20, choices=FundingSource.choices)
    allocated = models.PositiveBigIntegerField("được phân bổ (đồng)", default=0)
    disbursed = models.PositiveBigIntegerField("đã giải ngân (đồng)", default=0)
    # Payments recorded past the allocation before this cap existed stay as found (and are flagged on
    # the budget page); no new payment can add to them, because the services compare with ``allocated``.
    overrun_before_cap = models.PositiveBigIntegerField("vượt phân bổ từ trước (đồng)", default=0)

    class Meta:
        verbose_name = "sổ theo dõi kinh phí"
        verbose_name_plural = "sổ theo dõi kinh phí"
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "year", "component_code", "source"], name="budget_account_unique"
            ),
            # What is paid out of a component and source never exceeds what was allocated to it.
            models.CheckConstraint(
                condition=Q(disbursed__lte=F("allocated") + F("overrun_before_cap")),
                name="budget_account_no_overdraft",
            ),
        ]

    def __str__(self):
        return f"{self.component_code} – {self.get_source_display()} ({self.year})"

    @property
    def available(self) -> int:
        """What may still be paid out (never negative)."""
        return max(self.allocated - self.disbursed, 0)

    @classmethod
    def sync_allocated(cls, *, commune_id: int, year: int, code: str, source: str) -> None:
        """Recompute the allocated total of one account from its Allocation rows (self-healing: the
        total is summed again, never incremented)."""
        from programs.models.budget import Allocation

        total = (
            Allocation.objects.filter(
                component__plan__commune_id=commune_id,
                component__plan__year=year,
                source=source,
                **code_filter(code, "component__"),
            ).aggregate(total=Sum("amount"))["total"]
            or 0
        )
        account, created = cls.objects.select_for_update().get_or_create(
            commune_id=commune_id,
            year=year,
            component_code=code,
            source=source,
            defaults={"allocated": total},
        )
        if not created and account.allocated != total:
            cls.objects.filter(pk=account.pk).update(allocated=total)

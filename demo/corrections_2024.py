"""Corrections in the 2024 demo, through the services: an officer's own edit and void after the
half-year (applied at once), a support of quý II — already in an accepted report — waiting for the
chairman, and a payment voucher of quý I corrected with the vice chairman's approval. Safe to re-run."""

import datetime

from django.utils import timezone

from programs.models import Activity, Correction, Disbursement, Plan, Support
from programs.services.corrections import correction_approve, correction_edit, correction_void
from thoxuan_gnbv.formatting import format_number
from thoxuan_gnbv.workflow import seeding

YEAR = 2024


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _backdate(correction: Correction, day: datetime.date, decided: datetime.date | None = None) -> None:
    with seeding():
        values = {"requested_at": _at(day)}
        if decided:
            values["decided_at"] = _at(decided, 15)
        Correction.objects.filter(pk=correction.pk).update(**values)
        correction.transitions.update(at=_at(decided or day, 15))


def seed_corrections_2024(commune, users) -> int:
    plan = Plan.objects.approved_for(commune, YEAR)
    if plan is None or Correction.objects.filter(commune=commune).exists():
        return 0
    farming = Support.objects.filter(
        component__plan=plan, component__subproject__number=1, component__project__number=3
    )
    count = 0
    late = farming.filter(supported_on__gte=datetime.date(YEAR, 7, 1)).order_by("supported_on", "pk").first()
    if late is not None:
        quantity = max(late.quantity - 5, 1)
        correction = correction_edit(
            kind="support",
            obj=late,
            values={"quantity": quantity},
            reason=f"Biên bản giao nhận ghi {format_number(quantity)} {late.unit}, nhập nhầm "
            f"{format_number(late.quantity)} khi ghi nhận.",
            user=users["nongnghiep"],
        )
        _backdate(correction, late.supported_on + datetime.timedelta(days=3))
        count += 1
    reported = farming.filter(supported_on__range=(datetime.date(YEAR, 4, 1), datetime.date(YEAR, 6, 30)))
    for n, support in enumerate(reported.exclude(central_amount=0).order_by("supported_on", "pk")[:2]):
        correction = correction_edit(
            kind="support",
            obj=support,
            values={"central_amount": support.central_amount - 200_000},
            reason="Phiếu chi thực tế thấp hơn 200.000 đ so với số đã ghi (giá giống giảm khi giao).",
            user=users["nongnghiep"],
        )
        # The first was approved by the vice chairman; the second still waits on the chairman's page.
        if n == 0 and correction.is_pending:
            correction = correction_approve(correction=correction, user=users["phochutich"])
            _backdate(correction, datetime.date(YEAR, 7, 8), decided=datetime.date(YEAR, 7, 10))
        else:
            _backdate(correction, datetime.date(YEAR, 7, 15))
        count += 1
    activity = Activity.objects.filter(component__plan=plan, held_on__gte=datetime.date(YEAR, 7, 1)).first()
    if activity is not None:
        correction = correction_void(
            kind="activity",
            obj=activity,
            reason="Ghi trùng: hoạt động này đã được ghi nhận một lần trong cùng ngày.",
            user=activity.recorded_by,
        )
        _backdate(correction, activity.held_on + datetime.timedelta(days=2))
        count += 1
    paid = Disbursement.objects.filter(line__estimate__commune=commune).order_by("paid_on", "pk").first()
    if paid is not None:
        correction = correction_edit(
            kind="disbursement",
            obj=paid,
            values={"voucher_number": f"{paid.voucher_number}A"},
            reason="Số phiếu chi ghi thiếu ký hiệu “A” so với chứng từ gốc lưu tại bộ phận kế toán.",
            user=users["ketoan"],
        )
        _backdate(correction, paid.paid_on + datetime.timedelta(days=5))
        count += 1
    return count

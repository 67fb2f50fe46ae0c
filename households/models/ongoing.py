"""The ongoing review (rà soát thường xuyên) of one household, started by its own request.

QĐ 24/2021/QĐ-TTg Điều 5: a household hands the chairman a request to be reviewed (Mẫu số 01) or to be
recognised as having left the list (Mẫu số 04); the commune runs the steps of Điều 4 khoản 2–4 for it
alone (survey, public posting, decision) and decides within 15 days of the monthly review day (Điều 3
khoản 1 điểm b: from the 15th of each month). Since 01/07/2025 there is no district to consult: the
commune chairman decides (TT 13/2025/TT-BNNMT; cần xác nhận the clause)."""

from django.db import models
from simple_history.models import HistoricalRecords

from households.models.geography import Commune
from households.models.registry import Household
from households.models.review import Category, Review
from households.models.standard import PovertyStandard
from thoxuan_gnbv.statuses import RequestStatus
from thoxuan_gnbv.workflow import Freezable, FrozenQuerySet, Step, TransitionLog, Workflow, actor_field


class RequestKind(models.TextChoices):
    RECOGNISE = "recognise", "Đề nghị rà soát, công nhận hộ nghèo, hộ cận nghèo (Mẫu số 01)"
    LEAVE = "leave", "Đề nghị công nhận thoát nghèo, thoát cận nghèo (Mẫu số 04)"


class ReviewRequestQuerySet(FrozenQuerySet):
    def pending(self):
        return self.exclude(status=RequestStatus.DECIDED)


class ReviewRequest(Freezable, models.Model):
    """A household's request and its ongoing review; frozen once the chairman has decided. The
    decision writes the survey result as a ``Review`` in a supplementary round of its own (number ≥ 2),
    approved with the decision's number and date, so the household's status moves through the same
    approved rounds every other page reads (``households.status``)."""

    workflow = Workflow(
        statuses=RequestStatus,
        editable=(RequestStatus.RECEIVED,),
        frozen=(RequestStatus.DECIDED,),
        log="households.ReviewRequestTransition",
        steps=[
            Step(
                to=RequestStatus.SURVEYED,
                sources=(RequestStatus.RECEIVED,),
                actor_field="surveyed_by",
                time_field="surveyed_at",
            ),
            Step(
                to=RequestStatus.POSTED,
                sources=(RequestStatus.SURVEYED,),
                actor_field="posted_by",
                time_field="posted_at",
            ),
            # Four-eyes: whoever surveyed and proposed the result never recognises it.
            Step(
                to=RequestStatus.DECIDED,
                sources=(RequestStatus.POSTED,),
                actor_field="decided_by",
                time_field="decided_at",
                not_by="surveyed_by",
            ),
        ],
    )

    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="+", verbose_name="xã/phường")
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="review_requests", verbose_name="hộ"
    )
    kind = models.CharField("loại giấy đề nghị", max_length=12, choices=RequestKind.choices)
    received_on = models.DateField("ngày nhận giấy đề nghị")
    received_by = actor_field("người tiếp nhận")
    review_day = models.DateField("ngày bắt đầu rà soát")
    due_on = models.DateField("hạn quyết định")
    note = models.CharField("ghi chú", max_length=500, blank=True)
    status = models.CharField(
        "trạng thái", max_length=12, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    surveyed_by = actor_field("người rà soát")
    surveyed_at = models.DateTimeField("rà soát lúc", null=True, blank=True)
    surveyed_on = models.DateField("ngày rà soát", null=True, blank=True)
    standard = models.ForeignKey(
        PovertyStandard,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="chuẩn nghèo",
    )
    household_size = models.PositiveSmallIntegerField("số nhân khẩu", null=True, blank=True)
    income = models.PositiveBigIntegerField("thu nhập bình quân (đồng/người/tháng)", null=True, blank=True)
    score = models.PositiveSmallIntegerField("điểm Phiếu B", null=True, blank=True)
    deprivations = models.JSONField("chỉ số thiếu hụt", default=list, blank=True)
    category = models.CharField("kết quả rà soát", max_length=12, choices=Category.choices, blank=True)
    posting_start = models.DateField("niêm yết từ ngày", null=True, blank=True)
    posting_end = models.DateField("niêm yết đến hết ngày", null=True, blank=True)
    posted_by = actor_field("người niêm yết")
    posted_at = models.DateTimeField("niêm yết lúc", null=True, blank=True)
    decision_number = models.CharField("số quyết định", max_length=50, blank=True)
    decision_date = models.DateField("ngày quyết định", null=True, blank=True)
    decided_by = actor_field("người quyết định")
    decided_at = models.DateTimeField("quyết định lúc", null=True, blank=True)
    review = models.OneToOneField(
        Review,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ongoing_request",
        verbose_name="kết quả được công nhận",
    )

    history = HistoricalRecords()
    objects = ReviewRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "giấy đề nghị rà soát thường xuyên"
        verbose_name_plural = "rà soát thường xuyên"
        ordering = ["due_on", "pk"]
        constraints = [
            # A decided request carries the chairman's decision and the result it recognised.
            models.CheckConstraint(
                condition=~models.Q(status=RequestStatus.DECIDED)
                | (
                    ~models.Q(decision_number="")
                    & models.Q(decision_date__isnull=False)
                    & models.Q(review__isnull=False)
                ),
                name="review_request_decided_has_decision",
            ),
            models.CheckConstraint(
                condition=models.Q(posting_end__isnull=True)
                | models.Q(posting_end__gte=models.F("posting_start")),
                name="review_request_posting_ends_after_start",
            ),
            # One request in progress per household: a second paper joins the first.
            models.UniqueConstraint(
                fields=["household"],
                condition=~models.Q(status=RequestStatus.DECIDED),
                name="review_request_one_pending_per_household",
            ),
        ]
        indexes = [
            # The list page: a commune's requests by state, most urgent first (keyset on due_on, id).
            models.Index(fields=["commune", "due_on", "id"], name="review_request_due_idx"),
        ]

    def __str__(self):
        return f"Giấy đề nghị của hộ {self.household.code} ngày {self.received_on:%d/%m/%Y}"


class ReviewRequestTransition(TransitionLog):
    """One step of an ongoing review: who surveyed, posted or decided, and when."""

    request = models.ForeignKey(
        ReviewRequest, on_delete=models.CASCADE, related_name="transitions", verbose_name="giấy đề nghị"
    )
    from_status = models.CharField("từ trạng thái", max_length=12, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=12, choices=RequestStatus.choices)

    class Meta:
        verbose_name = "bước rà soát thường xuyên"
        verbose_name_plural = "nhật ký rà soát thường xuyên"
        ordering = ["request", "at", "pk"]

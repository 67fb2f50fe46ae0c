"""Background document jobs (PDF and Excel rendered by the worker) and the cache of computed figures."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from reporting.models.compiled import CompiledReport


class DocumentJob(models.Model):
    """A large document rendered in the background (django-tasks-db worker): its progress is shown on
    a page that polls this row. The compiled report's PDF (bounded: the annex is capped) is kept in
    ``content``; an export that grows with the registry (a workbook of up to a million rows) is written
    to ``file`` in the media storage, which the web processes and the worker share."""

    class Kind(models.TextChoices):
        COMPILED_PDF = "compiled_pdf", "PDF báo cáo tổng hợp kèm phụ lục"
        ANNEX_XLSX = "annex_xlsx", "Danh sách hộ được hỗ trợ (Excel)"
        HOUSEHOLDS_XLSX = "households_xlsx", "Danh sách hộ gia đình (Excel)"
        REVIEW_XLSX = "review_xlsx", "Biểu kết quả rà soát và danh sách hộ (Excel)"
        PROVINCE_XLSX = "province_xlsx", "Biểu tổng hợp kết quả rà soát của tỉnh (Excel)"
        # The PDFs of an approved review round that grow with its lists (QĐ 24/2021/QĐ-TTg Mẫu số 02,
        # 03; TT 07/2021/TT-BLĐTBXH Phụ lục VII): written to ``file`` like the exports.
        CERTIFICATES_PDF = "certificates_pdf", "Giấy chứng nhận hộ nghèo, hộ cận nghèo (PDF)"
        REVIEW_TABLES_PDF = "review_tables_pdf", "Biểu kết quả rà soát và danh sách hộ (PDF)"
        DECISION_PDF = "decision_pdf", "Quyết định công nhận kèm các danh sách hộ (PDF)"
        # A khu phố meeting's minutes list every household it voted on (QĐ 24/2021/QĐ-TTg Điều 4 khoản 2).
        MEETING_MINUTES_PDF = "meeting_minutes_pdf", "Biên bản họp dân (PDF)"

    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ"
        RUNNING = "running", "Đang tạo"
        DONE = "done", "Đã xong"
        FAILED = "failed", "Lỗi"

    kind = models.CharField("loại", max_length=20, choices=Kind.choices, default=Kind.COMPILED_PDF)
    # A job belongs to exactly one commune or (the province workbook) one province: who may see it
    # is scoped by it (access.jobs_visible_to).
    commune = models.ForeignKey(
        "households.Commune",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="xã/phường",
        null=True,
        blank=True,
    )
    province = models.ForeignKey(
        "households.Province",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="tỉnh/thành phố",
        null=True,
        blank=True,
    )
    compiled_report = models.ForeignKey(
        CompiledReport,
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name="báo cáo tổng hợp",
        null=True,
        blank=True,
    )
    # What to export (the household list's filter as its query string, the year): the worker rebuilds
    # the same selection the officer saw, in the officer's own scope.
    params = models.JSONField("tham số", default=dict, blank=True)
    file = models.FileField("tệp", upload_to="jobs/%Y/%m/", blank=True)
    filename = models.CharField("tên tệp", max_length=120, blank=True)
    with_annex = models.BooleanField("kèm phụ lục danh sách hộ", default=True)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    message = models.CharField("thông báo", max_length=255, blank=True)
    pages = models.PositiveIntegerField("số trang", default=0)
    content = models.BinaryField("tệp PDF", null=True, blank=True, editable=False)
    task_id = models.CharField("mã tác vụ", max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người yêu cầu"
    )
    created_at = models.DateTimeField("yêu cầu lúc", auto_now_add=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "tác vụ tạo văn bản"
        verbose_name_plural = "tác vụ tạo văn bản"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="document_job_progress_max_100"),
            models.CheckConstraint(
                condition=Q(commune__isnull=False, province__isnull=True)
                | Q(commune__isnull=True, province__isnull=False),
                name="document_job_commune_xor_province",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        if self.commune_id is None and self.compiled_report_id is not None:
            self.commune_id = self.compiled_report.period.commune_id
        super().save(*args, **kwargs)

    @property
    def is_pdf(self) -> bool:
        """The job's document is a PDF (the compiled report kept in ``content``, a round's PDF in ``file``)."""
        return self.kind in PDF_KINDS


PDF_KINDS = frozenset(
    {
        DocumentJob.Kind.COMPILED_PDF,
        DocumentJob.Kind.CERTIFICATES_PDF,
        DocumentJob.Kind.REVIEW_TABLES_PDF,
        DocumentJob.Kind.DECISION_PDF,
        DocumentJob.Kind.MEETING_MINUTES_PDF,
    }
)


class FigureCache(models.Model):
    """Figures that take a walk over the registry or the delivery tables (compiled report, dashboard,
    movement tables, component overview), stored under a key naming what they are of, computed by the
    worker only (see ``reporting.figures.store``): pages read one row. ``dirty_since`` says the data
    changed after ``computed_at``; ``computing_since`` marks the one worker computing it (single-flight);
    ``queued_at`` the one queued job. Safe to empty at any time: pages say the figures are being computed."""

    key = models.CharField("khóa", max_length=200, unique=True)
    kind = models.CharField("loại số liệu", max_length=20, blank=True, db_index=True)
    commune = models.ForeignKey(
        "households.Commune", on_delete=models.CASCADE, null=True, related_name="+", verbose_name="xã"
    )
    # The year whose data the figures count; none for figures over all years (a component's overview).
    year = models.PositiveSmallIntegerField("năm", null=True)
    params = models.JSONField("tham số", default=dict)
    data = models.JSONField("số liệu", null=True)
    computed_at = models.DateTimeField("tính lúc", null=True)
    dirty_since = models.DateTimeField("dữ liệu đổi lúc", null=True)
    computing_since = models.DateTimeField("đang tính từ", null=True)
    queued_at = models.DateTimeField("xếp hàng lúc", null=True)

    class Meta:
        verbose_name = "số liệu tính sẵn"
        verbose_name_plural = "số liệu tính sẵn"
        indexes = [models.Index(fields=["commune", "kind", "year"], name="figure_cache_scope")]

    def __str__(self):
        return self.key

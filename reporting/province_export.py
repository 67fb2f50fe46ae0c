"""The province workbook (``write_province_xlsx``) as a background job: at 166 communes it takes
minutes, far longer than a request may. The province viewer asks from the roll-up, the worker writes
it commune by commune (progress on ``reporting:province_job``) to the job's file in the media storage."""

import tempfile

from django.db import transaction
from django.tasks import task

from reporting.export_tasks import _finish, _progress
from reporting.models import DocumentJob
from reporting.province_tasks import communes_in_order
from thoxuan_gnbv import access

NOT_A_VIEWER = "Người yêu cầu không còn là cán bộ xem số liệu của tỉnh/thành phố này."


@task()
def export_province_job(job_id: int, province_id: int) -> int:
    """The province workbook of ``params["year"]`` for every commune of the job's province."""
    from reporting.documents.province_workbook import write_province_xlsx

    job = DocumentJob.objects.select_related("province", "requested_by").get(
        pk=job_id, province_id=province_id, kind=DocumentJob.Kind.PROVINCE_XLSX
    )
    user = job.requested_by
    # The role or the province may have changed while the job waited in the queue.
    if not (access.is_province_viewer(user) and user.province_id == province_id):
        _progress(job_id, 100, NOT_A_VIEWER, status=DocumentJob.Status.FAILED)
        return 0
    _progress(job_id, 5, "Đang tổng hợp từng xã, phường…", status=DocumentJob.Status.RUNNING)

    def progress(done: int, total: int) -> None:
        _progress(job_id, min(95, 5 + 90 * done // max(total, 1)), f"Đã tổng hợp {done}/{total} xã, phường…")

    year = job.params["year"]
    try:
        with tempfile.TemporaryFile(suffix=".xlsx") as handle:
            communes = communes_in_order(province_id, year)
            write_province_xlsx(job.province, communes, year, handle, progress=progress)
            count = communes.count()
            _finish(job, handle, f"tong-hop-ra-soat-{job.province.code}-{year}.xlsx", count)
    except Exception as error:  # the page must show the failure rather than spin forever
        _progress(job_id, 100, f"Không tạo được tệp: {error}"[:255], status=DocumentJob.Status.FAILED)
        raise
    return count


def start_province_export(*, province, user, year: int) -> DocumentJob:
    """Queue the province workbook of ``year``; the worker picks it up after the commit."""
    job = DocumentJob.objects.create(
        kind=DocumentJob.Kind.PROVINCE_XLSX, province=province, params={"year": year}, requested_by=user
    )

    def enqueue():
        result = export_province_job.enqueue(job_id=job.pk, province_id=province.pk)
        DocumentJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    transaction.on_commit(enqueue)
    return job

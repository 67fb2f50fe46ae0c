"""The health page: database, cache, storage and the background worker; open, with no personal data."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

# The checks run in worker threads with their own connections: they see committed rows only.
pytestmark = pytest.mark.django_db(transaction=True)


def _queue_task(waiting: datetime.timedelta):
    task = DBTaskResult.objects.create(
        status=TaskResultStatus.READY,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="reporting.tasks.render",
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
        exception_class_path="",
        traceback="",
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waiting)
    return task


def test_health_is_open_and_reports_every_service(client, labour_officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client.get(reverse("health"), {"format": "json"})
    assert response.status_code == 200
    body = response.json()
    names = " ".join(body)
    for check in ("Database", "Cache", "Storage", "TaskWorker"):
        assert check in names
    assert set(body.values()) == {"OK"}
    assert labour_officer.username not in response.text


def test_a_task_waiting_briefly_is_healthy(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _queue_task(datetime.timedelta(minutes=2))
    assert client.get(reverse("health"), {"format": "json"}).status_code == 200


def test_a_task_stuck_in_the_queue_means_no_worker(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _queue_task(datetime.timedelta(minutes=30))
    response = client.get(reverse("health"), {"format": "json"})
    assert response.status_code == 500
    message = next(v for k, v in response.json().items() if "TaskWorker" in k)
    assert "db_worker" in message


def test_a_finished_old_task_is_healthy(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    task = _queue_task(datetime.timedelta(hours=3))
    DBTaskResult.objects.filter(pk=task.pk).update(status=TaskResultStatus.SUCCESSFUL)
    assert client.get(reverse("health"), {"format": "json"}).status_code == 200

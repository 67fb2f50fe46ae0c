"""The portal's health page (``/health/``, django-health-check): database, cache, file storage and the
background worker. It shows check names and OK/error only — no personal data — and needs no login, so a
monitor or the reverse proxy can poll it."""

import dataclasses
import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class TaskWorker(HealthCheck):
    """The ``db_worker`` keeps up: no task has waited longer than ``HEALTH_TASK_MAX_WAIT_SECONDS``.

    django-tasks-db records no worker heartbeat, so the honest signal is the queue itself: a ready task
    (its ``run_after`` passed) still waiting after the limit means no worker is running, or it is stuck.
    An empty queue is healthy whether or not a worker runs — there is nothing for it to do."""

    def run(self):
        from django_tasks_db.compat import TaskResultStatus
        from django_tasks_db.models import DBTaskResult, get_date_max

        limit = datetime.timedelta(seconds=settings.HEALTH_TASK_MAX_WAIT_SECONDS)
        cutoff = timezone.now() - limit
        # A task is due from its enqueue time, or from its run_after when one was set (the library
        # stores "no run_after" as the maximum date).
        try:
            stuck = DBTaskResult.objects.filter(
                Q(run_after=get_date_max()) | Q(run_after__lte=cutoff),
                status=TaskResultStatus.READY,
                enqueued_at__lte=cutoff,
            ).count()
        finally:
            # The check runs in an executor thread: leave no connection open there.
            connection.close()
        if stuck:
            raise ServiceUnavailable(
                f"{stuck} task(s) waiting more than {int(limit.total_seconds())} s: is db_worker running?"
            )


health_view = login_not_required(
    HealthCheckView.as_view(
        checks=[
            "health_check.checks.Database",
            "health_check.checks.Cache",
            "health_check.checks.Storage",
            TaskWorker,
        ]
    )
)

"""What the worker does between two requests, for tests: compute the stored figures that are stale
(``reporting.figure_tasks.refresh_figures``), or warm a commune's year as after a review approval.
Tests run no worker and ``transaction.on_commit`` never fires inside them, so a test that changes
data and then reads a page calls one of these where the worker would have run."""

from reporting.figure_tasks import commune_year_keys, refresh_figures
from reporting.models import FigureCache


def run_figure_worker() -> int:
    """Compute every stale key once (as the queued jobs would); returns how many were computed."""
    keys = list(FigureCache.objects.filter(dirty_since__isnull=False).values_list("key", flat=True))
    return refresh_figures.call(keys=keys) if keys else 0


def warm_figures(commune, year: int) -> int:
    """Create the keys of a commune's year and compute them (the job queued on a round approval)."""
    commune_year_keys(commune.pk, year)
    return run_figure_worker()


def get_warm(client, url):
    """A page as a user finds it once the worker has run: the first visit queues its cold figures,
    the worker computes them, the second visit shows them."""
    client.get(url)
    run_figure_worker()
    return client.get(url)

"""Peak memory of one piece of work in this process, from Linux's /proc (figures for the benches).

``ru_maxrss`` counts everything since the process started (Django's start-up included) and cannot be
reset; the kernel's high-water mark can (writing 5 to ``/proc/self/clear_refs``, Linux ≥ 4.0), so a
bench measures RSS before the work, resets the mark, and reads ``VmHWM`` after: the peak EXTRA memory.
"""

import resource
from pathlib import Path

STATUS = Path("/proc/self/status")


def _status_kb(field: str) -> int | None:
    try:
        for line in STATUS.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def rss_mb() -> float:
    """Resident memory now, MB."""
    kb = _status_kb("VmRSS")
    return (kb if kb is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024


def reset_peak() -> bool:
    """Reset the high-water mark to the current RSS; False where the kernel does not allow it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_mb() -> float:
    """Peak resident memory since the last ``reset_peak`` (else since start), MB."""
    kb = _status_kb("VmHWM")
    return (kb if kb is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024


class PeakExtra:
    """``with PeakExtra() as m: work()`` then ``m.extra_mb``: peak RSS during the work minus RSS before."""

    def __enter__(self):
        self.before_mb = rss_mb()
        self.exact = reset_peak()
        return self

    def __exit__(self, *exc):
        self.peak_mb = peak_mb()
        self.extra_mb = max(self.peak_mb - self.before_mb, 0.0)
        return False

"""The module-wide world of the access matrix and the fuzz test (see ``harness.world``)."""

from tests.thoxuan_gnbv.harness import world  # noqa: F401

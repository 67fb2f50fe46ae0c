"""The module-wide world of the access matrix and the fuzz test (see ``harness``)."""

from tests.thoxuan_gnbv.harness import no_pdf_layout, world  # noqa: F401

"""Imports every module that registers a kind of stored figures, so the worker can compute any key."""

from households import stored as households_stored  # noqa: F401
from programs.queries import delivery as programs_delivery  # noqa: F401
from reporting import dashboard  # noqa: F401
from reporting.figures import compiled, poverty, review_tables_stored  # noqa: F401

"""The program side's admin, one module per sub-domain; importing them here registers every model
when Django autodiscovers ``programs.admin``."""

from programs.admin import budget, corrections, delivery, plans  # noqa: F401

# The program side's models, one module per sub-domain; import every model here so Django finds it.
from programs.models.units import Unit, UnitKind

__all__ = ["Unit", "UnitKind"]

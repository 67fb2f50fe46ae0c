"""Views of the program side, one module per sub-domain (``plans`` for the annual plan)."""

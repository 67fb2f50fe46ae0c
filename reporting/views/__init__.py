"""The reporting pages, one module per page family: ``documents`` (the plan as a document and its
PDF), ``calendar``, ``reports`` (a unit's report), ``compiled`` (the commune report and its
documents), ``jobs`` (background documents) and ``dashboard``."""

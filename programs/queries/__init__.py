"""Reads of the program side, one module per sub-domain: ``plans`` (the plan, its components and
targets), ``delivery`` (support, activities, the component overview), ``budget`` (allocations,
estimates, disbursements). Each read fixes its own select_related/prefetch_related."""

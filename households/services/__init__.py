"""Writes of the registry, split by sub-domain: registry (households, members), review (rounds and
results), importing and exporting (the household workbook)."""

"""docs/spec/household-workbook.md is the interface the level above reads: its tables must name exactly the
columns the code writes, in the same order, with the same required/optional split and category labels."""

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from households import workbook as wb
from households.models import Category
from households.services.exporting import write_workbook

SPEC = Path(__file__).resolve().parents[2] / "docs" / "spec" / "household-workbook.md"


def _tables(text: str) -> dict[str, list[list[str]]]:
    """Markdown tables of the spec by the heading above them: rows of cells, header and rule dropped."""
    tables, heading, rows = {}, "", None
    for line in text.splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        elif line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if rows is None:
                rows = tables.setdefault(heading, [])
            elif not set("".join(cells)) <= set("-: "):
                rows.append(cells)
        else:
            rows = None
    return tables


def _headers(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def _spec():
    tables = _tables(SPEC.read_text(encoding="utf-8"))
    layout, export = tables["Layout"], tables["Export adds"]
    return layout, export


pytestmark = pytest.mark.django_db
SPEC_YEAR = 2024  # the spec documents the workbook of the 2022–2026 standard (NĐ 07/2021)


def _written_header() -> list[str]:
    handle = io.BytesIO()
    write_workbook([], handle, layout=wb.layout_for_year(SPEC_YEAR))
    handle.seek(0)
    return [cell.value for cell in next(load_workbook(handle).worksheets[0].iter_rows())]


def test_spec_columns_are_the_columns_the_export_writes_in_order():
    layout, export = _spec()
    documented = [h for cells in layout for h in _headers(cells[0])] + [
        h for cells in export for h in _headers(cells[0])
    ]
    assert documented == wb.layout_for_year(SPEC_YEAR).export == _written_header()


def test_spec_required_columns_are_the_import_required_columns():
    layout, _ = _spec()
    required = [h for cells in layout if cells[2].startswith("yes") for h in _headers(cells[0])]
    optional = [h for cells in layout if cells[2].startswith("no") for h in _headers(cells[0])]
    assert required == wb.layout_for_year(SPEC_YEAR).required
    assert sorted(optional) == sorted(wb.OPTIONAL_COLUMNS)
    indicators = next(_headers(cells[0]) for cells in layout if len(_headers(cells[0])) > 1)
    assert indicators == list(wb.layout_for_year(SPEC_YEAR).indicators)


def test_spec_category_labels_are_the_classification_labels():
    _, export = _spec()
    category = next(cells for cells in export if _headers(cells[0]) == [wb.CATEGORY])
    assert _headers(category[1]) == [label for _, label in Category.choices]

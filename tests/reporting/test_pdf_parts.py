"""The annex's parts laid out in worker processes: the same pages as laid out one after another here,
numbered on without a gap from the page given, even when a part's first page was guessed wrong."""

import io
import re

import pytest
from pypdf import PdfReader

from reporting.documents import pdf_parts
from reporting.documents.annex import AnnexRow
from reporting.documents.report import build_compiled_document

pytestmark = pytest.mark.django_db

# Parts of several pages each (40 one-line rows a page, the title on the first part's first page).
PART_SIZES = (50, 90, 41, 30)


def _parts():
    number = 0
    parts = []
    for size in PART_SIZES:
        part = []
        for _ in range(size):
            number += 1
            code = f"KP{len(parts) + 1:02d}-{number:05d}"
            part.append(AnnexRow(number, code, "Lê Văn An", f"Khu phố {len(parts) + 1}", "1", 1_000_000))
        parts.append(part)
    return parts


def _pages(rendered) -> list[str]:
    """The text of every page of the parts, in order."""
    return [page.extract_text() for content, _ in rendered for page in PdfReader(io.BytesIO(content)).pages]


def _assert_numbered_on_from(pages: list[str], start: int) -> None:
    for number, text in enumerate(pages, start=start):
        # The number prints in the top margin, the last text of the page.
        assert re.search(rf"(?<![\d.]){number}\s*$", text), (number, text[-40:])


@pytest.fixture
def doc(compiled):
    return build_compiled_document(compiled)


def test_parts_laid_out_in_workers_are_those_laid_out_here_numbered_on(doc):
    in_workers = list(pdf_parts.render_parts(doc, _parts(), page_start=6, workers=2))
    here = list(pdf_parts.render_parts(doc, _parts(), page_start=6, workers=1))
    assert [count for _, count in in_workers] == [count for _, count in here] == [2, 3, 2, 1]
    pages = _pages(in_workers)
    assert pages == _pages(here)
    _assert_numbered_on_from(pages, 6)
    codes = re.findall(r"KP\d\d-(\d{5})", "\n".join(pages))
    assert [int(c) for c in codes] == list(range(1, sum(PART_SIZES) + 1))
    assert "\n".join(pages).count("PHỤ LỤC") == 1


def test_a_part_laid_out_from_a_wrong_first_page_is_laid_out_again(doc, monkeypatch):
    # Every part guessed to fill one page: the second part onwards start on a wrong page.
    monkeypatch.setattr(pdf_parts, "ROWS_PER_PAGE", 1000)
    assert [pdf_parts.guess_pages(n, first=i == 0) for i, n in enumerate(PART_SIZES)] == [1, 1, 1, 1]
    rendered = list(pdf_parts.render_parts(doc, _parts(), page_start=12, workers=2))
    assert [count for _, count in rendered] == [2, 3, 2, 1]
    _assert_numbered_on_from(_pages(rendered), 12)


def test_one_part_is_laid_out_here(doc, monkeypatch):
    def no_workers(*args):
        raise AssertionError("one part needs no worker")

    monkeypatch.setattr(pdf_parts, "_render_in_workers", no_workers)
    ((content, count),) = pdf_parts.render_parts(doc, _parts()[:1], page_start=3, workers=2)
    assert count == 2
    _assert_numbered_on_from(_pages([(content, count)]), 3)

"""Moving a plan's text to the next year (pure functions, no database).

Every mention of the plan's own year becomes the new year — "năm 2024", "20/6/2024", "Chương trình năm
2024" — except inside a citation of a legal document: its number and symbol ("24/2021/QĐ-TTg",
"101/KH-UBND") and the date written right after it ("Quyết định 90/QĐ-TTg ngày 18/01/2022") keep
their own values: the number, symbol and date of issue are parts of a document's format
(NĐ 30/2020/NĐ-CP Điều 8), so a citation names that one document and never moves with the plan. A sentence of the copy that still
names an older year outside a document's number, or cites a document of the old plan year, is flagged
for a person to review: last year's guidance may have a successor."""

import re
from dataclasses import dataclass

# A document's number and symbol: "101/KH-UBND", "24/2021/QĐ-TTg", "55/2023/BTC", "06/2022/NQ-HĐND".
_SYMBOL = r"\d{1,5}/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ]*(?:-[A-Za-zĐđ]+)*"
# Its date, when it follows the number ("…/QĐ-TTg ngày 18/01/2022", "… ngày 18 tháng 01 năm 2022").
_DATE = r"\d{1,2}(?:/|\s+tháng\s+)\d{1,2}(?:/|\s+năm\s+)(?P<cited_year>\d{4})"
CITATION = re.compile(rf"(?P<symbol>{_SYMBOL})(?:\s*,?\s*(?:ban hành\s+)?ngày\s+{_DATE})?")
YEAR = re.compile(r"(?<![\w/])(?:19|20)\d{2}(?![\w/])|(?<=/)(?:19|20)\d{2}(?![\w/])")
_SENTENCE = re.compile(r"[^.;\n]+[.;]?")


def _protected(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in CITATION.finditer(text)]


def _inside(position: int, spans) -> bool:
    return any(start <= position < end for start, end in spans)


def shift_year(text: str, old: int, new: int) -> str:
    """``text`` with every mention of ``old`` outside a document citation replaced by ``new``."""
    if not text:
        return text
    spans = _protected(text)
    pieces, last = [], 0
    for match in YEAR.finditer(text):
        if int(match.group()) == old and not _inside(match.start(), spans):
            pieces += [text[last : match.start()], str(new)]
            last = match.end()
    return "".join(pieces) + text[last:]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text or "") if s.strip()]


def names_older_year(sentence: str, year: int) -> bool:
    """Whether ``sentence`` (of a plan for ``year``) names an earlier year outside a document's number,
    or cites a document dated in the year just before (last year's guidance)."""
    citations = list(CITATION.finditer(sentence))
    if any(m.group("cited_year") and int(m.group("cited_year")) == year - 1 for m in citations):
        return True
    spans = [m.span() for m in citations]
    return any(int(m.group()) < year and not _inside(m.start(), spans) for m in YEAR.finditer(sentence))


@dataclass(frozen=True)
class TextChange:
    """One sentence the copy changed: where it is (part and field), before and after."""

    where: str
    old: str
    new: str


def changed_sentences(where: str, before: str, after: str) -> list[TextChange]:
    """The sentences that differ between ``before`` and ``after`` (the shift keeps their order)."""
    return [
        TextChange(where, old, new)
        for old, new in zip(sentences(before), sentences(after), strict=False)
        if old != new
    ]

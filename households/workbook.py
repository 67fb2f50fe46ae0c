"""The household workbook's columns (docs/spec/household-workbook.md), shared by the
import, the export and the management commands.

The fixed columns are constants; the indicator columns are the deprivation indicators of the poverty
standard in force for the workbook's year, in the standard's order (``layout_for_year``), so a year under
another standard gets that standard's columns with no code change.
"""

from dataclasses import dataclass

from households.models import PovertyStandard

CODE = "Mã hộ"
NEIGHBORHOOD = "Khu phố"
HEAD_NAME = "Họ và tên chủ hộ"
HEAD_NATIONAL_ID = "Số CCCD chủ hộ"
ADDRESS = "Địa chỉ"
SIZE = "Số nhân khẩu"
YEAR = "Năm rà soát"
INCOME = "Thu nhập bình quân (đồng/người/tháng)"
WITHOUT_LABOUR_CAPACITY = "Không có khả năng lao động"
ETHNIC_MINORITY = "Dân tộc thiểu số"
MERITORIOUS = "Có người có công"
DEPRIVATION_COUNT = "Số chỉ số thiếu hụt"
CATEGORY = "Phân loại"

OPTIONAL_COLUMNS = [HEAD_NATIONAL_ID, ADDRESS, WITHOUT_LABOUR_CAPACITY, ETHNIC_MINORITY, MERITORIOUS]
FLAG_COLUMNS = {
    WITHOUT_LABOUR_CAPACITY: "without_labour_capacity",
    ETHNIC_MINORITY: "is_ethnic_minority",
    MERITORIOUS: "has_meritorious_person",
}


@dataclass(frozen=True)
class Layout:
    """The columns of a workbook: the fixed ones around one standard's indicators (names are the
    headers, codes what a review stores), both in the standard's order."""

    indicators: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()

    @property
    def required(self) -> list[str]:
        return [CODE, NEIGHBORHOOD, HEAD_NAME, SIZE, YEAR, INCOME, *self.indicators]

    @property
    def export(self) -> list[str]:
        return [
            CODE,
            NEIGHBORHOOD,
            HEAD_NAME,
            HEAD_NATIONAL_ID,
            ADDRESS,
            SIZE,
            YEAR,
            INCOME,
            *self.indicators,
            WITHOUT_LABOUR_CAPACITY,
            ETHNIC_MINORITY,
            MERITORIOUS,
            DEPRIVATION_COUNT,
            CATEGORY,
        ]


def layout_of(standard) -> Layout:
    """The layout of a ``PovertyStandard`` (no indicator columns when there is none)."""
    if standard is None:
        return Layout()
    indicators = list(standard.indicators.all())  # ordered by position
    return Layout(tuple(i.name for i in indicators), tuple(i.code for i in indicators))


def layout_for_year(year: int) -> Layout:
    """The layout of the workbook of ``year``: the standard in force that year. Two queries."""
    return layout_of(PovertyStandard.objects.in_force(year))


TRUE_MARKS = {"x", "1", "có"}
FALSE_MARKS = {"", "0", "không"}


def header_key(text) -> str:
    """Headers match ignoring case and surrounding spaces."""
    return " ".join(str(text or "").split()).casefold()

"""The blank household workbook: the headers of ``docs/spec/household-workbook.md`` (those an import
reads, in the spec's order), one example row, and drop-down lists an officer fills in without typos —
the commune's khu phố and ``x`` for the indicator and flag columns (blank means "no")."""

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from households import workbook as wb
from households.services.household_codes import suggest_code

LAST_ROW = 5000  # the validations cover this many rows; the import reads any number
LISTS_SHEET = "Danh mục"
EXAMPLE_NOTE = "Dòng ví dụ: sửa thành hộ thật hoặc xóa dòng này trước khi nhập."
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def template_headers(layout: wb.Layout) -> list[str]:
    """The import columns of the spec, in its order (the export adds two computed columns)."""
    return [
        wb.CODE, wb.NEIGHBORHOOD, wb.HEAD_NAME, wb.HEAD_NATIONAL_ID, wb.ADDRESS, wb.SIZE, wb.YEAR, wb.INCOME,
        *layout.indicators, wb.WITHOUT_LABOUR_CAPACITY, wb.ETHNIC_MINORITY, wb.MERITORIOUS,
    ]  # fmt: skip


def _example(layout: wb.Layout, neighborhood, year: int) -> list:
    marks = ["x" if i in (0, 3) else "" for i in range(len(layout.indicators))]
    name = neighborhood.name if neighborhood else ""
    code = suggest_code(neighborhood) if neighborhood else "KP1-0001"
    return [
        code,
        name,
        "Nguyễn Văn A",
        "",
        f"Số 1, {name}".strip(", "),
        4,
        year,
        1_500_000,
        *marks,
        "",
        "",
        "",
    ]


def _validation(sheet, formula: str, title: str, prompt: str, error: str, columns) -> None:
    rule = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False)
    rule.promptTitle, rule.prompt = title[:32], prompt
    rule.errorTitle, rule.error = "Giá trị không hợp lệ", error
    rule.showErrorMessage = rule.showInputMessage = True
    for column in columns:
        letter = get_column_letter(column)
        rule.add(f"{letter}2:{letter}{LAST_ROW}")
    sheet.add_data_validation(rule)


def template_write(target, *, commune, year: int) -> None:
    """Write the blank workbook of ``year`` (the indicator columns of the standard in force) for the
    commune to ``target`` (a path or a binary file)."""
    layout = wb.layout_for_year(year)
    headers = template_headers(layout)
    neighborhoods = list(commune.neighborhoods.order_by("position", "name"))
    book = Workbook()
    sheet = book.active
    sheet.title = "Hộ gia đình"
    sheet.append(headers)
    sheet.append(_example(layout, neighborhoods[0] if neighborhoods else None, year))
    for index, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(len(header) + 2, 40))
        sheet.cell(row=2, column=index).font = Font(italic=True, color="808080")
    sheet.cell(row=2, column=1).comment = Comment(EXAMPLE_NOTE, "Cổng GNBV")
    national_id = headers.index(wb.HEAD_NATIONAL_ID) + 1
    # Text, so a CCCD keeps its leading zero.
    sheet.column_dimensions[get_column_letter(national_id)].number_format = "@"
    sheet.cell(row=2, column=national_id).number_format = "@"
    sheet.freeze_panes = "A2"

    lists = book.create_sheet(LISTS_SHEET)
    lists.append([wb.NEIGHBORHOOD])
    for neighborhood in neighborhoods:
        lists.append([neighborhood.name])
    lists.sheet_state = "hidden"
    last = max(len(neighborhoods), 1) + 1
    _validation(
        sheet, f"'{LISTS_SHEET}'!$A$2:$A${last}", wb.NEIGHBORHOOD, "Chọn khu phố của xã.",
        "Khu phố không có trong danh sách của xã.", [headers.index(wb.NEIGHBORHOOD) + 1],
    )  # fmt: skip
    marks = [*layout.indicators, wb.WITHOUT_LABOUR_CAPACITY, wb.ETHNIC_MINORITY, wb.MERITORIOUS]
    _validation(
        sheet, '"x"', "Đánh dấu x", "Ghi x nếu có; để trống nếu không.",
        "Chỉ ghi x hoặc để trống.", [headers.index(h) + 1 for h in marks],
    )  # fmt: skip
    book.save(target)

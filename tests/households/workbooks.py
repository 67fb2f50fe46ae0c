"""Builders of household workbooks for the import tests."""

import io

from openpyxl import Workbook

from households import workbook as wb

# The indicator columns of the 2022–2026 standard (NĐ 07/2021), as docs/spec/household-workbook.md lists them.
INDICATORS_2022 = [
    "Việc làm", "Người phụ thuộc", "Dinh dưỡng", "Bảo hiểm y tế", "Trình độ giáo dục người lớn",
    "Tình trạng đi học trẻ em", "Chất lượng nhà ở", "Diện tích nhà ở", "Nguồn nước sinh hoạt",
    "Nhà tiêu hợp vệ sinh", "Sử dụng dịch vụ viễn thông", "Phương tiện tiếp cận thông tin",
]  # fmt: skip

HEADERS = [
    wb.CODE, wb.NEIGHBORHOOD, wb.HEAD_NAME, wb.HEAD_NATIONAL_ID, wb.ADDRESS, wb.SIZE, wb.YEAR, wb.INCOME,
    *INDICATORS_2022, wb.WITHOUT_LABOUR_CAPACITY, wb.ETHNIC_MINORITY, wb.MERITORIOUS,
]  # fmt: skip


def row(code="KP1-0001", neighborhood="Khu phố 1", head="Nguyễn Thị Hường", national_id="038190000123", size=3,
        year=2024, income=1_800_000, deprived=(0, 1, 2), without_labour="", ethnic="", merit="", address="Số 1"):  # fmt: skip
    marks = ["x" if i in deprived else "" for i in range(12)]
    return [
        code,
        neighborhood,
        head,
        national_id,
        address,
        size,
        year,
        income,
        *marks,
        without_labour,
        ethnic,
        merit,
    ]


def workbook_bytes(rows, headers=HEADERS) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer

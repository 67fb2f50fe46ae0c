"""The household workbook's columns (docs/spec/household-workbook.md), shared by the
import, the export and the management commands."""

CODE = "Mã hộ"
NEIGHBORHOOD = "Khu phố"
HEAD_NAME = "Họ và tên chủ hộ"
HEAD_NATIONAL_ID = "Số CCCD chủ hộ"
ADDRESS = "Địa chỉ"
SIZE = "Số nhân khẩu"
YEAR = "Năm rà soát"
INCOME = "Thu nhập bình quân (đồng/người/tháng)"
INDICATORS = [
    "Việc làm",
    "Người phụ thuộc",
    "Dinh dưỡng",
    "Bảo hiểm y tế",
    "Trình độ giáo dục người lớn",
    "Tình trạng đi học trẻ em",
    "Chất lượng nhà ở",
    "Diện tích nhà ở",
    "Nguồn nước sinh hoạt",
    "Nhà tiêu hợp vệ sinh",
    "Sử dụng dịch vụ viễn thông",
    "Phương tiện tiếp cận thông tin",
]
WITHOUT_LABOUR_CAPACITY = "Không có khả năng lao động"
ETHNIC_MINORITY = "Dân tộc thiểu số"
MERITORIOUS = "Có người có công"
DEPRIVATION_COUNT = "Số chỉ số thiếu hụt"
CATEGORY = "Phân loại"

REQUIRED_COLUMNS = [CODE, NEIGHBORHOOD, HEAD_NAME, SIZE, YEAR, INCOME, *INDICATORS]
OPTIONAL_COLUMNS = [HEAD_NATIONAL_ID, ADDRESS, WITHOUT_LABOUR_CAPACITY, ETHNIC_MINORITY, MERITORIOUS]
FLAG_COLUMNS = {
    WITHOUT_LABOUR_CAPACITY: "without_labour_capacity",
    ETHNIC_MINORITY: "is_ethnic_minority",
    MERITORIOUS: "has_meritorious_person",
}
EXPORT_COLUMNS = [
    CODE,
    NEIGHBORHOOD,
    HEAD_NAME,
    HEAD_NATIONAL_ID,
    ADDRESS,
    SIZE,
    YEAR,
    INCOME,
    *INDICATORS,
    WITHOUT_LABOUR_CAPACITY,
    ETHNIC_MINORITY,
    MERITORIOUS,
    DEPRIVATION_COUNT,
    CATEGORY,
]

TRUE_MARKS = {"x", "1", "có"}
FALSE_MARKS = {"", "0", "không"}


def header_key(text) -> str:
    """Headers match ignoring case and surrounding spaces."""
    return " ".join(str(text or "").split()).casefold()

"""Vietnamese names and CCCD numbers for the bench generators, drawn with realistic frequencies.

Family names follow their approximate national shares (Wikipedia "Vietnamese name", after Lê Trung Hoa:
Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %, Phạm ≈ 7 %, …) plus a long tail of rarer ones; middle names are
dominated by "Văn" and "Thị"; given names come from large pools with Zipf weights (rank^-1.1), so a rare
name is rare at any size. Figures are approximate (cần xác nhận for any use other than benchmarks).
"""

import functools
import itertools
import random

from thoxuan_gnbv.text import fold

FAMILY_SHARES = {
    "Nguyễn": 38.4, "Trần": 11.0, "Lê": 9.5, "Phạm": 7.1, "Hoàng": 3.6, "Phan": 4.5, "Vũ": 3.2,
    "Đặng": 2.1, "Bùi": 2.0, "Đỗ": 1.4, "Hồ": 1.3, "Ngô": 1.3, "Dương": 1.0, "Võ": 0.7, "Trịnh": 0.8,
    "Đinh": 0.6, "Lý": 0.5, "Trương": 0.5, "Huỳnh": 0.3, "Lương": 0.4, "Mai": 0.4, "Đào": 0.4,
    "Cao": 0.35, "Hà": 0.35, "Lâm": 0.3, "Đoàn": 0.3, "Tạ": 0.2, "Lại": 0.2, "Chu": 0.2, "Tô": 0.15,
    "Thái": 0.15, "Lưu": 0.15, "Quách": 0.1, "Kiều": 0.1, "Triệu": 0.1, "Phùng": 0.1, "Đàm": 0.08,
    "Vương": 0.08, "Tống": 0.05, "Mạc": 0.05, "Nghiêm": 0.05, "Tăng": 0.05, "Nông": 0.05, "Văn": 0.05,
    "Thân": 0.04, "Hứa": 0.04, "Khúc": 0.03, "Ông": 0.03, "Giáp": 0.03, "Lã": 0.03, "Bạch": 0.03,
    "Ninh": 0.03, "Vi": 0.03, "Cù": 0.02, "Âu": 0.02, "Khổng": 0.02, "Lò": 0.02, "Doãn": 0.02,
    "Tôn": 0.02, "Kim": 0.02, "Mã": 0.02, "Thạch": 0.02, "Lục": 0.02, "Quàng": 0.01, "Hán": 0.01,
    "Viên": 0.01, "Mẫn": 0.01, "Ung": 0.005,
}  # fmt: skip

MIDDLE_MALE = {
    "Văn": 45, "Đình": 6, "Xuân": 5, "Hữu": 5, "Quang": 4, "Công": 4, "Minh": 4, "Đức": 4, "Ngọc": 3,
    "Thanh": 3, "Trọng": 2, "Bá": 2, "Duy": 2, "Thế": 2, "Tiến": 2, "Mạnh": 1.5, "Quốc": 1.5, "Anh": 1.5,
    "Viết": 1, "Khắc": 1, "Sỹ": 1, "Trung": 1, "Hoàng": 1, "Gia": 0.8, "Chí": 0.8, "Thành": 0.8,
    "Đăng": 0.6, "Kim": 0.5, "Hồng": 0.5, "Nhật": 0.5, "Hải": 0.5, "Huy": 0.5, "Bảo": 0.5, "Phúc": 0.3,
    "Tuấn": 0.3, "Như": 0.2, "Cảnh": 0.2, "Trí": 0.2, "Doãn": 0.1,
}  # fmt: skip
MIDDLE_FEMALE = {
    "Thị": 55, "Thu": 4, "Ngọc": 4, "Hồng": 3, "Thanh": 3, "Minh": 2, "Phương": 2, "Thúy": 2, "Kim": 2,
    "Bích": 1.5, "Diệu": 1, "Mai": 1, "Khánh": 1, "Lan": 0.8, "Hải": 0.8, "Hoài": 0.8, "Quỳnh": 0.8,
    "Bảo": 0.8, "Xuân": 0.8, "Như": 0.6, "Tuyết": 0.5, "Cẩm": 0.5, "Hà": 0.5, "Mỹ": 0.5, "Vân": 0.4,
    "Gia": 0.4, "Yến": 0.3, "Huyền": 0.3, "Tú": 0.3, "Ánh": 0.3, "Thảo": 0.3, "Hương": 0.3, "Linh": 0.3,
    "Đan": 0.2, "Trà": 0.1, "Uyên": 0.1,
}  # fmt: skip

# Roughly by popularity, most common first; the Zipf weights follow this order.
GIVEN_MALE = """Hùng Dũng Tuấn Minh Nam Hải Long Thắng Hoàng Sơn Cường Quang Đức Thành Trung Tùng Hiếu Huy Phong
Bình Tâm Hưng Lâm Khánh Tài Toàn Vinh Hòa Phúc Thanh Việt Anh Kiên Hiệp Đạt Tiến Thịnh Lợi Quân Hậu
Hào Công Chiến Hoan Duy Khải Lực Mạnh Nghĩa Phương Quý Sang Tú Vũ Bảo Cảnh Định Giang Hạnh Hiển Hợp
Khoa Lộc Luân Ngọc Nhân Phát Quyết Sáng Thái Thế Thông Trí Trọng Tuyên Vượng Xuân An Ân Bách Biên
Chính Chung Cương Danh Đông Đăng Đoàn Giáp Hà Hanh Hiền Hoạt Học Huấn Khang Khôi Kỳ Lai Lãm Lượng
Mừng Ninh Oai Phụng Quỳnh Sĩ Sử Tấn Thạch Thiện Thuận Tín Toản Trường Tường Uy Văn Viễn Vịnh Yên Bắc
Bằng Cẩn Chất Chức Diệu Đảm Điền Đỉnh Gia Hãn Hoành Hữu Kha Khiêm Kiệt Lạc Lĩnh Miên Nguyên Nhượng
Phiệt Quảng Sỹ Tạo Thiều Thụy Triều Trực Ước Vĩ Xứng""".split()  # noqa: SIM905 (a list literal would take 150 lines)
GIVEN_FEMALE = """Hương Lan Hoa Hà Linh Mai Hằng Thủy Trang Nga Huyền Thảo Phương Dung Yến Hạnh Loan Hồng Liên Nhung
Thu Hiền Oanh Hải Lý Quyên Tâm Thúy Vân Anh Ngọc Ánh Bích Chi Diệp Duyên Giang Hậu Hòa Huệ Khánh
Lành Liễu Lụa Mến Minh My Nhàn Nhi Nương Phượng Quỳnh Sen Tươi Thắm Thơm Thương Tình Trinh Tuyết
Uyên Vui Xuân Yên An Bình Cúc Đào Gấm Hân Hiên Hoài Hường Kim Lài Len Lệ Lợi Luyến Mận Mơ Mùi Na Nụ
Phấn Quế Sinh Sương Tám Thanh Thìn Thoa Thoan Thuận Tiên Trâm Tuyền Vinh Xoan Bé Cẩm Châm Dịu Đông
Hảo Hiếu Kha Khuê Lam Lê Loan Lựu Mừng Ngân Nhạn Phúc Quý Sáu Sim Tấm Thêu Thiết Thư Thường Tố Trà
Tuyến Vy Ý Yến Châu Diễm Gái Hợi Kiều Lịch Lụa Mịn Ngát Nhài Phú Quyến Soa Tằm Thiện Trúc Ước Viên
Xinh""".split()  # noqa: SIM905 (a list literal would take 150 lines)


def zipf(names: list[str], exponent: float = 1.1) -> dict[str, float]:
    """Weights by rank: the n-th name (from 1) weighs n^-exponent; a repeated name keeps its first rank."""
    unique = list(dict.fromkeys(names))
    return {name: 1 / (rank**exponent) for rank, name in enumerate(unique, start=1)}


def _table(weights: dict[str, float]) -> tuple[list[str], list[float]]:
    names = list(weights)
    return names, list(itertools.accumulate(weights[n] for n in names))


FAMILY = _table(FAMILY_SHARES)
MIDDLE = {"male": _table(MIDDLE_MALE), "female": _table(MIDDLE_FEMALE)}
GIVEN = {"male": _table(zipf(GIVEN_MALE)), "female": _table(zipf(GIVEN_FEMALE))}
# Thanh Hóa's province code opens every CCCD (Thông tư 59/2021/TT-BCA, Phụ lục I: 038).
PROVINCE_CODE = "038"


class _Draws:
    """Weighted draws taken from ``rng`` a few thousand at a time (random.choices with k is several
    times faster per draw than one call per name, which matters at millions of people)."""

    def __init__(self, rng: random.Random, table: tuple[list[str], list[float]], batch: int = 4096):
        self.rng, self.names, self.cumulative, self.batch = rng, table[0], table[1], batch
        self.buffer: list[str] = []

    def __call__(self) -> str:
        if not self.buffer:
            self.buffer = self.rng.choices(self.names, cum_weights=self.cumulative, k=self.batch)
        return self.buffer.pop()


class Names:
    """Seeded draws of family, middle and given names, and unique CCCD numbers."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._serial = {}
        self.family = _Draws(rng, FAMILY)
        self._middle = {sex: _Draws(rng, table) for sex, table in MIDDLE.items()}
        self._given = {sex: _Draws(rng, table) for sex, table in GIVEN.items()}

    def full(self, sex: str, family: str | None = None) -> str:
        return f"{family or self.family()} {self._middle[sex]()} {self._given[sex]()}"

    def national_id(self, sex: str, year: int) -> str:
        """A 12-digit CCCD: province, century-and-sex digit (0/1 for 1900s, 2/3 for 2000s), the last two
        digits of the birth year, then six serial digits, unique within a run."""
        digit = (0 if year < 2000 else 2) + (sex == "female")
        key = (digit, year % 100)
        self._serial[key] = self._serial.get(key, 0) + 1
        return f"{PROVINCE_CODE}{digit}{year % 100:02d}{self._serial[key]:06d}"


folded = functools.lru_cache(maxsize=200_000)(fold)


def search_key(code: str, parts: list[str]) -> str:
    """households.services.registry.build_search_key(code, head, head CCCD, members' names and CCCDs)
    without folding the same names again and again: fold of the joined text is the join of the folds."""
    return " ".join([code.lower(), *(folded(p) for p in parts if p)])[:1000]

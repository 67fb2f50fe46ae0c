"""Generators the demo and the benchmarks share (``demo/registry.py``, ``demo/delivery_2024.py``,
``bench/make_households.py``, ``bench/make_support.py``): Vietnamese names, identity numbers and birth
dates, the members of a generated household, the indicator codes of the 2022–2026 standard, and the
support each component of the plan gives. Everything draws from the ``random.Random`` it is given, so
output is deterministic for a seed.
"""

import dataclasses
import datetime
import random

from households.models import Relation, Sex

FAMILY = [
    "Nguyễn",
    "Lê",
    "Trịnh",
    "Hoàng",
    "Phạm",
    "Đỗ",
    "Bùi",
    "Vũ",
    "Lò",
    "Hà",
    "Trần",
    "Mai",
    "Đinh",
    "Cao",
]
MIDDLE_MALE = ["Văn", "Đình", "Xuân", "Hữu", "Quang", "Công", "Minh"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thu", "Ngọc", "Hồng", "Thanh"]
GIVEN_MALE = [
    "Hùng",
    "Nam",
    "Bình",
    "Tâm",
    "Dũng",
    "Cường",
    "Long",
    "Sơn",
    "Thắng",
    "Hải",
    "Tuấn",
    "Đức",
    "Khánh",
]
GIVEN_FEMALE = [
    "Hường",
    "Lan",
    "Mai",
    "Hạnh",
    "Thu",
    "Hoa",
    "Nga",
    "Hương",
    "Yến",
    "Loan",
    "Liên",
    "Dung",
    "Thảo",
]
STREETS = ["Lê Hoàn", "Lê Lai", "Lê Văn Hưu", "Đào Duy Từ", "Bà Triệu", "Nguyễn Trãi", "Trần Hưng Đạo"]
INDICATOR_CODES = [
    "employment", "dependants", "nutrition", "health_insurance", "adult_education", "school_attendance",
    "housing_quality", "housing_area", "domestic_water", "latrine", "telecoms", "information_devices",
]  # fmt: skip


def full_name(rng: random.Random, sex: str, family: str | None = None) -> str:
    """A believable Vietnamese full name (family, middle, given) for ``sex``."""
    family = family or rng.choice(FAMILY)
    if sex == Sex.MALE:
        return f"{family} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    return f"{family} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"


class People:
    """Names, identity numbers and birth dates of generated people."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.serial = 0

    def name(self, sex: str, family: str | None = None) -> str:
        return full_name(self.rng, sex, family)

    def national_id(self, sex: str, born: datetime.date) -> str:
        # 038 = Thanh Hóa; then the century/sex digit and the year of birth, then a serial.
        self.serial += 1
        century = (0 if born.year < 2000 else 2) + (1 if sex == Sex.FEMALE else 0)
        return f"038{century}{born.year % 100:02d}{self.serial:06d}"

    def birth(self, age_from: int, age_to: int) -> datetime.date:
        age = self.rng.randint(age_from, age_to)
        return datetime.date(2024 - age, self.rng.randint(1, 12), self.rng.randint(1, 28))


def members_for(people: People, without_labour: bool, family: str):
    """(head facts, [member dicts]) — an elderly household when ``without_labour`` is set."""
    rng = people.rng
    members = []
    if without_labour:
        for index in range(rng.choice([1, 1, 2])):
            sex = rng.choice([Sex.MALE, Sex.FEMALE])
            members.append(
                {
                    "sex": sex,
                    "born": people.birth(66, 88),
                    "able": False,
                    "relation": Relation.HEAD if index == 0 else Relation.SPOUSE,
                }
            )
    else:
        head_sex = rng.choice([Sex.MALE, Sex.MALE, Sex.FEMALE])
        members.append(
            {"sex": head_sex, "born": people.birth(28, 58), "able": True, "relation": Relation.HEAD}
        )
        if rng.random() < 0.85:
            sex = Sex.FEMALE if head_sex == Sex.MALE else Sex.MALE
            members.append(
                {
                    "sex": sex,
                    "born": people.birth(26, 58),
                    "able": rng.random() < 0.95,
                    "relation": Relation.SPOUSE,
                }
            )
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            members.append(
                {
                    "sex": rng.choice(list(Sex)),
                    "born": people.birth(1, 20),
                    "able": True,
                    "relation": Relation.CHILD,
                }
            )
        if rng.random() < 0.2:
            members.append(
                {
                    "sex": rng.choice(list(Sex)),
                    "born": people.birth(65, 85),
                    "able": False,
                    "relation": Relation.PARENT,
                }
            )
    for member in members:
        member["name"] = people.name(member["sex"], family if member["relation"] != Relation.SPOUSE else None)
    return members


@dataclasses.dataclass(frozen=True)
class SupportKind:
    """The usual support a component gives one household (or one member, when ``to_member``)."""

    support_type: str
    description: str
    quantity: int
    unit: str
    central_amount: int
    to_member: bool = False

    def details(self) -> dict:
        """Keyword arguments for ``programs.services.delivery.support_record``."""
        return {
            "support_type": self.support_type,
            "description": self.description,
            "quantity": self.quantity,
            "unit": self.unit,
            "central_amount": self.central_amount,
        }


# component code → its usual support (6.2, 7.1 and 7.2 give none: they run activities only)
SUPPORT_KINDS = {
    "2": SupportKind("seedlings_livestock", "Hỗ trợ 01 con bò cái giống sinh sản", 1, "con", 15_000_000),
    "3.1": SupportKind(
        "seedlings_livestock", "Hỗ trợ 100 con gà giống và 200 kg thức ăn", 100, "con", 6_500_000
    ),
    "3.2": SupportKind(
        "nutrition", "Sữa, vi chất dinh dưỡng và tư vấn dinh dưỡng 6 tháng", 6, "tháng", 720_000, True
    ),
    "4.1": SupportKind(
        "vocational_training", "Học nghề may công nghiệp (3 tháng)", 1, "khóa", 3_500_000, True
    ),
    "4.3": SupportKind(
        "job_placement",
        "Giới thiệu việc làm tại Khu công nghiệp Lam Sơn – Sao Vàng",
        1,
        "lượt",
        500_000,
        True,
    ),
    "6.1": SupportKind("communication", "Hỗ trợ 01 đài thu thanh và lắp đặt", 1, "chiếc", 1_200_000),
}

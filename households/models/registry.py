from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from households.models.geography import Commune, Neighborhood
from thoxuan_gnbv.concurrency import Versioned

national_id_validator = RegexValidator(r"^\d{12}$", "Số CCCD phải gồm đúng 12 chữ số.")
# The CCCD unique indexes cover given CCCDs only. A query meant for one of them names its condition
# itself: PostgreSQL proves it from an IN list of at most 100 values only.
HEAD_NATIONAL_ID_GIVEN = ~models.Q(head_national_id="")
NATIONAL_ID_GIVEN = ~models.Q(national_id="")


class Sex(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


class Relation(models.TextChoices):
    HEAD = "head", "Chủ hộ"
    SPOUSE = "spouse", "Vợ/chồng"
    CHILD = "child", "Con"
    PARENT = "parent", "Bố/mẹ"
    GRANDCHILD = "grandchild", "Cháu"
    OTHER = "other", "Khác"


class HouseholdQuerySet(models.QuerySet):
    def in_commune(self, commune):
        return self.filter(commune=commune)

    def in_neighborhood(self, neighborhood):
        return self.filter(neighborhood=neighborhood)

    def search(self, text: str, *, by_national_id: bool = True):
        """Accent-insensitive search by name, code or CCCD (``households.search``: a substring, or a
        word start for a term under three letters)."""
        from households.search import condition

        found = condition(text, by_national_id=by_national_id)
        return self if found is None else self.filter(found)

    def with_category(self, year: int, category: str):
        """Households whose review of ``year`` (any round) classified them so."""
        return self.filter(reviews__year=year, reviews__category=category).distinct()

    def for_list(self):
        return self.select_related("neighborhood").only(
            "id",
            "code",
            "head_name",
            "address",
            "commune_id",
            "is_ethnic_minority",
            "has_meritorious_person",
            "without_labour_capacity",
            "neighborhood__id",
            "neighborhood__name",
            "neighborhood__position",
        )


class Household(Versioned):
    """A household of the commune (hộ gia đình), identified by a code unique within the commune."""

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="households", verbose_name="xã/phường/thị trấn"
    )
    neighborhood = models.ForeignKey(
        Neighborhood, on_delete=models.PROTECT, related_name="households", verbose_name="khu phố"
    )
    code = models.CharField("mã hộ", max_length=30, help_text="Duy nhất trong xã, ví dụ: KP1-0012")
    head_name = models.CharField("họ và tên chủ hộ", max_length=150)
    head_national_id = models.CharField(
        "số CCCD chủ hộ", max_length=12, blank=True, validators=[national_id_validator], help_text="12 chữ số"
    )
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    # Derived from the members where the household has members (kept for querying); set from the
    # workbook for households imported without members.
    is_ethnic_minority = models.BooleanField("dân tộc thiểu số", default=False)
    has_meritorious_person = models.BooleanField("có người có công", default=False)
    without_labour_capacity = models.BooleanField(
        "không có khả năng lao động",
        default=False,
        help_text="Không có thành viên trong độ tuổi lao động có khả năng lao động",
    )
    # fold(code + head name + CCCDs + member names): "nguyen thi huong" finds "Nguyễn Thị Hường" on
    # SQLite and PostgreSQL alike. On PostgreSQL a trigram index (migration 0004) serves LIKE '%…%'
    # (``households.search`` keeps a search bounded at any registry size). No btree on the key itself:
    # no lookup reads one (substrings go through the trigram index, walks through the code index), and
    # two of them (the key and its LIKE copy, on the history table too: 690 MB at 1M households) made
    # every import row write four long keys.
    search_key = models.CharField("khóa tìm kiếm", max_length=1000, blank=True, editable=False)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    history = HistoricalRecords()
    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = "hộ gia đình"
        verbose_name_plural = "hộ gia đình"
        ordering = ["code", "id"]
        constraints = [
            # The workbook matches a household by its code: unique within a commune.
            models.UniqueConstraint(fields=["commune", "code"], name="household_code_unique_per_commune"),
            # A head's CCCD identifies one person: one household at most.
            models.UniqueConstraint(
                fields=["head_national_id"],
                condition=HEAD_NATIONAL_ID_GIVEN,
                name="household_head_national_id_unique",
            ),
        ]
        indexes = [
            # The list page's keyset pagination within a khu phố (the khu phố head's view).
            models.Index(fields=["neighborhood", "code", "id"], name="household_nbh_code_idx"),
            models.Index(fields=["commune", "code", "id"], name="household_commune_code_idx"),
            # "Households of khu phố X classified C": a merge semi-join with review_year_category_idx,
            # both read in id order (the filtered list's capped count).
            models.Index(fields=["commune", "neighborhood", "id"], name="household_commune_nbh_id_idx"),
            # "Changed since the last approval" (households.queries.changed_since): the few rows
            # edited since a date, found without reading the registry.
            models.Index(fields=["updated_at"], name="household_updated_at_idx"),
        ]

    def __str__(self):
        return f"{self.code} – {self.head_name}"


class Member(Versioned):
    """A person of a household (nhân khẩu)."""

    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="members", verbose_name="hộ gia đình"
    )
    full_name = models.CharField("họ và tên", max_length=150)
    date_of_birth = models.DateField("ngày sinh", null=True, blank=True)
    sex = models.CharField("giới tính", max_length=10, choices=Sex.choices)
    relation_to_head = models.CharField(
        "quan hệ với chủ hộ", max_length=20, choices=Relation.choices, default=Relation.OTHER
    )
    national_id = models.CharField(
        "số CCCD",
        max_length=12,
        blank=True,
        validators=[national_id_validator],
        help_text="12 chữ số, nếu có",
    )
    is_ethnic_minority = models.BooleanField("dân tộc thiểu số", default=False)
    has_disability = models.BooleanField("người khuyết tật", default=False)
    is_meritorious = models.BooleanField("người có công với cách mạng", default=False)
    has_health_insurance = models.BooleanField("có thẻ bảo hiểm y tế", default=True)
    able_to_work = models.BooleanField("có khả năng lao động", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "thành viên hộ"
        verbose_name_plural = "thành viên hộ"
        ordering = ["household", "id"]
        constraints = [
            # A CCCD identifies one person: unique where given.
            models.UniqueConstraint(
                fields=["national_id"], condition=NATIONAL_ID_GIVEN, name="member_national_id_unique"
            ),
            # A household has one head (chủ hộ): the person the household is registered and reviewed
            # under (Luật Cư trú 68/2020/QH14 Điều 10, one chủ hộ per hộ gia đình — cần xác nhận: the
            # article was not found in the sources at hand). A partial unique index, both databases.
            models.UniqueConstraint(
                fields=["household"],
                condition=models.Q(relation_to_head="head"),
                name="member_one_head_per_household",
            ),
        ]

    def __str__(self):
        return self.full_name

"""The household list's filters (django-filter): khu phố, review year and category, flags, search."""

import django_filters
from django import forms

from households import messages
from households.models import Category, Household, Review
from households.search import is_short
from thoxuan_gnbv.messages import NATIONAL_ID_SEARCH_REFUSED
from thoxuan_gnbv.text import looks_like_national_id

FLAG_CHOICES = [("", "Tất cả"), ("1", "Có"), ("0", "Không")]


class HouseholdFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Tìm theo tên, mã hộ hoặc CCCD",
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    neighborhood = django_filters.ModelChoiceFilter(
        label="Khu phố", queryset=None, empty_label="Tất cả khu phố"
    )
    year = django_filters.TypedChoiceFilter(label="Năm rà soát", method="filter_year", coerce=int)
    category = django_filters.ChoiceFilter(
        label="Phân loại", choices=Category.choices, method="filter_category", empty_label="Tất cả"
    )
    is_ethnic_minority = django_filters.ChoiceFilter(
        label="Dân tộc thiểu số", choices=FLAG_CHOICES[1:], empty_label="Tất cả", method="filter_flag"
    )
    has_meritorious_person = django_filters.ChoiceFilter(
        label="Có người có công", choices=FLAG_CHOICES[1:], empty_label="Tất cả", method="filter_flag"
    )
    without_labour_capacity = django_filters.ChoiceFilter(
        label="Không có khả năng lao động",
        choices=FLAG_CHOICES[1:],
        empty_label="Tất cả",
        method="filter_flag",
    )
    # From the khu phố head's home page: households changed since the last approved review.
    changed_since = django_filters.IsoDateTimeFilter(
        label="Thay đổi sau", method="filter_changed_since", widget=forms.HiddenInput
    )

    class Meta:
        model = Household
        fields = []

    def __init__(
        self,
        data=None,
        *args,
        neighborhoods,
        years,
        default_year,
        by_national_id=True,
        apply_search=True,
        **kwargs,
    ):
        super().__init__(data, *args, **kwargs)
        # Searching by CCCD only for roles that may see it (access.can_search_by_national_id).
        self.by_national_id = by_national_id
        self.national_id_refused = ""  # the Vietnamese notice when a CCCD query was refused
        self.search_notice = ""  # a short term: matched at word starts
        # The list pages a search itself (households.search.search_page): it asks for the term only.
        self.apply_search = apply_search
        self.search_term = ""
        self.filters["neighborhood"].queryset = neighborhoods
        self.filters["year"].extra["choices"] = [(y, str(y)) for y in years] or [
            (default_year, str(default_year))
        ]
        self.default_year = default_year
        # Unbound, the select shows the year the list opens on, not its first (newest) choice.
        self.form.fields["year"].initial = default_year
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = css
        if not by_national_id:
            self.form.fields["q"].label = "Tìm theo tên hoặc mã hộ"

    @property
    def selected_year(self) -> int:
        if self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("year"):
            return self.form.cleaned_data["year"]
        return self.default_year

    def filter_search(self, queryset, name, value):
        if not self.by_national_id and looks_like_national_id(value):
            self.national_id_refused = NATIONAL_ID_SEARCH_REFUSED
        if is_short(value):
            self.search_notice = messages.SEARCH_SHORT.format(term=value.strip())
        self.search_term = value
        if not self.apply_search:
            return queryset
        return queryset.search(value, by_national_id=self.by_national_id)

    def filter_year(self, queryset, name, value):
        # The year chooses which review the list shows and which the category filter reads.
        return queryset

    def filter_category(self, queryset, name, value):
        reviewed = Review.objects.filter(year=self.selected_year, category=value).values("household_id")
        return queryset.filter(pk__in=reviewed)

    def filter_changed_since(self, queryset, name, value):
        from households.queries import changed_since

        return changed_since(queryset, value)

    def filter_flag(self, queryset, name, value):
        return queryset.filter(**{name: value == "1"})

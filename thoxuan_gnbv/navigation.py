"""Menu entries and home-page tasks contributed by each app.

``thoxuan_gnbv`` cannot import the domain apps, so each app registers what it shows in its
``AppConfig.ready``; the layout and the home page then ask for the entries a user may use.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    allowed: Callable[[object], bool]
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class HomeTask:
    """One line of "việc cần làm" on a user's home page."""

    text: str
    url: str = ""
    count: int | None = None
    level: str = "info"  # bootstrap contextual colour: info, warning, danger, success


@dataclass
class HomeSection:
    title: str
    tasks: list[HomeTask] = field(default_factory=list)
    order: int = 100
    # Optional template included under the tasks (e.g. a target-progress widget) and its context.
    template: str = ""
    context: dict = field(default_factory=dict)


_nav_items: list[NavItem] = []
_home_providers: list[Callable[[object], Iterable[HomeSection]]] = []


def register_nav(item: NavItem) -> None:
    if item not in _nav_items:
        _nav_items.append(item)


def register_home(provider: Callable[[object], Iterable[HomeSection]]) -> None:
    if provider not in _home_providers:
        _home_providers.append(provider)


def nav_for(user) -> list[NavItem]:
    items = []
    for item in sorted(_nav_items, key=lambda i: i.order):
        try:
            item.url  # noqa: B018 — an app not installed yet must not break the menu
        except NoReverseMatch:
            continue
        if item.allowed(user):
            items.append(item)
    return items


def home_sections_for(user) -> list[HomeSection]:
    sections = []
    for provider in _home_providers:
        sections.extend(provider(user))
    return sorted(sections, key=lambda s: s.order)

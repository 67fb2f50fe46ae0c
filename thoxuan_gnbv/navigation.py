"""Menu entries, home-page tasks and page panels contributed by each app.

``thoxuan_gnbv`` cannot import the domain apps, so each app registers what it shows in its
``AppConfig.ready``; the layout and the home page then ask for the entries a user may use. A page of
a lower app names a panel *slot* (``{% panels "household_detail" household %}``, tag library
``panels``) and a higher app fills it, so no lower template names a higher app's tag or URL
(ARCHITECTURE.md, layering).
"""

import datetime
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import timezone


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    allowed: Callable[[object], bool]
    order: int = 100
    # Shown to a province viewer who has not opened a commune: the commune menus would only answer 403.
    province_level: bool = False

    @property
    def url(self) -> str:
        return _menu_url(self.url_name, get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)


@functools.lru_cache(maxsize=256)
def _menu_url(url_name: str, script_prefix: str, urlconf, root_urlconf) -> str:
    """A menu address takes no arguments, so it is the same on every request of a process for a given
    URLconf and script prefix: reversed once, not four times per entry on every page (the menu check,
    the active entry, the link and its comparison cost ~1 ms a page). NoReverseMatch is not cached."""
    return reverse(url_name, urlconf=urlconf)


@dataclass(frozen=True)
class HomeTask:
    """One line of "việc cần làm" on a user's home page; ``due`` is its deadline when it has one."""

    text: str
    url: str = ""
    count: int | None = None
    level: str = "info"  # bootstrap contextual colour: info, warning, danger, success
    due: datetime.date | None = None

    def is_overdue(self, today: datetime.date) -> bool:
        return self.due is not None and self.due < today

    def urgency(self, today: datetime.date) -> tuple:
        """Overdue first (the oldest deadline first), then by deadline, then tasks without one."""
        if self.due is None:
            return (2, datetime.date.max)
        return (0 if self.due < today else 1, self.due)


@dataclass(frozen=True)
class HomeLine:
    """A task as the home page shows it on a given day: with how many days it is overdue."""

    task: HomeTask
    overdue_days: int = 0


@dataclass
class HomeSection:
    title: str
    tasks: list[HomeTask] = field(default_factory=list)
    order: int = 100
    # Pinned sections (the role's duties) stay on top; the others follow their most urgent task.
    pinned: bool = False
    lines: list[HomeLine] = field(default_factory=list)  # filled by home_sections_for
    # Optional template included under the tasks (e.g. a target-progress widget) and its context.
    template: str = ""
    context: dict = field(default_factory=dict)


# A panel provider takes (request, obj) and returns an HTML fragment, a (template, context) pair to
# render with the request, or None when it has nothing for this user or object.
PanelProvider = Callable[[object, object], "str | tuple[str, dict] | None"]

_nav_items: list[NavItem] = []
_home_providers: list[Callable[[object], Iterable[HomeSection]]] = []
_panels: dict[str, list[tuple[int, PanelProvider]]] = {}


def register_nav(item: NavItem) -> None:
    if item not in _nav_items:
        _nav_items.append(item)


def register_home(provider: Callable[[object], Iterable[HomeSection]]) -> None:
    if provider not in _home_providers:
        _home_providers.append(provider)


def nav_for(user, *, province_level: bool = False) -> list[NavItem]:
    """The menu of ``user``; ``province_level``: only the province's entries (no commune open)."""
    items = []
    for item in sorted(_nav_items, key=lambda i: i.order):
        if province_level and not item.province_level:
            continue
        try:
            item.url  # noqa: B018 — an app not installed yet must not break the menu
        except NoReverseMatch:
            continue
        if item.allowed(user):
            items.append(item)
    return items


def home_sections_for(user, today: datetime.date | None = None) -> list[HomeSection]:
    """Every provider's sections for ``user``, most urgent first: inside a section overdue tasks
    first, then by deadline; sections by their most urgent task, then by ``order``."""
    today = today or timezone.localdate()
    sections = []
    for provider in _home_providers:
        sections.extend(provider(user))
    for section in sections:
        section.tasks.sort(key=lambda task: task.urgency(today))
        section.lines = [
            HomeLine(task, (today - task.due).days if task.is_overdue(today) else 0) for task in section.tasks
        ]

    def section_key(section):
        first = min((task.urgency(today) for task in section.tasks), default=(2, datetime.date.max))
        return (not section.pinned, first, section.order)

    return sorted(sections, key=section_key)


def home_summary(sections: list[HomeSection], today: datetime.date | None = None) -> dict:
    """How many tasks are overdue and how many have a deadline, for the line above the sections."""
    today = today or timezone.localdate()
    tasks = [task for section in sections for task in section.tasks]
    return {
        "overdue": sum(task.is_overdue(today) for task in tasks),
        "dated": sum(task.due is not None for task in tasks),
        "today": today,
    }


def register_panel(slot: str, provider: PanelProvider, *, order: int = 100) -> None:
    """Contribute ``provider`` to every page that shows ``slot``; panels render by ``order``."""
    providers = _panels.setdefault(slot, [])
    if all(existing is not provider for _, existing in providers):
        providers.append((order, provider))
        providers.sort(key=lambda entry: entry[0])


def panels_for(slot: str, request, obj=None) -> list:
    """What every registered provider of ``slot`` gives for this request and object, in order, with
    the Nones left out: HTML fragments and (template, context) pairs for the ``panels`` tag to render."""
    results = (provider(request, obj) for _, provider in _panels.get(slot, ()))
    return [result for result in results if result is not None]

"""No template of a lower app names a higher app's template tag library, URL namespace or template
(docs/architecture.md: a higher app contributes to a lower app's page through a registered panel)."""

import re
from pathlib import Path

from django.urls import get_resolver

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
LAYERS = ["thoxuan_gnbv", "households", "programs", "reporting", "demo"]  # lowest first
CHECKED = ["households", "programs"]

LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
URL = re.compile(r"{%\s*url\s+['\"]([\w-]+):")
TEMPLATE_NAME = re.compile(r"{%\s*(?:include|extends)\s+['\"]([\w-]+)/")


def _libraries(app: str) -> set[str]:
    return {path.stem for path in (ROOT / app / "templatetags").glob("*.py") if path.stem != "__init__"}


def _namespaces() -> set[str]:
    return set(get_resolver().namespace_dict)


def offences(text: str, app: str, namespaces: set[str]) -> list[str]:
    """What ``text`` (a template of ``app``) names from the apps above ``app``."""
    higher = LAYERS[LAYERS.index(app) + 1 :]
    libraries = {name: owner for owner in higher for name in _libraries(owner)}
    found = []
    for match in LOAD.finditer(text):
        names = [name for name in match.group(1).split() if name != "from"]
        found += [f"load {name} ({libraries[name]})" for name in names if name in libraries]
    found += [f"url {ns}:" for ns in URL.findall(text) if ns in higher and ns in namespaces]
    found += [f"template {folder}/" for folder in TEMPLATE_NAME.findall(text) if folder in higher]
    return found


def test_no_lower_template_names_a_higher_apps_tag_url_or_template():
    namespaces = _namespaces()
    found = {
        str(path.relative_to(ROOT)): offence
        for app in CHECKED
        for path in sorted((TEMPLATES / app).rglob("*.html"))
        if (offence := offences(path.read_text(encoding="utf-8"), app, namespaces))
    }
    assert found == {}


def test_the_check_walks_the_templates_and_catches_each_kind_of_offence(monkeypatch):
    assert len(list((TEMPLATES / "households").rglob("*.html"))) > 5
    assert len(list((TEMPLATES / "programs").rglob("*.html"))) > 5
    namespaces = _namespaces()
    assert {"households", "programs", "reporting"} <= namespaces
    # A tag library programs once had: the check must catch it should one come back.
    monkeypatch.setattr(
        f"{__name__}._libraries", lambda app: {"programs_delivery"} if app == "programs" else set()
    )
    bad = (
        "{% load crispy_forms_tags programs_delivery %}"
        "<a href=\"{% url 'reporting:plan_pdf' plan.pk %}\"></a>"
        '{% include "programs/includes/household_support.html" %}'
    )
    assert offences(bad, "households", namespaces) == [
        "load programs_delivery (programs)",
        "url reporting:",
        "template programs/",
    ]
    assert offences("<a href=\"{% url 'reporting:plan_pdf' 1 %}\"></a>", "programs", namespaces) == [
        "url reporting:"
    ]
    fine = "{% load panels %}{% url 'programs:plan_list' %}{% include \"includes/x.html\" %}"
    assert offences(fine, "programs", namespaces) == []

"""The page-panel registry and its ``{% panels %}`` tag: providers in order, None left out, plain
strings escaped, (template, context) pairs rendered like an inclusion tag (their own context only)."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from thoxuan_gnbv import navigation


@pytest.fixture
def slot(monkeypatch):
    monkeypatch.setattr(navigation, "_panels", {})
    return "test_slot"


def _render(text, **context):
    request = RequestFactory().get("/")
    return Template("{% load panels %}" + text).render(Context({"request": request, **context}))


def test_panels_render_in_order_and_skip_providers_with_nothing(slot):
    navigation.register_panel(slot, lambda request, obj: f"<b>second {obj}</b>", order=20)
    navigation.register_panel(slot, lambda request, obj: None, order=5)
    first = lambda request, obj: ("includes/test_panel.html", {"word": "first"})  # noqa: E731
    navigation.register_panel(slot, first, order=10)
    navigation.register_panel(slot, first, order=10)  # registering twice (ready() re-run) adds nothing
    assert navigation.panels_for(slot, None, 1) == [
        ("includes/test_panel.html", {"word": "first"}),
        "<b>second 1</b>",
    ]


def test_plain_strings_are_escaped_and_templates_see_only_their_own_context(slot, tmp_path, settings):
    navigation.register_panel(slot, lambda request, obj: f"<b>{obj}</b>", order=20)
    navigation.register_panel(slot, lambda request, obj: ("panel.html", {"word": "đầu"}), order=10)
    (tmp_path / "panel.html").write_text("<i>{{ word }} {{ page_title }}</i>", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    html = _render('{% panels "test_slot" obj %}', obj="x", page_title="Hộ")
    assert html == "<i>đầu </i>&lt;b&gt;x&lt;/b&gt;"  # the page's variables do not leak in


def test_an_empty_slot_renders_nothing(slot):
    assert _render('{% panels "test_slot" 1 %}') == ""


def test_the_apps_register_their_panels_at_start_up():
    from programs.navigation import household_support_panel

    providers = {slot: [provider for _, provider in entries] for slot, entries in navigation._panels.items()}
    assert household_support_panel in providers["household_detail"]
    assert len(providers["plan_actions"]) == 1 and len(providers["plan_list_item"]) == 1

"""The portal's widget templates (includes written inline, see FORM_RENDERER) draw what Django's own
templates draw: values, labels, the selected option, option groups, extra and boolean attributes."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates


class FlaggedSelect(forms.Select):
    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value == "b":
            option["attrs"]["disabled"] = True
            option["attrs"]["data-note"] = 'a "quoted" <note>'
        return option


CHOICES = [
    ("", "— Chọn —"),
    ("Nhóm 1", [("a", "Hộ nghèo"), ("b", "Hộ cận nghèo")]),
    ("c", "Không thuộc diện & khác"),
]


def _spaceless(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


def test_select_renders_as_djangos_own_templates():
    for widget, value in (
        (FlaggedSelect(choices=CHOICES), "b"),
        (forms.SelectMultiple(choices=CHOICES), ["a", "c"]),
    ):
        attrs = {"id": "id_x", "class": "form-select", "required": True}
        ours = widget.render("x", value, attrs)
        django_own = widget.render("x", value, attrs, renderer=DjangoTemplates())
        assert _spaceless(ours) == _spaceless(django_own)
        assert "<optgroup" in ours and "selected" in ours
    assert 'disabled data-note="a &quot;quoted&quot; &lt;note&gt;"' in FlaggedSelect(choices=CHOICES).render(
        "x", ""
    )


def test_inputs_render_as_djangos_own_templates():
    attrs = {"id": "id_x", "class": "form-control", "required": True, "disabled": False, "maxlength": 30}
    for widget, value in (
        (forms.TextInput(), 'Nguyễn "Văn" <A> & B'),
        (forms.TextInput(), None),
        (forms.NumberInput(), 12),
        (forms.DateInput(format="%d/%m/%Y"), "03/04/2024"),
        (forms.HiddenInput(), "2024-01-01T00:00:00"),
        (forms.CheckboxInput(), True),
        (forms.CheckboxInput(), False),
    ):
        ours = widget.render("x", value, attrs)
        assert ours.strip() == widget.render("x", value, attrs, renderer=DjangoTemplates()).strip()
    assert 'value="Nguyễn &quot;Văn&quot; &lt;A&gt; &amp; B"' in forms.TextInput().render(
        "x", 'Nguyễn "Văn" <A> & B'
    )
    assert " checked" in forms.CheckboxInput().render("x", True)

"""Which parameters a page takes: the fields of its ``<form>``s (inputs, selects with their options,
textareas, file inputs), and every key a view reads from ``request.GET`` or ``request.POST`` while
answering (recorded by watching Django's ``QueryDict``)."""

from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

# Inputs a user never types into, or that carry no value worth varying.
IGNORED_INPUTS = frozenset({"submit", "button", "reset", "image", "hidden"})
IGNORED_NAMES = frozenset({"csrfmiddlewaretoken"})


@dataclass
class Field:
    kind: str = "text"  # an input type, "select", "textarea" or "file"
    options: list = field(default_factory=list)


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)


class FormParser(HTMLParser):
    def __init__(self, page_path: str):
        super().__init__()
        self.page_path = page_path
        self.forms: list[Form] = []
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = urlsplit(attrs.get("action") or self.page_path).path or self.page_path
            self.forms.append(Form(action, (attrs.get("method") or "get").lower()))
            return
        name = attrs.get("name")
        if not self.forms and tag != "option":
            return
        if tag == "option" and self.select is not None:
            self.select.options.append(attrs.get("value", ""))
        elif name and name not in IGNORED_NAMES and tag in ("input", "select", "textarea"):
            kind = tag if tag != "input" else (attrs.get("type") or "text").lower()
            if kind in IGNORED_INPUTS:
                return
            found = self.forms[-1].fields.setdefault(name, Field(kind))
            if tag == "select":
                self.select = found

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def forms_of(html: str, page_path: str) -> list[Form]:
    parser = FormParser(page_path)
    parser.feed(html)
    return parser.forms


@contextmanager
def reads():
    """Record every key looked up in a ``QueryDict`` (request.GET or request.POST) meanwhile; file
    inputs come from the page's forms."""
    keys: list[str] = []
    originals = {
        name: getattr(MultiValueDict, name) for name in ("get", "getlist", "__getitem__", "__contains__")
    }

    def watch(name):
        original = originals[name]

        def watched(self, key, *args, **kwargs):
            if isinstance(self, QueryDict) and isinstance(key, str) and key:
                keys.append(key)
            return original(self, key, *args, **kwargs)

        return watched

    for name in originals:
        setattr(MultiValueDict, name, watch(name))
    try:
        yield keys
    finally:
        for name, original in originals.items():
            setattr(MultiValueDict, name, original)

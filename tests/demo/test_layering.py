"""``demo`` sits on top of every app: it may import them all, and nothing imports it except its own
tests and the benchmarks (docs/architecture.md)."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {"demo", "bench", "tests"}
SKIPPED = {".venv", ".git", "static", "node_modules"}


def _imports_demo(tree: ast.AST) -> list[int]:
    """Line numbers of ``import demo…``, ``from demo… import`` and ``import_module("demo…")``."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            names = [arg.value for arg in node.args[:1] if isinstance(arg, ast.Constant)]
            names = [name for name in names if isinstance(name, str)]
        else:
            continue
        if any(name == "demo" or name.startswith("demo.") for name in names):
            lines.append(node.lineno)
    return lines


def _source_files():
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in ALLOWED or SKIPPED.intersection(parts):
            continue
        yield path


def test_no_module_outside_demo_bench_and_tests_imports_demo():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _source_files()
        for line in _imports_demo(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    ]
    assert offenders == []


def test_the_check_sees_the_apps_and_catches_an_import():
    checked = {path.relative_to(ROOT).parts[0] for path in _source_files()}
    assert {"thoxuan_gnbv", "households", "programs", "reporting", "manage.py", "conftest.py"} <= checked
    sample = "import demo\nfrom demo.builders import People\nimport importlib\nimportlib.import_module('demo.users')\n"
    assert _imports_demo(ast.parse(sample)) == [1, 2, 4]
    assert _imports_demo(ast.parse("import demography\nfrom households import demo_view\n")) == []


def test_demo_is_installed_after_the_domain_apps():
    apps = settings.INSTALLED_APPS
    assert apps.index("demo") > max(apps.index(app) for app in ("households", "programs", "reporting"))

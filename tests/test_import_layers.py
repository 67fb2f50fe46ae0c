"""The dependency direction of docs/architecture.md: demo → reporting → programs → households →
thoxuan_gnbv. A module may import its own app and the apps below it, never one above (function-level
imports included), and the module graph of the apps has no import cycle at load time."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["thoxuan_gnbv", "households", "programs", "reporting", "demo"]


def _modules():
    for app in LAYERS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            yield ".".join(parts), path


def _imports(path: Path, module: str, *, top_level_only: bool = False) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    nodes = tree.body if top_level_only else ast.walk(tree)
    found = []
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in nodes:
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((name, node.lineno))
            found += [(f"{name}.{alias.name}", node.lineno) for alias in node.names]
    return found


def upward_imports() -> list[str]:
    offenders = []
    for module, path in _modules():
        own = LAYERS.index(module.split(".")[0])
        for name, line in _imports(path, module):
            top = name.split(".")[0]
            if top in LAYERS and LAYERS.index(top) > own:
                offenders.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return sorted(set(offenders))


def test_no_app_imports_an_app_above_it():
    assert upward_imports() == []


def find_cycles(graph: dict[str, set[str]]) -> list[str]:
    state, cycles = {}, []

    def visit(node, trail):
        state[node] = "open"
        for dep in sorted(graph[node]):
            if state.get(dep) == "open":
                cycles.append(" → ".join([*trail[trail.index(dep) :], dep]))
            elif dep not in state:
                visit(dep, [*trail, dep])
        state[node] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_no_import_cycle_at_load_time():
    modules = dict(_modules())
    graph = {
        module: {
            name
            for name, _ in _imports(path, module, top_level_only=True)
            if name in modules and name != module
        }
        for module, path in modules.items()
    }
    # A package imports its own submodules to re-export them; that edge is not a cycle of layers.
    for module, deps in graph.items():
        graph[module] = {d for d in deps if not d.startswith(module + ".")}
    assert find_cycles(graph) == []


def test_the_checks_see_every_app_and_would_catch_an_upward_import(tmp_path):
    apps = {module.split(".")[0] for module, _ in _modules()}
    assert apps == set(LAYERS)
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from reporting.models import Report\n", encoding="utf-8")
    names = [name for name, _ in _imports(sample, "households.x")]
    assert "reporting.models" in names
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a → b → c → a"]
    assert find_cycles({"a": {"b"}, "b": set()}) == []

"""No import cycles between the modules of editor_app.

Every module is parsed (never imported) and each import statement becomes an edge to the
editor_app module it names: ``import a.b.c`` and ``from a.b import c`` point at ``a.b.c`` when
that is a module, else at the nearest package that exists. Imports at module level and inside
functions and methods both count: a deferred import only moves the cycle from load time to
call time, and the two modules still cannot be understood or moved one without the other.
Imports under ``if TYPE_CHECKING:`` do not count: they never run and only name types for
annotations. Importing a submodule also runs its parent packages' ``__init__``; those implicit
edges are not counted (every submodule would otherwise be in a cycle with a package that
re-exports it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import editor_app

PACKAGE_ROOT = Path(editor_app.__file__).resolve().parent


def _modules() -> dict[str, tuple[Path, bool]]:
    """Dotted name -> (file, is a package), for every module of editor_app."""
    out = {}
    for path in sorted(PACKAGE_ROOT.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts.pop()
        out[".".join(parts)] = (path, package)
    return out


MODULES = _modules()


def _resolve(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(module: str) -> set[str]:
    """The editor_app modules that ``module`` imports, anywhere in its code."""
    path, package = MODULES[module]
    here = module if package else module.rpartition(".")[0]
    named: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = here.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                named.add(full if full in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    found = {_resolve(name) for name in named if name.split(".")[0] == "editor_app"}
    return {m for m in found if m and m != module}


def import_graph() -> dict[str, set[str]]:
    return {module: imports_of(module) for module in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def describe(graph: dict[str, set[str]], component: list[str]) -> str:
    members = set(component)
    return "\n".join(f"  {m} -> {', '.join(sorted(graph[m] & members))}" for m in component)


def test_the_graph_sees_imports_of_every_kind() -> None:
    graph = import_graph()
    assert "editor_app.core.model" in graph["editor_app.core.storage"]  # module level
    # Inside a function (the importer dispatch defers its readers).
    assert "editor_app.core.importers.md_newsletter" in graph["editor_app.core.importers"]
    assert len(graph) > 100


def test_cycle_finder_reports_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_editor_app_has_no_import_cycles() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n\n".join(describe(graph, c) for c in found)


def test_preferences_is_a_leaf_of_the_gui() -> None:
    # The window and the workspace apply preferences; the preferences know neither.
    gui = {m for m in imports_of("editor_app.gui.preferences") if m.startswith("editor_app.gui")}
    assert gui <= {"editor_app.gui", "editor_app.gui.i18n", "editor_app.gui.theme",
                   "editor_app.gui.app_settings"}  # fmt: skip

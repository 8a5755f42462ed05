"""The package's shape: data flows one way, so modules never import each other in a cycle,
and each stage imports only the stages before it (README "How it works")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lapkin_audit"

# What each stage may import besides itself. Anything not listed is a wrong direction:
# checks never decide, renderers never load files, the domain knows no file formats.
# model is the vocabulary every stage shares (rules are declared with it where they are
# found, and indexed by decide.catalogue).
BASE = {"model"}
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "errors": BASE,
    "lang": BASE,
    "domain": BASE,
    "load": BASE | {"errors", "lang", "domain"},
    # reading the attachments' content into facts, between load and checks
    "evidence": BASE | {"errors", "domain", "load"},
    "checks": BASE | {"lang", "domain", "load", "evidence"},
    "decide": BASE | {"errors", "lang", "domain", "load", "evidence", "checks"},
    "batch": BASE | {"errors", "lang", "domain", "load", "evidence", "decide"},
    "authoring": BASE | {"errors", "lang", "domain", "load", "evidence", "decide"},  # evidence: its limited child
    "report": BASE | {"lang"},
    "cli": BASE | {"errors", "lang", "domain", "load", "evidence", "decide", "batch", "authoring", "report"},
    "__main__": {"cli"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def _type_only(tree: ast.Module) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:``: names for annotations, not dependencies."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skipped.update(id(child) for child in ast.walk(node))
    return skipped


def imports_of(name: str) -> set[str]:
    """Every lapkin_audit module ``name`` imports, at the top or inside a function."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    type_only = _type_only(tree)
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from lapkin_audit.load import manifest` imports the module manifest
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: imports_of(name) for name in MODULES}


def test_no_import_cycles():
    # Tarjan's strongly connected components: any component of more than one module is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(GRAPH[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert cycles == []


def stage(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if stage(n) != "__init__"))
def test_each_stage_imports_only_the_stages_before_it(name):
    mine = stage(name)
    wrong = sorted(target for target in GRAPH[name] if stage(target) not in ALLOWED[mine] | {mine, "__init__"})
    assert wrong == [], f"{name} ({mine}) may import only {sorted(ALLOWED[mine])}"


def test_every_stage_is_in_the_table():
    assert {stage(name) for name in MODULES} - {"__init__"} <= set(ALLOWED)

"""The package's shape: data flows one way, so modules never import each other in a cycle,
and each stage imports only the stages before it (README "How it works")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lapkin_audit"

# What each stage may import besides itself, in the order data flows. Anything not listed
# is a wrong direction: checks never decide and never load, the judge reads no file,
# renderers never load files, the domain knows no file formats. model is the vocabulary every
# stage shares (rules are declared with it where they are found, indexed by decide.catalogue).
BASE = {"model"}
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "budget": set(),  # a dossier's time budget, in CPU time: passed down, never a signal
    "classcode": set(),  # the compiled code of the package's dataclasses, kept like bytecode
    "atomic": set(),  # replacing a file whole: every writer of a file a person names
    "lang": BASE,
    "errors": BASE | {"lang"},  # problems that stop a command: coded, rendered by lang
    "unassessable": BASE | {"lang"},  # the E rules: found by load, gather and the judge
    "domain": BASE,
    "load": BASE | {"errors", "lang", "domain", "unassessable"},
    # reading the attachments' content into facts, between load and gather
    "evidence": BASE | {"errors", "domain", "load"},
    # the only stage that reads a dossier's files: manifest, attachments, evidence, timeline
    "gather": BASE | {"budget", "errors", "lang", "domain", "load", "evidence"},
    "checks": BASE | {"lang", "domain", "evidence", "gather"},
    # the judge: checks, waivers, scope, stamping, the verdict; and the baseline
    "decide": BASE | {"budget", "errors", "lang", "domain", "unassessable", "gather", "checks"},
    "report": BASE | {"errors", "lang", "atomic"},
    # every setting, declared once: the command line's options and the file's keys
    "settings": BASE | {"lang", "load", "evidence", "decide", "report"},  # evidence: the reading limits
    "batch": BASE | {"budget", "errors", "lang", "domain", "load", "evidence", "gather", "decide"},
    "authoring": BASE
    | {
        "errors",
        "lang",
        "domain",
        "load",
        "unassessable",
        "evidence",
        "decide",
        "atomic",
    },  # evidence: its limited child
    # the library: the one entry of every front end
    "api": BASE | {"errors", "load", "decide", "report", "settings", "batch", "evidence"},
    # the Sekretaris's desk: a front end over the library, as the command line is
    "desk": BASE | {"errors", "lang", "load", "authoring", "report", "api", "atomic"},
    "cli": BASE
    | {"errors", "lang", "load", "unassessable", "decide", "authoring", "report", "settings", "api", "desk"},
    "__main__": {"cli"},
}

# The modules that open a dossier's files (its manifest, its attachments). Of the stages that
# audit, only gather may use them; authoring's `hash` writes manifests, and reads them too.
READERS = {
    "lapkin_audit.load.manifest",
    "lapkin_audit.load.build",
    "lapkin_audit.load.yamlread",
    "lapkin_audit.load.attachments",
}
MAY_READ = {"load", "evidence", "gather", "authoring"}
# The only module that decides a verdict.
JUDGE = "lapkin_audit.decide.judge"


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


@pytest.mark.parametrize("name", sorted(n for n in MODULES if stage(n) not in MAY_READ))
def test_only_gather_reads_a_dossiers_files(name):
    assert GRAPH[name] & READERS == set(), f"{name} reads dossier files: only the gather stage may"


def _decides_a_verdict(tree: ast.Module) -> list[str]:
    """What in a module decides a verdict: calling ``verdict_of``, building a ``DossierResult``
    with a verdict named in the code, or replacing a result's verdict."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "verdict_of":
            found.append(f"line {node.lineno}: verdict_of")
        if not isinstance(node, ast.Call):
            continue
        callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        named = [
            a
            for a in node.args
            if isinstance(a, ast.Attribute) and isinstance(a.value, ast.Name) and a.value.id == "Verdict"
        ]
        if callee == "DossierResult" and named:
            found.append(f"line {node.lineno}: DossierResult(..., Verdict.{named[0].attr})")
        if callee == "replace" and any(k.arg == "verdict" for k in node.keywords):
            found.append(f"line {node.lineno}: replace(..., verdict=...)")
    return found


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n != JUDGE))
def test_only_the_judge_decides_a_verdict(name):
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    assert _decides_a_verdict(tree) == [], f"{name} decides a verdict: only {JUDGE} may"


def test_the_judge_is_found_deciding():
    tree = ast.parse(MODULES[JUDGE].read_text(encoding="utf-8"))
    assert _decides_a_verdict(tree)  # the test above would pass vacuously if it saw nothing


# Module-level state the core may keep: none that a run's settings or data shape. Each name
# here says why it is not a run's state (the session owns those: batch/session.py).
MODULE_STATE = {
    "lapkin_audit.batch.parallel": {"_session", "_FORK_HOOK"},  # a worker process serves one session
    "lapkin_audit.model.codec": {"_ENCODERS", "_DECODERS"},  # how to code each type, worked out once
    # pure functions of their argument, remembered: the same for every run
    "lapkin_audit.domain.people": {"normalize_name"},
    "lapkin_audit.domain.worktime": {"zone_info"},
    "lapkin_audit.domain.numbers": {"_parsed", "find_scale"},
    "lapkin_audit.domain.indicators": {"_normalized_default"},
    "lapkin_audit.domain.content.tables": {"header_of"},
}
CORE = {"gather", "checks", "decide", "batch", "model", "domain", "budget", "settings", "api"}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if stage(n) in CORE))
def test_the_core_keeps_no_state_in_its_modules(name):
    """No ``global`` statement and no module-level memo (a dict or list filled as the program
    runs, a functools cache): what a run keeps, its session keeps."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    kept = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            kept.update(node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                text = ast.unparse(decorator)
                if text.split("(")[0].rsplit(".", 1)[-1] in ("cache", "lru_cache"):
                    kept.add(node.name)
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, (ast.Dict, ast.List)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            empty = not (node.value.keys if isinstance(node.value, ast.Dict) else node.value.elts)
            for target in targets:
                if isinstance(target, ast.Name) and empty and not target.id.startswith("__"):
                    kept.add(target.id)  # an empty table at the top of a module is filled later
    assert kept <= MODULE_STATE.get(name, set()), f"{name} keeps {sorted(kept - MODULE_STATE.get(name, set()))}"

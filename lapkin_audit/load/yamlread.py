"""Safe YAML reading that keeps the line of every field, for every YAML file the tool reads.

libyaml (C) composes the node tree; we build plain Python values from it ourselves,
which lets us record ``field path -> line``, report duplicate keys (YAML silently keeps
the last), refuse every tag that is not plain data, and stop alias bombs and absurd
nesting before they cost memory or crash the C composer.

Problems are generic (``UNREADABLE`` or ``SYNTAX``, a message id of ``lang.messages``
and its arguments): the manifest loader makes them E001/E002 findings, the rules loader
a ``RulesError`` naming the file and line.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lapkin_audit.lang.messages import Nested
from lapkin_audit.load.safefile import NotRegular, read_regular

if yaml.__with_libyaml__:
    _Loader: type = yaml.CSafeLoader
else:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
    print(
        "lapkin-audit: PyYAML has no libyaml; reading manifests about 8x slower",
        file=sys.stderr,
    )

MAX_BYTES = 1024 * 1024  # a real manifest is a few KB
MAX_NODES = 100_000  # values built, counting every alias expansion
MAX_DEPTH = 64  # a manifest is at most ~6 levels deep
# The C composer recurses per nesting level and crashes (SIGSEGV, not an exception) on
# deep input: about 25,000 levels on an 8 MiB stack, 4,000 on a 1 MiB one (a thread's).
# Every collection that libyaml opens starts at one of the characters `[ { - ? :` (an
# indentation increase is only ever rolled at `-`, `?` or `:`), so their count bounds the
# depth. Under this many, compose directly; at or over it, measure the depth on the
# (non-recursive) event stream first. 2,000 levels need about 0.7 MiB of stack.
_OPENERS = "[{-?:"
_COMPOSER_SAFE_OPENERS = 2_000
# Integers this large are never data (a year, a step number); far larger ones (built by
# sexagesimal arithmetic, `1:0:0:...`) would even break str() in every message.
_MAX_INT = 10**100

_T = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_T + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_constructor = yaml.constructor.SafeConstructor()


UNREADABLE = "unreadable"  # the file cannot be had as text, or its YAML is too big or deep
SYNTAX = "syntax"  # the text is not valid YAML, or holds what plain data may not


@dataclass(frozen=True)
class ReadProblem:
    """Why a YAML file could not be read (``UNREADABLE``) or parsed (``SYNTAX``)."""

    kind: str
    message: str
    args: dict[str, Any]
    line: int | None = None


class _Stop(Exception):
    def __init__(self, problem: ReadProblem) -> None:
        self.problem = problem


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str | ReadProblem:
    """The file's text, or why it cannot be had.

    Never opens anything but a regular file inside the file's own folder: a link that
    leads out of it (to ``/etc/passwd``, to a CI secret) is refused unread, since
    findings quote keys and values and reports are often published.
    """
    if os.path.islink(path) and not _inside(os.path.realpath(path), os.path.realpath(path.parent)):
        return ReadProblem(UNREADABLE, "read.outside", {"path": path.name})
    try:
        info = path.stat()  # follows links: a link to a regular file in the folder is fine
    except FileNotFoundError:
        if os.path.islink(path):
            return ReadProblem(UNREADABLE, "read.broken_link", {"path": path.name})
        return ReadProblem(UNREADABLE, "read.missing", {"path": path.name})
    except OSError as exc:
        return ReadProblem(UNREADABLE, "read.os_error", {"error": exc.strerror or str(exc)})
    if not stat.S_ISREG(info.st_mode):
        return ReadProblem(UNREADABLE, "read.not_file", {"path": path.name})
    if info.st_size > max_bytes:
        return ReadProblem(UNREADABLE, "read.too_large", {"size": info.st_size, "limit": max_bytes})
    try:
        data = read_regular(path, max_bytes + 1)  # a FIFO swapped in since stat() cannot hang it
    except NotRegular:
        return ReadProblem(UNREADABLE, "read.not_file", {"path": path.name})
    except OSError as exc:
        return ReadProblem(UNREADABLE, "read.os_error", {"error": exc.strerror or str(exc)})
    if len(data) > max_bytes:
        return ReadProblem(UNREADABLE, "read.too_large", {"size": len(data), "limit": max_bytes})
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ReadProblem(UNREADABLE, "read.utf16", {})
    # A UTF-8 byte-order mark is Notepad's default, and YAML allows it: read past it.
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(data, exc)


def _not_utf8(data: bytes, exc: UnicodeDecodeError) -> ReadProblem:
    """Name the real cause: a file saved as Windows-1252 ("ANSI") shows its line as it reads there."""
    line = data[: exc.start].count(b"\n") + 1
    start = data.rfind(b"\n", 0, exc.start) + 1
    end = data.find(b"\n", exc.start)
    raw_line = data[start : end if end != -1 else len(data)][:120]
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return ReadProblem(UNREADABLE, "read.not_utf8", {"offset": exc.start}, line)
    return ReadProblem(UNREADABLE, "read.cp1252", {"text": raw_line.decode("cp1252").strip()}, line)


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def mapping_text(path: Path) -> tuple[str, dict[str, Any]] | ReadProblem:
    """The text of a YAML file that parses to a mapping (a manifest) and that mapping, or why
    it is not one: what a tool that edits a manifest in place (``hash``, the desk's form)
    starts from."""
    text = read_text(path)
    if isinstance(text, ReadProblem):
        return text
    data, _, problems = parse(text)
    if problems or not isinstance(data, dict):
        return problems[0] if problems else ReadProblem(SYNTAX, "format.empty", {})
    return text, data


def parse(text: str) -> tuple[Any, dict[str, int], list[ReadProblem]]:
    """Plain data, ``field path -> line``, and problems (duplicate keys) that did not stop parsing.

    Raises nothing for bad input: an unreadable document gives ``(None, {}, [problem])``.
    """
    openers = sum(text.count(char) for char in _OPENERS)
    if openers >= _COMPOSER_SAFE_OPENERS:
        deep = _too_deep(text)
        if deep is not None:
            return None, {}, [deep]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if _libyaml_depth_limit(exc):
            return None, {}, [ReadProblem(UNREADABLE, "read.too_deep", {"limit": MAX_DEPTH}, line)]
        column = mark.column + 1 if mark else None
        return None, {}, [_syntax_problem(text, exc, line, column)]
    except yaml.reader.ReaderError as exc:  # a control character, which YAML never allows
        return None, {}, [_reader_problem(text, exc)]
    except yaml.YAMLError:
        return None, {}, [ReadProblem(SYNTAX, "yaml.syntax", {"problem": _nested("other"), "line": "?", "column": "?"})]
    except RecursionError:
        return None, {}, [ReadProblem(UNREADABLE, "read.too_deep", {"limit": MAX_DEPTH})]
    if node is None:
        return None, {}, []
    builder = _Builder()
    try:
        value = builder.build(node, "", 0)
    except _Stop as stop:
        return None, {}, [stop.problem]
    return value, builder.lines, builder.problems


# Typing habits that break YAML, named by their real cause instead of the parser's words.
_TAB_INDENT = re.compile(r"^ *\t")
_HASH_IN_FLOW = re.compile(r"[{\[][^}\]\n#]*\s#")
_CURLY = "\u201c\u201d\u2018\u2019\u201e"  # “ ” ‘ ’ „ as Word types them
_CURLY_VALUE = re.compile(rf"(?:^|[:{{\[,]\s|^\s*-\s)\s*[{_CURLY}]")


# libyaml's problems and contexts (its own English words, which no office reads) -> the
# ids of their messages (lang.messages ``yaml.problem.*`` and ``yaml.context.*``).
_PROBLEMS = {
    "did not find expected ',' or '}'": "flow_mapping_end",
    "did not find expected ',' or ']'": "flow_sequence_end",
    "mapping values are not allowed in this context": "mapping_values",
    "did not find expected key": "expected_key",
    "did not find expected '-' indicator": "expected_dash",
    "block sequence entries are not allowed in this context": "block_sequence",
    "found unexpected end of stream": "end_of_stream",
    "found undefined alias": "undefined_alias",
    "second occurrence": "duplicate_anchor",
    "but found another document": "another_document",
    "found character that cannot start any token": "bad_start",
    "found unknown escape character": "bad_escape",
    "could not find expected ':'": "expected_colon",
    "did not find expected node content": "node_content",
    "did not find expected alphabetic or numeric character": "anchor_name",
    "did not find expected comment or line break": "trailing",
    "found unexpected ':'": "unexpected_colon",
    "found unknown directive name": "directive",
    "found unexpected document indicator": "document_indicator",
    "found a tab character that violates indentation": "tab",
    "found a tab character where an indentation space is expected": "tab",
}
_CONTEXTS = {
    "while parsing a flow mapping": "flow_mapping",
    "while parsing a flow sequence": "flow_sequence",
    "while parsing a flow node": "flow_sequence",
    "while parsing a block mapping": "block_mapping",
    "while parsing a block collection": "block_collection",
    "while parsing a block node": "block_mapping",
    "while scanning a quoted scalar": "quoted",
    "while parsing a quoted scalar": "quoted",
    "while scanning a simple key": "simple_key",
    "while scanning a plain scalar": "plain",
    "expected a single document in the stream": "document",
    "found duplicate anchor; first occurrence": "anchor",
}


def _nested(key: str) -> Nested:
    return Nested(f"yaml.problem.{key}")


def _syntax_problem(text: str, exc: yaml.MarkedYAMLError, line: int | None, column: int | None) -> ReadProblem:
    """The parser's problem in the reader's words: a known habit by its cause, else the
    problem (and what was open, and since which line) by a message of its own."""
    found = _typing_habit(text, line)
    if found is not None:
        return found
    problem = _PROBLEMS.get(exc.problem or "", "other")
    args: dict[str, Any] = {"problem": _nested(problem), "line": line or "?", "column": column or "?"}
    context = _CONTEXTS.get(exc.context or "")
    if context is not None and exc.context_mark is not None and exc.problem_mark is not None:
        args.update(context=Nested(f"yaml.context.{context}"), context_line=exc.context_mark.line + 1)
        return ReadProblem(SYNTAX, "yaml.syntax_in", args, line)
    return ReadProblem(SYNTAX, "yaml.syntax", args, line)


def _reader_problem(text: str, exc: yaml.reader.ReaderError) -> ReadProblem:
    """A character YAML never allows (a control character pasted from another program)."""
    before = text[: max(exc.position, 0)]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    args = {"line": line, "column": column, "character": f"U+{code:04X}"}
    return ReadProblem(SYNTAX, "yaml.control_character", args, line)


def _typing_habit(text: str, line: int | None) -> ReadProblem | None:
    if line is not None:
        lines = text.splitlines()
        # The parser stops at or just after the cause: look at the few lines before it too.
        for number in range(line, max(line - 3, 0), -1):
            source = lines[number - 1] if number - 1 < len(lines) else ""
            if _TAB_INDENT.match(source):
                return ReadProblem(SYNTAX, "yaml.tab", {}, number)
            if _CURLY_VALUE.search(source):
                return ReadProblem(SYNTAX, "yaml.curly_quotes", {}, number)
            if _HASH_IN_FLOW.search(source):
                return ReadProblem(SYNTAX, "yaml.hash_in_flow", {}, number)
    return None


def curly_quote_lines(text: str) -> set[int]:
    """Lines where a value opens with a curly quote (“Drs. Bambang, M.Si”), which YAML reads as text."""
    if not any(char in text for char in _CURLY):
        return set()
    return {number for number, source in enumerate(text.splitlines(), 1) if _CURLY_VALUE.search(source)}


def _too_deep(text: str) -> ReadProblem | None:
    """Event-level depth check (libyaml's parser is not recursive, its composer is)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else None
                    return ReadProblem(UNREADABLE, "read.too_deep", {"limit": MAX_DEPTH}, line)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        if _libyaml_depth_limit(exc):
            mark = exc.problem_mark or exc.context_mark
            return ReadProblem(UNREADABLE, "read.too_deep", {"limit": MAX_DEPTH}, mark.line + 1 if mark else None)
        return None  # compose will report the syntax error with its position
    except yaml.YAMLError:
        return None
    return None


def _libyaml_depth_limit(exc: yaml.MarkedYAMLError) -> bool:
    """The libyaml bundled with recent PyYAML wheels (6.0.4) stops at nesting depth 1000 itself.

    Older builds do not, and our own limit (``MAX_DEPTH``) is far lower, so both must end
    in the same finding: too deep is E001 whichever library version noticed it first.
    """
    return "maximum nesting depth" in (exc.problem or "")


class _Builder:
    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.problems: list[ReadProblem] = []
        self.count = 0

    def build(self, node: yaml.Node, path: str, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Stop(ReadProblem(UNREADABLE, "read.expansion", {"limit": MAX_NODES}))
        if depth > MAX_DEPTH:
            raise _Stop(ReadProblem(UNREADABLE, "read.too_deep", {"limit": MAX_DEPTH}, _line(node)))
        self.lines.setdefault(path, _line(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _T + "seq":
                raise _Stop(_bad_tag(node))
            return [self.build(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        raise _Stop(_bad_tag(node))  # pragma: no cover - yaml has only three node kinds

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise _Stop(_bad_tag(node))
        if node.tag == _T + "str":
            return _without_curly_quotes(node)
        try:
            # Call the scalar constructor directly: construct_object would remember every node.
            value = _constructor.yaml_constructors[node.tag](_constructor, node)
        except Exception:
            # e.g. `2024-02-30` (resolved as a timestamp), `!!bool maybe` (KeyError),
            # `!!timestamp x` (AttributeError), an int too long for int(): said by the kind
            # of value it should have been, never in the library's English.
            detail = Nested(f"yaml.scalar.{node.tag.rsplit(':', 1)[-1]}")
            raise _Stop(
                ReadProblem(SYNTAX, "yaml.bad_scalar", {"value": node.value, "detail": detail}, _line(node))
            ) from None
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _MAX_INT:
            detail = Nested("yaml.scalar.too_large")
            raise _Stop(ReadProblem(SYNTAX, "yaml.bad_scalar", {"value": node.value, "detail": detail}, _line(node)))
        return value

    def _mapping(self, node: yaml.MappingNode, path: str, depth: int) -> dict[Any, Any]:
        if node.tag != _T + "map":
            raise _Stop(_bad_tag(node))
        result: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        merged: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _T + "merge":
                for source in self._merge_sources(value_node, path, depth):
                    for key, value in source.items():
                        merged.setdefault(key, value)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Stop(ReadProblem(SYNTAX, "yaml.complex_key", {}, _line(key_node)))
            key = self._scalar(key_node)
            try:
                hash(key)
            except TypeError:  # pragma: no cover - scalars are hashable
                raise _Stop(ReadProblem(SYNTAX, "yaml.complex_key", {}, _line(key_node))) from None
            child = f"{path}.{key}" if path else str(key)
            if key in seen:
                self.problems.append(
                    ReadProblem(SYNTAX, "yaml.duplicate_key", {"key": str(key), "first": seen[key]}, _line(key_node))
                )
            seen[key] = _line(key_node)
            self.lines[child] = _line(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        for key, value in merged.items():
            result.setdefault(key, value)
        return result

    def _merge_sources(self, node: yaml.Node, path: str, depth: int) -> list[dict[Any, Any]]:
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        sources = []
        for item in nodes:
            value = self.build(item, path, depth + 1)
            if not isinstance(value, dict):
                raise _Stop(ReadProblem(SYNTAX, "yaml.bad_merge", {}, _line(item)))
            sources.append(value)
        return sources


def _without_curly_quotes(node: yaml.ScalarNode) -> str:
    """A plain value wrapped whole in Word's curly quotes means the text inside them."""
    value: str = node.value
    if not node.style and len(value) >= 2 and value[0] in "\u201c\u201e\u2018" and value[-1] in "\u201d\u2019":
        return value[1:-1]
    return value


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1 if node.start_mark is not None else 1


def _bad_tag(node: yaml.Node) -> ReadProblem:
    return ReadProblem(SYNTAX, "yaml.tag", {"tag": node.tag}, _line(node))

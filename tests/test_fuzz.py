"""Property-based fuzzing: whatever the manifest, the checker answers, and always the same.

Properties, for every generated input:
- nothing raises out of ``engine.assess``, the report renderers or the CLI;
- there is always a verdict, and it agrees with the findings (any E: TIDAK_DAPAT_DINILAI);
- never E000: an internal error on some input is a bug in the checker;
- the same input gives the same JSON bytes, run after run.

Inputs: (a) the compliant fixture with mutated values, deleted keys and unknown keys;
(b) random YAML-ish text, the compliant text with random splices, random bytes.

``LAPKIN_FUZZ_EXAMPLES`` sets the examples per property (default 60, so the suite stays
fast); ``make fuzz`` runs 10,000. With ``CI`` set the examples are derandomized.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lapkin_audit import __version__
from lapkin_audit.batch.one import assess
from lapkin_audit.cli import cli
from lapkin_audit.model import Report, Verdict
from lapkin_audit.report import json_report, table
from tests.helpers import FIXTURES, session
from tests.hostile_util import PATUH

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("LAPKIN_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
CLI_FUZZ = settings(FUZZ, max_examples=max(10, EXAMPLES // 10))  # a CLI run costs ~10 assessments

BASE_TEXT = (PATUH / "dossier.yaml").read_text(encoding="utf-8")
BASE = yaml.safe_load(BASE_TEXT)


def _other_bases() -> list[Any]:
    """The other fixture manifests that load (waivers, revisions, other zones...): more paths to mutate."""
    bases = []
    for manifest in sorted(FIXTURES.glob("*/dossier.yaml")):
        try:
            data = yaml.safe_load(manifest.read_bytes())
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and manifest.parent != PATUH:
            bases.append(data)
    return bases


BASES = [BASE, BASE, BASE] + _other_bases()  # the compliant one most often


# --------------------------------------------------------------------------- the property


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """One dossier folder with the compliant attachments; each example rewrites its manifest."""
    folder = tmp_path_factory.mktemp("fuzz") / "dossier"
    shutil.copytree(PATUH / "lampiran", folder / "lampiran")
    return folder


@pytest.fixture(scope="module")
def check(folder, sops):
    def run(manifest: bytes) -> None:
        (folder / "dossier.yaml").write_bytes(manifest)
        outputs = []
        for lang in ("id", "en", "id"):
            result = assess(folder / "dossier.yaml", "dossier", session(sops, lang))
            assert isinstance(result.verdict, Verdict)
            if lang == "en":
                event(result.verdict.value)  # seen with --hypothesis-show-statistics
            rules = [f.rule for f in result.findings]
            assert "E000" not in rules, result.findings[0].message
            if any(rule.startswith("E") for rule in rules):
                assert result.verdict is Verdict.TIDAK_DAPAT_DINILAI
            assert list(result.findings) == sorted(result.findings, key=lambda f: f.sort_key())
            report = Report(__version__, lang, (result,))
            table.render(report)
            outputs.append(json_report.render(report).encode("utf-8"))
        assert outputs[0] == outputs[2], "the same input gave different JSON"
        english, indonesian = json.loads(outputs[1]), json.loads(outputs[0])
        for doc in (english, indonesian):
            for finding in doc["dossiers"][0]["findings"]:
                del finding["message"]  # codes, fields and lines never depend on the language
                finding.pop("waiver_reason", None)
        assert english == indonesian

    return run


# --------------------------------------------------------------------------- (a) mutated manifests

ROLES = ("camat", "sekretaris", "tim", "sub_umum", "sub_evapor", "lurah")
KINDS = (
    "sk_tim_akuntabilitas",
    "laporan_realisasi_anggaran",
    "dpa",
    "draf_laporan_disahkan",
    "arsip_laporan_kinerja",
    "surat",
)
KEYS = (
    "format",
    "sop",
    "instansi",
    "periode",
    "pejabat",
    "dokumen",
    "langkah",
    "pengecualian",
    "nama",
    "nip",
    "peran",
    "status",
    "tanggal",
    "jenis",
    "berkas",
    "sha256",
    "paraf",
    "tanda_tangan",
    "anggota",
    "nomor",
    "mulai",
    "selesai",
    "hasil",
    "aturan",
    "alasan",
    "disetujui_oleh",
    "ke",
    "tahun",
    "zona_waktu",
    "no",
    "typo",
)
TRICKY = (
    "",
    " ",
    "no",
    "yes",
    "~",
    "null",
    "2024-02-30",
    "2024-07-01",
    "2024-07-01T07:45:00",
    "2024-07-01T07:45:00+07:00",
    "07:45",
    "1945-08-17",
    "9999-12-31",
    "0001-01-01",
    "Asia/Jakarta",
    "Asia/Makassar",
    "Mars/Olympus",
    "UTC",
    "+07:00",
    "../x.pdf",
    "/etc/passwd",
    "C:\\x",
    "a\x00b",
    "lampiran/dpa-2024.pdf",
    "lampiran",
    ".",
    "lampiran/../lampiran/iku-2024.pdf",
    "19700312 199003 1 004",
    "197003121990031004",
    "1970031219900310041",
    "00000000 000000 0 000",
    "20991312 299913 3 999",
    "Peraturan Presiden Nomor 29 Tahun 2014",
    "Perpres 29/2014",
    "Permenpan RB No. 53 Tahun",
    "nomor 53 Tahun tentang",
    "pelaporan-kinerja",
    "diteruskan",
    "diperbaiki",
    "K005",
    "W001",
    "E001",
    "X001",
    "k",
    "{x}",
    "[",
    "'",
    '"',
    "\\",
    "%",
    "0" * 64,
    "f" * 64,
    "ZZ" * 32,
    "x" * 300,
    "ǅ",
    "\u202e",
    "\ufeff",
    "\U0001f600",
)
DATES = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
DATETIMES = st.builds(
    lambda d, offset: d.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset))) if offset is not None else d,
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    st.none() | st.integers(-23 * 60, 23 * 60),
)
SCALARS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(TRICKY + ROLES + KINDS + KEYS),
    st.integers(),
    st.integers(-3, 20),
    st.booleans(),
    st.none(),
    st.floats(),
    DATES,
    DATETIMES,
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
KEYS_ANY = (
    st.sampled_from(KEYS)
    | st.text(max_size=10)
    | st.integers(-2, 3)
    | st.booleans()
    | st.none()
    | DATES
    | st.floats(allow_nan=False)
)


def _like(value: Any) -> st.SearchStrategy:
    """A value of the same type: such a mutation mostly passes the format and reaches the checks."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(-2, 14) | st.integers()
    if isinstance(value, dt.datetime):
        return DATETIMES | st.builds(
            lambda minutes: value + dt.timedelta(minutes=minutes), st.integers(-20_000, 20_000)
        )
    if isinstance(value, dt.date):
        return DATES | st.builds(lambda days: value + dt.timedelta(days=days), st.integers(-400, 400))
    if isinstance(value, str):
        return st.sampled_from(TRICKY + ROLES + KINDS) | st.text(max_size=20)
    return VALUES


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, prefix + (i,))
    return found


def _get(doc: Any, path: tuple) -> Any:
    for part in path:
        doc = doc[part]
    return doc


@st.composite
def mutated_manifests(draw) -> Any:
    doc = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(doc)
        op = draw(
            st.sampled_from(("alike", "alike", "alike", "replace", "delete", "add", "add_known", "duplicate_item"))
        )
        path = draw(st.sampled_from(paths))
        target = _get(doc, path)
        if op == "alike" and path and not isinstance(target, (dict, list)):
            _get(doc, path[:-1])[path[-1]] = draw(_like(target))
        elif op == "replace":
            if not path:
                doc = draw(VALUES)
                continue
            _get(doc, path[:-1])[path[-1]] = draw(VALUES)
        elif op == "delete" and path:
            del _get(doc, path[:-1])[path[-1]]
        elif op in ("add", "add_known") and isinstance(target, dict):
            key = draw(st.sampled_from(KEYS)) if op == "add_known" else draw(KEYS_ANY)
            target[key] = draw(VALUES)
        elif op in ("add", "add_known") and isinstance(target, list):
            target.insert(draw(st.integers(0, len(target))), draw(VALUES))
        elif op == "duplicate_item" and isinstance(target, list) and target:
            target.append(copy.deepcopy(draw(st.sampled_from(target))))
    return doc


def _dump(doc: Any) -> bytes:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


@FUZZ
@given(doc=mutated_manifests())
def test_mutated_manifests(check, doc):
    check(_dump(doc))


@FUZZ
@given(doc=mutated_manifests(), flow=st.booleans(), width=st.sampled_from([20, 80, 10_000]))
def test_mutated_manifests_in_other_layouts(check, doc, flow, width):
    check(yaml.safe_dump(doc, allow_unicode=False, default_flow_style=flow, width=width).encode("utf-8"))


# --------------------------------------------------------------------------- (b) random text and bytes

YAMLISH = st.text(
    alphabet=st.sampled_from(
        list("[]{}:-?,&*!|>'\"%@`#\\ \t\n\r.~<=") + list("abknoy019") + ["\x00", "\x85", "\ufeff", "é", "\u2028"]
    ),
    max_size=200,
)


@st.composite
def spliced_text(draw) -> str:
    text = BASE_TEXT
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        text = text[:start] + draw(YAMLISH | st.text(max_size=10)) + text[end:]
    return text


@FUZZ
@given(text=YAMLISH | st.text(max_size=300))
def test_random_yaml_text(check, text):
    check(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(text=spliced_text())
def test_spliced_compliant_manifest(check, text):
    check(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(
    prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"format: 1\n", BASE_TEXT.encode()[:500]]),
    data=st.binary(max_size=2000),
)
def test_random_bytes(check, prefix, data):
    check(prefix + data)


# --------------------------------------------------------------------------- the CLI


@CLI_FUZZ
@given(doc=mutated_manifests(), fmt=st.sampled_from(["json", "table"]))
def test_the_cli_never_fails_and_repeats_itself(folder, doc, fmt):
    from click.testing import CliRunner

    (folder / "dossier.yaml").write_bytes(_dump(doc))
    outputs = []
    for _ in range(2):
        result = CliRunner().invoke(cli, ["check", "--format", fmt, "--jobs", "1", str(folder)])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1), result.output
        assert "E000" not in result.output
        outputs.append(result.stdout_bytes)
    assert outputs[0] == outputs[1]


# --------------------------------------------------------------------------- the depth guard's premise


def _max_depth(text: str) -> int | None:
    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    return deepest


NESTY = st.lists(
    st.sampled_from(list("[]{}:-?, \n\t'\"&*!|>#ab1") + ["  ", "- ", "? ", ": ", "\n  ", "a: "]), max_size=80
).map("".join)


@FUZZ
@given(text=NESTY | YAMLISH | spliced_text())
def test_nesting_never_exceeds_the_count_of_opening_characters(text):
    """yamlread lets libyaml's recursive composer see a document only while this count is small."""
    from lapkin_audit.load import yamlread

    deepest = _max_depth(text)
    if deepest is not None:
        assert deepest <= sum(text.count(char) for char in yamlread._OPENERS)

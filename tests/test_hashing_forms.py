"""``hash`` over generated YAML forms of the ``dokumen`` list: whatever way ``berkas`` and
``sha256`` are written (plain, quoted, folded or literal blocks, on the next line, behind
an explicit ``?`` key, in flow or block style, with comments, CRLF, a byte-order mark),
the manifest afterwards parses to exactly its data before, plus the right sha256 values."""

from __future__ import annotations

import copy
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lapkin_audit.authoring import hashing
from lapkin_audit.load import yamlread
from tests.hostile_util import PATUH

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("LAPKIN_FUZZ_EXAMPLES", "60"))
FORMS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FILES = sorted(p.relative_to(PATUH).as_posix() for p in (PATUH / "lampiran").iterdir())
WRONG = "0123456789abcdef" * 4

berkas_forms = st.sampled_from(["plain", "single", "double", "folded", "literal", "next_line", "explicit"])
sha_forms = st.sampled_from(["absent", "plain", "double", "empty", "null", "tilde", "folded", "right"])


def scalar(value: str, form: str, indent: str) -> str:
    """``value`` as the text after ``key:`` in block style (a block scalar ends its line)."""
    if form == "single":
        return f" '{value}'"
    if form == "double":
        return f' "{value}"'
    if form == "folded":
        return f" >-\n{indent}  {value}"
    if form == "literal":
        return f" |-\n{indent}  {value}"
    if form == "next_line":
        return f"\n{indent}  {value}"
    return f" {value}"


def sha_text(form: str, right: str) -> str | None:
    return {
        "absent": None,
        "plain": WRONG,
        "double": f'"{WRONG}"',
        "empty": "",
        "null": "null",
        "tilde": "~",
        "folded": f">-\n      {WRONG}",
        "right": right,
    }[form]


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for position, berkas in enumerate([*FILES, "lampiran/hilang.pdf"]):
        right = hashlib.sha256((PATUH / berkas).read_bytes()).hexdigest() if (PATUH / berkas).exists() else WRONG
        sha = sha_text(draw(sha_forms), right)
        comment = draw(st.sampled_from(["", "  # catatan"]))
        if draw(st.booleans()) and (sha is None or ("\n" not in sha and sha != "")):
            pairs = [f"jenis: j{position}", f"berkas: {draw(st.sampled_from([berkas, repr(berkas)]))}"]
            if sha is not None:
                pairs.insert(draw(st.integers(0, 2)), f"sha256: {sha}")
            lines.append("  - {" + ", ".join(pairs) + "}" + comment)
            continue
        form = draw(berkas_forms)
        if form == "explicit":
            berkas_lines = [f"? berkas{comment}", f": {berkas}"]
        else:
            berkas_lines = [f"berkas:{scalar(berkas, form, '    ')}" + (comment if form in ("plain", "single") else "")]
        keys = [[f"jenis: j{position}"], berkas_lines]
        if sha is not None:
            keys.insert(draw(st.integers(0, 2)), [f"sha256: {sha}".rstrip()])
        if draw(st.booleans()):
            keys.append(["paraf:", "  - {peran: camat}"])
        if draw(st.booleans()):
            keys.append(["catatan: teks biasa"])
        body = [line for key in keys for line in "\n".join(key).split("\n")]
        lines.append("  - " + body[0])
        lines.extend("    " + line for line in body[1:])
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["  # dokumen berikutnya", ""])))
    return "format: 1\nsop: pelaporan-kinerja\ndokumen:\n" + "\n".join(lines) + "\nlangkah: []\n"


@FORMS
@given(text=documents(), crlf=st.booleans(), bom=st.booleans())
def test_hash_writes_the_values_and_changes_no_other_datum(text, crlf, bom):
    if crlf:
        text = text.replace("\n", "\r\n")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "dossier"
        shutil.copytree(PATUH / "lampiran", folder / "lampiran")
        manifest = folder / "dossier.yaml"
        manifest.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        before, _, problems = yamlread.parse(text)
        assert not problems, (problems, text)
        plan = hashing.plan(manifest)
        assert plan.problem is None
        assert [o.reason for o in plan.outcomes if o.result == hashing.NOT_HASHED] == ["missing"], text
        hashing.write(plan)
        raw = manifest.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == bom and (b"\r\n" in raw) == crlf
        after, _, problems = yamlread.parse(raw.decode("utf-8-sig"))
        expected = copy.deepcopy(before)
        for document in expected["dokumen"]:
            if (PATUH / document["berkas"]).exists():
                document["sha256"] = hashlib.sha256((PATUH / document["berkas"]).read_bytes()).hexdigest()
        assert not problems and after == expected, raw.decode("utf-8-sig")
        again = hashing.plan(manifest)
        assert not again.changed and {o.result for o in again.outcomes} <= {hashing.SAME, hashing.NOT_HASHED}

"""An import counts as complete only when the checker loads it as it is."""

from __future__ import annotations

import tempfile
from pathlib import Path

from lapkin_audit.authoring.sopimport.imported import Imported
from lapkin_audit.authoring.sopimport.writer import to_yaml
from lapkin_audit.errors import RulesError


def load_problem(imported: Imported, source_name: str, shape: str, sha256: str) -> str | None:
    """None when the written file loads; else the loader's message (without the temporary path)."""
    from lapkin_audit.load.sop import load_rulebook

    text = to_yaml(imported, source_name, shape, sha256, "en")
    with tempfile.TemporaryDirectory(prefix="lapkin-sop-") as folder:
        path = Path(folder) / "sop.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            load_rulebook([Path(folder)])
        except RulesError as exc:
            return exc.message
    return None

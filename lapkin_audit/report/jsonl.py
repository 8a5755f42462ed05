"""JSON Lines: one dossier per line, as each is judged, for very large runs.

Each line is the object the JSON report lists under ``dossiers`` (``json_report``), on one
line; there is no summary (a reader counts as it reads), so nothing is held: the run's
results go straight out (``STREAMS``). Line separators U+2028 and U+2029 are written as
escapes too, so that no reader that splits on them breaks a line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from lapkin_audit.model import Report
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.json_report import dossier_dict
from lapkin_audit.report.text import json_safe

STREAMS = True  # reads the results once, in order: the run need not keep them


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    for result in report.results:
        line = json_safe(json.dumps(dossier_dict(result), ensure_ascii=False, separators=(",", ":")))
        yield line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"

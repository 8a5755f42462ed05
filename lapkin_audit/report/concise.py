"""One line per finding, ``path/dossier.yaml:line: CODE message``: for editors (which jump
to the line) and for grep. Waived findings say so; nothing else is printed."""

from __future__ import annotations

from collections.abc import Iterator

from lapkin_audit.lang.words import finding_note
from lapkin_audit.model import Report
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.text import manifest_path, visible

STREAMS = True  # reads the results once, in order: the run need not keep them


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    for result in report.results:
        where = manifest_path(visible(result.path))
        for finding in result.findings:
            line = f"{where}:{finding.line}" if finding.line is not None else where
            note = finding_note(finding, report.lang)
            yield f"{line}: {finding.rule} {visible(finding.message)}{visible(note)}\n"

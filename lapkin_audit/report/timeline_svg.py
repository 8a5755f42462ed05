"""The timeline of a run as an inline SVG, for the HTML report.

One row per record of the step log: the standard time (Mutu Baku: Waktu) as a thin
outlined bar, the actual working time as a solid bar starting at the same point, the part
beyond the standard in red and striped (so that a black-and-white print still shows it),
and the waiting time before the step as a hatched hairline bar. Every bar uses one scale of
working minutes. The figures are the model's (``StepTiming``); nothing is judged here.
"""

from __future__ import annotations

import html
from typing import Callable, Iterable

from lapkin_audit.model import StepTiming
from lapkin_audit.report.text import visible
from lapkin_audit.lang.words import format_minutes
from lapkin_audit.lang import words

WIDTH = 960  # user units of the viewBox; the SVG scales to its column
AXIS_H = 26  # tick labels above the rows
ROW_H = 58
BOTTOM = 8
LABEL_SIZE, SMALL_SIZE = 13, 11
CHAR_W = {13: 8.0, 12: 6.9}  # generous average glyph widths (bold 13, regular 12) for layout

LABELS = words.TIMELINE



def escape(value: object) -> str:
    """Text from a report, safe in HTML/SVG text and in quoted attributes, and encodable.

    Lone surrogates (from an undecodable file name) become U+FFFD; control characters
    are shown as ``\\xNN`` so they can neither vanish nor upset a parser.
    """
    return html.escape(visible(str(value)), quote=True)


def duration(minutes: int, lang: str) -> str:
    return format_minutes(max(0, minutes), lang)


def standard_text(timing: StepTiming, lang: str) -> str:
    """The SOP's own words, with the working time when they differ ("1 hari (7 jam 30 menit)")."""
    exact = duration(timing.standard, lang)
    return timing.standard_text if timing.standard_text == exact else f"{timing.standard_text} ({exact})"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tick_step(top: int) -> int:
    step = 5
    for candidate in (5, 10, 15, 30, 60, 120, 240, 480):
        step = candidate
        if top / candidate <= 8:
            return step
    while top / step > 8:
        step *= 2
    return step


def _n(value: float) -> str:
    """A coordinate, rounded so the same report always gives the same bytes."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def render(timeline: Iterable[StepTiming], lang: str, uid: str) -> str:
    """The SVG element of one dossier's timeline; ``uid`` makes its ids unique in the page."""
    lang = "en" if lang == "en" else "id"
    words = LABELS[lang]
    rows = tuple(timeline)
    top = max([1] + [max(t.worked, t.standard, t.waited, 0) for t in rows])
    step = _tick_step(top)
    top = -(-top // step) * step  # the axis ends on a tick
    x0, x1 = 6.0, WIDTH - 6.0

    def x(minutes: int) -> float:
        return x0 + (x1 - x0) * max(0, minutes) / top

    height = AXIS_H + ROW_H * len(rows) + BOTTOM
    overruns = [words["step"].format(n=t.nomor, kegiatan=t.kegiatan) for t in rows if t.overrun]
    title = words["title"]
    desc = words["desc"].format(n=len(rows), over="; ".join(overruns) or words["none"])
    out = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="{uid}-title {uid}-desc">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(desc)}</desc>',
        "<defs>",
        (
            f'<pattern id="{uid}-wait" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            '<rect width="5" height="5" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#6f7782" stroke-width="2.4"/></pattern>'
        ),
        (
            f'<pattern id="{uid}-over" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" stroke-opacity="0.85"/></pattern>'
        ),
        "</defs>",
    ]
    # The scale: a tick per step of working time, its grid line through every row.
    bottom = AXIS_H + ROW_H * len(rows)
    out.append('<g class="axis">')
    for minutes in range(0, top + 1, step):
        tx = x(minutes)
        anchor = "start" if minutes == 0 else "end" if minutes == top else "middle"
        label = "0" if minutes == 0 else duration(minutes, lang)
        out.append(f'<line class="grid" x1="{_n(tx)}" y1="{AXIS_H - 6}" x2="{_n(tx)}" y2="{bottom}"/>')
        out.append(f'<text class="tick" x="{_n(tx)}" y="{AXIS_H - 10}" text-anchor="{anchor}">{escape(label)}</text>')
    out.append("</g>")
    for index, timing in enumerate(rows):
        out.append(_row(timing, index, AXIS_H + ROW_H * index, x, uid, lang, words))
    out.append("</svg>")
    return "\n".join(out)


def _row(t: StepTiming, index: int, y: int, x: Callable[[int], float], uid: str, lang: str, words: dict[str, str]) -> str:
    label = words["step"].format(n=t.nomor, kegiatan=t.kegiatan)
    worked, standard = duration(t.worked, lang), standard_text(t, lang)
    figures = [words["actual"].format(worked=worked), words["standard"].format(standard=standard)]
    span = words["range"].format(mulai=t.mulai.isoformat(timespec="minutes"), selesai=t.selesai.isoformat(timespec="minutes"))
    tip = f"{label}: {span}; " + "; ".join(figures)
    if t.waited > 0:
        tip += "; " + words["waited"].format(waited=duration(t.waited, lang))
    over = ""
    if t.overrun:
        over = " · " + words["over"].format(over=duration(t.worked - t.standard, lang))
        tip += ";" + over[2:]
    cls = "step overrun-step" if t.overrun else "step"
    out = [f'<g class="{cls}" data-step="{t.nomor}" data-index="{index}">', f"<title>{escape(tip)}</title>"]
    if index:
        out.append(f'<line class="row-rule" x1="0" y1="{y}" x2="{WIDTH}" y2="{y}"/>')
    # Label on the left, figures on the right of one line: shortened (whole in the <title>)
    # if their estimated widths would make them meet; the overrun is never cut.
    shown = _cut(label, 60)
    room = int((WIDTH - 40 - len(shown) * CHAR_W[LABEL_SIZE]) / CHAR_W[SMALL_SIZE + 1]) - len(over)
    numbers = _cut(" · ".join(figures), max(room, 12))
    out.append(f'<text class="label" x="{_n(x(0))}" y="{y + 16}" font-size="{LABEL_SIZE}">{escape(shown)}</text>')
    over_text = f'<tspan class="over-text">{escape(over)}</tspan>' if over else ""
    out.append(
        f'<text class="figures" x="{_n(WIDTH - 6)}" y="{y + 16}" font-size="{SMALL_SIZE + 1}" text-anchor="end">'
        f"{escape(numbers)}{over_text}</text>"
    )
    # Waiting before the step: a hatched hairline bar, with its duration.
    if t.waited > 0:
        wx = x(t.waited)
        out.append(f'<rect class="wait" x="{_n(x(0))}" y="{y + 23}" width="{_n(max(wx - x(0), 1.5))}" height="5" fill="url(#{uid}-wait)"/>')
        out.append(f'<text class="wait-text" x="{_n(max(wx, x(0) + 1.5) + 5)}" y="{y + 28}" font-size="{SMALL_SIZE - 1}">'
                   f"{escape(words['waited'].format(waited=duration(t.waited, lang)))}</text>")
    # Mutu Baku: an outlined bar, and a dashed limit through both bars.
    sx = x(t.standard)
    out.append(f'<rect class="standard" x="{_n(x(0))}" y="{y + 32}" width="{_n(sx - x(0))}" height="8"/>')
    # The actual working time; the part beyond the standard in red, striped.
    within = x(min(t.worked, t.standard))
    if t.worked > 0:
        out.append(f'<rect class="actual" x="{_n(x(0))}" y="{y + 42}" width="{_n(max(within - x(0), 1.5))}" height="12"/>')
    if t.overrun:
        ox = x(t.worked)
        width = _n(max(ox - sx, 1.5))
        out.append(f'<rect class="overrun" data-step="{t.nomor}" x="{_n(sx)}" y="{y + 42}" width="{width}" height="12" fill="#c62828"/>')
        out.append(f'<rect class="overrun-stripes" x="{_n(sx)}" y="{y + 42}" width="{width}" height="12" fill="url(#{uid}-over)"/>')
    out.append(f'<line class="limit" x1="{_n(sx)}" y1="{y + 29}" x2="{_n(sx)}" y2="{y + 57}"/>')
    out.append("</g>")
    return "\n".join(out)

"""The timeline of a run as an inline SVG, for the HTML report.

One row per record of the step log: the standard time (Mutu Baku: Waktu) as a thin
outlined bar, the actual working time as a solid bar starting at the same point, the part
beyond the standard in red and striped (so that a black-and-white print still shows it),
and the waiting time before the step as a hatched hairline bar. Every bar uses one scale of
working minutes. The figures are the model's (``StepTiming``); nothing is judged here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lapkin_audit.lang import printed
from lapkin_audit.lang.words import format_minutes
from lapkin_audit.model import StepTiming
from lapkin_audit.report import views
from lapkin_audit.report.jinja import template

WIDTH = 960  # user units of the viewBox; the SVG scales to its column
AXIS_H = 26  # tick labels above the rows
ROW_H = 58
BOTTOM = 8
LABEL_SIZE, SMALL_SIZE = 13, 11
CHAR_W = {13: 8.0, 12: 6.9}  # generous average glyph widths (bold 13, regular 12) for layout

LABELS = printed.TIMELINE


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
    return template("timeline.svg.j2").render(views.fields(geometry(timeline, lang, uid))).removesuffix("\n")


def geometry(timeline: Iterable[StepTiming], lang: str, uid: str) -> views.Timeline:
    """Everything the template draws: coordinates (as text, rounded) and words."""
    lang = "en" if lang == "en" else "id"
    words = LABELS[lang]
    rows = tuple(timeline)
    top = max([1] + [max(t.worked, t.standard, t.waited, 0) for t in rows])
    step = _tick_step(top)
    top = -(-top // step) * step  # the axis ends on a tick
    x0, x1 = 6.0, WIDTH - 6.0

    def x(minutes: int) -> float:
        return x0 + (x1 - x0) * max(0, minutes) / top

    overruns = [words["step"].format(n=t.nomor, kegiatan=t.kegiatan) for t in rows if t.overrun]
    return views.Timeline(
        uid=uid,
        width=WIDTH,
        height=AXIS_H + ROW_H * len(rows) + BOTTOM,
        bottom=AXIS_H + ROW_H * len(rows),
        title=words["title"],
        desc=words["desc"].format(n=len(rows), over="; ".join(overruns) or words["none"]),
        x0=_n(x(0)),
        figures_x=_n(WIDTH - 6),
        label_size=LABEL_SIZE,
        small_size=SMALL_SIZE,
        # The scale: a tick per step of working time, its grid line through every row.
        ticks=[
            views.Tick(
                x=_n(x(minutes)),
                y1=AXIS_H - 6,
                y_text=AXIS_H - 10,
                anchor="start" if minutes == 0 else "end" if minutes == top else "middle",
                label="0" if minutes == 0 else duration(minutes, lang),
            )
            for minutes in range(0, top + 1, step)
        ],
        rows=[_row(timing, index, AXIS_H + ROW_H * index, x, lang, words) for index, timing in enumerate(rows)],
    )


def _row(
    t: StepTiming, index: int, y: int, x: Callable[[int], float], lang: str, words: dict[str, str]
) -> views.TimelineRow:
    label = words["step"].format(n=t.nomor, kegiatan=t.kegiatan)
    worked, standard = duration(t.worked, lang), standard_text(t, lang)
    figures = [words["actual"].format(worked=worked), words["standard"].format(standard=standard)]
    span = words["range"].format(
        mulai=t.mulai.isoformat(timespec="minutes"), selesai=t.selesai.isoformat(timespec="minutes")
    )
    tip = f"{label}: {span}; " + "; ".join(figures)
    if t.waited > 0:
        tip += "; " + words["waited"].format(waited=duration(t.waited, lang))
    over = ""
    if t.overrun:
        over = " · " + words["over"].format(over=duration(t.worked - t.standard, lang))
        tip += ";" + over[2:]
    # Label on the left, figures on the right of one line: shortened (whole in the <title>)
    # if their estimated widths would make them meet; the overrun is never cut.
    shown = _cut(label, 60)
    room = int((WIDTH - 40 - len(shown) * CHAR_W[LABEL_SIZE]) / CHAR_W[SMALL_SIZE + 1]) - len(over)
    sx, within = x(t.standard), x(min(t.worked, t.standard))
    wait = None
    if t.waited > 0:  # waiting before the step: a hatched hairline bar, with its duration
        wx = x(t.waited)
        wait = views.Wait(
            width=_n(max(wx - x(0), 1.5)),
            text_x=_n(max(wx, x(0) + 1.5) + 5),
            text=words["waited"].format(waited=duration(t.waited, lang)),
        )
    return views.TimelineRow(
        cls="step overrun-step" if t.overrun else "step",
        nomor=t.nomor,
        index=index,
        y=y,
        y_text=y + 16,
        tip=tip,
        label=shown,
        figures=_cut(" · ".join(figures), max(room, 12)),
        over=over,
        wait=wait,
        # Mutu Baku: an outlined bar, and a dashed limit through both bars; the actual
        # working time from the same point, the part beyond the standard red and striped.
        standard_width=_n(sx - x(0)),
        limit_x=_n(sx),
        actual_width=_n(max(within - x(0), 1.5)) if t.worked > 0 else None,
        overrun=views.Overrun(_n(max(x(t.worked) - sx, 1.5))) if t.overrun else None,
    )

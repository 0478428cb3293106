"""The timeline picture: dated échéances on a time axis, as SVG or PNG.

Markdown documents keep a Mermaid gantt (GitHub and GitLab draw it); Word, LibreOffice,
the HTML documents and the static site need a picture. It is drawn here from one layout,
without a plotting library: SVG as text (its words stay words: searchable, printable),
PNG with Pillow in DejaVu Sans (shipped in ``fonts/`` with its licence). One row per
échéance, a diamond, square or circle on the time axis whose colour and shape both tell
its state (red square: late; grey disc: honoured; blue diamond: open), a legend, and when
given the as-of day as a dashed line. The layout keeps the proportions of the matplotlib
figure the documents had before (6.5 inches wide, one row per task, month ticks).

Why not a plotting library (issue 12 asked for one): drawing the annual bilan's timeline
once in SVG and once in PNG costs, in a process of its own, 1.67 × ``validate`` on
``data/`` with matplotlib (its import alone is about a second) and 0.36 × with this
module (``bench/bench_timeline.py``, ``bench/results-timeline.md``: paired, 5 runs). The
static site, which offers the bilans in Word and ODT and shows the same picture, must stay
under 3 × ``validate`` (issue 14): matplotlib alone would take more than half of that.

The picture is deterministic: the same timeline gives the same bytes (no date, no random
id in the files), so documents stay comparable from one run to the next; a picture is
drawn once per process and its bytes reused (a bilan in Word and in ODT, and the site).

Public interface (reused by the static site):

- ``Timeline``, ``TimelineTask``: the plain data to draw;
- ``parse_gantt(code)``: a ``Timeline`` from the Mermaid gantt the templates write;
- ``timeline_svg(timeline) -> str`` and ``timeline_png(timeline) -> bytes``;
- ``svg_size(timeline)``: the SVG's size in CSS pixels;
- ``png_size_inches(timeline)``: the picture's size, to place it in a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

MONTHS_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
                "sept.", "oct.", "nov.", "déc.")

State = Literal["late", "done", "open", "other"]

COLOUR_BY_STATE: dict[str, str] = {"late": "#c0392b", "done": "#8c8c8c", "open": "#1f4e79",
                                   "other": "#5f5f5f"}
LEGEND_BY_STATE: dict[str, str] = {"late": "en retard", "done": "honorée", "open": "à venir",
                                   "other": "autre état"}
STATE_ORDER = ("late", "done", "open", "other")
TODAY_COLOUR = "#5b2a86"
WIDTH_INCHES = 6.5
LABEL_MAX = 60
PNG_DPI = 150

# Layout, in CSS pixels (96 per inch): the SVG's units; the PNG is scaled to PNG_DPI.
PX = 96
WIDTH = round(WIDTH_INCHES * PX)
ROW = 22
PAD = 8
FONT = 11
TITLE_FONT = 12
LABEL_SHARE = 0.45
"""The labels' column takes at most this share of the width."""
FAMILY = "DejaVu Sans, Verdana, sans-serif"

_ENTITY = re.compile(r"#(\d+);")
_TASK = re.compile(r"^\s*(?P<name>.+?)\s*:(?P<data>.*)$")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class TimelineTask:
    label: str
    day: date
    state: State = "open"
    section: str = ""


@dataclass(frozen=True)
class Timeline:
    title: str
    tasks: tuple[TimelineTask, ...]
    start: date | None = None
    """First day of the axis (default: 1 January of the first task's year)."""
    end: date | None = None
    """Last day of the axis (default: 31 December of the last task's year)."""
    today: date | None = None
    """The as-of day, drawn as a dashed line when it falls on the axis."""


def parse_gantt(code: str) -> Timeline:
    """The tasks of a Mermaid gantt as the templates write it (``section``, then
    ``name :crit, 2024-03-31, 1d``); ``crit`` is late, ``done`` honoured."""
    title = ""
    section = ""
    tasks: list[TimelineTask] = []
    for raw in code.splitlines():
        line = raw.strip()
        if not line or line == "gantt" or line.startswith(("dateFormat", "axisFormat", "%%")):
            continue
        if line.startswith("title "):
            title = _unescape(line[6:])
            continue
        if line.startswith("section "):
            section = _unescape(line[8:])
            continue
        match = _TASK.match(line)
        if not match:
            continue
        data = [part.strip() for part in match.group("data").split(",")]
        days = [d for d in data if _DAY.fullmatch(d)]
        if not days:
            continue
        state: State = "late" if "crit" in data else "done" if "done" in data else "open"
        tasks.append(TimelineTask(_unescape(match.group("name")), date.fromisoformat(days[0]),
                                  state, section))
    return Timeline(title, tuple(tasks))


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: chr(int(m.group(1))), text).strip()


# --- fonts (Pillow, imported only when a picture is drawn) --------------------------------


FONTS = Path(__file__).parent / "fonts"
"""DejaVu Sans, regular and bold, shipped with the package (licence: LICENSE_DEJAVU)."""


def _font_file(bold: bool) -> str:
    return str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"))


@lru_cache(maxsize=8)
def font(size: float, bold: bool = False) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(_font_file(bold), size)


def _width(text: str, size: float = FONT, bold: bool = False) -> float:
    return float(font(size, bold).getlength(text))


# --- layout: what goes where, shared by the SVG and the PNG -----------------------------


@dataclass(frozen=True)
class Text:
    """A word or line of text, anchored at its baseline."""

    x: float
    y: float
    text: str
    anchor: Literal["start", "middle", "end"]
    size: int = FONT
    bold: bool = False
    colour: str = "#1a1a1a"


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float
    dashed: bool = False


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    state: str
    tip: str


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    title: str
    lines: tuple[Line, ...]
    texts: tuple[Text, ...]
    marks: tuple[Mark, ...]


def _short(text: str, suffix: str, room: float) -> str:
    """The label cut to LABEL_MAX characters and to the column's width; the day in
    ``suffix`` always shows."""
    if len(text) > LABEL_MAX:
        text = text[:LABEL_MAX - 1].rstrip() + "…"
    while _width(text + suffix) > room and len(text) > 8:
        text = text[:-2].rstrip() + "…"
    return text + suffix


def _axis(timeline: Timeline, tasks: list[TimelineTask]) -> tuple[date, date]:
    first = min((t.day for t in tasks), default=timeline.today or date(2000, 1, 1))
    last = max((t.day for t in tasks), default=first)
    start = timeline.start or date(first.year, 1, 1)
    end = timeline.end or date(last.year, 12, 31)
    return start, max(end, start)


def _ticks(start: date, end: date) -> tuple[list[tuple[date, str]], list[date]]:
    """Labelled ticks and minor ticks: quarters and months within one year; years and
    quarters over several."""
    months = [date(year, month, 1) for year in range(start.year, end.year + 1)
              for month in range(1, 13) if start <= date(year, month, 1) <= end]
    if start.year == end.year:
        return ([(m, MONTHS_SHORT[m.month - 1]) for m in months if m.month % 3 == 1],
                months)
    return ([(m, str(m.year)) for m in months if m.month == 1],
            [m for m in months if m.month % 3 == 1])


@lru_cache(maxsize=8)
def _layout(timeline: Timeline) -> Layout:
    tasks = sorted(timeline.tasks, key=lambda t: (t.day, t.section, t.label))
    start, end = _axis(timeline, tasks)
    texts: list[Text] = []
    lines: list[Line] = []
    marks: list[Mark] = []
    top = PAD
    if timeline.title:
        top += TITLE_FONT + 4
        texts.append(Text(PAD, top - 4, timeline.title, "start", TITLE_FONT, True))
    states = [s for s in STATE_ORDER if any(t.state == s for t in tasks)]
    if states:  # the legend, right-aligned on its own line
        top += FONT + 8
        x: float = WIDTH - PAD
        for state in reversed(states):
            label = LEGEND_BY_STATE[state]
            texts.append(Text(x, top - 4, label, "end"))
            x -= _width(label) + 12
            marks.append(Mark(x, top - 8, state, label))
            x -= 16
    top += 6
    room = WIDTH * LABEL_SHARE
    year = "/{0.year}" if start.year != end.year else ""  # several years: say which
    labels = [_short(t.label, f" ({t.day.day}/{t.day.month:02d}{year.format(t.day)})", room)
              for t in tasks]
    column = max((_width(label) for label in labels), default=0.0)
    x0 = PAD + column + 12
    x1 = WIDTH - PAD - 8
    span = max((end - start).days, 1)

    def x_of(day: date) -> float:
        ratio = min(max((day - start).days / span, 0.0), 1.0)
        return round(x0 + ratio * (x1 - x0), 1)

    rows = max(len(tasks), 1)
    axis_y = top + rows * ROW + 4
    major, minor = _ticks(start, end)
    for day in minor:
        lines.append(Line(x_of(day), top, x_of(day), axis_y, "#f0f0f0", 0.6))
    for day, _ in major:
        lines.append(Line(x_of(day), top, x_of(day), axis_y, "#dddddd", 0.8))
    for index, (task, label) in enumerate(zip(tasks, labels, strict=True)):
        y = top + ROW * index + ROW / 2
        lines.append(Line(x0, y, x1, y, "#e5e5e5", 0.6))
        texts.append(Text(x0 - 10, y + FONT * 0.35, label, "end"))
        marks.append(Mark(x_of(task.day), y, task.state,
                           f"{task.label} : {task.day.day}/{task.day.month:02d}/"
                           f"{task.day.year} ({LEGEND_BY_STATE[task.state]})"))
    lines.append(Line(x0, axis_y, x1, axis_y, "#1a1a1a", 1.0))
    for day, label in major:
        lines.append(Line(x_of(day), axis_y, x_of(day), axis_y + 4, "#1a1a1a", 1.0))
        texts.append(Text(x_of(day), axis_y + 6 + FONT, label, "middle"))
    height = axis_y + 10 + FONT
    today = timeline.today
    if today is not None and start <= today <= end:
        x = x_of(today)
        lines.append(Line(x, top - 2, x, axis_y, TODAY_COLOUR, 1.6, dashed=True))
        height += FONT + 6
        left = x < (x0 + x1) / 2
        texts.append(Text(x, height - 4, f"situation au {_day_fr(today)}",
                           "start" if left else "end", FONT, True, TODAY_COLOUR))
    return Layout(WIDTH, round(height + PAD / 2), timeline.title, tuple(lines),
                   tuple(texts), tuple(marks))


def _day_fr(day: date) -> str:
    from convention_cli.vocab import format_date

    return format_date(day)


# --- SVG ----------------------------------------------------------------------------------


def _svg_mark(mark: Mark) -> str:
    colour = COLOUR_BY_STATE[mark.state]
    x, y = mark.x, mark.y
    tip = f"<title>{escape(mark.tip)}</title>"
    if mark.state == "late":
        return (f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" '
                f'fill="{colour}">{tip}</rect>')
    if mark.state == "done":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}">{tip}</circle>'
    if mark.state == "open":
        return (f'<path d="M{x:.1f} {y - 5.5:.1f}L{x + 5.5:.1f} {y:.1f}L{x:.1f} '
                f'{y + 5.5:.1f}L{x - 5.5:.1f} {y:.1f}Z" fill="#ffffff" stroke="{colour}" '
                f'stroke-width="1.8">{tip}</path>')
    return (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#ffffff" stroke="{colour}" '
            f'stroke-width="1.8">{tip}</circle>')


@lru_cache(maxsize=8)
def timeline_svg(timeline: Timeline) -> str:
    """The picture as a standalone SVG document (text kept as text)."""
    layout = _layout(timeline)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {layout.width} '
        f'{layout.height}" width="{layout.width}" height="{layout.height}" role="img">',
    ]
    if layout.title:
        parts.append(f"<title>{escape(layout.title)}</title>")
    parts.append(f'<rect width="{layout.width}" height="{layout.height}" fill="#ffffff"/>')
    for line in layout.lines:
        dash = ' stroke-dasharray="5 3"' if line.dashed else ""
        parts.append(f'<line x1="{line.x1:.1f}" y1="{line.y1:.1f}" x2="{line.x2:.1f}" '
                     f'y2="{line.y2:.1f}" stroke="{line.colour}" '
                     f'stroke-width="{line.width}"{dash}/>')
    for text in layout.texts:
        weight = ' font-weight="bold"' if text.bold else ""
        parts.append(f'<text x="{text.x:.1f}" y="{text.y:.1f}" text-anchor="{text.anchor}" '
                     f'font-family="{FAMILY}" font-size="{text.size}"{weight} '
                     f'fill="{text.colour}">{escape(text.text)}</text>')
    parts += [_svg_mark(mark) for mark in layout.marks]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# --- PNG ----------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def timeline_png(timeline: Timeline) -> bytes:
    """The picture as PNG, for Word and LibreOffice (painted by ``timeline_raster``)."""
    from convention_cli.formats.timeline_raster import paint_png

    return paint_png(_layout(timeline))


def svg_size(timeline: Timeline) -> tuple[int, int]:
    """The SVG picture's width and height in CSS pixels (an ``<img>``'s attributes)."""
    layout = _layout(timeline)
    return layout.width, layout.height


def png_size_inches(timeline: Timeline) -> tuple[float, float]:
    """The picture's size, so that documents place it without decoding the PNG."""
    layout = _layout(timeline)
    return layout.width / PX, layout.height / PX

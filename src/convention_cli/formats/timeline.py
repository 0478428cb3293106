"""The timeline picture: dated échéances on a time axis, as SVG or PNG.

Markdown documents keep a Mermaid gantt (GitHub and GitLab draw it); Word, LibreOffice
and a browser without JavaScript need a picture. matplotlib draws it, imported only
when a picture is asked for (about a second of start-up that ``validate`` never pays).
The picture is deterministic: the same timeline gives the same bytes (no date, no
random ids in the files), so documents stay comparable from one run to the next.

Public interface (reused by the static site):

- ``Timeline``, ``TimelineTask``: the plain data to draw;
- ``parse_gantt(code)``: a ``Timeline`` from the Mermaid gantt the templates write;
- ``timeline_svg(timeline) -> str`` and ``timeline_png(timeline) -> bytes``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

MONTHS_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
                "sept.", "oct.", "nov.", "déc.")

State = Literal["late", "done", "open"]

COLOUR_BY_STATE: dict[str, str] = {"late": "#c0392b", "done": "#8c8c8c", "open": "#1f4e79"}
LEGEND_BY_STATE: dict[str, str] = {"late": "en retard", "done": "honorée", "open": "à venir"}
WIDTH_INCHES = 6.5
ROW_INCHES = 0.28
LABEL_MAX = 60
PNG_DPI = 150

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


def _short(text: str) -> str:
    return text if len(text) <= LABEL_MAX else text[:LABEL_MAX - 1].rstrip() + "…"


def _x(day: date) -> int:
    """The horizontal position of a day (ticks are placed by hand: no date converter)."""
    return day.toordinal()


def _figure(timeline: Timeline) -> Any:
    """A matplotlib figure (no pyplot: no global state, no GUI backend)."""
    import matplotlib

    matplotlib.rcParams.update({
        "font.family": "DejaVu Sans",  # shipped with matplotlib: every French glyph
        "font.size": 8,
        "svg.hashsalt": "convention",  # stable ids inside the SVG
        "svg.fonttype": "none",  # text stays text (searchable, smaller)
    })
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    tasks = sorted(timeline.tasks, key=lambda t: (t.day, t.section, t.label))
    rows = max(len(tasks), 1)
    figure = Figure(figsize=(WIDTH_INCHES, 1.2 + ROW_INCHES * rows))
    axes = figure.add_subplot()
    positions = list(range(rows, 0, -1))
    for y, task in zip(positions, tasks, strict=False):
        axes.plot([_x(task.day)], [y], marker="D", markersize=6, linestyle="none",
                  color=COLOUR_BY_STATE[task.state], clip_on=False)
        axes.axhline(y, color="#e5e5e5", linewidth=0.5, zorder=0)
    axes.set_yticks(positions[:len(tasks)],
                    [_short(f"{t.label} ({t.day.day}/{t.day.month:02d})") for t in tasks])
    axes.set_ylim(0.3, rows + 0.7)
    if tasks:
        first, last = tasks[0].day, tasks[-1].day
        start = date(first.year, 1, 1)
        end = date(last.year, 12, 31)
        axes.set_xlim(_x(start) - 5, _x(end) + 5)
        ticks = [date(year, month, 1) for year in range(start.year, end.year + 1)
                 for month in range(1, 13, 3 if start.year == end.year else 6)]
        axes.set_xticks([_x(t) for t in ticks],
                        [MONTHS_SHORT[t.month - 1] + ("" if start.year == end.year
                                                      else f" {t.year}")
                         for t in ticks])
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)
    axes.grid(axis="x", color="#dddddd", linewidth=0.5)
    if tasks:
        months = [date(year, month, 1) for year in range(start.year, end.year + 1)
                  for month in range(1, 13)]
        axes.set_xticks([_x(m) for m in months], minor=True)
        axes.grid(axis="x", which="minor", color="#f0f0f0", linewidth=0.4)
    if timeline.title:
        figure.suptitle(timeline.title, x=0.01, ha="left", fontsize=9, fontweight="bold")
    states = [s for s in ("late", "done", "open") if any(t.state == s for t in tasks)]
    if states:
        handles = [Line2D([], [], marker="D", linestyle="none", color=COLOUR_BY_STATE[s],
                          label=LEGEND_BY_STATE[s]) for s in states]
        axes.legend(handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0),
                    ncol=len(handles), frameon=False, borderaxespad=0.2)
    figure.tight_layout()
    return figure


def timeline_svg(timeline: Timeline) -> str:
    """The picture as a standalone SVG document (text kept as text)."""
    buffer = io.StringIO()
    _figure(timeline).savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def timeline_png(timeline: Timeline) -> bytes:
    """The picture as PNG, for Word and LibreOffice."""
    buffer = io.BytesIO()
    _figure(timeline).savefig(buffer, format="png", dpi=PNG_DPI,
                              metadata={"Software": None})
    return buffer.getvalue()


def png_size_inches(timeline: Timeline) -> tuple[float, float]:
    """The picture's size, so that documents place it without decoding the PNG."""
    return WIDTH_INCHES, 1.2 + ROW_INCHES * max(len(timeline.tasks), 1)

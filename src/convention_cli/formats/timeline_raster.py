"""The timeline picture as PNG (Word and LibreOffice): ``formats/timeline.py``'s layout
painted with Pillow, at PNG_DPI, in the same font, colours and shapes as the SVG."""

from __future__ import annotations

import io
from typing import Any

from convention_cli.formats.timeline import (
    COLOUR_BY_STATE,
    PNG_DPI,
    PX,
    Layout,
    Line,
    Mark,
    font,
)


def _png_mark(draw: Any, mark: Mark, scale: float) -> None:
    colour = COLOUR_BY_STATE[mark.state]
    x, y = mark.x * scale, mark.y * scale
    if mark.state == "late":
        r = 4.5 * scale
        draw.rectangle((x - r, y - r, x + r, y + r), fill=colour)
    elif mark.state == "done":
        r = 4.5 * scale
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    elif mark.state == "open":
        r = 5.5 * scale
        draw.polygon(((x, y - r), (x + r, y), (x, y + r), (x - r, y)), fill="#ffffff",
                     outline=colour, width=max(1, round(1.8 * scale)))
    else:
        r = 4 * scale
        draw.ellipse((x - r, y - r, x + r, y + r), fill="#ffffff", outline=colour,
                     width=max(1, round(1.8 * scale)))


def _png_line(draw: Any, line: Line, scale: float) -> None:
    width = max(1, round(line.width * scale))
    points = (line.x1 * scale, line.y1 * scale, line.x2 * scale, line.y2 * scale)
    if not line.dashed:
        draw.line(points, fill=line.colour, width=width)
        return
    x1, y1, x2, y2 = points  # vertical dashes: 5 on, 3 off
    y = y1
    while y < y2:
        draw.line((x1, y, x2, min(y + 5 * scale, y2)), fill=line.colour, width=width)
        y += 8 * scale


def paint_png(layout: Layout) -> bytes:
    """The layout painted at PNG_DPI (deterministic: no date, no software name)."""
    from PIL import Image, ImageDraw

    scale = PNG_DPI / PX
    image = Image.new("RGB", (round(layout.width * scale), round(layout.height * scale)),
                      "#ffffff")
    draw = ImageDraw.Draw(image)
    for line in layout.lines:
        _png_line(draw, line, scale)
    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for text in layout.texts:
        draw.text((text.x * scale, text.y * scale), text.text, fill=text.colour,
                  font=font(text.size * scale, text.bold), anchor=anchors[text.anchor])
    for mark in layout.marks:
        _png_mark(draw, mark, scale)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(PNG_DPI, PNG_DPI))
    return buffer.getvalue()

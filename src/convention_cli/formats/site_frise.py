"""The timeline picture of the site (SVG): the convention's period, the as-of day and
the dated obligations, coloured and shaped by state.

Self-contained (no font, script or style from outside: it works under a strict
Content-Security-Policy) and deterministic (coordinates rounded to a tenth). The page
that shows it carries the text alternative: the same dates in a list.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from convention_cli.views.site_model import Frise
from convention_cli.vocab import ETAT_LABELS, format_date

WIDTH = 960
HEIGHT = 170
MARGIN = 40
AXIS_Y = 80

# Fill colour and shape of each state; the shape tells the state without the colour.
STATE_STYLE: dict[str, tuple[str, str]] = {
    "honoree": ("#1b6e3a", "cercle"),
    "en_retard": ("#a11d1d", "carre"),
    "proche": ("#8a4b00", "losange"),
    "a_venir": ("#1f4e8c", "cercle-creux"),
    "sans_objet": ("#5f5f5f", "cercle-creux"),
    "a_decider": ("#5b2a86", "cercle-creux"),
    "echue_avant_signature": ("#5f5f5f", "cercle-creux"),
}


def _x(day: date, start: date, end: date) -> float:
    span = max((end - start).days, 1)
    ratio = min(max((day - start).days / span, 0.0), 1.0)
    return round(MARGIN + ratio * (WIDTH - 2 * MARGIN), 1)


def _mark(x: float, y: float, state: str, title: str) -> str:
    colour, shape = STATE_STYLE.get(state, STATE_STYLE["a_venir"])
    tip = f"<title>{escape(title)}</title>"
    if shape == "carre":
        return (f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" '
                f'fill="{colour}">{tip}</rect>')
    if shape == "losange":
        return (f'<path d="M{x:.1f} {y - 8:.1f}L{x + 8:.1f} {y:.1f}L{x:.1f} {y + 8:.1f}'
                f'L{x - 8:.1f} {y:.1f}Z" fill="{colour}">{tip}</path>')
    if shape == "cercle-creux":
        return (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#ffffff" stroke="{colour}" '
                f'stroke-width="2.5">{tip}</circle>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6.5" fill="{colour}">{tip}</circle>'


def frise_svg(frise: Frise) -> str:
    """The picture, as SVG text."""
    start, end = frise.debut, frise.fin
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="frise-titre">',
        f'<title id="frise-titre">{escape(frise.titre)}</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<line x1="{MARGIN}" y1="{AXIS_Y}" x2="{WIDTH - MARGIN}" y2="{AXIS_Y}" '
        'stroke="#1a1a1a" stroke-width="3"/>',
    ]
    font = 'font-family="sans-serif" font-size="13" fill="#1a1a1a"'
    for label, day, anchor in ((format_date(start), start, "start"),
                               (format_date(end), end, "end")):
        x = _x(day, start, end)
        parts.append(f'<line x1="{x}" y1="{AXIS_Y - 12}" x2="{x}" y2="{AXIS_Y + 12}" '
                     'stroke="#1a1a1a" stroke-width="2"/>')
        parts.append(f'<text x="{x}" y="{AXIS_Y + 30}" text-anchor="{anchor}" {font}>'
                     f'{escape(label)}</text>')
    for year in range(start.year + 1, end.year + 1):
        x = _x(date(year, 1, 1), start, end)
        parts.append(f'<line x1="{x}" y1="{AXIS_Y - 6}" x2="{x}" y2="{AXIS_Y + 6}" '
                     'stroke="#1a1a1a" stroke-width="1.5"/>')
        parts.append(f'<text x="{x}" y="{AXIS_Y + 22}" text-anchor="middle" {font}>'
                     f'{year}</text>')
    if start <= frise.as_of <= end:
        x = _x(frise.as_of, start, end)
        parts.append(f'<line x1="{x}" y1="{AXIS_Y - 48}" x2="{x}" y2="{AXIS_Y + 40}" '
                     'stroke="#5b2a86" stroke-width="2" stroke-dasharray="5 3"/>')
        anchor = "end" if x > WIDTH / 2 else "start"
        shift = -4 if anchor == "end" else 4
        parts.append(f'<text x="{x + shift:.1f}" y="{AXIS_Y - 52}" text-anchor="{anchor}" '
                     f'font-family="sans-serif" font-size="13" font-weight="bold" '
                     f'fill="#5b2a86">situation au {escape(format_date(frise.as_of))}</text>')
    # Marks of the same day are stacked upwards so that none hides another.
    stacked: dict[float, int] = {}
    for jalon in frise.jalons:
        x = _x(jalon.date, start, end)
        level = stacked.get(x, 0)
        stacked[x] = level + 1
        title = (f"{format_date(jalon.date)} : {jalon.libelle} "
                 f"({ETAT_LABELS.get(jalon.etat_code, jalon.etat_code)})")
        parts.append(_mark(x, AXIS_Y - 18 - 16 * min(level, 2), jalon.etat_code, title))
    legend_x = MARGIN
    shown = {jalon.etat_code for jalon in frise.jalons}
    for state, label in ETAT_LABELS.items():
        if state not in shown:
            continue
        parts.append(_mark(legend_x + 6, HEIGHT - 22, state, label))
        parts.append(f'<text x="{legend_x + 18}" y="{HEIGHT - 17}" {font}>{label}</text>')
        legend_x += 30 + 8 * len(label)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"

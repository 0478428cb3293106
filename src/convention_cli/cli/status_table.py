"""Rendering of ``convention status`` in the terminal: one screen, long listings capped.

Tables are joined text printed in one write (see ``text_table``): rich renders a
``Table`` at about 0.8 ms per row, which would make ``status`` slower than the
validation it builds on.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from typing import Any

from convention_cli.cli.terminal import output_width
from convention_cli.cli.text_table import Column, StyledLines, emit, fit, text_table
from convention_cli.domain.echeances import Echeance, Etat
from convention_cli.formats.status_markdown import referents_sentence
from convention_cli.views.status_model import StatusCounter, StatusView
from convention_cli.vocab import GT_STATUT_LABELS, count_statut, format_date, lecture_fr, plural

STYLE_BY_ETAT = {
    Etat.EN_RETARD: "red",
    Etat.PROCHE: "yellow",
    Etat.A_VENIR: "",
    Etat.HONOREE: "green",
    Etat.SANS_OBJET: "dim",
    Etat.A_DECIDER: "cyan",
    Etat.ECHUE_AVANT_SIGNATURE: "dim",
}

def _bar(done: int, total: int, width: int, fancy: bool) -> str:
    filled = round(width * done / total) if total else 0
    full, empty = ("█", "░") if fancy else ("#", ".")
    return full * filled + empty * (width - filled)


def _sigles(view: StatusView, ids: tuple[str, ...]) -> str:
    return ", ".join(view.noms_parties.get(p, p) for p in ids)


def _who(view: StatusView, porteurs: tuple[str, ...], participants: tuple[str, ...]) -> str:
    """``UNML, avec la DGOM``: who must act, then who takes part."""
    text = _sigles(view, porteurs)
    if participants:
        text += ", avec " + ", ".join(f"la {view.noms_parties.get(p, p)}"
                                      for p in participants)
    return text


def _ids(echeances: tuple[Echeance, ...]) -> str:
    if len(echeances) == 1:
        return echeances[0].id
    if len(echeances) == 2:
        return f"{echeances[0].id}, {echeances[1].id}"
    return f"{echeances[0].id} … {echeances[-1].id}"


def _late(view: StatusView, width: int, max_rows: int) -> StyledLines:
    if not view.retards:
        return [("En retard : rien.", "bold")]
    total = sum(g.nombre for g in view.retards)
    lines: StyledLines = [(f"En retard ({plural(total, 'occurrence')} à rattraper)", "bold")]
    shown = view.retards[:max_rows]
    for group in shown:
        text = f"⚠ {group.resume} — {_who(view, group.porteurs, group.participants)}"
        if group.nombre == 1 and group.echeances[0].lecture:
            text += f" ({lecture_fr(group.echeances[0].lecture)})"
        ident = _ids(group.echeances)
        # the identifiers stay whole: the text is cut, or the ids go on their own line
        room = width - len(ident) - 3
        if room >= MIN_TEXT:
            lines.append((fit(f"  {text}", room) + f" · {ident}", "red"))
        else:
            lines.append((fit(f"  {text}", width), "red"))
            lines.append((f"    {ident}", "red"))
    if len(view.retards) > len(shown):
        lines.append((f"  … et {plural(len(view.retards) - len(shown), 'autre')} : "
                      "convention echeances --etat en_retard", "italic"))
    return lines


def _soon(view: StatusView, width: int, max_rows: int) -> StyledLines:
    title = f"À venir ({view.horizon} jours, et le prochain bilan)"
    if not view.prochaines:
        return [(f"{title} : rien.", "bold")]
    shown = view.prochaines[:max_rows]
    columns = [Column("date", keep=True), Column("échéance", min_width=16),
               Column("qui agit", max_width=24, drop=2), Column("identifiant", keep=True),
               Column("état", drop=1)]
    rows = [[format_date(e.date), e.libelle, _who(view, e.porteurs, e.participants), e.id,
             e.etat.value + (" (au-delà)" if e.date > view.horizon_fin else "")]
            for e in shown]
    caption = None
    if len(view.prochaines) > len(shown):
        caption = (f"… et {plural(len(view.prochaines) - len(shown), 'autre')} : "
                   "convention echeances")
    return text_table(title, columns, rows,
                      [STYLE_BY_ETAT.get(e.etat, "") for e in shown], caption, width=width)


def _decisions(view: StatusView, width: int) -> StyledLines:
    """States that are readings of the text: decisions to take, deadlines set before
    the signature (one line each, with the reading)."""
    lines: StyledLines = []
    for e in view.a_decider:
        text = f"  {e.etat.value} : {e.libelle} ({format_date(e.date)})"
        if e.lecture:
            text += f" — {lecture_fr(e.lecture)}"
        room = width - len(e.id) - 3
        if room >= MIN_TEXT:
            lines.append((fit(text, room) + f" · {e.id}", "dim"))
        else:
            lines += [(fit(text, width), "dim"), (f"    {e.id}", "dim")]
    if lines:
        lines.insert(0, ("À décider, et lectures du texte", "bold"))
    return lines


def _counters(
    title: str, counters: tuple[StatusCounter, ...], fancy: bool, width: int
) -> StyledLines:
    columns = [Column("", max_width=48, min_width=14), Column("réalisés", align_right=True),
               Column("avancement", drop=2), Column("en retard", align_right=True),
               Column("répartition", drop=1, min_width=16)]
    rows = [[c.libelle, f"{c.realises}/{c.total}",
             _bar(c.realises, c.total, 10, fancy),
             str(c.en_retard) if c.en_retard else "—",
             ", ".join(count_statut(s, n) for s, n in c.par_statut.items())]
            for c in counters]
    return text_table(title, columns, rows, width=width)


def _footer(view: StatusView, width: int) -> StyledLines:
    stale = sum(1 for line in view.lignes if line.sans_nouvelles)
    groups = Counter(g.statut for g in view.groupes)
    parts = []
    if view.groupes:
        parts.append(f"Groupes de travail : {len(view.groupes)} ("
                     + ", ".join(_count(n, GT_STATUT_LABELS.get(s, s))
                                 for s, n in groups.items()) + ")")
    if stale:
        parts.append(f"{plural(stale, 'engagement')} sans entrée de journal depuis plus de "
                     f"{view.stale_days} jours")
    lines = _wrap(" ; ".join(parts) + ".", width, "") if parts else []
    referents = referents_sentence(view, short=True)
    if referents:
        lines += _wrap(referents, width, "")
    lines += _wrap("Plus de détails : convention engagements · convention echeances · "
                   "convention status -f json", width, "dim")
    return lines


_GLUE = "\ue000"
"""Holds a space the wrapping may not break (a private-use character, never in a text)."""
_UNBREAKABLE = re.compile(r" (?=[:;!?»])|(?<=«) ")
"""French typography: a line never starts with « : ; ! ? » » nor ends with « « »."""


def _wrap(text: str, width: int, style: str, indent: str = "") -> StyledLines:
    """A sentence over as many lines as the width needs (never cut, and never a line that
    starts with a punctuation mark)."""
    return [(line.replace(_GLUE, " "), style) for line in textwrap.wrap(
        _UNBREAKABLE.sub(_GLUE, text), width, subsequent_indent=indent,
        break_long_words=False, break_on_hyphens=False)]


def _count(count: int, label: str) -> str:
    """``6 non renseignés``, ``1 actif``, ``2 clos``."""
    return f"{count} {label}{'s' if count > 1 and not label.endswith('s') else ''}"


def _header(view: StatusView, width: int) -> StyledLines:
    pos = view.position
    lines = _wrap(f"État au {format_date(view.as_of)} — {view.titre}", width, "bold")
    lines += _wrap(pos.resume, width, "")
    if pos.en_bref:  # in full in JSON; here one sentence, the bilans being listed below
        lines += _wrap(pos.en_bref, width, "yellow")
    return lines


MIN_TEXT = 40
"""Below this room, a late group's identifiers go on a line of their own."""
MAX_GROUPS = 8
MAX_SOON = 8


def render_status(view: StatusView, console: Any | None, max_rows: int) -> None:
    """One screen: header, late groups, due soon, decisions, counters, groups, more."""
    width = output_width(console)
    fancy = console is not None
    blocks = [_header(view, width), _late(view, width, min(max_rows, MAX_GROUPS)),
              _soon(view, width, min(max_rows, MAX_SOON))]
    decisions = _decisions(view, width)
    if decisions:
        blocks.append(decisions)
    blocks += [
        _counters("Engagements portés, par partie", view.par_partie, fancy, width),
        _counters("Engagements par objectif", view.par_objectif, fancy, width),
        _footer(view, width),
    ]
    emit(blocks, console)

"""Rendering of ``convention status`` in the terminal: one screen, long listings capped.

Tables are joined text printed in one write (see ``text_table``): rich renders a
``Table`` at about 0.8 ms per row, which would make ``status`` slower than the
validation it builds on.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

from convention_cli.cli.text_table import Column, StyledLines, emit, text_table
from convention_cli.domain.echeances import Echeance, Etat
from convention_cli.models import GT_STATUT_LABELS, count_statut
from convention_cli.views.status import Compteur, StatusView
from convention_cli.vocab import format_date, plural

STYLE_BY_ETAT = {
    Etat.EN_RETARD: "red",
    Etat.PROCHE: "yellow",
    Etat.A_VENIR: "",
    Etat.HONOREE: "green",
    Etat.SANS_OBJET: "dim",
}

PIPED_WIDTH = 160
"""Width used when the output is not a terminal (a file, a pager, CI logs)."""


def make_console() -> Any | None:
    """A rich console on a terminal; ``None`` when piped or refused by ``NO_COLOR`` or
    ``TERM=dumb`` (plain text: no colour, frame, bold or block bar; cli/terminal.py).
    """
    from convention_cli.cli.terminal import styled_terminal

    if not styled_terminal():
        return None
    from rich.console import Console

    return Console()


def output_width(console: Any | None) -> int:
    if console is not None:
        return int(console.width)
    if "COLUMNS" in os.environ or os.isatty(1):  # a terminal without styles keeps its width
        return shutil.get_terminal_size((PIPED_WIDTH, 24)).columns
    return PIPED_WIDTH


def _bar(done: int, total: int, width: int, fancy: bool) -> str:
    filled = round(width * done / total) if total else 0
    full, empty = ("█", "░") if fancy else ("#", ".")
    return full * filled + empty * (width - filled)


def _counters(title: str, counters: tuple[Compteur, ...], fancy: bool) -> StyledLines:
    columns = [Column("", max_width=48), Column("réalisés", align_right=True),
               Column("avancement"), Column("en retard", align_right=True),
               Column("répartition")]
    rows = [[c.libelle, f"{c.realises}/{c.total}",
             _bar(c.realises, c.total, 10, fancy),
             str(c.en_retard) if c.en_retard else "—",
             ", ".join(count_statut(s, n) for s, n in c.par_statut.items())]
            for c in counters]
    return text_table(title, columns, rows)


def _echeances(
    title: str, echeances: tuple[Echeance, ...], width: int, max_rows: int
) -> StyledLines:
    if not echeances:
        return [(f"{title} : aucune.", "bold")]
    shown = echeances[:max_rows]
    label_width = max(20, width - 70)
    columns = [Column("date"), Column("échéance", max_width=label_width),
               Column("parties", max_width=12), Column("clause", max_width=12),
               Column("identifiant", max_width=40)]
    rows = [[format_date(e.date), e.libelle, ", ".join(e.parties), e.source, e.id]
            for e in shown]
    caption = None
    if len(echeances) > max_rows:
        caption = (f"… et {plural(len(echeances) - max_rows, 'autre')} : "
                   "convention echeances pour la liste complète")
    return text_table(f"{title} ({len(echeances)})", columns, rows,
                      [STYLE_BY_ETAT[e.etat] for e in shown], caption)


def _engagements(view: StatusView, width: int, max_rows: int) -> StyledLines:
    # Late first, then stale, then the rest, so that a capped list shows what matters.
    ordered = sorted(view.lignes, key=lambda line: (not line.en_retard,
                                                    not line.sans_nouvelles))
    shown = ordered[:max_rows]
    id_width = 44 if width >= 150 else 30
    label_width = max(16, min(70, width - id_width - 84))  # 84: the other columns and gaps
    columns = [Column("identifiant", max_width=id_width), Column("parties", max_width=10),
               Column("engagement", max_width=label_width),
               Column("statut"), Column("prochaine échéance"), Column("dernière entrée")]
    rows = []
    for line in shown:
        following = (f"{format_date(line.prochaine.date)} ({line.prochaine.etat.value})"
                     if line.prochaine else "—")
        last = format_date(line.derniere_entree) if line.derniere_entree else "—"
        rows.append([line.id, ", ".join(view.noms_parties.get(p, p) for p in line.parties),
                     line.libelle, line.statut_libelle, following,
                     last + (" ⚠" if line.sans_nouvelles else "")])
    notes = []
    if len(ordered) > max_rows:
        notes.append(f"… et {plural(len(ordered) - max_rows, 'autre')} : --format markdown "
                     "ou convention engagements pour tout voir")
    if any(line.sans_nouvelles for line in ordered):
        notes.append(f"⚠ aucune entrée de journal depuis plus de {view.stale_days} jours")
    return text_table(f"Engagements ({len(ordered)})", columns, rows,
                      ["red" if line.en_retard else "" for line in shown],
                      " ; ".join(notes) or None)


def _commissions(view: StatusView) -> StyledLines:
    held = sum(1 for t in view.commissions if t.etat is Etat.HONOREE)
    due = sum(1 for t in view.commissions if t.etat in (Etat.HONOREE, Etat.EN_RETARD))
    lines: StyledLines = [("Commission ultramarine (une fois par trimestre, section III) : "
                           f"{held} trimestre(s) échu(s) sur {due} avec une réunion "
                           "enregistrée", "bold")]
    for t in view.commissions:
        if t.etat in (Etat.A_VENIR, Etat.PROCHE):
            continue
        mark = {Etat.HONOREE: "✔", Etat.EN_RETARD: "✘"}.get(t.etat, "–")
        held_on = f" (réunion du {format_date(t.date_reunion)})" if t.date_reunion else ""
        lines.append((f"  {mark} {t.libelle} : {t.etat.value}{held_on}",
                      STYLE_BY_ETAT[t.etat]))
    return lines


def _groupes(view: StatusView) -> StyledLines:
    columns = [Column("n°", align_right=True), Column("groupe", max_width=60),
               Column("statut"), Column("engagements liés", align_right=True),
               Column("dernière entrée")]
    rows = [[str(g.numero), g.libelle, GT_STATUT_LABELS.get(g.statut, g.statut), str(g.engagements),
             format_date(g.derniere_entree) if g.derniere_entree else "—"]
            for g in view.groupes]
    return text_table("Groupes de travail (annexe)", columns, rows)


def _header(view: StatusView) -> StyledLines:
    pos = view.position
    lines: StyledLines = [(f"État au {format_date(view.as_of)} — {view.titre}", "bold"),
                          (pos.resume, "bold")]
    if pos.exigences:
        lines.append(("Ce que la section V demande maintenant :", ""))
        lines += [(f"• {item}", "yellow") for item in pos.exigences]
    return lines


def render_status(view: StatusView, console: Any | None, max_rows: int) -> None:
    width = output_width(console)
    if console is not None:  # a terminal: the header in a frame that wraps long lines
        from rich.panel import Panel
        from rich.text import Text

        header = Text()
        for line, style in _header(view)[1:]:
            header.append(line + "\n", style=style)
        console.print(Panel(header, title=f"État au {format_date(view.as_of)}"))
        blocks = []
    else:
        blocks = [_header(view)]
    blocks += [
        _counters("Engagements par partie", view.par_partie, console is not None),
        _counters("Engagements par objectif", view.par_objectif, console is not None),
        _engagements(view, width, max_rows),
        _echeances("Échéances en retard", view.en_retard, width, max_rows),
        _echeances(f"Prochaines échéances ({view.horizon} jours)", view.prochaines, width,
                   max_rows),
        _commissions(view),
        _groupes(view),
    ]
    emit(blocks, console)

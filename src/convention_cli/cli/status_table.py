"""Rich rendering of ``convention status``: one screen, long listings capped.

rich costs about 0.8 ms per table row (perf-baselines.md §6); listings are capped
at ``max_rows`` with a line saying how to see everything.
"""

from __future__ import annotations

import os

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from convention_cli.echeances import Echeance, Etat
from convention_cli.models import count_statut
from convention_cli.rendering_fr import format_date, plural
from convention_cli.status_view import Compteur, StatusView

STYLE_BY_ETAT = {
    Etat.EN_RETARD: "bold red",
    Etat.PROCHE: "yellow",
    Etat.A_VENIR: "",
    Etat.HONOREE: "green",
    Etat.SANS_OBJET: "dim",
}


PIPED_WIDTH = 160
"""Width used when the output is not a terminal (a file, a pager, CI logs)."""


def make_console() -> Console:
    """A console that follows the terminal; piped, a wide plain layout without colour.

    rich already honours NO_COLOR and TERM=dumb, and reads COLUMNS when set.
    """
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=PIPED_WIDTH)
    return console


def _box(console: Console) -> box.Box | None:
    return box.SIMPLE_HEAD if console.is_terminal else None


def _bar(done: int, total: int, width: int, fancy: bool) -> str:
    filled = round(width * done / total) if total else 0
    full, empty = ("█", "░") if fancy else ("#", ".")
    return full * filled + empty * (width - filled)


def _counters(title: str, counters: tuple[Compteur, ...], console: Console) -> Table:
    table = Table(title=title, box=_box(console), title_justify="left", expand=False)
    table.add_column("", max_width=48, no_wrap=True, overflow="ellipsis")
    table.add_column("réalisés", justify="right", no_wrap=True, min_width=8)
    table.add_column("avancement", no_wrap=True, min_width=10)
    table.add_column("en retard", justify="right", no_wrap=True, min_width=9)
    table.add_column("répartition", no_wrap=True)
    for c in counters:
        table.add_row(c.libelle, f"{c.realises}/{c.total}",
                      _bar(c.realises, c.total, 10, console.is_terminal),
                      str(c.en_retard) if c.en_retard else "—",
                      ", ".join(count_statut(s, n) for s, n in c.par_statut.items()))
    return table


def _echeance_table(
    title: str, echeances: tuple[Echeance, ...], console: Console, max_rows: int
) -> Table | Text:
    if not echeances:
        return Text(f"{title} : aucune.")
    table = Table(title=f"{title} ({len(echeances)})", box=_box(console),
                  title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("échéance", max_width=70)
    table.add_column("parties", no_wrap=True)
    table.add_column("clause", no_wrap=True)
    table.add_column("identifiant", no_wrap=True)
    for e in echeances[:max_rows]:
        table.add_row(format_date(e.date), e.libelle, ", ".join(e.parties), e.source, e.id,
                      style=STYLE_BY_ETAT[e.etat])
    if len(echeances) > max_rows:
        table.caption = (f"… et {plural(len(echeances) - max_rows, 'autre')} : "
                         "convention echeances pour la liste complète")
    return table


def render_status(view: StatusView, console: Console, max_rows: int) -> None:
    pos = view.position
    header = [Text(pos.resume, style="bold")]
    if pos.exigences:
        header.append(Text("Ce que la section V demande maintenant :"))
        header += [Text(f"• {item}") for item in pos.exigences]
    title = f"État au {format_date(view.as_of)}"
    if console.is_terminal:
        console.print(Panel(Group(*header), title=title, subtitle=view.titre[:60] + "…"))
    else:
        console.print(f"{title} — {view.titre}")
        for line in header:
            console.print(line)
    console.print()
    console.print(_counters("Engagements par partie", view.par_partie, console))
    console.print(_counters("Engagements par objectif", view.par_objectif, console))
    console.print(_engagements(view, console, max_rows))
    console.print(_echeance_table("Échéances en retard", view.en_retard, console, max_rows))
    console.print(_echeance_table(f"Prochaines échéances ({view.horizon} jours)",
                                  view.prochaines, console, max_rows))
    console.print(_commissions(view))
    console.print(_groupes(view, console))


def _engagements(view: StatusView, console: Console, max_rows: int) -> Table:
    # Late first, then stale, then the rest, so that a capped list shows what matters.
    ordered = sorted(view.lignes, key=lambda line: (not line.en_retard,
                                                    not line.sans_nouvelles))
    table = Table(title=f"Engagements ({len(ordered)})", box=_box(console),
                  title_justify="left")
    # Fixed budgets for the short columns; the label takes what is left of the width.
    label_width = max(16, min(60, console.width - 118))
    table.add_column("identifiant", no_wrap=True, max_width=34, overflow="ellipsis")
    table.add_column("parties", no_wrap=True, max_width=10, overflow="ellipsis")
    table.add_column("engagement", width=label_width, no_wrap=True, overflow="ellipsis")
    table.add_column("statut", no_wrap=True, width=13)
    table.add_column("prochaine échéance", no_wrap=True, width=27)
    table.add_column("dernière entrée", no_wrap=True, width=19)
    for line in ordered[:max_rows]:
        following = (f"{format_date(line.prochaine.date)} ({line.prochaine.etat.value})"
                     if line.prochaine else "—")
        last = format_date(line.derniere_entree) if line.derniere_entree else "—"
        if line.sans_nouvelles:
            last += " ⚠"
        style = "red" if line.en_retard else ""
        table.add_row(line.id, ", ".join(view.noms_parties.get(p, p) for p in line.parties),
                      line.libelle, line.statut_libelle, following, last, style=style)
    notes = []
    if len(ordered) > max_rows:
        notes.append(f"… et {plural(len(ordered) - max_rows, 'autre')} : --format markdown "
                     "ou convention engagements pour tout voir")
    if any(line.sans_nouvelles for line in ordered):
        notes.append(f"⚠ aucune entrée de journal depuis plus de {view.stale_days} jours")
    table.caption = " ; ".join(notes) or None
    return table


def _commissions(view: StatusView) -> Text:
    held = sum(1 for t in view.commissions if t.etat is Etat.HONOREE)
    due = sum(1 for t in view.commissions if t.etat in (Etat.HONOREE, Etat.EN_RETARD))
    text = Text(f"Commission ultramarine (une fois par trimestre, section III) : "
                f"{held} trimestre(s) sur {due} échu(s) avec une réunion enregistrée.\n")
    for t in view.commissions:
        if t.etat in (Etat.A_VENIR, Etat.PROCHE):
            continue
        mark = {Etat.HONOREE: "✔", Etat.EN_RETARD: "✘"}.get(t.etat, "–")
        text.append(f"  {mark} {t.libelle}", style=STYLE_BY_ETAT[t.etat])
        if t.date_reunion:
            text.append(f" (réunion du {format_date(t.date_reunion)})")
        text.append("\n")
    return text


def _groupes(view: StatusView, console: Console) -> Table:
    table = Table(title="Groupes de travail (annexe)", box=_box(console), title_justify="left")
    table.add_column("n°", justify="right")
    table.add_column("groupe", ratio=1)
    table.add_column("statut")
    table.add_column("engagements liés", justify="right")
    table.add_column("dernière entrée")
    for g in view.groupes:
        table.add_row(str(g.numero), g.libelle, g.statut.replace("_", " "), str(g.engagements),
                      format_date(g.derniere_entree) if g.derniere_entree else "—")
    return table

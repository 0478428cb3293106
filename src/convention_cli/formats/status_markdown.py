"""``convention status --format markdown``: the same content as the table, as Markdown."""

from __future__ import annotations

from convention_cli.domain.echeances import Echeance
from convention_cli.formats.markdown import cell, inline
from convention_cli.models import count_statut
from convention_cli.views.status import Compteur, StatusView
from convention_cli.vocab import format_date


def _date(value: object) -> str:
    return format_date(value) if value is not None else "—"  # type: ignore[arg-type]


def _counters(title: str, counters: tuple[Compteur, ...]) -> list[str]:
    lines = [f"### {title}", "", "| | engagements | réalisés | en retard | répartition |",
             "|---|---:|---:|---:|---|"]
    for c in counters:
        spread = ", ".join(count_statut(s, n) for s, n in c.par_statut.items())
        lines.append(f"| {cell(c.libelle)} | {c.total} | {c.realises} | {c.en_retard} | "
                     f"{cell(spread)} |")
    return [*lines, ""]


def _echeances(title: str, echeances: tuple[Echeance, ...], empty: str) -> list[str]:
    lines = [f"## {title}", ""]
    if not echeances:
        return [*lines, empty, ""]
    lines += ["| date | échéance | parties | clause | identifiant |", "|---|---|---|---|---|"]
    for e in echeances:
        lines.append(f"| {format_date(e.date)} | {cell(e.libelle)} | "
                     f"{cell(', '.join(e.parties))} | {cell(e.source)} | `{e.id}` |")
    return [*lines, ""]


def status_to_markdown(view: StatusView) -> str:
    pos = view.position
    lines = [
        f"# État de la convention au {format_date(view.as_of)}", "",
        f"*{inline(view.titre)}*", "", inline(pos.resume), "",
    ]
    if pos.exigences:
        lines += ["Ce que la section V demande maintenant :", ""]
        lines += [f"- {inline(item)}" for item in pos.exigences]
        lines.append("")
    lines += ["## Engagements par partie et par objectif", ""]
    lines += _counters("Par partie", view.par_partie)
    lines += _counters("Par objectif", view.par_objectif)
    lines += _echeances("Échéances en retard", view.en_retard, "Aucune échéance en retard.")
    lines += _echeances(f"Prochaines échéances ({view.horizon} jours)", view.prochaines,
                        "Aucune échéance dans l'horizon.")
    lines += ["## Engagements", "",
              "| identifiant | parties | engagement | statut | prochaine échéance | "
              "dernière entrée |", "|---|---|---|---|---|---|"]
    for line in view.lignes:
        following = (f"{format_date(line.prochaine.date)} ({line.prochaine.etat.value})"
                     if line.prochaine else "—")
        last = _date(line.derniere_entree)
        if line.sans_nouvelles:
            last += f" ⚠ sans nouvelles depuis plus de {view.stale_days} jours"
        lines.append(f"| `{line.id}` | {cell(', '.join(line.parties))} | {cell(line.libelle)} "
                     f"| {line.statut_libelle} | {following} | {last} |")
    lines += ["", "## Commission ultramarine (une fois par trimestre, section III)", "",
              "| trimestre | état | réunion |", "|---|---|---|"]
    for t in view.commissions:
        held = f"`{t.reunion}` ({_date(t.date_reunion)})" if t.reunion else "—"
        lines.append(f"| {cell(t.libelle)} | {t.etat.value} | {held} |")
    lines += ["", "## Groupes de travail", "",
              "| n° | groupe | statut | engagements liés | dernière entrée |",
              "|---:|---|---|---:|---|"]
    for g in view.groupes:
        lines.append(f"| {g.numero} | {cell(g.libelle)} | {g.statut.replace('_', ' ')} | "
                     f"{g.engagements} | {_date(g.derniere_entree)} |")
    return "\n".join(lines) + "\n"

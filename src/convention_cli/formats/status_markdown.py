"""``convention status --format markdown``: the same content as the table, as Markdown."""

from __future__ import annotations

from datetime import date

from convention_cli.domain.echeances import Echeance
from convention_cli.formats.markdown import cell, inline
from convention_cli.views.status_model import StatusCounter, StatusView
from convention_cli.vocab import (
    count_statut,
    date_or_dash,
    format_date,
    lecture_fr,
)


def referents_sentence(view: StatusView, *, short: bool = False) -> str | None:
    """``Référents en fonction au …`` (section III): each party's referent in office on
    ``as_of``, as the text outputs say it; None when no party has a referent entry.
    ``short`` (the one-screen table): without the date, already in its header, nor the
    function."""
    if not view.referents:
        return None
    parts = []
    for row in view.referents:
        sigle = view.noms_parties.get(str(row["partie"]), str(row["partie"]))
        if row["nom"] is None:
            parts.append(f"{sigle} : {'non nommé' if short else 'aucune personne nommée'}")
            continue
        text = f"{sigle} : {row['nom']}"
        if row["fonction"] and not short:
            text += f", {row['fonction']}"
        if row["depuis"]:
            text += f" (depuis le {format_date(date.fromisoformat(str(row['depuis'])))})"
        parts.append(text)
    when = "" if short else f" au {format_date(view.as_of)}"
    return f"Référents en fonction{when} : " + " ; ".join(parts) + "."


def _counters(title: str, counters: tuple[StatusCounter, ...]) -> list[str]:
    lines = [f"### {title}", "", "| | engagements | réalisés | en retard | répartition |",
             "|---|---:|---:|---:|---|"]
    for c in counters:
        spread = ", ".join(count_statut(s, n) for s, n in c.par_statut.items())
        lines.append(f"| {cell(c.libelle)} | {c.total} | {c.realises} | {c.en_retard} | "
                     f"{cell(spread)} |")
    return [*lines, ""]


def _who(e: Echeance) -> str:
    """Who must act, then who takes part: ``unml (avec dgom)``."""
    text = ", ".join(e.porteurs)
    return text + (f" (avec {', '.join(e.participants)})" if e.participants else "")


def _echeances(
    title: str, echeances: tuple[Echeance, ...], empty: str, before: list[str] | None = None
) -> list[str]:
    lines = [f"## {title}", "", *(before or [])]
    if not echeances:
        return [*lines, empty, ""]
    lines += ["| date | échéance | qui agit | état | clause | identifiant |",
              "|---|---|---|---|---|---|"]
    for e in echeances:
        label = e.libelle + (f" ({lecture_fr(e.lecture)})" if e.lecture else "")
        lines.append(f"| {format_date(e.date)} | {cell(label)} | {cell(_who(e))} | "
                     f"{e.etat.value} | {cell(e.source)} | `{e.id}` |")
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
    referents = referents_sentence(view)
    if referents:
        lines += [inline(referents), ""]
    lines += ["## Engagements par partie et par objectif", ""]
    lines += _counters("Par partie (engagements portés)", view.par_partie)
    lines += _counters("Par objectif", view.par_objectif)
    lines += _echeances("Échéances en retard", view.en_retard, "Aucune échéance en retard.",
                        [f"- {inline(g.resume)}" for g in view.retards]
                        + ([""] if view.retards else []))
    lines += _echeances(f"Prochaines échéances ({view.horizon} jours, et le prochain bilan)",
                        view.prochaines, "Aucune échéance dans l'horizon.")
    lines += _echeances("À décider, et lectures du texte", view.a_decider, "Rien à décider.")
    lines += ["## Engagements", "",
              "| identifiant | parties | engagement | statut | prochaine échéance | "
              "dernière entrée |", "|---|---|---|---|---|---|"]
    for line in view.lignes:
        following = (f"{format_date(line.prochaine.date)} ({line.prochaine.etat.value})"
                     if line.prochaine else "—")
        last = date_or_dash(line.derniere_entree)
        if line.sans_nouvelles:
            last += f" ⚠ sans nouvelles depuis plus de {view.stale_days} jours"
        lines.append(f"| `{line.id}` | {cell(', '.join(line.parties))} | {cell(line.libelle)} "
                     f"| {line.statut_libelle} | {following} | {last} |")
    lines += ["", "## Commission ultramarine (une fois par trimestre, section III)", "",
              "| trimestre | état | réunion |", "|---|---|---|"]
    for t in view.commissions:
        held = f"`{t.reunion}` ({date_or_dash(t.date_reunion)})" if t.reunion else "—"
        lines.append(f"| {cell(t.libelle)} | {t.etat.value} | {held} |")
    lines += ["", "## Groupes de travail", "",
              "| n° | groupe | statut | engagements liés | dernière entrée |",
              "|---:|---|---|---:|---|"]
    for g in view.groupes:
        lines.append(f"| {g.numero} | {cell(g.libelle)} | {g.statut_libelle} | "
                     f"{g.engagements} | {date_or_dash(g.derniere_entree)} |")
    return "\n".join(lines) + "\n"

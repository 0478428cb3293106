"""Where a day falls in the convention's period, and what section V asks then.

Shared by ``status``, the agenda and the passation document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from convention_cli.domain.echeances import Echeance, Etat, Objet
from convention_cli.load.registry import Registry
from convention_cli.vocab import format_date, plural


@dataclass(frozen=True)
class Position:
    """Where ``as_of`` falls in the convention's period."""

    date_signature: date
    date_fin: date
    etat: Literal["non_commencee", "en_vigueur", "echue"]
    jours: int
    resume: str
    exigences: tuple[str, ...]
    en_bref: str = ""
    """The requirements in one sentence (a terminal screen), empty when there are none."""


def position_of(registry: Registry, as_of: date, echeances: list[Echeance]) -> Position:
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    start = conv.date_signature
    period = f"du {format_date(start)} au {format_date(end)}"
    initial = registry.date_fin_initiale
    if initial is not None and end != initial:  # a prorogation by avenant (V)
        period += f" (prorogée par avenant ; terme initial : {format_date(initial)})"
    if as_of < start:
        days = (start - as_of).days
        return Position(start, end, "non_commencee", days,
                        f"Convention signée le {format_date(start)}, pas encore en vigueur "
                        f"(dans {plural(days, 'jour')}).", ())
    if as_of <= end:
        days = (end - as_of).days
        elapsed = round(100 * (as_of - start).days / max((end - start).days, 1))
        return Position(start, end, "en_vigueur", days,
                        f"Convention en vigueur {period} : {plural(days, 'jour')} restant"
                        f"{'s' if days > 1 else ''} ({elapsed}\u202f% de la période écoulée).",
                        *_requirements(registry, echeances, ended=False))
    days = (as_of - end).days
    return Position(start, end, "echue", days,
                    f"Convention échue depuis {plural(days, 'jour')} : elle couvrait la "
                    f"période {period}.",
                    *_requirements(registry, echeances, ended=True))


def _requirements(
    registry: Registry, echeances: list[Echeance], *, ended: bool
) -> tuple[tuple[str, ...], str]:
    """What section V asks next, once the end is near or passed, and the same in one
    sentence. The prorogation is offered only while it can still be decided: the term
    passed without an avenant (« décision-prorogation » sans objet), the convention has
    ended and the position says so."""
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    by_id = {e.id: e for e in echeances}
    near_end = ended or any(e.id == "fin-convention" and e.etat is Etat.PROCHE
                            for e in echeances)
    if not near_end:
        return (), ""
    lines = []
    for echeance in echeances:
        if echeance.objet is Objet.BILAN and echeance.etat in (
                Etat.EN_RETARD, Etat.PROCHE, Etat.A_VENIR):
            verb = "était dû" if echeance.etat is Etat.EN_RETARD else "est dû"
            lines.append(f"{echeance.libelle} : {verb} au plus tard le "
                         f"{format_date(echeance.date)} ({echeance.etat.value}, section "
                         f"{echeance.source}).")
    short = ["remettre les bilans (ci-dessous)"] if lines else []
    prorogation = by_id.get("decision-prorogation")
    clause = conv.regles.prorogation.clause
    if prorogation is not None and prorogation.etat is Etat.A_DECIDER:
        lines.append(
            "Prorogation : possible d’un commun accord « à l’issue d’un bilan partagé des "
            "actions réalisées » ; toute modification fait l’objet d’un avenant (section "
            f"{clause}). Aucun avenant n’est enregistré.")
        short.append("la prorogation est possible d'un commun accord, par avenant, à "
                     "l'issue d'un bilan partagé")
    elif prorogation is not None and prorogation.etat is Etat.SANS_OBJET:
        lines.append(
            f"Fin de la convention : elle a pris fin le {format_date(end)}, au terme de "
            f"sa durée de {conv.duree_annees} ans (section {conv.clause_duree}), sans "
            "avenant de prorogation enregistré ; la "
            "prorogation n’est plus offerte (lecture : le texte permet de la proroger "
            "« d’un commun accord » ; une convention échue ne se proroge plus).")
        short.append(f"la convention a pris fin le {format_date(end)}, sans avenant de "
                     "prorogation")
    brief = f"Section V, en fin de période : {' ; '.join(short)}." if short else ""
    return tuple(lines), brief

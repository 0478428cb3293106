"""The follow-up records (issue 11): échéances honoured by their own engagement,
statuses from each record's set and shown by a source, measurements typed only where
nothing computes them, dated records inside the convention's period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, error, warning
from convention_cli.load.registry import Registry
from convention_cli.models import (
    DemandeEvaluation,
    Engagement,
    GroupeTravail,
    Projet,
)
from convention_cli.vocab import (
    EVALUATION_STATUT_LABELS,
    GT_STATUT_LABELS,
    PROJET_STATUT_LABELS,
    STATUT_LABELS,
    format_date,
)


def _statuses(owner: object) -> tuple[str, dict[str, str]]:
    if isinstance(owner, Engagement):
        return "un engagement", STATUT_LABELS
    if isinstance(owner, GroupeTravail):
        return "un groupe de travail", GT_STATUT_LABELS
    if isinstance(owner, DemandeEvaluation):
        return "une demande d'évaluation", EVALUATION_STATUT_LABELS
    return "un projet", PROJET_STATUT_LABELS


@check("REF004", needs_complete=True)
def echeance_of_its_engagement(registry: Registry) -> Iterator[Diagnostic]:
    """Une entrée de journal honore une échéance de l'engagement qui la porte : le bilan
    annuel 2024 s'honore au journal de l'engagement du bilan annuel, pas ailleurs."""
    from convention_cli.checks.references import suggest
    from convention_cli.domain.echeances import compute_echeances

    linked = [(owner, index, entry.echeance) for owner in registry.journal_owners
              for index, entry in enumerate(owner.journal) if entry.echeance is not None]
    if not linked or registry.convention is None:
        return
    owners = {e.id: e.engagement for e in
              compute_echeances(registry, registry.convention.date_signature)}
    for owner, index, ident in linked:
        belongs = owners.get(ident)
        if belongs is None or belongs == owner.id:
            continue  # unknown: REF003; no engagement (term, actions): anyone may honour it
        own = [i for i, eng in owners.items() if eng == owner.id]
        hint = suggest(ident, own) if own else ""
        yield error("REF004", registry.where(owner, "journal", index, "echeance"),
                    f"échéance « {ident} » de l'engagement « {belongs} », pas de "
                    f"« {owner.id} » : ajoutez l'entrée au journal de « {belongs} »{hint}")


@check("STA004", "STA005")
def record_statuses(registry: Registry) -> Iterator[Diagnostic]:
    """Un statut noté au journal appartient à l'ensemble de statuts de ce qu'il suit
    (engagement, groupe de travail, projet, demande d'évaluation) ; un projet ou une
    demande d'évaluation qui a quitté son premier statut le tient d'une entrée de journal."""
    for owner in registry.journal_owners:
        kind, labels = _statuses(owner)
        for index, entry in enumerate(owner.journal):
            if entry.statut is not None and entry.statut not in labels:
                yield error("STA004", registry.where(owner, "journal", index, "statut"),
                            f"statut « {entry.statut} » inconnu pour {kind} ; statuts "
                            "possibles : " + ", ".join(labels))
    records: list[Projet | DemandeEvaluation] = [*registry.projets, *registry.evaluations]
    for record in records:
        first = "recue" if isinstance(record, DemandeEvaluation) else "repere"
        kind, labels = _statuses(record)
        noted = [e.statut for e in record.journal if e.statut is not None]
        if record.statut != first and record.statut not in noted:
            yield error("STA005", registry.where(record, "statut"),
                        f"statut « {labels[record.statut]} » sans entrée de journal qui le "
                        f"note : ajoutez-la (convention journal add {record.id} --statut "
                        f"{record.statut} --source …)")


@check("IND001")
def computed_indicators_not_typed(registry: Registry) -> Iterator[Diagnostic]:
    """Un indicateur que le registre permet de compter (réunions de la commission, bilans
    remis, communications publiques) est calculé : il ne se saisit pas deux fois."""
    from convention_cli.domain.indicators import COMPUTED_RULES

    for eng in registry.engagements:
        if eng.regle not in COMPUTED_RULES:
            continue
        for index, indicator in enumerate(eng.indicateurs):
            if indicator.mesures:
                yield error("IND001", registry.where(eng, "indicateurs", index, "mesures"),
                            f"indicateur « {indicator.id} » calculé à partir du registre "
                            f"({COMPUTED_RULES[eng.regle]}) : retirez les mesures saisies")


@check("DAT007", "DAT008")
def records_in_period(registry: Registry) -> Iterator[Diagnostic]:
    """Une mesure, un projet ou une demande d'évaluation se situe pendant la convention ;
    un avenant est signé après la convention, et une prorogation la prolonge au-delà de
    son terme initial."""
    conv = registry.convention
    end = registry.date_fin
    initial = registry.date_fin_initiale
    if conv is None or end is None or initial is None:
        return
    start = conv.date_signature

    def outside(day: date) -> str | None:
        if day < start:
            return f"antérieure à la signature ({format_date(start)})"
        if day > end:
            return f"postérieure au terme de la convention ({format_date(end)})"
        return None

    for eng in registry.engagements:
        for i, indicator in enumerate(eng.indicateurs):
            for j, mesure in enumerate(indicator.mesures):
                if (why := outside(mesure.date)) is not None:
                    yield warning("DAT007", registry.where(eng, "indicateurs", i, "mesures", j,
                                                           "date"),
                                  f"mesure du {format_date(mesure.date)} {why}")
    records: list[Projet | DemandeEvaluation] = [*registry.projets, *registry.evaluations]
    for record in records:
        if (why := outside(record.date)) is not None:
            yield warning("DAT007", registry.where(record, "date"),
                          f"« {record.id} » : date du {format_date(record.date)} {why}")
    for index, avenant in enumerate(conv.avenants):
        location = registry.file_location("convention", "convention", "avenants", index)
        if avenant.date_signature < start:
            yield error("DAT008", location,
                        f"avenant « {avenant.id} » signé le "
                        f"{format_date(avenant.date_signature)}, avant la convention "
                        f"({format_date(start)})")
        until = avenant.prorogation_jusqu_au
        if until is not None and until <= initial:
            yield error("DAT008", registry.file_location(
                "convention", "convention", "avenants", index, "prorogation_jusqu_au"),
                        f"prorogation jusqu'au {format_date(until)} : pas au-delà du terme "
                        f"initial ({format_date(initial)})")


@check("GOV003")
def referent_history_ordered(registry: Registry) -> Iterator[Diagnostic]:
    """L'historique des référents d'une partie se lit dans l'ordre : chaque référent
    prend la suite du précédent à une date postérieure."""
    for partie in registry.parties:
        if partie.referent is None:
            continue
        dated = [(i, p.depuis) for i, p in enumerate(partie.referent.personnes)
                 if p.depuis is not None]
        for (_, before), (index, after) in pairwise(dated):
            if after <= before:
                yield warning("GOV003", registry.where(partie, "referent", "personnes", index,
                                                       "depuis"),
                              f"référent en fonction depuis le {format_date(after)}, pas après "
                              f"le précédent ({format_date(before)})")

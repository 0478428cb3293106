"""Dates coherent with the convention's period and with each other."""

from __future__ import annotations

from collections.abc import Iterator

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, error, warning
from convention_cli.load.registry import JournalOwner, Registry
from convention_cli.models import EntreeJournal
from convention_cli.vocab import format_date


@check("DAT001", "DAT002", "DAT003")
def deadlines_in_period(registry: Registry) -> Iterator[Diagnostic]:
    """Une échéance se situe pendant la convention. Une échéance antérieure à la signature
    (comme l'accord-cadre LADOM « d'ici le 30 juin 2023 ») est signalée par un
    avertissement : le texte l'a fixée ainsi, mais elle était échue à la signature.
    Une échéance postérieure au terme suppose une prorogation (section V)."""
    conv = registry.convention
    end = registry.date_fin
    if conv is None or end is None:
        return
    start = conv.date_signature
    for eng in registry.engagements:
        if eng.echeance is None:
            continue
        if eng.echeance < start:
            yield warning("DAT001", registry.where(eng, "echeance"),
                          f"échéance du {format_date(eng.echeance)} antérieure à la signature "
                          f"du {format_date(start)} : fixée par le texte, elle était déjà "
                          "échue à la signature")
        elif eng.echeance > end:
            yield warning("DAT002", registry.where(eng, "echeance"),
                          f"échéance du {format_date(eng.echeance)} postérieure au terme de la "
                          f"convention ({format_date(end)}) : suppose une prorogation par "
                          "avenant (section V)")
    for reunion in registry.reunions:
        for index, action in enumerate(reunion.actions):
            if action.echeance < reunion.date:
                yield error("DAT003", registry.where(reunion, "actions", index, "echeance"),
                            f"échéance de l'action ({format_date(action.echeance)}) antérieure "
                            f"à la réunion qui l'a décidée ({format_date(reunion.date)})")
            if action.cloture is not None and action.cloture < reunion.date:
                yield error("DAT003", registry.where(reunion, "actions", index, "cloture"),
                            f"clôture de l'action ({format_date(action.cloture)}) antérieure "
                            f"à la réunion qui l'a décidée ({format_date(reunion.date)})")


@check("DAT004")
def pluriannual_bilan_in_period(registry: Registry) -> Iterator[Diagnostic]:
    """Le bilan pluriannuel (section V) est dû avant le terme de la convention."""
    conv = registry.convention
    end = registry.date_fin
    if conv is None or end is None:
        return
    deadline = conv.regles.bilan_pluriannuel.date_limite
    if not conv.date_signature <= deadline <= end:
        yield error("DAT004", registry.file_location(
            "convention", "convention", "regles", "bilan_pluriannuel", "date_limite"),
            f"bilan pluriannuel dû le {format_date(deadline)}, hors de la période de la "
            f"convention ({format_date(conv.date_signature)} – {format_date(end)})")


def _journal_order(
    registry: Registry, owner: JournalOwner, journal: list[EntreeJournal]
) -> Iterator[Diagnostic]:
    for index in range(1, len(journal)):
        if journal[index].date < journal[index - 1].date:
            yield warning("DAT005", registry.where(owner, "journal", index, "date"),
                          f"journal hors ordre chronologique : {format_date(journal[index].date)}"
                          f" après {format_date(journal[index - 1].date)}")


@check("DAT005", "DAT006")
def journal_dates(registry: Registry) -> Iterator[Diagnostic]:
    """Un journal se lit dans l'ordre chronologique ; une entrée ou une réunion datée
    d'avant la signature relève de la préparation de la convention et est signalée."""
    conv = registry.convention
    for owner in registry.journal_owners:
        yield from _journal_order(registry, owner, owner.journal)
        if conv is None:
            continue
        for index, entry in enumerate(owner.journal):
            if entry.date < conv.date_signature:
                yield warning("DAT006", registry.where(owner, "journal", index, "date"),
                              f"entrée du {format_date(entry.date)} antérieure à la signature "
                              f"({format_date(conv.date_signature)})")
    if conv is None:
        return
    for reunion in registry.reunions:
        if reunion.date < conv.date_signature:
            yield warning("DAT006", registry.where(reunion, "date"),
                          f"réunion du {format_date(reunion.date)} antérieure à la signature "
                          f"({format_date(conv.date_signature)})")

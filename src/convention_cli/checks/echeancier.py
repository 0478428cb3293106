"""The échéancier's inputs: rules carried once, links to échéances that exist."""

from __future__ import annotations

from collections.abc import Iterator

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, error
from convention_cli.load.registry import Registry
from convention_cli.vocab import format_date


@check("REG001", "REG002")
def rules_carried_once(registry: Registry) -> Iterator[Diagnostic]:
    """Une règle de la convention (bilan annuel, bilan pluriannuel, communication annuelle,
    commission trimestrielle) est portée par un seul engagement ; l'échéance propre d'un
    engagement qui porte le bilan pluriannuel est celle de la section V."""
    carriers: dict[str, str] = {}
    conv = registry.convention
    for eng in registry.engagements:
        if eng.regle is None:
            continue
        if eng.regle in carriers:
            yield error("REG001", registry.where(eng, "regle"),
                        f"règle « {eng.regle} » déjà portée par l'engagement "
                        f"« {carriers[eng.regle]} »")
        carriers.setdefault(eng.regle, eng.id)
        if (eng.regle == "bilan_pluriannuel" and conv is not None and eng.echeance is not None
                and eng.echeance != conv.regles.bilan_pluriannuel.date_limite):
            yield error("REG002", registry.where(eng, "echeance"),
                        f"échéance du {format_date(eng.echeance)} différente de celle du bilan "
                        "pluriannuel fixée par la section V "
                        f"({format_date(conv.regles.bilan_pluriannuel.date_limite)})")


@check("REF003", needs_complete=True)
def known_echeances(registry: Registry) -> Iterator[Diagnostic]:
    """Une entrée de journal qui honore une échéance la nomme par un identifiant que
    `convention echeances` affiche (par exemple bilan-annuel-2024)."""
    from convention_cli.checks.references import suggest
    from convention_cli.domain.echeances import echeance_ids

    linked = [
        (owner, index, entry.echeance)
        for owner in registry.journal_owners
        for index, entry in enumerate(owner.journal)
        if entry.echeance is not None
    ]
    if not linked:
        return
    known = echeance_ids(registry)
    for owner, index, ident in linked:
        if ident not in known:
            yield error("REF003", registry.where(owner, "journal", index, "echeance"),
                        f"échéance « {ident} » inconnue{suggest(ident, known)}")

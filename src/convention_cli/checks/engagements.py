"""Each engagement is verifiable, and its status is what a source shows."""

from __future__ import annotations

from collections.abc import Iterator

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, error, warning
from convention_cli.load.registry import Registry
from convention_cli.vocab import STATUT_LABELS


@check("VER001", "VER002", "VER003")
def engagements_verifiable(registry: Registry) -> Iterator[Diagnostic]:
    """Un engagement est vérifiable (section V : « objectifs à atteindre, mesurables et
    pouvant être évalués ») : il a une échéance ou une récurrence, et au moins un
    indicateur ou la mention explicite ``qualitatif: true``. Un indicateur quantitatif
    a une cible. Un début (« dès le premier semestre 2023 ») tient lieu de repère dans
    le temps quand le texte ne donne pas d'échéance."""
    for eng in registry.engagements:
        if eng.echeance is None and eng.recurrence is None and eng.debut is None:
            yield error("VER001", registry.where(eng, "id"),
                        f"engagement « {eng.id} » sans échéance ni récurrence : indiquez "
                        "« echeance » ou « recurrence »")
        if not eng.indicateurs and not eng.qualitatif:
            yield error("VER002", registry.where(eng, "id"),
                        f"engagement « {eng.id} » sans indicateur : ajoutez-en un ou "
                        "déclarez « qualitatif: true »")
        for index, indicateur in enumerate(eng.indicateurs):
            if indicateur.type == "quantitatif" and indicateur.cible is None:
                yield warning("VER003", registry.where(eng, "indicateurs", index, "id"),
                              f"indicateur quantitatif « {indicateur.id} » sans cible")


@check("STA001", "STA002")
def status_has_source(registry: Registry) -> Iterator[Diagnostic]:
    """Le statut d'un engagement est ce que montre une source : tout autre statut que
    « non renseigné » s'appuie sur une entrée de journal ou une preuve, et concorde
    avec le dernier statut noté au journal."""
    for eng in registry.engagements:
        if eng.statut != "non_renseigne" and not eng.journal and not eng.preuves:
            yield error("STA001", registry.where(eng, "statut"),
                        f"statut « {STATUT_LABELS[eng.statut]} » sans entrée de journal ni "
                        "preuve : sans source, le statut est « non renseigné »")
        noted = [e.statut for e in eng.journal if e.statut in STATUT_LABELS]
        if noted and noted[-1] != eng.statut:
            yield warning("STA002", registry.where(eng, "statut"),
                          f"statut « {STATUT_LABELS[eng.statut]} » différent du dernier statut "
                          f"noté au journal (« {STATUT_LABELS[noted[-1]]} »)")


@check("STA003")
def journal_sourced(registry: Registry) -> Iterator[Diagnostic]:
    """Une entrée de journal dit d'où elle vient : un auteur, une source ou une preuve."""
    for owner in registry.journal_owners:
        for index, entry in enumerate(owner.journal):
            if entry.auteur is None and entry.source is None and not entry.preuves:
                yield warning("STA003", registry.where(owner, "journal", index),
                              "entrée de journal sans auteur, source ni preuve")

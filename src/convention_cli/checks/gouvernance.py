"""Governance of section III and facts outside the agreement (sourced, never guessed)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, error
from convention_cli.load.registry import Registry
from convention_cli.load.source_map import PathItem
from convention_cli.models import Fait


@check("GOV001")
def parties_have_referent(registry: Registry) -> Iterator[Diagnostic]:
    """« Un référent unique au sein de chacune des parties » (section III) : la DGOM et
    l'UNML ont chacune un référent."""
    for partie in registry.parties:
        if partie.role == "partie" and partie.referent is None:
            yield error("GOV001", registry.where(partie, "id"),
                        f"la partie « {partie.id} » n'a pas de référent (section III)")


@check("GOV002")
def meeting_instance(registry: Registry) -> Iterator[Diagnostic]:
    """Une réunion de groupe de travail nomme son groupe ; les autres instances non."""
    for reunion in registry.reunions:
        if reunion.instance == "groupe_travail" and reunion.groupe_travail is None:
            yield error("GOV002", registry.where(reunion, "instance"),
                        "réunion de groupe de travail sans « groupe_travail »")
        elif reunion.instance != "groupe_travail" and reunion.groupe_travail is not None:
            yield error("GOV002", registry.where(reunion, "groupe_travail"),
                        f"« groupe_travail » n'a de sens que pour une réunion de groupe de "
                        f"travail (instance « {reunion.instance} »)")


def _iter_faits(
    node: object, path: tuple[PathItem, ...]
) -> Iterator[tuple[Fait, tuple[PathItem, ...]]]:
    if isinstance(node, Fait):
        yield node, path
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _iter_faits(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _iter_faits(item, (*path, index))


@check("FAI001", "FAI002")
def facts_sourced(registry: Registry) -> Iterator[Diagnostic]:
    """Un fait absent du texte de la convention porte sa source et sa confiance ; un fait
    « non vérifié » n'a pas de valeur : on ne devine jamais."""
    owners: list[BaseModel] = [  # the only files whose models hold a Fait
        *registry.parties, *registry.operateurs, *registry.territoires, *registry.hors_perimetre,
    ]
    for owner in owners:
        for fait, path in _iter_faits(owner, ()):
            if fait.confiance == "non_verifie" and fait.valeur is not None:
                yield error("FAI001", registry.where(owner, *path, "valeur"),
                            "fait non vérifié porteur d'une valeur : laissez « valeur » vide "
                            "(null) et décrivez l'incertitude dans « note »")
            elif fait.confiance != "non_verifie" and fait.source is None:
                yield error("FAI002", registry.where(owner, *path, "confiance"),
                            f"fait de confiance « {fait.confiance} » sans source")
    conv = registry.convention
    if conv is None:
        return
    for fait, path in _iter_faits(conv, ()):
        if fait.confiance == "non_verifie" and fait.valeur is not None:
            yield error("FAI001", registry.file_location("convention", "convention", *path,
                                                         "valeur"),
                        "fait non vérifié porteur d'une valeur : laissez « valeur » vide")
        elif fait.confiance != "non_verifie" and fait.source is None:
            yield error("FAI002", registry.file_location("convention", "convention", *path,
                                                         "confiance"),
                        f"fait de confiance « {fait.confiance} » sans source")

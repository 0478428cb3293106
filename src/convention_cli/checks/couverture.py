"""Everything the agreement sets out is represented in the registry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, Location, error, warning
from convention_cli.load.registry import Registry


def _not_covered(
    registry: Registry, listing: str, key: str, covered: set[Any]
) -> Iterator[tuple[Location, Any]]:
    """Each item of ``convention.<listing>`` whose ``key`` is not in ``covered``, with the
    location of that key."""
    conv = registry.convention
    if conv is None:
        return
    for index, item in enumerate(getattr(conv, listing)):
        if getattr(item, key) not in covered:
            yield registry.file_location("convention", "convention", listing, index, key), item


@check("COV001", needs_complete=True)
def engaging_clauses_covered(registry: Registry) -> Iterator[Diagnostic]:
    """Chaque clause qui porte des engagements (section II : II, II.1, II.2, II.3.1,
    II.3.2) est couverte par au moins un engagement."""
    cited = {e.clause for e in registry.engagements}
    for where, clause in _not_covered(registry, "clauses", "id", cited):
        if clause.engageante:
            yield error("COV001", where,
                        f"clause {clause.id} (« {clause.titre} ») couverte par aucun engagement")


@check("COV002", needs_complete=True)
def annex_themes_have_groups(registry: Registry) -> Iterator[Diagnostic]:
    """Chaque thème de l'annexe (programme prévisionnel) a son groupe de travail."""
    themes = {g.theme for g in registry.groupes_travail}
    for where, theme in _not_covered(registry, "themes_annexe", "numero", themes):
        yield error("COV002", where, f"thème {theme.numero} de l'annexe sans groupe de travail "
                    f"(« {theme.libelle} »)")


@check("COV003", needs_complete=True)
def objectives_served(registry: Registry) -> Iterator[Diagnostic]:
    """Chaque objectif commun (section I) est servi par au moins un engagement."""
    served = {o for e in registry.engagements for o in e.objectifs}
    for where, objectif in _not_covered(registry, "objectifs", "id", served):
        yield warning("COV003", where, f"objectif « {objectif.id} » servi par aucun engagement")


@check("COV004")
def annex_numbering(registry: Registry) -> Iterator[Diagnostic]:
    """Les thèmes de l'annexe et les objectifs sont numérotés 1, 2, 3… sans trou ni
    doublon, comme dans le texte ; un groupe de travail porte le numéro de son thème."""
    conv = registry.convention
    if conv is not None:
        for group in ("objectifs", "themes_annexe"):
            items = getattr(conv, group)
            for index, item in enumerate(items):
                if item.numero != index + 1:
                    yield error("COV004", registry.file_location(
                        "convention", "convention", group, index, "numero"),
                        f"numéro {item.numero} à la position {index + 1} : la numérotation "
                        "suit celle du texte")
    for gt in registry.groupes_travail:
        if gt.numero != gt.theme:
            yield warning("COV004", registry.where(gt, "numero"),
                          f"groupe de travail n° {gt.numero} rattaché au thème {gt.theme} : "
                          "numérotez les groupes comme les thèmes de l'annexe")

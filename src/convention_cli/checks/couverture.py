"""Everything the agreement sets out is represented in the registry."""

from __future__ import annotations

from collections.abc import Iterator

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, error, warning
from convention_cli.load.registry import Registry


@check("COV001", needs_complete=True)
def engaging_clauses_covered(registry: Registry) -> Iterator[Diagnostic]:
    """Chaque clause qui porte des engagements (section II : II, II.1, II.2, II.3.1,
    II.3.2) est couverte par au moins un engagement."""
    conv = registry.convention
    if conv is None:
        return
    cited = {e.clause for e in registry.engagements}
    for index, clause in enumerate(conv.clauses):
        if clause.engageante and clause.id not in cited:
            yield error("COV001", registry.file_location(
                "convention", "convention", "clauses", index, "id"),
                f"clause {clause.id} (« {clause.titre} ») couverte par aucun engagement")


@check("COV002", needs_complete=True)
def annex_themes_have_groups(registry: Registry) -> Iterator[Diagnostic]:
    """Chaque thème de l'annexe (programme prévisionnel) a son groupe de travail."""
    conv = registry.convention
    if conv is None:
        return
    themes = {g.theme for g in registry.groupes_travail}
    for index, theme in enumerate(conv.themes_annexe):
        if theme.numero not in themes:
            yield error("COV002", registry.file_location(
                "convention", "convention", "themes_annexe", index, "numero"),
                f"thème {theme.numero} de l'annexe sans groupe de travail "
                f"(« {theme.libelle} »)")


@check("COV003", needs_complete=True)
def objectives_served(registry: Registry) -> Iterator[Diagnostic]:
    """Chaque objectif commun (section I) est servi par au moins un engagement."""
    conv = registry.convention
    if conv is None:
        return
    served = {o for e in registry.engagements for o in e.objectifs}
    for index, objectif in enumerate(conv.objectifs):
        if objectif.id not in served:
            yield warning("COV003", registry.file_location(
                "convention", "convention", "objectifs", index, "id"),
                f"objectif « {objectif.id} » servi par aucun engagement")


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

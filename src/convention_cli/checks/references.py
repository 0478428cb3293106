"""Cross-references: ids are unique across files and every referenced id exists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, Location, error
from convention_cli.load.registry import JournalOwner, Registry
from convention_cli.load.source_map import PathItem
from convention_cli.vocab import did_you_mean


def suggest(value: str, known: Iterable[str]) -> str:
    """`` (vouliez-vous dire « x » ?)`` to append to a diagnostic, or ``""``."""
    hint = did_you_mean(value, known)
    return f" ({hint})" if hint else ""


IdSite = tuple[str, BaseModel | None, tuple[PathItem, ...]]
"""Where an id is declared: (id, top-level entry or None for convention.yaml, path)."""


def iter_ids(registry: Registry) -> Iterator[IdSite]:
    """Every declared id, with what is needed to locate it (only done on a duplicate)."""
    if registry.convention is not None:
        conv = registry.convention
        groups: tuple[tuple[str, Sequence[Any]], ...] = (
            ("objectifs", conv.objectifs),
            ("chiffres", conv.chiffres),
            ("modalites_concertation", conv.modalites_concertation),
            ("references", conv.references),
            ("avenants", conv.avenants),
            ("dispositions", conv.dispositions),
        )
        for group, items in groups:
            for index, item in enumerate(items):
                yield item.id, None, ("convention", group, index, "id")
    for _kind, entry in registry.iter_entries():
        yield entry.id, entry, ("id",)
    for territoire in registry.territoires:
        for index, ml in enumerate(territoire.missions_locales):
            yield ml.id, territoire, ("missions_locales", index, "id")
    for engagement in registry.engagements:
        for index, indicateur in enumerate(engagement.indicateurs):
            yield indicateur.id, engagement, ("indicateurs", index, "id")
    for reunion in registry.reunions:
        reunion_groups: tuple[tuple[str, Sequence[Any]], ...] = (
            ("decisions", reunion.decisions), ("actions", reunion.actions))
        for group, items in reunion_groups:
            for index, item in enumerate(items):
                yield item.id, reunion, (group, index, "id")


def _locate_id(registry: Registry, site: IdSite) -> Location:
    _ident, entry, path = site
    if entry is None:
        return registry.file_location("convention", *path)
    return registry.where(entry, *path)


@check("REF002")
def unique_ids(registry: Registry) -> Iterator[Diagnostic]:
    """Chaque identifiant est unique dans tout le registre, tous fichiers confondus :
    un identifiant désigne une seule chose pour toujours."""
    first_seen: dict[str, IdSite] = {}
    for site in iter_ids(registry):
        previous = first_seen.setdefault(site[0], site)
        if previous is not site:
            yield error("REF002", _locate_id(registry, site),
                        f"identifiant « {site[0]} » déjà utilisé "
                        f"({_locate_id(registry, previous)})")


def _convention_clauses(registry: Registry) -> Iterator[tuple[str, tuple[PathItem, ...]]]:
    conv = registry.convention
    if conv is None:
        return
    yield conv.clause_duree, ("clause_duree",)
    yield conv.perimetre.clause, ("perimetre", "clause")
    for group in ("objectifs", "chiffres", "modalites_concertation", "themes_annexe",
                  "references", "dispositions", "phrases_ecartees"):
        for index, item in enumerate(getattr(conv, group)):
            yield item.clause, (group, index, "clause")
    for name in type(conv.regles).model_fields:
        rule = getattr(conv.regles, name)
        if rule is not None:  # an optional rule (bilan_mi_etape) may be absent
            yield rule.clause, ("regles", name, "clause")


def _refs(registry: Registry) -> Iterator[tuple[str, str, BaseModel, tuple[PathItem, ...]]]:
    """Every reference: (target kind, id, entry holding it, path inside the entry)."""
    for eng in registry.engagements:
        for i, ref in enumerate(eng.parties):
            yield "partie", ref, eng, ("parties", i)
        for i, ref in enumerate(eng.objectifs):
            yield "objectif", ref, eng, ("objectifs", i)
        for i, ref in enumerate(eng.participants):
            yield "partie", ref, eng, ("participants", i)
        for i, ref in enumerate(eng.operateurs):
            yield "operateur", ref, eng, ("operateurs", i)
        for i, ref in enumerate(eng.exclus):
            yield "organisation", ref, eng, ("exclus", i)
        for j, entry in enumerate(eng.journal):
            for i, ref in enumerate(entry.parties):
                yield "partie", ref, eng, ("journal", j, "parties", i)
        for i, ref in enumerate(eng.territoires):
            yield "territoire", ref, eng, ("territoires", i)
        for i, ref in enumerate(eng.peut_deboucher_sur):
            yield "engagement", ref, eng, ("peut_deboucher_sur", i)
        yield "clause", eng.clause, eng, ("clause",)
    for gt in registry.groupes_travail:
        for i, ref in enumerate(gt.engagements):
            yield "engagement", ref, gt, ("engagements", i)
        for i, ref in enumerate(gt.objectifs):
            yield "objectif", ref, gt, ("objectifs", i)
        yield "theme", str(gt.theme), gt, ("theme",)
        yield "clause", gt.clause, gt, ("clause",)
    for op in registry.operateurs:
        if op.tutelle is not None:
            yield "partie", op.tutelle, op, ("tutelle",)
        for i, clause in enumerate(op.clauses):
            yield "clause", clause, op, ("clauses", i)
        for i, relation in enumerate(op.relations):
            yield "organisation", relation.organisation, op, ("relations", i, "organisation")
    for partie in registry.parties:
        yield "clause", partie.clause, partie, ("clause",)
    for ter in registry.territoires:
        yield "clause", ter.clause, ter, ("clause",)
        for i, ml in enumerate(ter.missions_locales):
            yield "arml", ml.arml, ter, ("missions_locales", i, "arml")
    others: list[JournalOwner] = [*registry.groupes_travail, *registry.projets,
                                  *registry.evaluations]
    for owner in others:
        for i, entry in enumerate(owner.journal):
            for j, ref in enumerate(entry.parties):
                yield "partie", ref, owner, ("journal", i, "parties", j)
    for projet in registry.projets:
        yield "territoire", projet.territoire, projet, ("territoire",)
        if projet.mission_locale is not None:
            yield "mission_locale", projet.mission_locale, projet, ("mission_locale",)
        if projet.groupe_travail is not None:
            yield "groupe_travail", projet.groupe_travail, projet, ("groupe_travail",)
    for evaluation in registry.evaluations:
        yield "mission_locale", evaluation.mission_locale, evaluation, ("mission_locale",)
    for reunion in registry.reunions:
        if reunion.groupe_travail is not None:
            yield "groupe_travail", reunion.groupe_travail, reunion, ("groupe_travail",)
        for i, action in enumerate(reunion.actions):
            yield "partie", action.responsable, reunion, ("actions", i, "responsable")


_KIND_LABELS = {
    "partie": "partie « {} » inconnue",
    "objectif": "objectif « {} » inconnu",
    "operateur": "opérateur « {} » inconnu",
    "engagement": "engagement « {} » inconnu",
    "clause": "clause « {} » absente de la table des clauses de la convention",
    "theme": "thème {} absent de l'annexe",
    "arml": "ARML « {} » inconnue parmi les parties co-signataires",
    "groupe_travail": "groupe de travail « {} » inconnu",
    "territoire": "territoire « {} » inconnu",
    "organisation": "organisation « {} » inconnue (ni partie ni opérateur)",
    "element": "identifiant « {} » inconnu",
    "mission_locale": "mission locale « {} » inconnue",
}


_SOURCE_FILE = {
    "partie": "parties", "arml": "parties", "operateur": "parties",
    "engagement": "engagements", "groupe_travail": "groupes_travail",
    "territoire": "territoires", "organisation": "parties", "element": "convention",
    "mission_locale": "territoires",
    "objectif": "convention", "clause": "convention", "theme": "convention",
}


@check("REF001")
def known_references(registry: Registry) -> Iterator[Diagnostic]:
    """Tout identifiant cité (partie, objectif, opérateur, engagement, groupe de travail,
    clause, thème de l'annexe, ARML, organisation d'une relation ou exclue, élément
    concerné par une disposition) existe dans le registre."""
    conv = registry.convention
    known: dict[str, set[str]] = {
        "partie": {p.id for p in registry.parties},
        "arml": {p.id for p in registry.parties if p.role == "co_signataire"},
        "operateur": {o.id for o in registry.operateurs},
        "engagement": {e.id for e in registry.engagements},
        "groupe_travail": {g.id for g in registry.groupes_travail},
        "territoire": {t.id for t in registry.territoires},
        "mission_locale": {m.id for t in registry.territoires for m in t.missions_locales},
        "objectif": {o.id for o in conv.objectifs} if conv else set(),
        "clause": {c.id for c in conv.clauses} if conv else set(),
        "theme": {str(t.numero) for t in conv.themes_annexe} if conv else set(),
    }
    known["organisation"] = known["partie"] | known["operateur"]
    known["element"] = {site[0] for site in iter_ids(registry)}
    if conv is not None:
        # "Annexe 4" names theme 4 of the annex.
        known["clause"] |= {f"Annexe {t.numero}" for t in conv.themes_annexe}
    if conv is not None:
        for j, disposition in enumerate(conv.dispositions):
            for i, ref in enumerate(disposition.concerne):
                if ref not in known["element"] and ref not in registry.salvaged_ids:
                    yield error("REF001", registry.file_location(
                        "convention", "convention", "dispositions", j, "concerne", i),
                        _KIND_LABELS["element"].format(ref) + suggest(ref, known["element"]))
    for clause, path in _convention_clauses(registry):
        if clause not in known["clause"]:
            yield error("REF001", registry.file_location("convention", "convention", *path),
                        _KIND_LABELS["clause"].format(clause) + suggest(clause, known["clause"]))
    for kind, ref, entry, path in _refs(registry):
        if _SOURCE_FILE[kind] in registry.unreadable:
            continue  # the file declaring these ids could not be read: already reported
        if ref in known[kind] or ref in registry.salvaged_ids:
            continue
        message = _KIND_LABELS[kind].format(ref)
        yield error("REF001", registry.where(entry, *path),
                    f"{message}{suggest(ref, known[kind])}")

"""Traceability: every normative sentence of the text is encoded or set aside, and every
citation lies inside the clause it names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, Location, error, warning
from convention_cli.domain.texte import (
    Phrase,
    Texte,
    clause_family,
    covers,
    normalise,
    parse_texte,
)
from convention_cli.load.registry import Registry
from convention_cli.load.source_map import PathItem
from convention_cli.models import PhraseEcartee


@dataclass(frozen=True)
class Citation:
    """A quotation of the text held by the registry, with what holds it."""

    clause: str
    texte: str
    porteur: str
    """``engagement « bilan-annuel »``, ``règle « financement »``, ``écartée``…"""
    entry: BaseModel | None
    path: tuple[PathItem, ...]
    ecartee: PhraseEcartee | None = None
    item: BaseModel | None = None
    """The model that holds the citation (for its readings)."""

    def location(self, registry: Registry) -> Location:
        if self.entry is None:
            return registry.file_location("convention", "convention", *self.path)
        return registry.where(self.entry, *self.path)


@lru_cache(maxsize=4)
def texte_of(markdown: str) -> Texte:
    return parse_texte(markdown)


_CONVENTION_GROUPS = {
    "objectifs": "objectif", "chiffres": "chiffre", "references": "référence",
    "dispositions": "disposition",
}
_REGISTRY_GROUPS = {
    "parties": "partie", "operateurs": "opérateur", "hors_perimetre": "territoire",
    "engagements": "engagement",
}


_Found = tuple[str, str, tuple[PathItem, ...], BaseModel]


def _walk(node: object, path: tuple[PathItem, ...]) -> Iterator[_Found]:
    """(clause, citation, path of the citation, holder) of a model and of the models
    inside it."""
    if isinstance(node, BaseModel):
        clause = getattr(node, "clause", None)
        citation = getattr(node, "citation", None)
        if isinstance(clause, str) and isinstance(citation, str):
            yield clause, citation, (*path, "citation"), node
        for name in type(node).model_fields:
            if name in ("citation", "lectures"):
                continue
            yield from _walk(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, (*path, index))


def iter_citations(registry: Registry) -> Iterator[Citation]:
    """Every quotation of the text in the registry."""
    conv = registry.convention
    if conv is not None:
        yield Citation(conv.clause_duree, conv.citation_duree, "durée", None,
                       ("citation_duree",), item=conv)
        yield Citation(conv.perimetre.clause, conv.perimetre.citation, "périmètre", None,
                       ("perimetre", "citation"), item=conv.perimetre)
        for group, label in _CONVENTION_GROUPS.items():
            for index, item in enumerate(getattr(conv, group)):
                for clause, text, path, holder in _walk(item, (group, index)):
                    yield Citation(clause, text, f"{label} « {item.id} »", None, path,
                                   item=holder)
        for name in type(conv.regles).model_fields:
            rule = getattr(conv.regles, name)
            if rule is None:  # an optional rule (bilan_mi_etape) may be absent
                continue
            yield Citation(rule.clause, rule.citation, f"règle « {name} »", None,
                           ("regles", name, "citation"), item=rule)
        for index, ecartee in enumerate(conv.phrases_ecartees):
            yield Citation(ecartee.clause, ecartee.citation, "écartée", None,
                           ("phrases_ecartees", index, "citation"), ecartee)
    for group, label in _REGISTRY_GROUPS.items():
        for entry in getattr(registry, group):
            for clause, text, path, holder in _walk(entry, ()):
                yield Citation(clause, text, f"{label} « {entry.id} »", entry, path,
                               item=holder)


def _related(a: str, b: str) -> bool:
    """Same clause, or one inside the other (II holds II.3.2; Annexe holds Annexe 4)."""
    return a in clause_family(b) or b in clause_family(a)


def encoders(phrase: Phrase, citations: list[Citation]) -> list[Citation]:
    """The citations that account for a sentence: they hold it (or it holds them) and
    name its clause or a clause around it."""
    return [c for c in citations if _related(c.clause, phrase.clause) and covers(c.texte, phrase)]


@check("TRA001", "TRA002", "TRA003", "TRA004", needs_complete=True)
def traceability(registry: Registry) -> Iterator[Diagnostic]:
    """Lecture traçable (quand ``convention.texte`` désigne le texte intégral) : chaque
    phrase normative des sections I à VII et de l'annexe (s'engage, pourra, devra,
    sera, intégrera, ne se substitue pas, n'est pas habilitée, non exhaustive, a minima,
    au minimum, notamment…) est citée par un élément du registre ou écartée avec un motif
    (``phrases_ecartees``) ; chaque citation figure mot pour mot dans la clause qu'elle
    nomme ; une phrase écartée est bien une phrase normative du texte."""
    if registry.texte is None or registry.convention is None:
        return
    texte = texte_of(registry.texte)
    citations = list(iter_citations(registry))
    for citation in citations:
        if texte.contains(citation.clause, citation.texte):
            continue
        found = texte.clauses_containing(citation.texte)
        if found:
            # The most precise clause holding it: the longest id among the deepest ones.
            best = max(found, key=lambda c: (c.count(".") + c.count(" "), len(c)))
            yield error("TRA002", citation.location(registry),
                        f"citation hors de sa clause : {citation.porteur} nomme la clause "
                        f"{citation.clause}, le texte cité est en {best}")
        else:
            yield error("TRA003", citation.location(registry),
                        f"citation introuvable dans le texte de la convention "
                        f"({citation.porteur}) : « {_short(citation.texte)} »")
    for phrase in texte.tracees:
        if not encoders(phrase, citations):
            yield error("TRA001", registry.file_location("convention", "convention", "texte"),
                        f"phrase normative non tracée ({phrase.clause}, ligne {phrase.ligne} "
                        f"du texte, « {', '.join(phrase.marqueurs)} ») : « {_short(phrase.texte)} »"
                        " ; citez-la dans un élément du registre ou ajoutez-la à "
                        "phrases_ecartees avec un motif")
    normative = [p for p in texte.phrases if p.normative]
    for citation in citations:
        if citation.ecartee is not None and not any(
                covers(citation.texte, p) for p in normative):
            yield warning("TRA004", citation.location(registry),
                          "phrase écartée qui n'est pas une phrase normative du texte : "
                          f"« {_short(citation.texte)} »")


def _short(text: str, width: int = 90) -> str:
    text = normalise(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"

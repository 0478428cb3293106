"""Evidence rules: a status, a relation, a participant and a number say no more than
their source; outside facts cite the bibliography."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, Location, error, warning
from convention_cli.load.registry import Registry
from convention_cli.load.source_map import PathItem
from convention_cli.models import CONFIANCE_RANG, Engagement, Fait
from convention_cli.vocab import QUALIFICATIF_LABELS, STATUT_LABELS, format_date

LATE_EVIDENCE_DAYS = 30
"""Evidence dated more than this after the signature does not show something done « au
moment de la signature » unless a reading says so."""


@check("PRV001", "PRV002")
def status_evidence(registry: Registry) -> Iterator[Diagnostic]:
    """Un statut autre que « non renseigné » s'appuie sur une entrée de journal datée qui
    cite sa source (``source`` ou preuves) ; pour un engagement conjoint, les entrées
    sourcées disent quelle partie elles attestent (``parties``), et un engagement
    « réalisé » est attesté pour chacune de ses parties."""
    for eng in registry.engagements:
        if eng.statut == "non_renseigne" or not (eng.journal or eng.preuves):
            continue  # nothing at all is STA001's finding
        sourced = [e for e in eng.journal if e.source is not None or e.preuves]
        if not sourced:
            yield error("PRV001", registry.where(eng, "statut"),
                        f"statut « {STATUT_LABELS[eng.statut]} » sans entrée de journal "
                        "sourcée : ajoutez une entrée datée avec sa « source »")
            continue
        if len(eng.parties) < 2:
            continue
        attested = {p for e in sourced for p in e.parties}
        missing = [p for p in eng.parties if p not in attested]
        if not attested or (eng.statut == "realise" and missing):
            who = ", ".join(missing)
            yield error("PRV002", registry.where(eng, "statut"),
                        f"engagement conjoint « {STATUT_LABELS[eng.statut]} » sans entrée "
                        f"sourcée qui atteste {who} : indiquez « parties » dans l'entrée")


def _at_signature(eng: Engagement, signature: object) -> bool:
    label = (eng.echeance_libelle or "").lower()
    return eng.echeance == signature or "moment de la signature" in label


@check("PRV003")
def signature_time_evidence(registry: Registry) -> Iterator[Diagnostic]:
    """Un engagement dû « au moment de la signature » n'est pas « réalisé » sur la foi
    de sources datées de plusieurs mois plus tard, sauf lecture qui le dit (``lectures``
    sur ``statut``)."""
    conv = registry.convention
    if conv is None:
        return
    for eng in registry.engagements:
        if eng.statut != "realise" or not _at_signature(eng, conv.date_signature):
            continue
        if eng.lectures_de("statut"):
            continue
        dates = [e.date for e in eng.journal if e.source is not None]
        if dates and (min(dates) - conv.date_signature).days > LATE_EVIDENCE_DAYS:
            signed = format_date(conv.date_signature)
            yield error("PRV003", registry.where(eng, "statut"),
                        f"« réalisé » au moment de la signature ({signed}) d'après une "
                        f"source du {format_date(min(dates))} : dites-le par une lecture sur "
                        "« statut » ou laissez « non renseigné »")


@check("REL001")
def relations_sourced(registry: Registry) -> Iterator[Diagnostic]:
    """Une relation entre organisations (tutelle, rattachement…) est citée du texte ou
    sourcée : une « tutelle » s'appuie sur une relation « tutelle » vers la même
    organisation, avec citation ou source."""
    for op in registry.operateurs:
        for index, relation in enumerate(op.relations):
            if relation.citation is None and relation.source is None:
                yield error("REL001", registry.where(op, "relations", index, "type"),
                            f"relation « {relation.type} » vers « {relation.organisation} » "
                            "sans citation du texte ni source")
        if op.tutelle is not None and not any(
                r.type == "tutelle" and r.organisation == op.tutelle
                and (r.citation is not None or r.source is not None) for r in op.relations):
            yield error("REL001", registry.where(op, "tutelle"),
                        f"tutelle de « {op.tutelle} » sur « {op.id} » ni citée du texte ni "
                        "sourcée : ajoutez une relation « tutelle » avec sa citation ou sa source")


_EXCLUSION = re.compile(
    r"(en dehors d|hors d|à l['’]exclusion d|ne se substitue pas|sauf|excepté)[^.;]*$",
    re.IGNORECASE)


@check("EXC001")
def excluded_not_linked(registry: Registry) -> Iterator[Diagnostic]:
    """Une organisation que la citation d'un engagement ne nomme que pour l'exclure
    (« en dehors des programmes budgétaires pilotés par la DGEFP ») n'en est ni
    partie, ni participante, ni opérateur."""
    names: dict[str, tuple[str, ...]] = {p.id: (p.sigle, p.nom) for p in registry.parties}
    names |= {o.id: (o.sigle, o.nom) for o in registry.operateurs}
    for eng in registry.engagements:
        linked = [("parties", eng.parties), ("participants", eng.participants),
                  ("operateurs", eng.operateurs)]
        for field_name, ids in linked:
            for index, ident in enumerate(ids):
                if ident in eng.exclus or _only_excluded(eng.citation or "", names.get(ident)):
                    yield error("EXC001", registry.where(eng, field_name, index),
                                f"« {ident} » n'est nommée par le texte que pour être exclue : "
                                f"retirez-la de « {field_name} » (voir « exclus »)")


def _only_excluded(citation: str, names: tuple[str, ...] | None) -> bool:
    if not citation or not names:
        return False
    found = [m for name in names if name
             for m in re.finditer(re.escape(name), citation)]
    return bool(found) and all(_EXCLUSION.search(citation[max(0, m.start() - 120):m.start()])
                               for m in found)


_APPROX_WORDS = {"une dizaine": ("une_dizaine", 10), "une vingtaine": ("une_vingtaine", 20),
                 "une trentaine": ("une_trentaine", 30)}
_QUALIFIED = re.compile(
    r"\b(plus de|environ|au moins|moins de|près de)\s+(\d[\d\s\u202f\u00a0]*(?:,\d+)?)"
    r"(\s+millions?)?", re.IGNORECASE)
_QUALIFIER_IDS = {v: k for k, v in QUALIFICATIF_LABELS.items()}


def qualified_numbers(text: str) -> dict[float, str]:
    """Numbers the text qualifies: ``plus de 80 000`` → {80000: "plus_de"}."""
    found: dict[float, str] = {}
    for match in _QUALIFIED.finditer(text):
        digits = re.sub(r"[\s\u202f\u00a0]", "", match.group(2)).replace(",", ".")
        try:
            value = float(digits)
        except ValueError:
            continue
        if match.group(3):
            value *= 1_000_000
        found[round(value, 6)] = _QUALIFIER_IDS[match.group(1).lower()]
    for words, (qualifier, value) in _APPROX_WORDS.items():
        if words in text.lower():
            found[float(value)] = qualifier
    return found


@dataclass(frozen=True)
class _Nombre:
    valeur: float
    qualificatif: str | None
    citation: str
    where: Location


def _nombres(registry: Registry) -> Iterator[_Nombre]:
    conv = registry.convention
    if conv is None:
        return
    per = conv.perimetre
    for name in ("nombre_missions_locales", "jeunes_accompagnes_par_an", "jeunes_en_contact"):
        yield _Nombre(float(getattr(per, name)), per.qualificatifs.get(name), per.citation,
                      registry.file_location("convention", "convention", "perimetre", name))
    for index, chiffre in enumerate(conv.chiffres):
        yield _Nombre(float(chiffre.valeur), chiffre.qualificatif, chiffre.citation,
                      registry.file_location("convention", "convention", "chiffres", index,
                                             "valeur"))


@check("QUA001")
def qualifiers_kept(registry: Registry) -> Iterator[Diagnostic]:
    """Un nombre que le texte qualifie (« plus de 80 000 », « environ 13 000 », « une
    trentaine ») garde son qualificatif (``qualificatif``, ``qualificatifs``) : la
    valeur seule dirait plus que le texte."""
    for nombre in _nombres(registry):
        expected = qualified_numbers(nombre.citation).get(round(nombre.valeur, 6))
        if expected is not None and nombre.qualificatif != expected:
            yield error("QUA001", nombre.where,
                        f"le texte dit « {QUALIFICATIF_LABELS[expected]} » : indiquez le "
                        f"qualificatif {expected} pour la valeur {nombre.valeur:g}")


# --- bibliography ----------------------------------------------------------------------------

BIB_REF = re.compile(r"\[([a-z0-9]+(?:-[a-z0-9]+)*)\]")
"""A bibliography entry cited in a source text: ``[outremers360-2023]``."""

_SOURCE_FIELDS = {"source", "statut_source", "sources"}


@dataclass(frozen=True)
class _Source:
    text: str
    fait: Fait | None
    where: Location


def _walk_sources(node: object, path: tuple[PathItem, ...]) -> Iterator[
        tuple[str, Fait | None, tuple[PathItem, ...]]]:
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if name in _SOURCE_FIELDS and isinstance(value, str):
                yield value, node if isinstance(node, Fait) else None, (*path, name)
            elif name in _SOURCE_FIELDS and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield item, None, (*path, name, index)
            else:
                yield from _walk_sources(value, (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk_sources(item, (*path, index))


def _sources(registry: Registry) -> Iterator[_Source]:
    if registry.convention is not None:
        for text, fait, path in _walk_sources(registry.convention, ()):
            yield _Source(text, fait,
                          registry.file_location("convention", "convention", *path))
    for _kind, entry in registry.iter_entries():
        for text, fait, path in _walk_sources(entry, ()):
            yield _Source(text, fait, registry.where(entry, *path))


@check("BIB001", "BIB002", "BIB003")
def bibliography_cited(registry: Registry) -> Iterator[Diagnostic]:
    """Les faits hors du texte citent la bibliographie (``bibliographie`` de
    convention.yaml) par identifiant entre crochets, ``[outremers360-2023]`` : une
    entrée citée existe ; quand le registre a une bibliographie, toute source en cite
    une ; un fait ne revendique pas une confiance plus haute que ses sources."""
    entries = {b.id: b for b in registry.bibliographie}
    for source in _sources(registry):
        cited = BIB_REF.findall(source.text)
        for ident in cited:
            if ident not in entries:
                yield error("BIB001", source.where,
                            f"entrée de bibliographie « {ident} » inconnue")
        known = [entries[i] for i in cited if i in entries]
        if not cited and entries:
            yield warning("BIB002", source.where,
                          "source sans entrée de bibliographie : citez-la par son identifiant "
                          "entre crochets, par exemple [outremers360-2023]")
        if source.fait is not None and known:
            ceiling = max(CONFIANCE_RANG[b.confiance] for b in known)
            if CONFIANCE_RANG[source.fait.confiance] > ceiling:
                best = max(known, key=lambda b: CONFIANCE_RANG[b.confiance])
                yield error("BIB003", source.where,
                            f"confiance « {source.fait.confiance} » plus haute que celle de "
                            f"ses sources (au mieux « {best.confiance} », [{best.id}])")

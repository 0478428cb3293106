"""The public communication of section IV: « valoriser publiquement leur partenariat …
a minima une fois par an ».

Always public: the view model is built from the public selection only (nothing marked
confidential, section VI, through ``views.public``) and carries no personal name, so no
template can leak one. Facts the agreement does not state (names of missions locales,
their towns) appear only with the confidence ``views.public`` lets through (« haute »);
proofs only when they are web addresses.

Written for a communication office: it says what happened, positively, and leaves out a
section with nothing to show (no « aucun engagement réalisé », no count of missed
meetings, no « non renseigné »); an engagement whose date is a reading of the text is internal
follow-up, not a public step.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from convention_cli.domain.echeances import Etat, Objet, compute_echeances
from convention_cli.domain.queries import party_names
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement, MissionLocale
from convention_cli.views.documents.common import (
    EcheanceDocumentRow,
    GroupeDocumentRow,
    PreuveRow,
    document_year,
    echeance_row,
    groupe_row,
    journal_rows,
)
from convention_cli.views.provenance import Provenance
from convention_cli.views.public import (
    bibliography_names,
    fact_value,
    visible_echeances,
    visible_engagements,
    visible_journal,
    visible_reunions,
)
from convention_cli.vocab import INSTANCE_PLURALS

HORIZON_DAYS = 365
"""Upcoming steps: the year after the as-of date, up to the next communication."""
PUBLIC_OBJETS = (Objet.ENGAGEMENT, Objet.BILAN, Objet.COMMUNICATION, Objet.COMMISSION,
                 Objet.CONVENTION)
"""Meeting actions are internal follow-up: not public steps."""


@dataclass(frozen=True)
class PartieRow:
    nom: str
    sigle: str


@dataclass(frozen=True)
class ObjectifRow:
    numero: int
    libelle: str


@dataclass(frozen=True)
class TerritoireRow:
    nom: str
    statut: str
    nombre: int
    missions: tuple[str, ...]
    """« Mission Locale Est (Saint-Benoît) »: only facts a public output may show (an
    unverified name is left out, the count stays)."""


@dataclass(frozen=True)
class FaitMarquant:
    date: date
    sujet: str
    texte: str
    source: str | None
    preuves: tuple[PreuveRow, ...]


@dataclass(frozen=True)
class Realisation:
    libelle: str
    clause: str
    date: date


@dataclass(frozen=True)
class ReunionsAnnee:
    total: int
    par_instance: tuple[tuple[str, int], ...]
    commissions: int
    trimestres: int

    @property
    def rythme_tenu(self) -> bool:
        """A Commission ultramarine in every quarter of the year the agreement asks one
        for (section III): worth saying publicly."""
        return self.trimestres > 0 and self.commissions >= self.trimestres


@dataclass(frozen=True)
class CommunicationView:
    annee: int
    as_of: date
    citation: str
    clause: str
    titre: str
    sous_titre: str
    parties: tuple[PartieRow, ...]
    co_signataires: tuple[PartieRow, ...]
    intitule: str
    lieu_signature: str
    date_signature: date
    date_fin: date
    objectifs: tuple[ObjectifRow, ...]
    nombre_missions_locales: int
    jeunes_accompagnes: int
    jeunes_en_contact: int
    territoires: tuple[TerritoireRow, ...]
    faits: tuple[FaitMarquant, ...]
    realisations: tuple[Realisation, ...]
    reunions: ReunionsAnnee
    groupes: tuple[GroupeDocumentRow, ...]
    etapes: tuple[EcheanceDocumentRow, ...]
    provenance: Provenance


def build_communication(
    registry: Registry, annee: int, *, as_of: date, provenance: Provenance
) -> CommunicationView:
    """The public record of ``annee`` (a calendar year), as known on ``as_of``."""
    registry = snapshot(registry, as_of)
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    year_start, _ = document_year(registry, annee, as_of)
    year_end = min(date(annee, 12, 31), as_of)
    engagements = visible_engagements(registry, public=True)
    echeances = visible_echeances(compute_echeances(registry, as_of), public=True)
    names = party_names(registry)
    limit = as_of + timedelta(days=HORIZON_DAYS)
    return CommunicationView(
        annee=annee,
        as_of=as_of,
        citation=conv.regles.communication.citation,
        clause=conv.regles.communication.clause,
        titre=conv.titre,
        sous_titre=conv.sous_titre,
        parties=tuple(PartieRow(p.nom, p.sigle) for p in registry.parties
                      if p.role == "partie"),
        co_signataires=tuple(PartieRow(p.nom, p.sigle) for p in registry.parties
                             if p.role == "co_signataire"),
        intitule=" × ".join(p.sigle for p in registry.parties if p.role == "partie"),
        lieu_signature=conv.lieu_signature,
        date_signature=conv.date_signature,
        date_fin=end,
        objectifs=tuple(ObjectifRow(o.numero, o.libelle) for o in conv.objectifs),
        nombre_missions_locales=conv.perimetre.nombre_missions_locales,
        jeunes_accompagnes=conv.perimetre.jeunes_accompagnes_par_an,
        jeunes_en_contact=conv.perimetre.jeunes_en_contact,
        territoires=tuple(
            TerritoireRow(t.nom, t.statut, t.nombre_missions_locales,
                          _missions_locales(t.missions_locales))
            for t in registry.territoires),
        faits=_faits(registry, engagements, year_start, year_end),
        realisations=_realisations(engagements, year_start, year_end),
        reunions=_reunions(registry, year_start, year_end, sum(
            1 for e in echeances
            if e.objet is Objet.COMMISSION and e.date.year == annee and e.sans_objet is None)),
        # a status only when one is recorded: « non renseigné » is not a public word
        groupes=tuple(groupe_row(g) if g.statut != "non_renseigne"
                      else groupe_row(g)._replace(statut="")
                      for g in registry.groupes_travail),
        etapes=tuple(echeance_row(e, names) for e in echeances
                     if e.objet in PUBLIC_OBJETS and as_of < e.date <= limit
                     and e.etat in (Etat.A_VENIR, Etat.PROCHE)
                     and (e.objet is not Objet.ENGAGEMENT or e.lecture is None)),
        provenance=provenance,
    )


def _missions_locales(missions: list[MissionLocale]) -> tuple[str, ...]:
    """The missions locales by name and town, as far as a public output may show them
    (``views.public.fact_value``); one whose name it may not show is left out."""
    rows = []
    for mission in missions:
        name = fact_value(mission.nom, public=True)
        if name is None:
            continue
        town = fact_value(mission.ville_siege, public=True)
        rows.append(f"{name} ({town})" if town else name)
    return tuple(rows)


def _faits(
    registry: Registry, engagements: list[Engagement], start: date, end: date
) -> tuple[FaitMarquant, ...]:
    """Journal entries of the year (engagements and working groups), oldest first."""
    subjects = {e.id: e.libelle for e in engagements}
    subjects.update({g.id: f"Groupe de travail n° {g.numero} ({g.libelle})"
                     for g in registry.groupes_travail})
    bibliography = bibliography_names(registry)
    rows = [*journal_rows(engagements, True, start, end, bibliography=bibliography),
            *journal_rows(registry.groupes_travail, True, start, end,
                          bibliography=bibliography)]
    rows.sort(key=lambda r: (r.date, r.engagement))
    return tuple(FaitMarquant(r.date, subjects[r.engagement], r.texte, r.auteur, r.preuves)
                 for r in rows)


def _realisations(
    engagements: list[Engagement], start: date, end: date
) -> tuple[Realisation, ...]:
    """Engagements réalisés, dated by their last public entry stating « réalisé »."""
    rows = []
    for eng in engagements:
        if eng.statut != "realise":
            continue
        dates = [j.date for j in visible_journal(eng, public=True) if j.statut == "realise"]
        if dates and start <= max(dates) <= end:
            rows.append(Realisation(eng.libelle, eng.clause, max(dates)))
    rows.sort(key=lambda r: r.date)
    return tuple(rows)


def _reunions(registry: Registry, start: date, end: date, quarters: int) -> ReunionsAnnee:
    """Meetings held in the year; ``quarters``: the quarters of the year in which the
    agreement asks for a Commission ultramarine (III)."""
    held = [r for r in visible_reunions(registry, public=True) if start <= r.date <= end]
    counts: Counter[str] = Counter(r.instance for r in held)
    return ReunionsAnnee(
        total=len(held),
        par_instance=tuple((label, counts[key]) for key, label in INSTANCE_PLURALS.items()
                           if counts[key]),
        commissions=counts["commission"],
        trimestres=quarters,
    )

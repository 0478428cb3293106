"""The passation note's first part: who the party is and whom to reach (section III).

With ``public=True`` no referent's name reaches the view model; the institutional
contacts (the bureau, the head office) stay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convention_cli.domain.queries import unknown_message
from convention_cli.domain.referents import known_referents
from convention_cli.errors import UserError
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement, Partie, Referent
from convention_cli.views.public import fact_value, shows_confidence
from convention_cli.vocab import ROLE_LABELS, plural

CLOSED_STATUSES = ("realise", "abandonne")


@dataclass(frozen=True)
class PersonnePassationRow:
    nom: str | None
    """None in the public version: no personal name leaves the registry."""
    fonction: str | None
    source: str
    depuis: date | None = None
    en_fonction: bool = False  # in office on the as-of day (listed first)


@dataclass(frozen=True)
class ReferentPartie:
    sigle: str
    libelle: str
    clause: str
    citation: str
    adresse: str | None
    """The generic address when its value is verified; None means « non connue »."""
    adresse_detail: str | None
    personnes: tuple[PersonnePassationRow, ...]


@dataclass(frozen=True)
class OperateurPassationRow:
    sigle: str
    nom: str


@dataclass(frozen=True)
class Identite:
    id: str
    nom: str
    sigle: str
    role: str
    clause: str
    siege: str | None
    alias: tuple[str, ...]
    operateurs: tuple[OperateurPassationRow, ...]  # under its tutelle (LADOM, IFCASS)
    resume: str
    rattaches: tuple[OperateurPassationRow, ...] = ()  # « rattaché pour emploi » (SMA)


def find_partie(registry: Registry, partie_id: str) -> Partie:
    for partie in registry.parties:
        if partie.id == partie_id:
            return partie
    raise UserError(unknown_message("partie", partie_id, [p.id for p in registry.parties],
                                    feminine=True))


def identite_partie(
    registry: Registry, partie: Partie, mine: list[Engagement], public: bool
) -> Identite:
    open_count = sum(1 for e in mine if e.statut not in CLOSED_STATUSES)
    done = sum(1 for e in mine if e.statut == "realise")
    dropped = sum(1 for e in mine if e.statut == "abandonne")
    if mine:
        resume = (f"Engagements de cette partie dans le registre : {len(mine)} "
                  f"({plural(open_count, 'ouvert')}, {plural(done, 'réalisé')}, "
                  f"{plural(dropped, 'abandonné')}).")
    else:
        resume = "Aucun engagement de cette partie dans le registre."
    return Identite(
        id=partie.id, nom=partie.nom, sigle=partie.sigle, role=ROLE_LABELS[partie.role],
        clause=partie.clause, siege=partie.siege,
        alias=tuple(f"{a.nom} (depuis {a.depuis})" for a in partie.alias
                    if shows_confidence(a.confiance, public)),
        operateurs=tuple(OperateurPassationRow(o.sigle, o.nom) for o in registry.operateurs
                         if o.tutelle == partie.id),
        rattaches=tuple(OperateurPassationRow(o.sigle, o.nom) for o in registry.operateurs
                        if any(r.type == "rattachement_pour_emploi"
                               and r.organisation == partie.id for r in o.relations)),
        resume=resume,
    )


def referent_partie(sigle: str, referent: Referent, public: bool, as_of: date) -> ReferentPartie:
    adresse = referent.adresse_generique
    value = fact_value(adresse, public)
    detail: str | None
    detail = adresse.note if value is None else f"confiance {adresse.confiance}" + (
        f" ; source : {adresse.source}" if adresse.source else "")
    return ReferentPartie(
        sigle=sigle, libelle=referent.libelle, clause=referent.clause,
        citation=referent.citation, adresse=value, adresse_detail=detail,
        personnes=() if public else tuple(
            PersonnePassationRow(p.nom, p.fonction, p.source, p.depuis, index == 0)
            for index, p in enumerate(reversed(known_referents(referent, as_of)))),
    )


"""Pydantic models of the registry, one top-level model per data file. No I/O here.

Every model is frozen and forbids unknown keys; values are strict, so a text field
never silently receives a boolean or a number. Dates are ISO texts (``2026-06-30``)
turned into ``date`` here, so an impossible date becomes a located diagnostic.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise PydanticCustomError(
            "date_format", "date attendue au format AAAA-MM-JJ (par exemple 2026-06-30)"
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "date_invalide", "date impossible : « {value} » n'existe pas au calendrier",
            {"value": value},
        ) from None


IsoDate = Annotated[date, BeforeValidator(_parse_date)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
# A clause of the agreement: "I", "II.3.2", "Préambule", "Annexe 4".
Clause = Annotated[str, StringConstraints(pattern=r"^(Préambule|Annexe( [1-9])?|[IV]+(\.\d+)*)$")]

Statut = Literal["non_renseigne", "non_demarre", "en_cours", "realise", "suspendu", "abandonne"]
STATUT_LABELS: dict[str, str] = {
    "non_renseigne": "non renseigné",
    "non_demarre": "non démarré",
    "en_cours": "en cours",
    "realise": "réalisé",
    "suspendu": "suspendu",
    "abandonne": "abandonné",
}
Confiance = Literal["haute", "moyenne", "faible", "non_verifie"]
Recurrence = Literal["au_fil_de_l_eau", "trimestrielle", "annuelle"]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Fait(Model):
    """A fact that the agreement does not state, with its source and confidence."""

    valeur: Text | None = None
    confiance: Confiance
    source: Text | None = None
    note: Text | None = None


# --- convention.yaml ---------------------------------------------------------------------


class Objectif(Model):
    id: Id
    numero: int = Field(ge=1)
    libelle: Text
    citation: Text
    clause: Clause


class ClauseTexte(Model):
    """A numbered part of the agreement."""

    id: Clause
    titre: Text
    engageante: bool = Field(
        default=False,
        description="Vrai pour les clauses qui portent des engagements (section II) : "
        "chacune doit être couverte par au moins un engagement.",
    )


class Modalite(Model):
    """One of the three concertation modalities of section III."""

    id: Id
    libelle: Text
    objectifs: list[Text] = Field(min_length=1)
    participants: Text
    rythme: Text
    frequence_annuelle_cible: int | None = Field(default=None, ge=1)
    clause: Clause


class Regle(Model):
    """A rule of the agreement, quoted."""

    clause: Clause
    citation: Text


class RegleBilanAnnuel(Regle):
    mois: int = Field(ge=1, le=12)
    jour: int = Field(ge=1, le=31)
    decalage_annees: int = Field(ge=0, le=2)


class RegleBilanPluriannuel(Regle):
    date_limite: IsoDate


class RegleCommunication(Regle):
    a_la_signature: bool
    frequence_minimale: Literal["annuelle"]


class RegleFinancement(Regle):
    financement_direct: bool


class Regles(Model):
    bilan_annuel: RegleBilanAnnuel
    bilan_pluriannuel: RegleBilanPluriannuel
    prorogation: Regle
    avenant: Regle
    alignement_partenariats: Regle
    communication: RegleCommunication
    confidentialite: Regle
    financement: RegleFinancement
    droit_applicable: Regle
    objectifs_mesurables: Regle


class ThemeAnnexe(Model):
    numero: int = Field(ge=1)
    libelle: Text
    clause: Clause


class Perimetre(Model):
    """Figures of the preamble about the overseas missions locales."""

    nombre_missions_locales: int = Field(ge=0)
    jeunes_accompagnes_par_an: int = Field(ge=0)
    jeunes_en_contact: int = Field(ge=0)
    clause: Clause
    citation: Text


class Avenant(Model):
    id: Id
    date_signature: IsoDate
    objet: Text
    source: Text


class Reference(Model):
    """A document the agreement refers to."""

    id: Id
    libelle: Text
    clause: Clause
    citation: Text | None = None
    details: Fait | None = None


class Convention(Model):
    titre: Text
    sous_titre: Text
    lieu_signature: Text
    date_signature: IsoDate
    duree_annees: int = Field(ge=1, le=10)
    clause_duree: Clause
    citation_duree: Text
    perimetre: Perimetre
    objectifs: list[Objectif] = Field(min_length=1)
    clauses: list[ClauseTexte] = Field(min_length=1)
    modalites_concertation: list[Modalite]
    regles: Regles
    themes_annexe: list[ThemeAnnexe]
    references: list[Reference] = []
    avenants: list[Avenant] = []


class ConventionFile(Model):
    convention: Convention


# --- parties.yaml ------------------------------------------------------------------------


class Personne(Model):
    nom: Text
    fonction: Text
    source: Text


class Referent(Model):
    """The single referent a party names (section III)."""

    libelle: Text
    clause: Clause
    citation: Text
    adresse_generique: Fait
    personnes: list[Personne] = []


class Alias(Model):
    nom: Text
    depuis: Text
    source: Text
    confiance: Confiance


class Partie(Model):
    id: Id
    nom: Text
    sigle: Text
    role: Literal["partie", "co_signataire"]
    siege: Text | None = None
    representant: Personne
    referent: Referent | None = None
    alias: list[Alias] = []
    clause: Clause


class Operateur(Model):
    id: Id
    nom: Text
    sigle: Text
    clauses: list[Clause] = Field(min_length=1)
    role: Text
    tutelle: Id | None = None
    details: list[Fait] = []


class PartiesFile(Model):
    parties: list[Partie] = Field(min_length=1)
    operateurs: list[Operateur] = []


# --- territoires.yaml --------------------------------------------------------------------


class MissionLocale(Model):
    id: Id
    designation: Text
    nom: Fait
    ville_siege: Fait
    arml: Id
    arml_depuis: Fait | None = None
    note: Text | None = None


class Territoire(Model):
    id: Id
    nom: Text
    statut: Literal["DROM", "COM"]
    code_insee: Annotated[str, StringConstraints(pattern=r"^97[0-9]$")]
    iso_3166_1: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    nombre_missions_locales: int = Field(ge=0, description="Nombre déclaré par la convention")
    clause: Clause
    missions_locales: list[MissionLocale]
    rsma: Fait
    statut_source: Text


class HorsPerimetre(Model):
    id: Id
    nom: Text
    nombre_missions_locales: int = Field(ge=0)
    clause: Clause
    citation: Text
    structures: Fait


class TerritoiresFile(Model):
    territoires: list[Territoire] = Field(min_length=1)
    hors_perimetre: list[HorsPerimetre] = []


# --- engagements.yaml --------------------------------------------------------------------


class Mesure(Model):
    date: IsoDate
    valeur: int | float
    source: Text


class Indicateur(Model):
    id: Id
    libelle: Text
    type: Literal["quantitatif", "qualitatif"]
    cible: int | float | None = None
    unite: Text | None = None
    periode: Literal["annuelle", "trimestrielle", "convention"] | None = None
    mesures: list[Mesure] = []


class Preuve(Model):
    libelle: Text
    url: Annotated[str, StringConstraints(pattern=r"^(https?://\S+|[^\s:]\S*)$")]
    date: IsoDate | None = None
    confidentiel: bool = False


class EntreeJournal(Model):
    date: IsoDate
    texte: Text
    auteur: Text | None = None
    source: Text | None = None
    statut: Statut | None = None
    preuves: list[Preuve] = []
    confidentiel: bool = False


class Engagement(Model):
    id: Id
    parties: list[Id] = Field(min_length=1)
    clause: Clause
    libelle: Text
    citation: Text | None = None
    objectifs: list[Id] = Field(min_length=1)
    operateurs: list[Id] = []
    echeance: IsoDate | None = None
    echeance_libelle: Text | None = None
    recurrence: Recurrence | None = None
    statut: Statut
    qualitatif: bool = False
    indicateurs: list[Indicateur] = []
    journal: list[EntreeJournal] = []
    preuves: list[Preuve] = []
    confidentiel: bool = False
    peut_deboucher_sur: list[Id] = []
    sources: list[Text] = []
    note: Text | None = None


class EngagementsFile(Model):
    engagements: list[Engagement]


# --- groupes_travail.yaml ----------------------------------------------------------------


class GroupeTravail(Model):
    id: Id
    numero: int = Field(ge=1)
    theme: int = Field(ge=1, description="Numéro du thème de l'annexe")
    libelle: Text
    clause: Clause
    statut: Literal["non_renseigne", "constitue", "actif", "clos"]
    engagements: list[Id] = []
    objectifs: list[Id] = Field(min_length=1)
    journal: list[EntreeJournal] = []


class GroupesTravailFile(Model):
    groupes_travail: list[GroupeTravail]


# --- reunions.yaml -----------------------------------------------------------------------


class Decision(Model):
    id: Id
    texte: Text
    confidentiel: bool = False


class Action(Model):
    id: Id
    texte: Text
    responsable: Id
    echeance: IsoDate
    cloture: IsoDate | None = None
    preuves: list[Preuve] = []
    confidentiel: bool = False


class Reunion(Model):
    id: Id
    instance: Literal["commission", "groupe_travail", "referents"]
    groupe_travail: Id | None = None
    date: IsoDate
    lieu: Text | None = None
    participants: list[Text] = []
    source: Text
    decisions: list[Decision] = []
    actions: list[Action] = []
    confidentiel: bool = False


class ReunionsFile(Model):
    reunions: list[Reunion]


FILE_MODELS: dict[str, type[Model]] = {
    "convention": ConventionFile,
    "parties": PartiesFile,
    "territoires": TerritoiresFile,
    "engagements": EngagementsFile,
    "groupes_travail": GroupesTravailFile,
    "reunions": ReunionsFile,
}
"""Data files of a registry (``<name>.yaml``) and the model of each."""

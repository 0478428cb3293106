"""Models of convention.yaml: the agreement itself."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from convention_cli.models.base import (
    Clause,
    Fait,
    Id,
    IsoDate,
    Lisible,
    Model,
    Text,
)

# --- convention.yaml ---------------------------------------------------------------------


class Objectif(Lisible):
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


class Modalite(Lisible):
    """One of the three concertation modalities of section III."""

    id: Id
    libelle: Text
    objectifs: list[Text] = Field(min_length=1)
    participants: Text
    rythme: Text
    frequence_annuelle_cible: int | None = Field(default=None, ge=1)
    clause: Clause


class Regle(Lisible):
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


class ThemeAnnexe(Lisible):
    numero: int = Field(ge=1)
    libelle: Text
    clause: Clause


class Perimetre(Lisible):
    """Figures of the preamble about the overseas missions locales."""

    nombre_missions_locales: int = Field(ge=0)
    jeunes_accompagnes_par_an: int = Field(ge=0)
    jeunes_en_contact: int = Field(ge=0)
    clause: Clause
    citation: Text


class Chiffre(Lisible):
    """A figure the agreement states (preamble, signatures), quoted."""

    id: Id
    libelle: Text
    valeur: int | float
    unite: Text | None = None
    clause: Clause
    citation: Text


class Avenant(Model):
    id: Id
    date_signature: IsoDate
    objet: Text
    source: Text


class Reference(Lisible):
    """A document the agreement refers to."""

    id: Id
    libelle: Text
    clause: Clause
    citation: Text | None = None
    details: Fait | None = None


class Convention(Lisible):
    titre: Text
    sous_titre: Text
    lieu_signature: Text
    date_signature: IsoDate
    duree_annees: int = Field(ge=1, le=10)
    clause_duree: Clause
    citation_duree: Text
    perimetre: Perimetre
    chiffres: list[Chiffre] = []
    objectifs: list[Objectif] = Field(min_length=1)
    clauses: list[ClauseTexte] = Field(min_length=1)
    modalites_concertation: list[Modalite]
    regles: Regles
    themes_annexe: list[ThemeAnnexe]
    references: list[Reference] = []
    avenants: list[Avenant] = []


class ConventionFile(Model):
    convention: Convention

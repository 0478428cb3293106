"""Models of convention.yaml: the agreement itself."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from convention_cli.models.base import (
    Clause,
    Confiance,
    Fait,
    Id,
    IsoDate,
    Lisible,
    Model,
    Qualificatif,
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


class RegleBilanMiEtape(Regle):
    """The shared bilan « à mi-étape » (V): the text gives no date, so ``date`` is a
    reading and carries a ``lectures`` entry saying why."""

    date: IsoDate


class RegleCommunication(Regle):
    a_la_signature: bool
    frequence_minimale: Literal["annuelle"]


class RegleFinancement(Regle):
    financement_direct: bool


class Regles(Model):
    bilan_annuel: RegleBilanAnnuel
    bilan_pluriannuel: RegleBilanPluriannuel
    bilan_mi_etape: RegleBilanMiEtape | None = None
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
    qualificatifs: dict[str, Qualificatif] = Field(
        default={},
        description="Qualificatif que le texte donne à un nombre, par champ (par exemple "
        "jeunes_accompagnes_par_an: plus_de pour « plus de 80 000 »).",
    )
    clause: Clause
    citation: Text


class Chiffre(Lisible):
    """A figure the agreement states (preamble, signatures), quoted."""

    id: Id
    libelle: Text
    valeur: int | float
    qualificatif: Qualificatif | None = Field(
        default=None,
        description="« plus de », « environ », « une trentaine »… : le nombre tel que le "
        "texte le qualifie ; la valeur seule serait plus précise que le texte.",
    )
    unite: Text | None = None
    clause: Clause
    citation: Text


class Disposition(Lisible):
    """A normative sentence of the text that is neither an engagement nor a dated rule:
    a limit, an exclusion, a frame, an open list (« notamment »), a faculty."""

    id: Id
    clause: Clause
    libelle: Text
    nature: Literal["regle", "exclusion", "cadre", "liste_ouverte", "faculte", "modalite"]
    citation: Text
    concerne: list[Id] = Field(
        default=[],
        description="Parties, opérateurs ou engagements auxquels la disposition s'applique.",
    )
    note: Text | None = None


class PhraseEcartee(Model):
    """A normative sentence of the text that the registry deliberately does not encode."""

    clause: Clause
    citation: Text
    motif: Text


class EntreeBibliographie(Model):
    """One source of the facts the registry states beyond the text."""

    id: Id
    titre: Text
    editeur: Text
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] | None = None
    adresse: Text
    appuie: Text = Field(description="Ce que cette source établit dans le registre.")
    confiance: Confiance = Field(
        description="Confiance que la source permet ; un fait qui la cite ne peut en "
        "revendiquer davantage.",
    )
    note: Text | None = None


class Avenant(Model):
    """An avenant signed by the parties (V); a prorogation moves the convention's end."""

    id: Id
    date_signature: IsoDate
    objet: Text
    source: Text
    prorogation_jusqu_au: IsoDate | None = Field(
        default=None, description="Nouveau dernier jour en vigueur de la convention.")


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
    texte: Text | None = Field(
        default=None,
        description="Chemin du texte intégral de la convention, relatif au dossier de "
        "données (par exemple ../docs/convention-2023-07-18.md) : active la vérification "
        "de traçabilité.",
    )
    dispositions: list[Disposition] = []
    phrases_ecartees: list[PhraseEcartee] = Field(
        default=[],
        description="Phrases normatives du texte que le registre n'encode pas, avec le motif.",
    )


class ConventionFile(Model):
    convention: Convention
    bibliographie: list[EntreeBibliographie] = Field(
        default=[],
        description="Sources des faits que le texte ne dit pas ; un champ « source » les "
        "cite par leur identifiant entre crochets : [outremers360-2023].",
    )

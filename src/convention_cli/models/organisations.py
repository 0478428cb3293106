"""Models of parties.yaml and territoires.yaml."""

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
    Text,
)

# --- parties.yaml ------------------------------------------------------------------------


class Personne(Model):
    nom: Text
    fonction: Text
    source: Text


class PersonneReferente(Model):
    """A person in office as referent from ``depuis`` until the next one (section III)."""

    nom: Text
    fonction: Text | None = None
    contact: Text | None = None
    depuis: IsoDate | None = Field(
        default=None, description="Date de prise de fonction ; absente : depuis toujours.")
    source: Text


class Referent(Lisible):
    """The single referent a party names (section III)."""

    libelle: Text
    clause: Clause
    citation: Text
    adresse_generique: Fait
    personnes: list[PersonneReferente] = Field(
        default=[], description="Historique des référents, du plus ancien au plus récent.")


class Alias(Model):
    nom: Text
    depuis: Text
    source: Text
    confiance: Confiance


class Partie(Lisible):
    id: Id
    nom: Text
    sigle: Text
    role: Literal["partie", "co_signataire"]
    siege: Text | None = None
    representant: Personne
    referent: Referent | None = None
    alias: list[Alias] = []
    clause: Clause


class Relation(Model):
    """A relation between organisations, quoted from the text or sourced."""

    type: Literal["tutelle", "rattachement_pour_emploi", "membre", "partenaire"]
    organisation: Id
    clause: Clause | None = None
    citation: Text | None = Field(default=None, description="Phrase du texte qui l'établit.")
    source: Text | None = Field(default=None, description="Source hors du texte, [id].")
    confiance: Confiance | None = None


class Operateur(Lisible):
    id: Id
    nom: Text
    sigle: Text
    clauses: list[Clause] = Field(min_length=1)
    role: Text
    tutelle: Id | None = Field(
        default=None,
        description="Partie qui exerce la tutelle ; justifiée par une relation "
        "« tutelle » citée du texte ou sourcée (REL001).",
    )
    relations: list[Relation] = []
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


class Territoire(Lisible):
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


class HorsPerimetre(Lisible):
    id: Id
    nom: Text
    nombre_missions_locales: int = Field(ge=0)
    clause: Clause
    citation: Text
    structures: Fait


class TerritoiresFile(Model):
    territoires: list[Territoire] = Field(min_length=1)
    hors_perimetre: list[HorsPerimetre] = []

"""Models of engagements.yaml, groupes_travail.yaml and reunions.yaml: the follow-up."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from convention_cli.models.base import (
    Clause,
    Id,
    IsoDate,
    Lisible,
    Model,
    Recurrence,
    Statut,
    Text,
)

# --- engagements.yaml --------------------------------------------------------------------


GtStatut = Literal["non_renseigne", "constitue", "actif", "clos"]
ProjetStatut = Literal["repere", "relaye", "en_instruction", "retenu", "non_retenu",
                       "abandonne"]
EvaluationStatut = Literal["recue", "en_examen", "acceptee", "refusee", "realisee",
                           "abandonnee"]
JournalStatut = Literal[
    "non_renseigne", "non_demarre", "en_cours", "realise", "suspendu", "abandonne",
    "constitue", "actif", "clos",
    "repere", "relaye", "en_instruction", "retenu", "non_retenu",
    "recue", "en_examen", "acceptee", "refusee", "realisee", "abandonnee",
]
"""Every status a journal entry may set; each owner accepts its own set (check STA004)."""


class Mesure(Model):
    """A dated value of an indicator, as reported by a source (``convention mesure add``)."""

    date: IsoDate
    valeur: int | float
    source: Text
    commentaire: Text | None = None
    confidentiel: bool = False


class Indicateur(Lisible):
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


class EntreeJournal(Lisible):
    date: IsoDate
    texte: Text
    auteur: Text | None = None
    source: Text | None = None
    statut: JournalStatut | None = Field(
        default=None,
        description="Nouveau statut de ce que suit le journal (engagement, groupe de travail, "
        "projet ou demande d'évaluation), dans l'ensemble de statuts de celui-ci.",
    )
    parties: list[Id] = Field(
        default=[],
        description="Parties dont l'entrée atteste l'action (obligatoire pour un statut "
        "d'engagement conjoint).",
    )
    echeance: Id | None = Field(
        default=None,
        description="Identifiant de l'échéance que cette entrée honore (voir convention "
        "echeances), par exemple bilan-annuel-2024 ou communication-2024-2025.",
    )
    preuves: list[Preuve] = []
    confidentiel: bool = False


Regle = Literal["bilan_annuel", "bilan_pluriannuel", "communication_annuelle",
                "commission_trimestrielle"]
"""A rule of the agreement that sets an engagement's échéances (sections III, IV, V)."""


class Engagement(Lisible):
    id: Id
    parties: list[Id] = Field(min_length=1)
    clause: Clause
    libelle: Text
    citation: Text | None = None
    objectifs: list[Id] = Field(min_length=1)
    participants: list[Id] = Field(
        default=[],
        description="Parties qui participent sans porter l'engagement (« la DGOM "
        "participera aux travaux »).",
    )
    operateurs: list[Id] = []
    exclus: list[Id] = Field(
        default=[],
        description="Organisations que le texte ne nomme que pour les exclure (« en dehors "
        "des programmes budgétaires pilotés par la DGEFP »).",
    )
    territoires: list[Id] = Field(
        default=[],
        description="Territoires concernés ; vide : tous les territoires de la convention.",
    )
    debut: IsoDate | None = Field(
        default=None,
        description="Date à partir de laquelle l'engagement court, quand le texte donne un "
        "début sans échéance (« dès le premier semestre 2023 »).",
    )
    echeance: IsoDate | None = None
    echeance_libelle: Text | None = None
    recurrence: Recurrence | None = None
    regle: Regle | None = None
    statut: Statut
    qualitatif: bool = False
    indicateurs: list[Indicateur] = []
    journal: list[EntreeJournal] = []
    preuves: list[Preuve] = []
    confidentiel: bool = False
    peut_deboucher_sur: list[Id] = []
    sources: list[Text] = []
    note: Text | None = None


# Projet and DemandeEvaluation end with the same fields (date, source, statut, journal,
# confidentiel; statut of different values) but share no base class: pydantic puts a base
# class's fields first, and the order of fields is visible in schemas/*.schema.json and in
# the JSON outputs (record_to_json, export).
class Projet(Model):
    """An innovation project the UNML relays to the DGOM (II; annex theme 3)."""

    id: Id
    titre: Text
    territoire: Id
    mission_locale: Id | None = None
    fonds: Text | None = Field(default=None, description="Fonds d'innovation visé.")
    groupe_travail: Id | None = None
    date: IsoDate
    source: Text
    statut: ProjetStatut = "repere"
    journal: list[EntreeJournal] = []
    confidentiel: bool = False


class DemandeEvaluation(Model):
    """A request for evaluation that the DGOM examines (II.3.1)."""

    id: Id
    objet: Text
    mission_locale: Id
    date: IsoDate
    source: Text
    statut: EvaluationStatut = "recue"
    journal: list[EntreeJournal] = []
    confidentiel: bool = False


class EngagementsFile(Model):
    engagements: list[Engagement]
    projets: list[Projet] = []
    evaluations: list[DemandeEvaluation] = []


# --- groupes_travail.yaml ----------------------------------------------------------------


class GroupeTravail(Lisible):
    id: Id
    numero: int = Field(ge=1)
    theme: int = Field(ge=1, description="Numéro du thème de l'annexe")
    libelle: Text
    clause: Clause
    statut: GtStatut
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

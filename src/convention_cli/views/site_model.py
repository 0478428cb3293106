"""The data of the static site's pages: plain, frozen rows that the templates read.

Built by ``views/site.py`` (and ``views/site_pages.py``); every address is derived from
an id and written relative to the site's root (the format layer prefixes it for the page
that holds it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from convention_cli.views.provenance import Provenance

Day = date  # fields named ``date`` shadow the type inside class bodies


# --- rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lien:
    """A link inside the site: ``href`` is relative to the site's root."""

    texte: str
    href: str


@dataclass(frozen=True)
class Rubrique:
    """A section of the navigation."""

    cle: str
    texte: str
    href: str


@dataclass(frozen=True)
class LignePreuve:
    libelle: str
    url: str | None
    """An http(s) address, or None when the evidence is not published online."""
    date: Day | None


@dataclass(frozen=True)
class LigneJournal:
    date: Day
    texte: str
    source: str | None
    statut: str | None
    echeance: str | None
    preuves: tuple[LignePreuve, ...]
    sujet: Lien | None = None
    """What the entry is about (home page and meetings only)."""


@dataclass(frozen=True)
class LigneEcheance:
    id: str
    date: Day
    libelle: str
    parties: str
    source: str
    etat: str
    etat_code: str
    honoree_le: Day | None
    lien: Lien | None


@dataclass(frozen=True)
class Compteur:
    """Engagements of one objective or party, counted by status."""

    cle: str
    libelle: str
    lien: Lien | None
    total: int
    realises: int
    en_retard: int
    """By objective: its engagements with a late échéance; by party: the late échéances
    of which it carries a share (as ``convention status`` counts them)."""
    par_statut: tuple[str, ...]
    """« 16 non renseignés », « 1 réalisé »…"""

    @property
    def pourcentage(self) -> int:
        return round(100 * self.realises / self.total) if self.total else 0


@dataclass(frozen=True)
class LigneEngagement:
    lien: Lien
    parties: str
    statut: str
    statut_code: str
    prochaine: LigneEcheance | None
    en_retard: bool


@dataclass(frozen=True)
class LigneMesure:
    date: Day
    valeur: str
    source: str


@dataclass(frozen=True)
class LigneIndicateur:
    id: str
    libelle: str
    type: str
    cible: str
    periode: str | None
    mesuree: str
    """The last measure (with its date), or « aucune mesure »."""
    atteinte: str | None
    """« 75 % de la cible » when both target and measure are figures."""
    mesures: tuple[LigneMesure, ...]
    lectures: tuple[str, ...] = ()


@dataclass(frozen=True)
class LigneStatut:
    """One step of an engagement's status history."""

    date: Day
    statut: str
    source: str | None


@dataclass(frozen=True)
class PageEngagement:
    id: str
    libelle: str
    clause: str
    citation: str | None
    parties: tuple[str, ...]
    objectifs: tuple[str, ...]
    operateurs: tuple[str, ...]
    territoires: tuple[Lien, ...]
    participants: tuple[str, ...]
    """Parties taking part without carrying the engagement."""
    exclus: tuple[str, ...]
    """Organisations the text names only to exclude them."""
    debut: str | None
    statut: str
    statut_code: str
    echeance: str | None
    recurrence: str | None
    historique: tuple[LigneStatut, ...]
    echeances: tuple[LigneEcheance, ...]
    indicateurs: tuple[LigneIndicateur, ...]
    qualitatif: bool
    journal: tuple[LigneJournal, ...]
    preuves: tuple[LignePreuve, ...]
    groupes: tuple[Lien, ...]
    liens: tuple[Lien, ...]
    """Engagements it may lead to, or follow from."""
    sources: tuple[str, ...]
    note: str | None
    lectures: tuple[str, ...] = ()
    """Readings of the registry beyond the text, « champ : lecture : motif »."""


@dataclass(frozen=True)
class PageGroupe:
    id: str
    numero: int
    libelle: str
    theme: str
    clause: str
    statut: str
    engagements: tuple[Lien, ...]
    objectifs: tuple[str, ...]
    journal: tuple[LigneJournal, ...]
    reunions: tuple[Lien, ...]


@dataclass(frozen=True)
class LigneMissionLocale:
    id: str
    designation: str
    nom: str
    nom_confiance: str | None
    ville: str
    ville_confiance: str | None
    arml: str


@dataclass(frozen=True)
class LigneSuivi:
    """A project or an evaluation request of a territory."""

    id: str
    titre: str
    statut: str
    date: Day
    details: tuple[str, ...]


@dataclass(frozen=True)
class PageTerritoire:
    id: str
    nom: str
    statut: str
    code_insee: str
    nombre_declare: int
    missions_locales: tuple[LigneMissionLocale, ...]
    rsma: str
    rsma_confiance: str | None
    engagements: tuple[Lien, ...]
    engagements_communs: int
    projets: tuple[LigneSuivi, ...]
    evaluations: tuple[LigneSuivi, ...]


@dataclass(frozen=True)
class LigneAction:
    id: str
    texte: str
    responsable: str
    echeance: Day
    cloture: Day | None
    preuves: tuple[LignePreuve, ...]


@dataclass(frozen=True)
class PageReunion:
    id: str
    instance: str
    groupe: Lien | None
    date: Day
    lieu: str | None
    participants: tuple[str, ...]
    source: str | None
    decisions: tuple[str, ...]
    actions: tuple[LigneAction, ...]
    releve: tuple[Lien, ...]
    """Its relevé de décisions, one link per format (none when the site has none)."""


@dataclass(frozen=True)
class DocumentSite:
    """A downloadable document: its view model, rendered by the format layer."""

    chemin: str
    titre: str
    description: str
    format: str
    modele: str
    vue: Any
    public: bool
    meta: Any = None
    """The title block of the office/HTML versions (``views.provenance.DocumentMeta``)."""
    labels: dict[str, str] = field(default_factory=dict)
    """What the document shows instead of an identifier (``reference_labels``)."""
    formats: tuple[tuple[str, str], ...] = (("Markdown", ".md"),)
    """(name, extension) of each downloadable version."""

    @property
    def versions(self) -> tuple[Lien, ...]:
        """A link to each version: its format's name and its address."""
        stem = self.chemin.removesuffix(".md")
        return tuple(Lien(name, stem + suffix) for name, suffix in self.formats)


@dataclass(frozen=True)
class JalonFrise:
    date: Day
    libelle: str
    etat: str
    etat_code: str


@dataclass(frozen=True)
class Frise:
    """The timeline picture: the convention's period, today, and its échéances (those
    the picture shows, and its text alternative lists)."""

    debut: Day
    fin: Day
    as_of: Day
    jalons: tuple[JalonFrise, ...]
    titre: str
    omises: int = 0
    """Engagements' échéances left out of the picture (too many to draw: see the page of
    the échéances)."""


@dataclass(frozen=True)
class LigneReferent:
    """A party's referent in office (section III): the office always; the person's name
    and contact in the internal version only."""

    partie: str
    libelle: str
    clause: str
    adresse: str | None
    """The generic address, when verified (public: confidence « haute »)."""
    fonction: str | None
    depuis: Day | None
    nom: str | None
    contact: str | None


@dataclass(frozen=True)
class Accueil:
    titre: str
    presentation: tuple[str, str]
    position: str
    exigences: tuple[str, ...]
    regle: str
    par_objectif: tuple[Compteur, ...]
    par_partie: tuple[Compteur, ...]
    total_engagements: int
    total_realises: int
    en_retard: tuple[LigneEcheance, ...]
    prochaines: tuple[LigneEcheance, ...]
    dernieres: tuple[LigneJournal, ...]
    referents: tuple[LigneReferent, ...] = ()


@dataclass(frozen=True)
class Page:
    """One HTML page: its address, title, nav section and template with its data."""

    chemin: str
    titre: str
    rubrique: str
    modele: str
    donnees: Any
    description: str = ""


@dataclass(frozen=True)
class SiteView:
    titre: str
    as_of: Day
    public: bool
    provenance: Provenance
    pages: tuple[Page, ...]
    documents: tuple[DocumentSite, ...]
    frise: Frise
    rubriques: tuple[Rubrique, ...] = field(default=())


# --- addresses --------------------------------------------------------------------------


def engagement_href(ident: str) -> str:
    return f"engagements/{ident}.html"


def groupe_href(ident: str) -> str:
    return f"groupes/{ident}.html"


def territoire_href(ident: str) -> str:
    return f"territoires/{ident}.html"


def reunion_href(ident: str) -> str:
    return f"reunions/index.html#{ident}"


RUBRIQUES = (
    ("accueil", "Accueil", "index.html"),
    ("engagements", "Engagements", "engagements/index.html"),
    ("echeances", "Échéances", "echeances.html"),
    ("groupes", "Groupes de travail", "groupes/index.html"),
    ("territoires", "Territoires", "territoires/index.html"),
    ("reunions", "Réunions", "reunions/index.html"),
    ("documents", "Documents", "documents/index.html"),
)

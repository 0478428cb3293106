"""The traceability matrix: each sentence of the agreement and what encodes it.

``convention couverture`` prints it; ``convention export`` carries it, so a reader of
the export sees which normative sentence is an engagement, a rule, a disposition, or set
aside with its reason — and every reading the encoding items carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from convention_cli.checks.tracabilite import Citation, encoders, iter_citations, texte_of
from convention_cli.domain.texte import Phrase
from convention_cli.errors import UserError
from convention_cli.load.registry import Registry
from convention_cli.views.lectures import lecture_lines
from convention_cli.vocab import plural


@dataclass(frozen=True)
class Porteur:
    """An item of the registry that quotes a sentence, with its readings."""

    libelle: str
    lectures: tuple[str, ...] = ()


@dataclass(frozen=True)
class LigneCouverture:
    phrase: Phrase
    porteurs: tuple[Porteur, ...]
    ecartee: str | None
    """The reason the registry gives for setting the sentence aside."""

    @property
    def etat(self) -> str:
        if self.porteurs:
            return "encodee"
        if self.ecartee is not None:
            return "ecartee"
        return "non_tracee" if self.phrase.tracee else "hors_champ"


ETAT_LABELS = {"encodee": "encodée", "ecartee": "écartée", "non_tracee": "non tracée",
               "hors_champ": "hors du champ vérifié"}


@dataclass(frozen=True)
class Couverture:
    texte: str
    lignes: tuple[LigneCouverture, ...]

    def compte(self, etat: str) -> int:
        return sum(1 for ligne in self.lignes if ligne.phrase.tracee and ligne.etat == etat)

    @property
    def normatives(self) -> int:
        return sum(1 for ligne in self.lignes if ligne.phrase.tracee)


def _porteur(citation: Citation) -> Porteur:
    return Porteur(citation.porteur, lecture_lines(citation.item))


def build_couverture(registry: Registry, *, tout: bool = False) -> Couverture:
    """The matrix for the normative sentences of I to VII and the annex (every sentence
    of the text with ``tout``)."""
    conv = registry.convention
    if conv is None or conv.texte is None:
        raise UserError("le registre ne désigne pas le texte de la convention : ajoutez "
                        "« texte: chemin/du/texte.md » dans convention.yaml")
    if registry.texte is None:
        raise UserError(f"texte de la convention illisible : {conv.texte} (voir convention "
                        "validate, TXT001)")
    texte = texte_of(registry.texte)
    citations = list(iter_citations(registry))
    lignes = []
    for phrase in texte.phrases:
        if not tout and not phrase.tracee:
            continue
        found = encoders(phrase, citations)
        kept = tuple(_porteur(c) for c in found if c.ecartee is None)
        reasons = [c.ecartee.motif for c in found if c.ecartee is not None]
        lignes.append(LigneCouverture(phrase, kept, reasons[0] if reasons else None))
    return Couverture(conv.texte, tuple(lignes))


def couverture_to_json(view: Couverture) -> dict[str, Any]:
    return {
        "texte": view.texte,
        "comptes": {"phrases_normatives": view.normatives, "encodees": view.compte("encodee"),
                    "ecartees": view.compte("ecartee"),
                    "non_tracees": view.compte("non_tracee")},
        "phrases": [{
            "clause": ligne.phrase.clause, "ligne": ligne.phrase.ligne,
            "phrase": ligne.phrase.texte, "marqueurs": list(ligne.phrase.marqueurs),
            "normative": ligne.phrase.tracee, "etat": ligne.etat,
            "encodee_par": [{"element": p.libelle, "lectures": list(p.lectures)}
                            for p in ligne.porteurs],
            "motif_ecart": ligne.ecartee,
        } for ligne in view.lignes],
    }


def couverture_text(view: Couverture, width: int = 100) -> str:
    out = [f"Couverture du texte de la convention ({view.texte})",
           f"{plural(view.normatives, 'phrase normative', 'phrases normatives')} (sections I "
           f"à VII et annexe) : {plural(view.compte('encodee'), 'encodée')}, "
           f"{plural(view.compte('ecartee'), 'écartée')}, "
           f"{plural(view.compte('non_tracee'), 'non tracée', 'non tracées')}.", ""]
    clause = None
    for ligne in view.lignes:
        if ligne.phrase.clause != clause:
            clause = ligne.phrase.clause
            out.append(f"{clause}")
        marks = f" [{', '.join(ligne.phrase.marqueurs)}]" if ligne.phrase.marqueurs else ""
        out.append(f"  l. {ligne.phrase.ligne}{marks} « {_short(ligne.phrase.texte, width)} »")
        for porteur in ligne.porteurs:
            out.append(f"      → {porteur.libelle}")
            out += [f"        {line}" for line in porteur.lectures]
        if ligne.ecartee is not None:
            out.append(f"      → écartée : {ligne.ecartee}")
        if not ligne.porteurs and ligne.ecartee is None:
            out.append(f"      → {ETAT_LABELS[ligne.etat]}")
    return "\n".join(out) + "\n"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"

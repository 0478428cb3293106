"""The French vocabulary of the tool, in one place: labels of every coded value (statuts,
récurrences, instances…) and the formats of dates and numbers, for messages and documents.

Codes stay ASCII in the data and in JSON (``non_renseigne``); what a reader sees comes from
the tables below. Add a table here rather than beside the code that first needs it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def format_date(value: date) -> str:
    """``2026-06-30`` → ``30 juin 2026``; the first of the month is ``1er``."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


NONE = "—"
"""What a table or a document shows for a missing value."""


def date_or_dash(value: date | None, default: str = NONE) -> str:
    """``30 juin 2026``, or ``—`` when there is no date."""
    return format_date(value) if value is not None else default


def did_you_mean(value: str, known: Iterable[str], *, n: int = 3, cutoff: float = 0.6) -> str:
    """``vouliez-vous dire « dgom » ?`` with the closest of ``known`` (up to ``n``), or ``""``
    when none is close enough: the one suggestion wording of every message."""
    import difflib

    close = difflib.get_close_matches(value, list(known), n=n, cutoff=cutoff)
    if not close:
        return ""
    return "vouliez-vous dire " + ", ".join(f"« {c} »" for c in close) + " ?"


def format_number(value: int | float) -> str:
    """``80000`` → ``80 000`` (narrow no-break space as thousands separator)."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, frac = f"{value:,.2f}".partition(".")
        return whole.replace(",", "\u202f") + "," + frac
    return f"{int(value):,}".replace(",", "\u202f")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count <= 1 else (plural_form or singular + "s")
    return f"{count} {word}"


_INVARIABLE = frozenset({"mois", "fois", "cas", "prix", "choix"})
"""Units spelt the same in the singular and the plural."""


def _agree(word: str, many: bool) -> str:
    if word in _INVARIABLE:
        return word
    if many:
        return word if word.endswith(("s", "x", "z")) else word + "s"
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def quantity(value: int | float, unite: str | None) -> str:
    """``format_number(value)`` with its unit agreed in number, whatever the registry
    spells it: below 2 (0, 1, −1, 1,5) the singular (« 0 réunion », « −1 convention »), from
    2 on the plural (« 2 bilans »; each part of « accord-cadre »)."""
    if not unite:
        return format_number(value)
    many = abs(value) >= 2
    words = " ".join("-".join(_agree(part, many) for part in word.split("-"))
                     if word.isalpha() or "-" in word else word
                     for word in unite.split(" "))
    return f"{format_number(value)} {words}"


LECTURE_LABEL = "lecture"
"""The word that introduces a reading of the text, everywhere it is shown."""


def lecture_fr(motif: str) -> str:
    """``lecture : le texte ne fixe aucun rythme`` — a reading, never shown as the text."""
    return f"{LECTURE_LABEL} : {motif}"


# --- labels of coded values ------------------------------------------------------------------

_SPELLING: dict[str, str] = {
    # statuts (engagements, working groups, projects, evaluation requests)
    "non_renseigne": "non renseigné", "non_demarre": "non démarré", "en_cours": "en cours",
    "realise": "réalisé", "suspendu": "suspendu", "abandonne": "abandonné",
    "constitue": "constitué", "actif": "actif", "clos": "clos",
    "repere": "repéré", "relaye": "relayé à la DGOM", "en_instruction": "en instruction",
    "retenu": "retenu", "non_retenu": "non retenu",
    "recue": "reçue", "en_examen": "en examen", "acceptee": "acceptée", "refusee": "refusée",
    "realisee": "réalisée", "abandonnee": "abandonnée",
    # recurrences and rules
    "au_fil_de_l_eau": "au fil de l'eau", "trimestrielle": "trimestrielle",
    "annuelle": "annuelle", "bilan_annuel": "bilan annuel",
    "bilan_pluriannuel": "bilan pluriannuel",
    "communication_annuelle": "valorisation publique annuelle",
    "commission_trimestrielle": "Commission ultramarine trimestrielle",
    # confidence, qualifiers of numbers
    "haute": "haute", "moyenne": "moyenne", "faible": "faible", "non_verifie": "non vérifié",
    "plus_de": "plus de", "environ": "environ", "une_dizaine": "une dizaine",
    "une_vingtaine": "une vingtaine", "une_trentaine": "une trentaine",
    "au_moins": "au moins", "moins_de": "moins de", "pres_de": "près de",
    # states of échéances (``Etat.key``)
    "honoree": "honorée", "en_retard": "en retard", "proche": "proche", "a_venir": "à venir",
    "sans_objet": "sans objet", "a_decider": "à décider",
    "echue_avant_signature": "échue avant la signature",
}
"""The French of every coded value, written once (a code shared by two tables, such as
``non_renseigne``, is spelled once for both)."""


def _labels(codes: str) -> dict[str, str]:
    """The labels of space-separated codes, in their order. A code missing above fails at
    import: a label is never made from its code (accents would be lost)."""
    return {code: _SPELLING[code] for code in codes.split()}


STATUT_LABELS = _labels("non_renseigne non_demarre en_cours realise suspendu abandonne")
"""An engagement's statut, in the order of ``models.Statut``."""
STATUT_PLURALS = {code: label if label.endswith("s") else f"{label}s"
                  for code, label in STATUT_LABELS.items()}


def count_statut(statut: str, count: int) -> str:
    """``3 réalisés``, ``1 réalisé``: a count of engagements with a status, in French."""
    return f"{count} {STATUT_PLURALS[statut] if count > 1 else STATUT_LABELS[statut]}"


GT_STATUT_LABELS = _labels("non_renseigne constitue actif clos")
"""A working group's statut."""
PROJET_STATUT_LABELS = _labels("repere relaye en_instruction retenu non_retenu abandonne")
"""A project's statut (follow-up records)."""
EVALUATION_STATUT_LABELS = _labels("recue en_examen acceptee refusee realisee abandonnee")
"""An evaluation request's statut (follow-up records)."""
OWNER_STATUT_LABELS: dict[str, dict[str, str]] = {
    "Engagement": STATUT_LABELS,
    "GroupeTravail": GT_STATUT_LABELS,
    "Projet": PROJET_STATUT_LABELS,
    "DemandeEvaluation": EVALUATION_STATUT_LABELS,
}
"""The statut table of each kind of record that has a journal, by its model's class name
(a journal entry notes its owner's statut: « constitué » for a working group…)."""


def owner_statut_label(owner: object, statut: str) -> str:
    """The French of ``statut`` for a record of ``owner``'s kind: an engagement, a working
    group, a project or an evaluation request (the one choice of table, for every view)."""
    return OWNER_STATUT_LABELS[type(owner).__name__][statut]


RECURRENCE_LABELS = _labels("au_fil_de_l_eau trimestrielle annuelle")
REGLE_LABELS = _labels("bilan_annuel bilan_pluriannuel communication_annuelle "
                       "commission_trimestrielle")
"""The rules of the agreement that compute échéances (``regle`` of an engagement)."""
CONFIANCE_LABELS = _labels("haute moyenne faible non_verifie")
QUALIFICATIF_LABELS = _labels("plus_de environ une_dizaine une_vingtaine une_trentaine "
                              "au_moins moins_de pres_de")
"""How the text qualifies a number it states (« plus de 80 000 », « environ 13 000 »)."""
INSTANCE_LABELS: dict[str, str] = {
    "commission": "Commission ultramarine",
    "groupe_travail": "Groupe de travail",
    "referents": "Échanges entre référents",
}
"""The body a meeting belongs to."""
INSTANCE_PLURALS: dict[str, str] = {
    "commission": "Commission ultramarine",
    "groupe_travail": "Groupes de travail",
    "referents": "Échanges entre référents",
}
ROLE_LABELS: dict[str, str] = {
    "partie": "partie à la convention",
    "co_signataire": "co-signataire de la convention",
}
"""A party's role in the agreement."""
PERIODE_LABELS: dict[str | None, str] = {
    "annuelle": "annuelle",
    "trimestrielle": "trimestrielle",
    "convention": "durée de la convention",
    None: "—",
}
"""The period of an indicator's target."""
ETAT_LABELS = _labels("honoree en_retard proche a_venir sans_objet a_decider "
                      "echue_avant_signature")
"""An échéance's state on a date, by its key (``Etat.key``)."""


# --- French typography -------------------------------------------------------------------
# Imprimerie nationale rules as word processors apply them: a narrow no-break space
# (U+202F) before « ; ! ? » and inside guillemets, a no-break space (U+00A0) before « : ».
NNBSP = "\u202f"
NBSP = "\u00a0"
APOSTROPHE = "\u2019"

# Spans left alone: fenced code (Mermaid), inline code, link targets and bare URLs.
_PROTECTED = re.compile(r"```.*?```|`[^`\n]*`|\]\([^)\n]*\)|<?https?://[^\s)>|]+>?|\S+@\S+\.\w+",
                        re.DOTALL)
_SPACE_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:")
_SPACE_BEFORE_HIGH = re.compile(r"(?<=[^\s])[ \u00a0\u202f]+([;!?»])")
_SPACE_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_STICKY = re.compile(r"(?<=[\w)\]*.…])([;!?])(?=[\s*_)|]|$)")


def _space_prose(text: str) -> str:
    text = _SPACE_AFTER_OPEN.sub("«" + NNBSP, text)
    text = _SPACE_BEFORE_COLON.sub(NBSP + ":", text)
    # A written space becomes the no-break one, except at a line start (indentation). A
    # closing guillemet or a « ; ! ? » stuck to a word gets one; « ?x=1 » in a query
    # string or « !! » in code is not prose.
    text = _SPACE_BEFORE_HIGH.sub(NNBSP + r"\1", text)
    text = re.sub(r"(?<=\w)»", NNBSP + "»", text)
    return _STICKY.sub(NNBSP + r"\1", text)


def french_spacing(text: str) -> str:
    """Text with the French no-break spaces around ``: ; ! ? « »``; nothing else changes.

    Applied to whole generated documents (Markdown): code, link targets and URLs are kept
    as they are. Idempotent."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    spaced = _space_prose(_PROTECTED.sub(keep, text))
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], spaced)

"""The generator's building blocks: a tiny YAML emitter (block style, quoting only what
must be) and French sentences drawn at random (libellés, citations, journal texts)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

# --- A tiny YAML emitter (block style, 2-space indent, sequences indented under keys) ---


class Flow(list[Any]):
    """A list of scalars written in flow style: ``[obj-1, obj-3]``."""


class Quoted(str):
    """A text always written between double quotes."""

    __slots__ = ()


_AMBIGUOUS = re.compile(r"[-+.0-9:_eExXoObB]+|~|(?i:y|n|yes|no|on|off|true|false|null)")
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def scalar(value: Any) -> str:
    """One scalar, plain when YAML 1.1 and 1.2 both read it back as the same text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    plain = (
        not isinstance(value, Quoted)
        and text != ""
        and text == text.strip()
        and text[0] not in _INDICATORS
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and all(ch >= " " for ch in text)
        and not _AMBIGUOUS.fullmatch(text)
    )
    if plain:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mapping(value: dict[str, Any], indent: int) -> list[str]:
    """The lines of a block mapping whose keys start at column ``indent``."""
    pad = " " * indent
    lines: list[str] = []
    for key, item in value.items():
        if isinstance(item, dict):
            if item:
                lines.append(f"{pad}{key}:")
                lines.extend(mapping(item, indent + 2))
            else:
                lines.append(f"{pad}{key}: {{}}")
        elif isinstance(item, Flow):
            lines.append(f"{pad}{key}: [{', '.join(scalar(x) for x in item)}]")
        elif isinstance(item, list):
            if item:
                lines.append(f"{pad}{key}:")
                lines.extend(sequence(item, indent + 2))
            else:
                lines.append(f"{pad}{key}: []")
        else:
            lines.append(f"{pad}{key}: {scalar(item)}")
    return lines


def sequence(items: Iterable[Any], indent: int) -> list[str]:
    """The lines of a block sequence whose dashes sit at column ``indent``."""
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict):
            body = mapping(item, indent + 2)
            body[0] = pad + "- " + body[0][indent + 2:]
            lines.extend(body)
        else:
            lines.append(f"{pad}- {scalar(item)}")
    return lines


def header(name: str, schema_prefix: str, seed: int, n: int, title: str) -> list[str]:
    return [
        f"# yaml-language-server: $schema={schema_prefix}{name}.schema.json",
        f"# {title}",
        f"# Registre SYNTHÉTIQUE généré par bench/gen_registry.py (graine {seed}, "
        f"{n} engagements) : données de test de performance, ne pas éditer à la main.",
    ]


def fact(rng: random.Random, valeur: str, source: str, note: str | None = None) -> dict[str, Any]:
    """A ``Fait``: sourced when verified, without a value when not verified."""
    confiance = rng.choices(("haute", "moyenne", "faible", "non_verifie"), (5, 3, 1, 2))[0]
    if confiance == "non_verifie":
        return {"confiance": confiance,
                "note": note or "valeur non vérifiée dans les sources consultées"}
    result: dict[str, Any] = {"valeur": valeur, "confiance": confiance, "source": source}
    if note:
        result["note"] = note
    return result


def random_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


# --- French text -------------------------------------------------------------------------

VERBS = (
    "Organiser", "Mettre en place", "Réaliser", "Partager", "Diffuser", "Accompagner",
    "Identifier", "Examiner", "Valoriser", "Coordonner", "Recenser", "Évaluer", "Promouvoir",
    "Consolider", "Préparer",
)
OBJECTS = (
    "un temps d'échange régulier entre les référents",
    "un diagnostic partagé sur la situation des jeunes suivis",
    "les appels à projets et les conventions de la DGOM",
    "les demandes d'évaluation présentées par les missions locales",
    "une équipe mobile pour la démarche d'aller vers",
    "l'offre de service des missions locales ultramarines",
    "les solutions de logement des jeunes accompagnés",
    "la prise en charge des problématiques psychologiques",
    "les projets innovants portés par le réseau",
    "les mobilités intra et extra territoriales des jeunes",
    "les données d'activité du réseau ultramarin",
    "des exemples de parcours de réussite professionnelle",
    "l'application des politiques publiques en faveur des jeunes",
)
COMPLEMENTS = (
    "auprès des services de l'État",
    "avec les administrations déconcentrées",
    "en lien avec LADOM et le RSMA",
    "dans le cadre de la commission ultramarine",
    "au bénéfice des jeunes ultramarins",
    "avec les financeurs nationaux",
    "en coordination avec les ARML",
)
PLACES = (
    "à La Réunion", "en Martinique", "en Guadeloupe", "à Saint-Martin", "en Guyane",
    "à Mayotte", "dans l'ensemble des territoires ultramarins",
)
CITATION_PARTS = (
    "la DGOM s'engage à informer l'UNML des appels à projets qu'elle publie",
    "elle relaie auprès du réseau les conventions susceptibles de concerner les jeunes",
    "l'UNML s'engage à mobiliser les missions locales d'Outre-mer",
    "pour partager les données utiles à la connaissance des publics accompagnés",
    "les parties conviennent d'examiner conjointement les demandes d'évaluation",
    "dans le respect des compétences de chacune et en lien avec les services de l'État",
    "afin de favoriser l'accès des jeunes à l'emploi, à la formation et au logement",
    "en tenant compte des spécificités territoriales et des besoins recensés",
    "un point d'étape est présenté à chaque réunion de la commission ultramarine",
    "les résultats obtenus sont valorisés auprès des partenaires institutionnels",
    "notamment par le biais des fonds d'innovation et des expérimentations locales",
    "la DGOM apporte son appui auprès des services déconcentrés de l'État",
)
JOURNAL_TEXTS = (
    "Point d'étape : calendrier validé par les référents.",
    "Échange entre référents : données transmises à la DGOM.",
    "Commission ultramarine : avancement constaté.",
    "Relance : la mission locale pilote confirme sa participation.",
    "Réunion technique : diagnostic partagé, pistes identifiées.",
    "Bilan intermédiaire : premiers résultats communiqués.",
)
SOURCES = (
    "compte rendu de commission",
    "courriel du référent UNML",
    "courriel du référent DGOM",
    "relevé de décisions du GT",
    "bilan annuel 2024",
)
AUTHORS = ("référent UNML", "référent DGOM", "ARML Réunion", "ARML Antilles-Guyane")
INDICATOR_LABELS = (
    ("Nombre de jeunes accompagnés", "jeunes"),
    ("Nombre de missions locales participantes", "missions locales"),
    ("Nombre de réunions tenues", "réunions"),
    ("Nombre de projets présentés aux financeurs", "projets"),
    ("Nombre de jeunes orientés vers un logement", "jeunes"),
)
QUALITATIVE_LABELS = (
    "Bilan qualitatif partagé en commission ultramarine",
    "Retour des missions locales sur l'utilité de l'action",
    "Note de synthèse transmise aux parties",
)


_DANGLING = frozenset((
    "à", "au", "aux", "d'", "de", "des", "du", "en", "et", "l'", "la", "le", "les", "par",
    "pour", "qu'", "qui", "sur", "un", "une", "dans", "avec", "auprès", "afin", "chaque",
    "notamment", "leur", "leurs",
))


def citation(rng: random.Random, length: int = 290) -> str:
    """A one-line quotation of about ``length`` characters, ending with a period."""
    parts: list[str] = []
    total = 0
    for part in rng.sample(CITATION_PARTS, len(CITATION_PARTS)):
        parts.append(part)
        total += len(part) + 2
        if total > length + 20:
            break
    words = ", ".join(parts)[:length].split(" ")[:-1]  # cut at a word boundary
    while words and words[-1].rstrip(",") in _DANGLING:
        words.pop()
    text = " ".join(words).rstrip(",")
    return text[0].upper() + text[1:] + "."


def libelle(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)}."
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(COMPLEMENTS)}."

"""The activity of a synthetic registry (``gen_registry.py``): N engagements with their
indicators and journal (``engagements.yaml``), working groups and meetings; the fixed
frame of the agreement is in ``gen_frame.py``."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from gen_frame import THEMES
from gen_text import (
    AUTHORS,
    INDICATOR_LABELS,
    JOURNAL_TEXTS,
    QUALITATIVE_LABELS,
    SOURCES,
    Flow,
    Quoted,
    citation,
    libelle,
    random_day,
    sequence,
)

FILES = ("convention", "parties", "territoires", "engagements", "groupes_travail", "reunions")

FIRST_ACTIVITY = date(2023, 9, 1)
LAST_DEADLINE = date(2026, 6, 30)

STATUTS: tuple[tuple[str, int], ...] = (  # the model's ``Statut`` literal, with weights
    ("non_renseigne", 15),
    ("non_demarre", 15),
    ("en_cours", 40),
    ("realise", 20),
    ("suspendu", 5),
    ("abandonne", 5),
)
RECURRENCES = ("au_fil_de_l_eau", "trimestrielle", "annuelle")
ENGAGING_CLAUSES = ("II", "II.1", "II.2", "II.3.1", "II.3.2")
OBJECTIVES = ("obj-1", "obj-2", "obj-3", "obj-4")
OPERATORS = ("ladom", "rsma", "adie", "france-travail")
PARTIES_SETS: tuple[tuple[str, ...], ...] = (
    ("dgom",), ("unml",), ("dgom", "unml"), ("dgom", "unml"), ("unml", "arml-reunion"),
    ("unml", "arml-antilles-guyane"),
)


# --- engagements.yaml --------------------------------------------------------------------


def engagement(rng: random.Random, index: int) -> dict[str, Any]:
    """Engagement number ``index`` (1-based); about 1.5 KB once written."""
    ident = f"eng-{index:05d}"
    statut = rng.choices([s for s, _ in STATUTS], [w for _, w in STATUTS])[0]
    # Cycling guarantees that every engaging clause and objective is covered.
    first_obj = OBJECTIVES[(index - 1) % len(OBJECTIVES)]
    second_obj = rng.choice([o for o in OBJECTIVES if o != first_obj])
    label, unit = rng.choice(INDICATOR_LABELS)
    dates = sorted(random_day(rng, FIRST_ACTIVITY, LAST_DEADLINE) for _ in range(4))
    cible = rng.randrange(10, 500, 10)
    entry: dict[str, Any] = {
        "id": ident,
        "parties": Flow(rng.choice(PARTIES_SETS)),
        "clause": Quoted(ENGAGING_CLAUSES[(index - 1) % len(ENGAGING_CLAUSES)]),
        "libelle": libelle(rng),
        "citation": citation(rng),
        "objectifs": Flow([first_obj, second_obj]),
    }
    if index % 3 == 0:
        entry["operateurs"] = Flow([rng.choice(OPERATORS)])
    entry["echeance"] = dates[3]
    if index % 4 == 0:
        entry["recurrence"] = rng.choice(RECURRENCES)
    entry["statut"] = statut
    entry["indicateurs"] = [
        {"id": f"{ident}-ind-1", "libelle": label, "type": "quantitatif", "cible": cible,
         "unite": unit, "periode": "annuelle",
         "mesures": [{"date": dates[1], "valeur": rng.randint(0, cible),
                      "source": rng.choice(SOURCES)}]},
        {"id": f"{ident}-ind-2", "libelle": rng.choice(QUALITATIVE_LABELS),
         "type": "qualitatif"},
    ]
    journal: list[dict[str, Any]] = [
        {"date": day, "texte": Quoted(rng.choice(JOURNAL_TEXTS)),
         "auteur": rng.choice(AUTHORS), "source": rng.choice(SOURCES)}
        for day in dates[:3]
    ]
    if statut != "non_renseigne":  # the last noted status is the current one, attested
        journal[-1]["statut"] = statut  # by every party of the engagement (PRV001, PRV002)
        journal[-1]["parties"] = Flow(list(entry["parties"]))
    entry["journal"] = journal
    entry["confidentiel"] = index % 50 == 0
    return entry


def engagements_lines(rng: random.Random, n: int) -> list[str]:
    lines = ["engagements:"]
    for index in range(1, n + 1):
        if (index - 1) % 5 == 0:
            last = min(index + 4, n)
            lines.append(f"  # --- Engagements {index} à {last} ---")
        body = sequence([engagement(rng, index)], 2)
        if index % 7 == 0:
            day = random_day(rng, FIRST_ACTIVITY, LAST_DEADLINE).isoformat()
            for pos, line in enumerate(body):
                if line.startswith("    statut: "):
                    body[pos] = f"{line}  # revu en commission ultramarine le {day}"
                    break
        lines.extend(body)
    return lines


# --- groupes_travail.yaml and reunions.yaml ----------------------------------------------


def groupes_file(rng: random.Random, n: int) -> dict[str, Any]:
    groupes = []
    for k, (lib, slug) in enumerate(THEMES, start=1):
        members = [f"eng-{i:05d}" for i in range(k, n + 1, len(THEMES))][:20]
        days = sorted(random_day(rng, FIRST_ACTIVITY, LAST_DEADLINE) for _ in range(2))
        groupes.append({
            "id": f"gt-{slug}", "numero": k, "theme": k, "libelle": lib,
            "clause": f"Annexe {k}",
            "statut": rng.choice(("constitue", "actif", "actif", "clos")),
            "engagements": members,
            "objectifs": [OBJECTIVES[(k - 1) % len(OBJECTIVES)]],
            "journal": [{"date": day, "texte": Quoted(rng.choice(JOURNAL_TEXTS)),
                         "source": f"relevé de décisions du {day.isoformat()}"}
                        for day in days],
        })
    return {"groupes_travail": groupes}


def reunions_file(rng: random.Random, n: int) -> dict[str, Any]:
    reunions = []
    count = 12 + n // 100
    slugs = [slug for _lib, slug in THEMES]
    for k in range(1, count + 1):
        ident = f"reu-{k:04d}"
        day = random_day(rng, FIRST_ACTIVITY, date(2026, 3, 31))
        instance = ("commission", "groupe_travail", "referents")[k % 3]
        reunion: dict[str, Any] = {"id": ident, "instance": instance}
        if instance == "groupe_travail":
            reunion["groupe_travail"] = f"gt-{rng.choice(slugs)}"
        reunion["date"] = day
        reunion["lieu"] = rng.choice(("Paris", "visioconférence", "Saint-Denis", "Fort-de-France"))
        reunion["participants"] = ["DGOM", "UNML", rng.choice(("ARML Réunion",
                                                               "ARML Antilles-Guyane"))]
        reunion["source"] = f"compte rendu du {day.isoformat()}"
        reunion["decisions"] = [
            {"id": f"{ident}-dec-{j}", "texte": libelle(rng)} for j in range(1, k % 3 + 1)
        ]
        actions = []
        for j in range(1, (k + 1) % 3 + 1):
            action: dict[str, Any] = {
                "id": f"{ident}-act-{j}", "texte": libelle(rng),
                "responsable": rng.choice(("dgom", "unml")),
                "echeance": day + timedelta(days=rng.randint(30, 120)),
            }
            if j == 1:
                action["cloture"] = day + timedelta(days=rng.randint(5, 29))
                action["preuves"] = [{"libelle": "Compte rendu diffusé",
                                      "url": f"https://example.org/comptes-rendus/{ident}.pdf",
                                      "date": action["cloture"]}]
            actions.append(action)
        reunion["actions"] = actions
        reunions.append(reunion)
    return {"reunions": reunions}

"""No JSON output of any command shows a record dated after ``--as-of`` (« Le temps juste »).

Registries are generated: journal entries (with statuses, links to échéances and the
party they attest), meetings with actions and their closings, indicator measurements,
innovation projects and evaluation requests with their journals, a referent history
and avenants (some of them prorogations).
Every record date falls on a day of the month (2 to 16, 19 to 27) that no deadline of
the agreement uses (quarter ends, 30 June, 17 and 18 July, 17 January) and action
deadlines fall on the 28th: so any such date found in an output is a record's, and must
not lie after ``--as-of``. Deadlines themselves may of course be in the future.
"""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.casefolders import BASE
from tests.conftest import RunCli, copy_registry

RECORD_DAYS = [*range(2, 17), *range(19, 28)]
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
LINKS = ["bilan-annuel-2023", "bilan-annuel-2024", "commission-2024-t2",
         "communication-2023-2024", "bilan-pluriannuel", None, None]


@st.composite
def record_dates(draw: st.DrawFn) -> date:
    year = draw(st.integers(2023, 2026))
    month = draw(st.integers(8 if year == 2023 else 1, 6 if year == 2026 else 12))
    return date(year, month, draw(st.sampled_from(RECORD_DAYS)))


@st.composite
def journal_entries(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Entries of a joint engagement: a status names the party it attests (PRV002),
    « réalisé » both of them."""
    entries = draw(st.lists(st.fixed_dictionaries({
        "date": record_dates(),
        "statut": st.sampled_from([None, "en_cours", "realise"]),
        "echeance": st.sampled_from(LINKS),
        "parties": st.sampled_from([["unml"], ["dgom"], ["dgom", "unml"]]),
    }), max_size=4))
    for entry in entries:
        if entry["statut"] == "realise":
            entry["parties"] = ["dgom", "unml"]
    return sorted(entries, key=lambda e: e["date"])


@st.composite
def meetings(draw: st.DrawFn) -> list[dict[str, Any]]:
    days = sorted(set(draw(st.lists(record_dates(), max_size=4))))
    result = []
    for index, day in enumerate(days):
        deadline = (day + timedelta(days=draw(st.integers(20, 120)))).replace(day=28)
        closing = draw(st.one_of(st.none(), record_dates()))
        if closing is not None and closing < day:
            closing = None
        result.append({"id": f"cu-{index}", "date": day, "echeance": deadline,
                       "cloture": closing, "responsable": draw(st.sampled_from(["unml",
                                                                                 "dgom"]))})
    return result


PROJET_STATUTS = ["relaye", "en_instruction", "retenu"]
EVALUATION_STATUTS = ["en_examen", "acceptee", "realisee"]


@st.composite
def suivis(draw: st.DrawFn, statuses: list[str]) -> list[dict[str, Any]]:
    """Projects or evaluation requests: a date, then journal entries on or after it."""
    records = []
    for _ in range(draw(st.integers(1, 2))):
        day = draw(record_dates())
        later = sorted(d for d in draw(st.lists(record_dates(), max_size=2)) if d >= day)
        records.append({"date": day, "journal": [
            {"date": d, "statut": draw(st.sampled_from([None, *statuses]))} for d in later]})
    return records


@st.composite
def avenants(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Avenants in signature order; a prorogation extends by one more year each time."""
    days = sorted(set(draw(st.lists(record_dates(), max_size=2))))
    result = []
    prorogations = 0
    for day in days:
        until = None
        if draw(st.booleans()):
            prorogations += 1
            until = date(2026 + prorogations, 7, 17)
        result.append({"date": day, "prorogation": until})
    return result


def _suivi_yaml(key: str, records: list[dict[str, Any]], first: str) -> str:
    if not records:
        return ""
    text = f"{key}:\n"
    for n, record in enumerate(records):
        noted = [e["statut"] for e in record["journal"] if e["statut"]]
        text += (f"  - id: {key[:-1]}-{n}\n"
                 + (f"    titre: Projet généré {n}\n    territoire: la-reunion\n"
                    "    groupe_travail: gt-1\n" if key == "projets"
                    else f"    objet: Demande générée {n}\n")
                 + "    mission_locale: ml-reunion-nord\n"
                 f"    date: {record['date'].isoformat()}\n"
                 f"    source: Courriel {n}\n"
                 f"    statut: {noted[-1] if noted else first}\n")
        text += _journal_yaml([{**e, "echeance": None, "parties": []}
                               for e in record["journal"]], "    ")
    return text


def _referents_yaml(days: list[date]) -> str:
    if not days:
        return ""
    return "      personnes:\n" + "".join(
        f"        - {{nom: Référent généré {n}, depuis: {day.isoformat()}, source: "
        f"Courriel {n}}}\n" for n, day in enumerate(days))


def _avenants_yaml(items: list[dict[str, Any]]) -> str:
    if not items:
        return ""
    text = "  avenants:\n"
    for n, avenant in enumerate(items):
        text += (f"    - id: avenant-{n + 1}\n"
                 f"      date_signature: {avenant['date'].isoformat()}\n"
                 f"      objet: Avenant généré {n + 1}\n"
                 f"      source: Avenant n° {n + 1}\n")
        if avenant["prorogation"]:
            text += f"      prorogation_jusqu_au: {avenant['prorogation'].isoformat()}\n"
    return text


def _journal_yaml(entries: list[dict[str, Any]], indent: str) -> str:
    if not entries:
        return f"{indent}journal: []\n"
    text = f"{indent}journal:\n"
    for n, entry in enumerate(entries):
        text += (f"{indent}  - date: {entry['date'].isoformat()}\n"
                 f"{indent}    texte: Entrée générée {n}\n"
                 f"{indent}    source: Compte rendu {n}\n")
        if entry["statut"]:
            text += f"{indent}    statut: {entry['statut']}\n"
        if entry["echeance"]:
            text += f"{indent}    echeance: {entry['echeance']}\n"
        if entry["parties"]:
            text += f"{indent}    parties: [{', '.join(entry['parties'])}]\n"
    return text


def write_registry(
    target: Path, relayer: list[dict[str, Any]], joint: list[dict[str, Any]],
    reunions: list[dict[str, Any]], measures: list[date],
    projets: list[dict[str, Any]] | None = None,
    evaluations: list[dict[str, Any]] | None = None,
    referents: list[date] | None = None, avenant_list: list[dict[str, Any]] | None = None,
) -> Path:
    data = copy_registry(BASE, target)
    parties = data / "parties.yaml"
    dgom = "      adresse_generique: {confiance: non_verifie, note: Non publiée.}\n"
    text = parties.read_text(encoding="utf-8")
    assert dgom in text
    parties.write_text(text.replace(dgom, dgom + _referents_yaml(sorted(set(referents or []))),
                                    1), encoding="utf-8")
    convention = data / "convention.yaml"
    convention.write_text(convention.read_text(encoding="utf-8")
                          + _avenants_yaml(avenant_list or []), encoding="utf-8")

    def last_status(entries: list[dict[str, Any]]) -> str:
        noted = [e["statut"] for e in entries if e["statut"]]
        return noted[-1] if noted else "non_renseigne"

    mesures = "".join(
        f"          - {{date: {day.isoformat()}, valeur: {n}, source: Tableau {n}}}\n"
        for n, day in enumerate(sorted(measures)))
    (data / "engagements.yaml").write_text(
        "engagements:\n"
        "  - id: unml-relayer\n"
        "    parties: [unml]\n"
        "    clause: II\n"
        "    libelle: Relayer les problématiques des missions locales\n"
        "    objectifs: [obj-1]\n"
        "    recurrence: au_fil_de_l_eau\n"
        f"    statut: {last_status(relayer)}\n"
        "    indicateurs:\n"
        "      - id: ind-notes\n"
        "        libelle: Notes transmises\n"
        "        type: quantitatif\n"
        "        cible: 4\n"
        "        periode: annuelle\n"
        + (f"        mesures:\n{mesures}" if measures else "")
        + _journal_yaml([{**e, "parties": []} for e in relayer], "    ")
        + "  - id: dgom-ladom\n"
        "    parties: [dgom, unml]\n"
        "    clause: II\n"
        "    libelle: Accord-cadre LADOM\n"
        "    objectifs: [obj-1]\n"
        "    echeance: 2024-06-30\n"
        f"    statut: {last_status(joint)}\n"
        "    qualitatif: true\n"
        + _journal_yaml(joint, "    ")
        + _suivi_yaml("projets", projets or [], "repere")
        + _suivi_yaml("evaluations", evaluations or [], "recue"),
        encoding="utf-8")
    text = "reunions:\n" if reunions else "reunions: []\n"
    for reunion in reunions:
        text += (f"  - id: {reunion['id']}\n"
                 "    instance: commission\n"
                 f"    date: {reunion['date'].isoformat()}\n"
                 "    source: Compte rendu de la commission\n"
                 "    actions:\n"
                 f"      - id: action-{reunion['id']}\n"
                 "        texte: Action décidée\n"
                 f"        responsable: {reunion['responsable']}\n"
                 f"        echeance: {reunion['echeance'].isoformat()}\n")
        if reunion["cloture"]:
            text += f"        cloture: {reunion['cloture'].isoformat()}\n"
    (data / "reunions.yaml").write_text(text, encoding="utf-8")
    return data


COMMANDS = [
    ["status", "-f", "json"],
    ["echeances", "-f", "json"],
    ["engagements", "-f", "json"],
    ["engagement", "unml-relayer", "-f", "json"],
    ["engagement", "dgom-ladom", "-f", "json"],
    ["gt", "-f", "json"],
    ["gt", "gt-1", "-f", "json"],
    ["territoire", "la-reunion", "-f", "json"],
    ["territoires", "-f", "json"],
    ["export", "-f", "json"],
    ["export", "--public", "-f", "json"],
]


def record_dates_in(text: str) -> list[date]:
    """ISO dates in ``text`` that can only be a record's (see the module docstring)."""
    found = []
    for year, month, day in ISO.findall(text):
        if int(day) in RECORD_DAYS:
            found.append(date(int(year), int(month), int(day)))
    return found


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(relayer=journal_entries(), joint=journal_entries(), reunions=meetings(),
       measures=st.lists(record_dates(), max_size=3),
       projets=suivis(PROJET_STATUTS), evaluations=suivis(EVALUATION_STATUTS),
       referents=st.lists(record_dates(), max_size=3), avenant_list=avenants(),
       as_of=st.dates(date(2023, 6, 1), date(2027, 6, 1)))
def test_no_json_output_shows_a_record_after_as_of(
    run_cli: RunCli, relayer: list[dict[str, Any]], joint: list[dict[str, Any]],
    reunions: list[dict[str, Any]], measures: list[date], projets: list[dict[str, Any]],
    evaluations: list[dict[str, Any]], referents: list[date],
    avenant_list: list[dict[str, Any]], as_of: date,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = write_registry(Path(folder) / "data", relayer, joint, reunions, measures,
                              projets, evaluations, referents, avenant_list)
        for command in COMMANDS:
            result = run_cli(*command, "--data", str(data), "--as-of", as_of.isoformat())
            assert result.code == 0, (command, result.err)
            json.loads(result.out)
            late = [d for d in record_dates_in(result.out) if d > as_of]
            assert not late, (command, as_of, late)

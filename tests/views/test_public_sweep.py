"""The confidentiality sweep: no public output shows a confidential record or a person.

Confidential tokens are planted in every kind of record (journal entry of an engagement
and of a working group, meeting, decision, action, preuve, confidential engagement,
authors, participants, local paths, named persons); every public command and format is
run, and none of them may show a token. The counter-test runs the internal outputs and
proves every token is there: the sweep would see a leak.

To add an output, add ONE line to ``PUBLIC_OUTPUTS`` (and, if it has an internal
variant, to ``INTERNAL_OUTPUTS``): the command line with ``{data}`` for the registry
folder and ``{out}`` for an empty folder to write into (``-o {out}/x.docx``,
``--ics {out}/e.ics``, ``site -o {out}/site``). Standard output and every file written
under ``{out}`` are searched; zip containers (DOCX, ODT, XLSX) are searched member by
member, iCalendar lines are unfolded first.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from contextlib import redirect_stdout
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from convention_cli.cli.app import main
from convention_cli.vocab import french_spacing
from tests.paths import CASES
from tests.ruamel_roundtrip import round_trip_yaml

AS_OF = "2025-03-01"

# --- what is planted ----------------------------------------------------------------------

CONFIDENTIAL_MEETING_DATE = ("2024-08-27", "27 août 2024", "20240827", "27/08/2024")
CONFIDENTIAL_ENTRY_DATE = ("2024-07-09", "9 juillet 2024", "20240709", "09/07/2024")
CONFIDENTIAL_GROUP_ENTRY_DATE = ("2024-05-07", "7 mai 2024", "20240507", "07/05/2024")
CONFIDENTIAL_CLOSING_DATE = ("2024-05-14", "14 mai 2024", "20240514", "14/05/2024")

TOKENS: dict[str, tuple[str, ...]] = {
    # a confidential journal entry of an engagement, which honours an échéance
    "engagement journal text": ("zqxjournaltexte",),
    "engagement journal author": ("zqxjournalauteur",),
    "engagement journal source": ("zqxjournalsource",),
    "engagement journal preuve": ("zqxjournalpreuve",),
    "engagement journal date": CONFIDENTIAL_ENTRY_DATE,
    # a confidential journal entry of a working group
    "group journal text": ("zqxgroupetexte",),
    "group journal author": ("zqxgroupeauteur",),
    "group journal date": CONFIDENTIAL_GROUP_ENTRY_DATE,
    # a confidential commission meeting, which holds its quarter
    "meeting id": ("commission-zqxreunion",),
    "meeting place": ("zqxreunionlieu",),
    "meeting participant": ("zqxreunionparticipant",),
    "meeting source": ("zqxreunionsource",),
    "meeting decision": ("zqxreuniondecision",),
    "meeting action": ("zqxreunionaction",),
    "meeting date": CONFIDENTIAL_MEETING_DATE,
    # confidential decision and action of a public meeting
    "decision text": ("zqxdecisiontexte",),
    "decision id": ("decision-zqxdecision",),
    "action text": ("zqxactiontexte",),
    "action id": ("action-zqxaction",),
    "action closing date": CONFIDENTIAL_CLOSING_DATE,
    # a confidential engagement
    "engagement id": ("zqxengagement-id",),
    "engagement title": ("zqxengagementlibelle",),
    # in public records: a person as author, a participant, a local path
    "public entry author": ("zqxpersonneauteur",),
    "public meeting participant": ("zqxpersonneparticipant",),
    "local path": ("zqxchemin",),
    "local path of an engagement's preuve": ("zqxpreuvelocale",),
    # a fact of confidence « faible » (a town) and one of confidence « moyenne »
    "low-confidence fact": ("Zqxvillefaible",),
    "medium-confidence fact": ("Zqxvillemoyenne",),
    "medium-confidence alias": ("Zqxaliasmoyen",),
    # named persons of the parties
    "referent person": ("Camille ARNAUD-SECRET",),
    "representative": ("Sophie BROCAS",),
    "representative ": ("Stéphane VALLI",),
    # a confidential measurement, innovation project and evaluation request (issue 11)
    "measurement": ("zqxmesuresource", "zqxmesurecommentaire"),
    "project": ("zqxprojet-id", "zqxprojettitre", "zqxprojetsource"),
    "evaluation request": ("zqxevaluation-id", "zqxevaluationobjet"),
}


def _edit_yaml(data: Path, name: str, change: Any) -> None:
    """Change one data file's tree in place, through the round-trip YAML writer."""
    yaml = round_trip_yaml()
    path = data / f"{name}.yaml"
    tree = yaml.load(path.read_text(encoding="utf-8"))
    change(tree)
    out = io.StringIO()
    yaml.dump(tree, out)
    path.write_text(out.getvalue(), encoding="utf-8")


def _plant(data: Path) -> None:
    def edit(name: str, change: Any) -> None:
        _edit_yaml(data, name, change)

    def engagements(tree: Any) -> None:
        by_id = {e["id"]: e for e in tree["engagements"]}
        by_id["bilan-annuel"]["journal"].append({
            "date": "2024-07-09", "texte": "zqxjournaltexte", "auteur": "zqxjournalauteur",
            "source": "zqxjournalsource", "echeance": "communication-2023-2024",
            "preuves": [{"libelle": "zqxjournalpreuve", "url": "https://example.org/zqx"}],
            "confidentiel": True})
        by_id["unml-relayer"].setdefault("preuves", []).append(
            {"libelle": "Dossier de presse", "url": "zqxpreuvelocale/dossier.pdf"})
        by_id["unml-relayer"]["indicateurs"][0]["mesures"].append({
            "date": "2024-09-30", "valeur": 2, "source": "zqxmesuresource",
            "commentaire": "zqxmesurecommentaire", "confidentiel": True})
        tree["projets"] = [{
            "id": "zqxprojet-id", "titre": "zqxprojettitre", "territoire": "la-reunion",
            "date": "2024-06-03", "source": "zqxprojetsource", "confidentiel": True}]
        tree["evaluations"] = [{
            "id": "zqxevaluation-id", "objet": "zqxevaluationobjet",
            "mission_locale": "ml-reunion-nord", "date": "2024-10-01",
            "source": "Courrier", "confidentiel": True}]
        by_id["unml-relayer"]["journal"].append({
            "date": "2024-11-05", "texte": "Note publique transmise.",
            "auteur": "zqxpersonneauteur", "source": "Tableau de suivi",
            "preuves": [{"libelle": "Note", "url": "zqxchemin/note.pdf"}]})
        tree["engagements"].append({
            "id": "zqxengagement-id", "parties": ["dgom"], "clause": "II",
            "libelle": "zqxengagementlibelle", "objectifs": ["obj-1"], "echeance": "2025-01-31",
            "statut": "en_cours", "qualitatif": True, "confidentiel": True,
            "journal": [{"date": "2024-12-02", "texte": "zqxengagementlibelle suivi",
                         "source": "zqxengagementlibelle relevé", "statut": "en_cours"}]})

    def groupes(tree: Any) -> None:
        tree["groupes_travail"][0]["journal"].append({
            "date": "2024-05-07", "texte": "zqxgroupetexte", "auteur": "zqxgroupeauteur",
            "confidentiel": True})

    def reunions(tree: Any) -> None:
        first = tree["reunions"][0]
        first["participants"].append("zqxpersonneparticipant")
        first["decisions"].append({"id": "decision-zqxdecision", "texte": "zqxdecisiontexte",
                                   "confidentiel": True})
        first["actions"].append({"id": "action-zqxaction", "texte": "zqxactiontexte",
                                 "responsable": "unml", "echeance": "2024-06-30",
                                 "cloture": "2024-05-14", "confidentiel": True})
        tree["reunions"].append({
            "id": "commission-zqxreunion", "instance": "commission", "date": "2024-08-27",
            "lieu": "zqxreunionlieu", "participants": ["zqxreunionparticipant"],
            "source": "zqxreunionsource",
            "decisions": [{"id": "decision-zqxreunion", "texte": "zqxreuniondecision"}],
            "actions": [{"id": "action-zqxreunion", "texte": "zqxreunionaction",
                         "responsable": "dgom", "echeance": "2025-04-30"}],
            "confidentiel": True})

    def territoires(tree: Any) -> None:
        nord, est = tree["territoires"][0]["missions_locales"][:2]
        nord["ville_siege"] = {"valeur": "Zqxvillefaible", "confiance": "faible",
                               "source": "Presse"}
        est["ville_siege"] = {"valeur": "Zqxvillemoyenne", "confiance": "moyenne",
                              "source": "Presse"}
        # a designation naming its seat: the town's confidence still rules
        est["designation"] = "Mission Locale Est (Zqxvillemoyenne)"

    def parties(tree: Any) -> None:
        tree["parties"][0]["alias"] = [{"nom": "Zqxaliasmoyen", "depuis": "2024",
                                        "source": "Presse", "confiance": "moyenne"}]

    edit("engagements", engagements)
    edit("territoires", territoires)
    edit("parties", parties)
    edit("groupes_travail", groupes)
    edit("reunions", reunions)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("sweep") / "data"
    shutil.copytree(CASES / "documents" / "data", data)
    _plant(data)
    assert main(["validate", "--data", str(data)]) == 0
    return data


# --- the outputs ---------------------------------------------------------------------------

PUBLIC_OUTPUTS: tuple[tuple[str, ...], ...] = (
    ("echeances", "--public", "--as-of", AS_OF),
    ("echeances", "--public", "--as-of", AS_OF, "--format", "json"),
    ("echeances", "--public", "--as-of", AS_OF, "--format", "markdown"),
    ("echeances", "--public", "--as-of", AS_OF, "--ics", "{out}/echeances.ics"),
    ("agenda", "--public", "--trimestre", "2024-T3"),
    ("agenda", "--public", "--date", "2024-09-10", "-o", "{out}/agenda.md"),
    ("agenda", "--public", "--trimestre", "2024-T2", "--instance", "gt:gt-1"),
    ("agenda", "--public", "--trimestre", "2025-T1"),
    ("bilan", "--public", "--annee", "2024"),
    ("bilan", "--public", "--annee", "2024", "--as-of", AS_OF),
    ("bilan", "--public", "--pluriannuel"),
    ("passation", "--public", "--partie", "dgom", "--as-of", AS_OF),
    ("passation", "--public", "--partie", "unml", "--as-of", AS_OF),
    ("communication", "--annee", "2024"),
    ("communication", "--annee", "2024", "--as-of", AS_OF),
    ("bilan", "--public", "--annee", "2024", "-o", "{out}/bilan.docx"),
    ("bilan", "--public", "--pluriannuel", "-o", "{out}/bilan.odt"),
    ("passation", "--public", "--partie", "dgom", "--as-of", AS_OF, "-o", "{out}/p.html"),
    ("communication", "--annee", "2024", "-o", "{out}/communication.docx"),
    ("releve", "commission-2024-t1", "--public", "--as-of", AS_OF),
    ("releve", "commission-2024-t1", "--public", "--as-of", AS_OF, "-o", "{out}/r.odt"),
    ("releve", "commission-2024-t1", "--public", "--as-of", AS_OF, "-o", "{out}/r.docx"),
    ("agenda", "--public", "--date", "2024-09-10", "-o", "{out}/agenda.odt"),
    ("agenda", "--public", "--date", "2024-09-10", "-o", "{out}/agenda.html"),
    ("bilan", "--public", "--annee", "2024", "-o", "{out}/bilan.html"),
    ("passation", "--public", "--partie", "unml", "--as-of", AS_OF, "-o", "{out}/p.docx"),
    ("communication", "--annee", "2024", "-o", "{out}/communication.html"),
    ("communication", "--annee", "2025", "--as-of", "2025-12-31", "-o", "{out}/c.odt"),
    ("site", "-o", "{out}/site", "--as-of", AS_OF),
    ("export", "--public", "--as-of", AS_OF, "--format", "xlsx", "-o", "{out}/registre.xlsx"),
    ("export", "--public", "--as-of", AS_OF, "--format", "csv", "-o", "{out}/csv"),
    ("export", "--public", "--as-of", AS_OF, "--format", "json"),
)
"""Every public output: one line each (``{data}`` is added as ``--data``)."""

INTERNAL_OUTPUTS: tuple[tuple[str, ...], ...] = (
    ("echeances", "--as-of", AS_OF, "--format", "json"),
    ("echeances", "--as-of", AS_OF, "--ics", "{out}/echeances.ics"),
    ("bilan", "--annee", "2024", "--as-of", AS_OF),
    ("bilan", "--annee", "2024", "--as-of", AS_OF, "-o", "{out}/bilan.docx"),
    ("passation", "--partie", "dgom", "--as-of", AS_OF),
    ("passation", "--partie", "unml", "--as-of", AS_OF),
    ("export", "--format", "json"),
    ("export", "--as-of", AS_OF, "--format", "xlsx", "-o", "{out}/registre.xlsx"),
)
"""Internal outputs: together they must show every planted token."""


def run_output(args: tuple[str, ...], data: Path, out: Path) -> str:
    """Run one output; its standard output and every file it wrote, as one text."""
    out.mkdir(parents=True, exist_ok=True)
    argv = [a.replace("{out}", str(out)).replace("{data}", str(data)) for a in args]
    stdout = io.StringIO()
    with redirect_stdout(stdout):
        code = main([*argv, "--data", str(data)])
    assert code == 0, (argv, stdout.getvalue())
    texts = [stdout.getvalue()]
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        texts.append(read_output_file(path))
    return "\n".join(texts)


def _workbook_cells(path: Path) -> str:
    """Every cell of a workbook as text, dates as ISO dates (stored as serial numbers, they
    would escape a search of the XML)."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    cells: list[str] = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells.extend(value.isoformat()[:10] if isinstance(value, date | datetime)
                         else str(value) for value in row if value is not None)
    workbook.close()
    return "\n".join(cells)


def read_output_file(path: Path) -> str:
    payload = path.read_bytes()
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            members = [archive.read(name).decode("utf-8", "replace")
                       for name in archive.namelist()]
        return "\n".join([_workbook_cells(path), *members])
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace")
                             for name in archive.namelist())
    text = payload.decode("utf-8", "replace")
    if path.suffix == ".ics":
        text = text.replace("\r\n ", "").replace("\r\n\t", "")
    return text


def _found(text: str) -> list[str]:
    folded = text.casefold()
    return [f"{kind}: {token}" for kind, tokens in TOKENS.items() for token in tokens
            if token.casefold() in folded]


@pytest.mark.parametrize("args", PUBLIC_OUTPUTS, ids=" ".join)
def test_public_output_shows_nothing_confidential(
    args: tuple[str, ...], planted: Path, tmp_path: Path
) -> None:
    text = run_output(args, planted, tmp_path / "out")
    assert _found(text) == []


def test_internal_outputs_show_every_token(planted: Path, tmp_path: Path) -> None:
    texts = [run_output(args, planted, tmp_path / f"out{i}")
             for i, args in enumerate(INTERNAL_OUTPUTS)]
    seen = {found.split(": ")[0] for found in _found("\n".join(texts))}
    assert set(TOKENS) - seen == set()


def test_confidential_record_still_honours_in_public(planted: Path, tmp_path: Path) -> None:
    """The quarter held by the confidential meeting and the échéance honoured by the
    confidential entry are « honorée », without date, origin or meeting."""
    text = run_output(("echeances", "--public", "--as-of", AS_OF, "--format", "json"),
                      planted, tmp_path / "out")
    by_id = {e["id"]: e for e in json.loads(text)["echeances"]}
    for ident in ("commission-2024-t3", "communication-2023-2024"):
        assert by_id[ident]["etat"] == "honorée"
        assert by_id[ident]["honoree_le"] is None
        assert by_id[ident]["honoree_par"] is None
        assert by_id[ident]["reunion"] is None
    internal = run_output(("echeances", "--as-of", AS_OF, "--format", "json"),
                          planted, tmp_path / "out2")
    by_id = {e["id"]: e for e in json.loads(internal)["echeances"]}
    assert by_id["commission-2024-t3"]["reunion"] == "commission-zqxreunion"
    assert by_id["communication-2023-2024"]["honoree_le"] == "2024-07-09"


def test_public_site_names_what_ids_stand_for(planted: Path, tmp_path: Path) -> None:
    """A public page names a cited source by its publisher, an honoured échéance by its
    label, a reading as « lecture : … » (no field key), never by an id."""
    import re

    data = tmp_path / "data"
    shutil.copytree(planted, data)

    def edit(name: str, change: Any) -> None:
        _edit_yaml(data, name, change)

    def convention(tree: Any) -> None:
        tree["bibliographie"] = [{
            "id": "presse-zqx", "titre": "Article Zqx", "editeur": "Éditions Zqx",
            "adresse": "https://example.org/a", "appuie": "un relais", "confiance": "haute"}]

    def engagements(tree: Any) -> None:
        relayer = {e["id"]: e for e in tree["engagements"]}["unml-relayer"]
        relayer["journal"].append({"date": "2024-11-06", "texte": "Relais presse.",
                                   "source": "[presse-zqx]"})
        relayer["lectures"] = [{"champ": "statut", "motif": "motif zqx du registre"}]
        relayer["sources"] = ["[presse-zqx] (relais)"]

    edit("convention", convention)
    edit("engagements", engagements)
    text = run_output(("site", "-o", "{out}/site", "--as-of", AS_OF), data, tmp_path / "out")
    assert "Éditions Zqx" in text
    assert "[presse-zqx]" not in text
    assert "Article Zqx, (relais)" in text  # the engagement's own sources
    assert "Honore l'échéance Bilan annuel 2023." in text
    assert re.search(r"Honore l'échéance [a-z0-9-]+\.", text) is None
    assert french_spacing("lecture : motif zqx du registre") in text
    assert "statut — lecture" not in text

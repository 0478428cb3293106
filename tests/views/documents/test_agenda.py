"""``convention agenda``: exact documents on the fixture registry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from convention_cli.errors import UsageError
from convention_cli.views.documents.agenda import (
    item_hour,
    local_times,
    parse_item_options,
    parse_quarter,
)
from tests.conftest import RegistryCopy, RunCli
from tests.formats.office import docx_outline, html_outline, odt_outline
from tests.paths import ROOT
from tests.views.documents.support import (
    FIXTURE,
    assert_commonmark_tables,
    assert_nothing_confidential,
    check_golden,
    plain,
)

VARIANTS = {
    "agenda-commission": ["--date", "2024-06-10", "--heure", "14:00", "--as-of", "2024-06-10"],
    "agenda-commission-public": ["--date", "2024-06-10", "--public", "--as-of", "2024-06-10"],
    "agenda-trimestre": ["--trimestre", "2026-T4", "--as-of", "2026-10-01"],
    "agenda-gt": ["--date", "2024-06-10", "--instance", "gt:gt-1", "--as-of", "2024-06-10"],
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_agenda_golden(name: str, registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("agenda", "--data", str(data), *VARIANTS[name])
    check_golden(name, text, data)
    assert_commonmark_tables(text)
    if "--public" in VARIANTS[name]:
        assert_nothing_confidential(text)


def test_private_agenda_does_show_confidential_items(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("agenda", "--data", str(data), "--date", "2024-06-10")
    assert "CONFIDENTIEL-DECISION" in text  # so the public test above proves something


def test_local_times_follow_daylight_saving() -> None:
    winter = {h.lieu.split(" ")[0]: h for h in local_times(date(2026, 1, 15), "10:00")}
    summer = {h.lieu.split(" ")[0]: h for h in local_times(date(2026, 7, 15), "10:00")}
    assert (winter["Paris"].heure, winter["Antilles"].heure) == ("10 h 00", "5 h 00")
    assert (summer["Paris"].heure, summer["Antilles"].heure) == ("10 h 00", "4 h 00")
    assert summer["La"].heure == "12 h 00"
    late = {h.lieu.split(" ")[0]: h for h in local_times(date(2026, 1, 15), "01:30")}
    assert late["Antilles"].jour == "la veille"


@pytest.mark.parametrize("bad", ["2026-Q4", "2026-T5", "T4-2026"])
def test_bad_quarter(bad: str) -> None:
    with pytest.raises(UsageError, match="AAAA-Tn"):
        parse_quarter(bad)


def test_bad_hour() -> None:
    with pytest.raises(UsageError, match="HH:MM"):
        local_times(date(2026, 1, 15), "25:00")


def test_output_file_is_written_atomically(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    target = tmp_path / "sortie" / "odj.md"
    assert run_cli.ok("agenda", "--data", str(data), "--trimestre", "2024-T2", "-o",
                   str(target)) == ""
    assert plain(target.read_text(encoding="utf-8")).startswith(
        "# Convention de test (DGOM × UNML) : ordre du jour de la Commission ultramarine")
    assert [p.name for p in target.parent.iterdir()] == ["odj.md"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--date", "2024-06-10", "--trimestre", "2024-T2"], 2, "s'excluent"),
        ([], 2, "indiquez --date ou --trimestre"),
        (["--trimestre", "2024-T2", "--heure", "10:00"], 2, "--heure demande"),
        (["--date", "2024-06-10", "--instance", "gt:gt-9"], 1, "vouliez-vous dire"),
        (["--date", "2024-06-10", "--instance", "bureau"], 2, "commission ou gt:ID"),
        (["--date", "2024-06-10", "--horaire", "14:00"], 2,
         'attendu N=VALEUR, N étant le numéro du point (par exemple --horaire "3=14:30")'),
        (["--date", "2024-06-10", "--intervenant", "DGOM"], 2,
         '(par exemple --intervenant "3=Référent DGOM")'),
        (["--date", "2024-06-10", "--horaire", "3=quinze heures"], 2, "attendu N=HH:MM"),
        (["--date", "2024-06-10", "--horaire", "9=14:00"], 2, "l'ordre du jour compte 8 points"),
        (["--date", "2024-06-10", "--intervenant", "2=A", "--intervenant", "2=B"], 2,
         "deux fois pour le point 2"),
        (["--date", "2024-06-10", "--instance", "gt:gt-1", "--intervenant", "7=DGOM"], 2,
         "6 points (1 à 6)"),
    ],
)
def test_agenda_errors(
    args: list[str], code: int, message: str, run_cli: RunCli, registry_copy: RegistryCopy
) -> None:
    data = registry_copy(FIXTURE)
    result = run_cli("agenda", "--data", data, *args)
    assert result.code == code
    assert message in result.err


def test_item_options() -> None:
    assert parse_item_options(("1=14:00", " 3 = Référent DGOM "), "--x", "1=y") == {
        1: "14:00", 3: "Référent DGOM"}
    assert item_hour("9:05") == "9 h 05"
    assert item_hour("14 h 30") == "14 h 30"
    assert item_hour("14h30") == "14 h 30"


# --- an agenda after a quarter recorded through the command line ---------------------------

AFTER = "2024-06-10"
"""The as-of day: the agenda of the commission of 13 June 2024, prepared on 10 June."""
AGENDA_ARGS = ["--date", "2024-06-13", "--heure", "14:00", "--as-of", AFTER,
               "--lieu", "https://visio.example.org/commission",
               "--horaire", "1=14:00", "--horaire", "3=14:15", "--horaire", "7=15:30",
               "--intervenant", "3=Secrétariat de la commission",
               "--intervenant", "7=Référent DGOM"]


def _record_quarter(run_cli: RunCli, data: Path) -> None:
    """What happened after the commission of 12 March 2024, then records dated after the
    as-of day (which the agenda must not show)."""
    def ok(*args: str) -> None:
        run_cli.ok(*args, "--data", str(data))

    ok("journal", "add", "dgom-ladom", "--texte", "Premier échange avec LADOM", "--date",
       "2024-04-20", "--source", "Courriel de la DGOM", "--statut", "en_cours")
    ok("journal", "add", "gt-2", "--texte", "Groupe constitué, lettre de mission envoyée",
       "--date", "2024-05-02", "--source", "Relevé du groupe", "--statut", "constitue")
    ok("mesure", "add", "ind-notes", "--valeur", "3", "--date", "2024-05-15", "--source",
       "Tableau de suivi de l’UNML")
    ok("referent", "set", "dgom", "--nom", "Alex DURAND", "--fonction", "Chef de bureau",
       "--depuis", "2024-05-01", "--source", "Courriel de la DGOM du 30 avril 2024")
    # after the as-of day: cut
    ok("journal", "add", "dgom-ladom", "--texte", "ZZ-APRES accord signé", "--date",
       "2024-06-12", "--source", "Courriel", "--statut", "realise")
    ok("mesure", "add", "ind-notes", "--valeur", "99", "--date", "2024-06-11", "--source",
       "ZZ-APRES tableau")
    ok("referent", "set", "dgom", "--nom", "ZZ-APRES Personne", "--depuis", "2024-06-11",
       "--source", "Courriel")
    ok("action", "close", "action-note-logement", "--date", "2024-06-11")


@pytest.mark.parametrize("public", [False, True], ids=["interne", "public"])
def test_agenda_since_last_commission_golden(
    public: bool, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """Title with the convention's name, video link, time and presenter per item,
    referents in office, « Depuis la dernière commission » (journal, statuses, actions,
    measurements, newly late échéances) and the next deliverables whatever their
    distance; nothing dated after --as-of."""
    data = registry_copy(FIXTURE)
    _record_quarter(run_cli, data)
    text = run_cli.ok("agenda", "--data", str(data), *AGENDA_ARGS,
                      *(["--public"] if public else []))
    check_golden("agenda-depuis-public" if public else "agenda-depuis", text, data)
    assert_commonmark_tables(text)
    assert "ZZ-APRES" not in text
    assert "99" not in text
    if public:
        assert_nothing_confidential(text)
        for person in ("Alex DURAND", "Secrétariat de la commission", "Référent DGOM"):
            assert person not in text


def test_agenda_without_previous_commission_counts_from_signature(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    text = plain(run_cli.ok("agenda", "--data", str(data), "--date", "2024-01-20",
                            "--as-of", "2024-01-16", "--lieu", "Paris, DGOM"))
    assert ("Aucune réunion précédente n’est enregistrée : ce que le registre a enregistré "
            "depuis la signature de la convention, le 18 juillet 2023, jusqu’au 16 janvier "
            "2024 inclus.") in text
    assert "**15 janvier 2024**" in text
    assert "- **Lieu** : Paris, DGOM\n" in text
    # the multi-year bilan, two and a half years ahead, is announced
    assert "| Bilan pluriannuel (atteinte des objectifs) | 30 juin 2026 |" in text


def test_recorded_meeting_gives_the_place(registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    text = plain(run_cli.ok("agenda", "--data", str(data), "--date", "2024-03-12",
                            "--as-of", "2024-03-12"))
    assert "- **Lieu** : Paris\n" in text


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".html"])
def test_new_sections_open_in_office_formats(
    suffix: str, tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    _record_quarter(run_cli, data)
    target = tmp_path / f"ordre-du-jour{suffix}"
    run_cli.ok("agenda", "--data", str(data), *AGENDA_ARGS, "-o", str(target))
    payload = target.read_bytes()
    if suffix == ".html":
        outline = plain(html_outline(payload)[0])
    else:
        outline = plain({".docx": docx_outline, ".odt": odt_outline}[suffix](payload))
    for expected in (
        "Convention de test (DGOM × UNML) : ordre du jour de la Commission ultramarine",
        "3. Depuis la dernière commission",
        "14 h 15 ; intervenant : Secrétariat de la commission",
        "Statuts modifiés", "Mesures d’indicateurs", "Échéances passées en retard",
        "Prochains livrables, quelle que soit leur échéance",
        "| Bilan pluriannuel (atteinte des objectifs) | 30 juin 2026 |",
        "Alex DURAND",
    ):
        assert expected in outline, expected


def test_agenda_of_a_past_meeting_follows_up_earlier_meetings_as_on_the_day_before(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """Read later, the agenda of the 20 November 2024 commission follows up the actions of
    the earlier meetings in their state on 19 November (one closed afterwards is still
    open), never the actions that meeting itself decided."""
    data = registry_copy(ROOT / "data")
    for day in ("2024-03-14", "2024-11-20"):
        run_cli.ok("reunion", "add", "--instance", "commission", "--date", day, "--lieu",
                   "Paris", "--source", f"Relevé du {day}", "--data", data)
    run_cli.ok("action", "add", "commission-2024-03-14", "--texte", "Note ancienne",
               "--responsable", "dgom", "--echeance", "2024-06-15", "--data", data)
    run_cli.ok("action", "close", "commission-2024-03-14-action-1", "--date", "2024-12-02",
               "--data", data)
    run_cli.ok("action", "add", "commission-2024-11-20", "--texte", "Préparer la note",
               "--responsable", "unml", "--echeance", "2024-12-15", "--data", data)
    text = plain(run_cli.ok("agenda", "--data", data, "--date", "2024-11-20", "--as-of",
                            "2025-03-10"))
    follow_up = text.split("## 2. ", 1)[1].split("\n## 3. ", 1)[0]
    assert "| Note ancienne | DGOM | 15 juin 2024 | **en retard** |" in follow_up
    assert "Préparer la note" not in follow_up

"""``convention engagements``, ``engagement``, ``territoires``, ``territoire`` and ``gt``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from convention_cli.views.blocks import Tableau
from tests.casefolders import BASE, materialise
from tests.conftest import RegistryCopy, RunCli
from tests.paths import ROOT

DATA = ROOT / "data"
BOX_DRAWING = re.compile("[\u2500-\u257f]")


@pytest.fixture(autouse=True)
def _wide_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Piped output is 160 columns wide unless COLUMNS says otherwise: fix it."""
    monkeypatch.setenv("COLUMNS", "160")



# --- convention engagement ID ----------------------------------------------------------------

ENGAGEMENT_TEXT = """\
Engagement unml-relayer
Relayer les problématiques des missions locales

  clause      : II
  parties     : UNML (Union nationale des missions locales)
  territoires : tous
  statut      : en cours
  récurrence  : au fil de l'eau

Objectifs
  - Objectif 1 : Connaissance mutuelle (obj-1)

Indicateurs
  - Notes transmises (ind-notes)
      quantitatif ; cible : 4 (période : annuelle)
      aucune mesure

Journal
  - 15 janvier 2024 — Première note transmise
      source : Note du référent UNML
      statut noté : en cours

Preuves
  aucune preuve

Groupes de travail
  - gt-1 : Logement

Peut déboucher sur
  aucun engagement

Sources et notes
  aucune

Échéances au 1er mars 2024
  aucune échéance datée
"""


def test_engagement_text_is_exact(run_cli: RunCli) -> None:
    code, out, err = run_cli("engagement", "unml-relayer", "--data", str(BASE),
                          "--as-of", "2024-03-01")
    assert (code, err) == (0, "")
    assert out == ENGAGEMENT_TEXT


def test_engagement_with_a_deadline_shows_its_state(run_cli: RunCli) -> None:
    _, out, _ = run_cli("engagement", "dgom-ladom", "--data", str(BASE), "--as-of", "2024-07-01")
    assert "  échéance    : 30 juin 2024\n" in out
    assert out.endswith("Échéances au 1er juillet 2024\n"
                        "  - 30 juin 2024 — Accord-cadre LADOM : en retard\n")
    assert "Indicateurs\n  engagement qualitatif : aucun indicateur chiffré\n" in out


def test_engagement_json(run_cli: RunCli) -> None:
    code, out, _ = run_cli("engagement", "dgom-participer-accord-cadre-ladom", "--data",
                        str(DATA), "--as-of", "2026-03-01", "--format", "json")
    payload = json.loads(out)
    eng = payload["engagement"]
    assert code == 0
    assert (payload["format"], payload["as_of"], payload["horizon_jours"]) == (
        1, "2026-03-01", 30)
    assert eng["operateurs"] == [
        {"id": "ladom", "nom": "Agence de l'Outre-mer pour la Mobilité", "sigle": "LADOM"}]
    assert eng["objectifs"] == [{"id": "obj-2", "numero": 2, "libelle": "Solutions concrètes "
                                 "sur des sujets partagés, en coordination avec les acteurs"}]
    assert eng["groupes_travail"] == [{"id": "gt-5", "numero": 5, "libelle": "Mobilités intra "
                                       "et extra-territoriales des jeunes"}]
    assert eng["indicateurs"][0]["derniere_mesure"] is None
    assert eng["echeances"][0]["etat_code"] == "echue_avant_signature"  # 30 June 2023
    assert eng["echeance"] == "2023-06-30"


def test_engagement_markdown(run_cli: RunCli) -> None:
    _, out, _ = run_cli("engagement", "unml-relayer", "--data", str(BASE), "--as-of",
                     "2024-03-01", "-f", "markdown")
    assert out.startswith("# Engagement unml-relayer\n\n*Relayer les problématiques des "
                          "missions locales*\n\n- **clause** : II\n")
    assert "## Journal\n\n- 15 janvier 2024 — Première note transmise\n" in out


def test_engagement_participants_are_labelled_like_the_parties(
        run_cli: RunCli, registry_copy: RegistryCopy) -> None:
    data = registry_copy(BASE)
    engagements = data / "engagements.yaml"
    engagements.write_text(engagements.read_text(encoding="utf-8").replace(
        "    parties: [unml]\n", "    parties: [unml]\n    participants: [dgom]\n", 1),
        encoding="utf-8")
    args = ("engagement", "unml-relayer", "--data", str(data), "--as-of", "2024-03-01")
    out = run_cli.ok(*args)
    assert out.startswith(
        "Engagement unml-relayer\n"
        "Relayer les problématiques des missions locales\n"
        "\n"
        "  clause       : II\n"
        "  parties      : UNML (Union nationale des missions locales)\n"
        "  participants : DGOM (Direction générale des outre-mer)\n"
        "  territoires  : tous\n"
        "  statut       : en cours\n"
        "  récurrence   : au fil de l'eau\n"
        "\n"
        "Objectifs\n")
    markdown = run_cli.ok(*args, "-f", "markdown")
    assert ("- **parties** : UNML (Union nationale des missions locales)\n"
            "- **participants** : DGOM (Direction générale des outre-mer)\n") in markdown
    payload = json.loads(run_cli.ok(*args, "-f", "json"))
    assert payload["engagement"]["participants"] == ["dgom"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["engagement", "unml-relayr"],
         "convention : engagement « unml-relayr » inconnu ; vouliez-vous dire "
         "« unml-relayer » ?\n"),
        (["territoire", "reunion"],
         "convention : territoire « reunion » inconnu ; vouliez-vous dire « la-reunion » ?\n"),
        (["gt", "gt-2"],
         "convention : groupe de travail « gt-2 » inconnu ; vouliez-vous dire « gt-1 » ?\n"),
        (["engagements", "--partie", "dgon"],
         "convention : partie « dgon » inconnue ; vouliez-vous dire « dgom » ?\n"),
    ],
)
def test_unknown_ids_exit_1_with_suggestions(
    args: list[str], message: str, run_cli: RunCli
) -> None:
    assert run_cli(*args, "--data", str(BASE)) == (1, "", message)


def test_bad_as_of_is_a_usage_error(run_cli: RunCli) -> None:
    code, _, err = run_cli("engagements", "--data", str(BASE), "--as-of", "2024-02-30")
    assert code == 2
    assert "date invalide pour --as-of : « 2024-02-30 »" in err


def test_registry_with_errors_is_refused(
    run_cli: RunCli, tmp_path: Path
) -> None:
    data = materialise(ROOT / "tests/cases/invalid/SCH004-valeur-non-admise", tmp_path)
    code, out, err = run_cli("engagements", "--data", str(data))
    assert (code, out) == (1, "")
    assert "contient 1 erreur :" in err


# --- convention engagements ------------------------------------------------------------------


def test_engagements_table_when_piped(run_cli: RunCli) -> None:
    code, out, _ = run_cli("engagements", "--data", str(BASE), "--as-of", "2024-07-01")
    assert code == 0
    assert out == (
        "Engagements au 1er juillet 2024\n"
        "identifiant   parties  libellé                                          statut"
        "         prochaine échéance  en retard     dernière entrée\n"
        "unml-relayer  UNML     Relayer les problématiques des missions locales  en cours"
        "       —                   —             15 janvier 2024\n"
        "dgom-ladom    DGOM     Accord-cadre LADOM                               non renseigné"
        "  —                   30 juin 2024  —\n"
        "2 engagements.\n")


@pytest.mark.parametrize(
    "command", [["engagements", "--as-of", "2026-03-01"], ["territoires"], ["gt"]])
def test_piped_tables_have_no_box_drawing(
    command: list[str], run_cli: RunCli
) -> None:
    code, out, _ = run_cli(*command, "--data", str(DATA))
    assert code == 0
    assert out.count("\n") > 6
    assert not BOX_DRAWING.search(out)
    assert "\x1b[" not in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_engagements_filters_and_json(run_cli: RunCli) -> None:
    code, out, _ = run_cli("engagements", "--data", str(DATA), "--as-of", "2026-03-01",
                           "--partie", "unml", "--statut", "en_retard", "--format", "json")
    payload = json.loads(out)
    assert code == 0
    assert payload["filtres"] == {"partie": "unml", "statut": "en_retard"}
    # The deadline of 30 June 2023 (LADOM, II.1) fell before the signature: « échue avant
    # la signature », not late; nothing attests the communication « au moment de la
    # signature » (IV).
    assert [e["id"] for e in payload["engagements"]] == [
        "commission-ultramarine-trimestrielle", "valoriser-partenariat-signature",
        "valoriser-partenariat-annuellement",
        "bilan-annuel"]
    first = payload["engagements"][0]
    assert set(first) == {"id", "parties", "libelle", "statut", "statut_libelle",
                          "prochaine_echeance", "en_retard", "derniere_entree"}
    assert first["prochaine_echeance"]["date"] == "2026-03-31"  # next, never a missed one
    assert first["en_retard"][0] == "commission-2023-t3"


def test_engagements_markdown(run_cli: RunCli) -> None:
    _, out, _ = run_cli("engagements", "--data", str(BASE), "--as-of", "2024-07-01",
                     "--objectif", "obj-1", "-f", "markdown")
    assert out == (
        "# Engagements au 1er juillet 2024\n\n"
        "| identifiant | parties | libellé | statut | prochaine échéance | en retard "
        "| dernière entrée |\n"
        "|---|---|---|---|---|---|---|\n"
        "| unml-relayer | UNML | Relayer les problématiques des missions locales | en cours "
        "| — | — | 15 janvier 2024 |\n"
        "| dgom-ladom | DGOM | Accord-cadre LADOM | non renseigné | — | 30 juin 2024 "
        "| — |\n\n"
        "2 engagements (filtres : objectif obj-1).\n")


def _many_engagements(data: Path, count: int) -> Path:
    extra = "".join(
        f"  - id: engagement-{n:03d}\n"
        "    parties: [dgom]\n"
        "    clause: II\n"
        f"    libelle: Engagement synthétique numéro {n} pour une longue liste\n"
        "    objectifs: [obj-1]\n"
        "    recurrence: au_fil_de_l_eau\n"
        "    statut: non_renseigne\n"
        "    qualitatif: true\n"
        for n in range(count))
    with (data / "engagements.yaml").open("a", encoding="utf-8") as stream:
        stream.write(extra)
    return data


def test_long_listing_is_one_plain_block(
    run_cli: RunCli, registry_copy: RegistryCopy
) -> None:
    data = _many_engagements(registry_copy(BASE), 70)
    code, out, _ = run_cli("engagements", "--data", str(data), "--as-of", "2024-07-01")
    lines = out.splitlines()
    assert code == 0
    assert len(lines) == 1 + 1 + 72 + 1  # title, header, rows, count
    assert lines[0] == "Engagements au 1er juillet 2024"
    assert lines[1].split() == ["identifiant", "parties", "libellé", "statut", "prochaine",
                                "échéance", "en", "retard", "dernière", "entrée"]
    assert lines[-2] == ("engagement-069  DGOM     Engagement synthétique numéro 69 pour "
                         "une longue liste  non renseigné  —                   —             —")
    assert lines[-1] == "72 engagements."
    # json and markdown always give everything
    _, markdown, _ = run_cli("engagements", "--data", str(data), "-f", "markdown")
    assert markdown.count("\n| engagement-") == 70


ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("rows", [1, 70])
def test_terminal_tables_fit_the_width(rows: int, capsys: pytest.CaptureFixture[str]) -> None:
    from rich.console import Console

    from convention_cli.cli.render import print_tableau

    table = Tableau("Titre", ("identifiant", "libellé"),
                    tuple((f"id-{n}", "mot " * 30) for n in range(rows)), ("note",))
    print_tableau(table, Console(force_terminal=True, width=60, markup=False))
    lines = ANSI.sub("", capsys.readouterr().out).splitlines()
    assert lines[0] == "Titre"
    assert all(len(line) <= 60 for line in lines)
    # one plain block, one line per row, the long text cut
    assert len(lines) == 1 + 1 + rows + 1
    assert re.match(r"id-0 +mot mot", lines[2])
    assert lines[2].endswith("…")


# --- convention territoires / territoire ID -----------------------------------------------


def test_territoires(run_cli: RunCli) -> None:
    code, out, _ = run_cli("territoires", "--data", str(DATA))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Territoires de la convention"
    for insee in ("971", "972", "973", "974", "976", "978"):
        assert f"  {insee}  " in out
    assert re.search(r"^nouvelle-caledonie +Nouvelle-Calédonie +hors périmètre ", out, re.M)
    assert lines[-2:] == [
        "6 territoires couverts par la convention.",
        "Nouvelle-Calédonie : hors du périmètre de la convention (Préambule), citée pour "
        "mémoire."]


def test_territoires_json(run_cli: RunCli) -> None:
    _, out, _ = run_cli("territoires", "--data", str(BASE), "-f", "json")
    assert json.loads(out) == {
        "format": 1,
        "territoires": [{
            "id": "la-reunion", "nom": "La Réunion", "statut": "DROM", "code_insee": "974",
            "iso_3166_1": "RE", "nombre_missions_locales": 2, "armls": ["arml-reunion"],
            "rsma": {"valeur": "RSMA de La Réunion", "confiance": "haute",
                     "source": "Wikipédia", "note": None}}],
        "hors_perimetre": [],
    }


def test_territoire_detail(run_cli: RunCli) -> None:
    code, out, _ = run_cli("territoire", "la-reunion", "--data", str(BASE))
    assert code == 0
    assert "  - ml-reunion-nord : Mission Locale Nord\n" \
           "      nom : Mission Locale Nord (confiance haute)\n" \
           "      siège : non vérifié\n" \
           "      ARML : ARML\n" in out
    assert "      siège : Saint-Benoît (confiance moyenne)\n" in out
    assert "  - sma : SMA (Service militaire adapté)\n" \
           "      régiment : RSMA de La Réunion (confiance haute)\n" in out
    assert out.endswith("Engagements concernés\n"
                        "  nombre       : 2 (tous territoires ou celui-ci)\n"
                        "  identifiants : unml-relayer, dgom-ladom\n")


def test_territoire_by_insee_code_and_outside(run_cli: RunCli) -> None:
    _, out, _ = run_cli("territoire", "978", "--data", str(DATA))
    assert out.startswith("Territoire saint-martin\nSaint-Martin\n\n  statut           : COM\n")
    _, out, _ = run_cli("territoire", "nouvelle-caledonie", "--data", str(DATA), "-f", "markdown")
    assert out.startswith("# Territoire nouvelle-caledonie\n\n*Nouvelle-Calédonie — hors du "
                          "périmètre de la convention*\n")


def test_a_territory_reference_is_read_the_same_everywhere(run_cli: RunCli) -> None:
    """``976`` is Mayotte for ``territoire``, and for ``--territoire`` of the listings."""
    for command in (["engagements"], ["status"]):
        by_id = run_cli.ok(*command, "--territoire", "mayotte", "--data", str(DATA),
                           "--as-of", "2025-06-01", "-f", "json")
        assert run_cli.ok(*command, "--territoire", "976", "--data", str(DATA), "--as-of",
                          "2025-06-01", "-f", "json") == by_id
    code, _, err = run_cli("engagements", "--territoire", "977", "--data", str(DATA))
    assert code == 1
    assert "territoire « 977 » inconnu" in err


def test_territoires_as_of(run_cli: RunCli) -> None:
    """``territoires`` takes ``--as-of`` like the other consultation commands."""
    today = run_cli.ok("territoires", "--data", str(DATA), "-f", "json")
    assert run_cli.ok("territoires", "--data", str(DATA), "--as-of", "2026-03-01", "-f",
                      "json") == today
    code, _, err = run_cli("territoires", "--data", str(DATA), "--as-of", "2026-02-30")
    assert code == 2
    assert "date invalide pour --as-of" in err


# --- convention gt ---------------------------------------------------------------------------


def test_gt_list(run_cli: RunCli) -> None:
    code, out, _ = run_cli("gt", "--data", str(BASE))
    assert code == 0
    assert out == (
        "Groupes de travail (thèmes de l'annexe)\n"
        "n°  identifiant  libellé   thème de l'annexe    statut         engagements  "
        "dernière entrée\n"
        "1   gt-1         Logement  L'accès au logement  non renseigné  1            —\n"
        "1 groupe de travail.\n")


def test_gt_detail_quotes_the_annex(run_cli: RunCli) -> None:
    code, out, _ = run_cli("gt", "4", "--data", str(DATA))
    assert code == 0
    assert out.startswith(
        "Groupe de travail gt-4 (n° 4)\nDémarche « aller vers » et équipes mobiles\n\n"
        "  clause              : Annexe 4\n"
        "  statut              : non renseigné\n"
        "  thème 4 de l'annexe : « L'encouragement de la démarche du \"aller vers\" en "
        "instaurant des équipes mobiles se déplaçant dans les quartiers les plus éloignés »\n")
    assert ("Engagements liés (3)\n  - dgom-appui-sujets-concertes : Être en appui sur une "
            "liste de sujets définis de façon concertée — non renseigné\n") in out


@pytest.mark.parametrize(("args", "key"), [([], "groupes_travail"), (["gt-1"], "groupe_travail")])
def test_gt_json(args: list[str], key: str, run_cli: RunCli) -> None:
    _, out, _ = run_cli("gt", *args, "--data", str(BASE), "--format", "json")
    payload = json.loads(out)
    assert payload["format"] == 1
    assert key in payload


def test_gt_markdown_and_text_formats(run_cli: RunCli) -> None:
    _, listing, _ = run_cli("gt", "--data", str(BASE), "-f", "markdown")
    assert listing.startswith("# Groupes de travail (thèmes de l'annexe)\n\n| n° |")
    _, fiche, _ = run_cli("gt", "gt-1", "--data", str(BASE), "-f", "table")
    assert fiche.startswith("Groupe de travail gt-1 (n° 1)\nLogement\n")

"""``convention couverture``: every normative sentence of the text and what encodes it."""

from __future__ import annotations

import json

from tests.conftest import RunCli
from tests.paths import CASES, DATA


def test_every_normative_sentence_is_accounted_for(run_cli: RunCli) -> None:
    payload = json.loads(run_cli.ok("couverture", "--data", DATA, "--format", "json"))
    assert payload["comptes"] == {"phrases_normatives": 37, "encodees": 36, "ecartees": 1,
                                  "non_tracees": 0}
    by_start = {p["phrase"][:40]: p for p in payload["phrases"]}
    non_exhaustive = by_start["Cette liste est non exhaustive et la rép"]
    assert non_exhaustive["clause"] == "II.3.2"
    assert non_exhaustive["encodee_par"][0]["element"] == (
        "disposition « liste-non-exhaustive-adaptable »")
    intro = by_start["La DGOM s'engage à :"]
    assert (intro["etat"], intro["motif_ecart"].startswith("Phrase d'introduction")) == (
        "ecartee", True)
    ladom = by_start["A ce titre, la DGOM participera aux trav"]
    readings = ladom["encodee_par"][0]["lectures"]
    assert any(r.startswith("lecture : l'accord-cadre est « entre l'UNML et LADOM »")
               for r in readings)


def test_text_matrix(run_cli: RunCli) -> None:
    out = run_cli.ok("couverture", "--data", DATA)
    assert out.startswith(
        "Couverture du texte de la convention (../docs/convention-2023-07-18.md)\n"
        "37 phrases normatives (sections I à VII et annexe) : 36 encodées, 1 écartée, "
        "0 non tracée.\n\nI\n  l. 93 [notamment] « Encourager et valoriser")
    assert "      → disposition « dgefp-non-substitution »\n" in out
    assert "      → écartée : Phrase d'introduction de la liste du II.3.2" in out
    assert "        lecture : « dès le premier semestre 2023 » marque un début" in out


def test_all_sentences_with_tout(run_cli: RunCli) -> None:
    payload = json.loads(run_cli.ok("couverture", "--data", DATA, "--format", "json", "--tout"))
    clauses = {p["clause"] for p in payload["phrases"]}
    assert {"Préambule", "Signatures", "Annexe 6"} <= clauses
    exemplaires = next(p for p in payload["phrases"] if p["phrase"] == "Faite en 2 exemplaires")
    assert exemplaires["encodee_par"][0]["element"] == "chiffre « chiffre-exemplaires »"


def test_a_registry_without_the_text_is_told_how(run_cli: RunCli) -> None:
    result = run_cli("couverture", "--data", CASES / "base" / "data")
    assert result.code == 1
    assert "texte: chemin/du/texte.md" in result.err


def test_export_carries_readings_qualifiers_parties_and_set_aside_sentences(
        run_cli: RunCli) -> None:
    payload = json.loads(run_cli.ok("export", "--data", DATA))
    engs = {e["id"]: e for e in payload["engagements"]}
    assert engs["dgom-participer-accord-cadre-ladom"]["participants"] == ["dgom"]
    assert engs["dgom-appui-financement-hors-dgefp"]["exclus"] == ["dgefp"]
    assert engs["dgom-reinterroger-conventions-micro-credit"]["lectures"][-1]["champ"] == "debut"
    conv = payload["convention"]
    assert conv["perimetre"]["qualificatifs"]["jeunes_accompagnes_par_an"] == "plus_de"
    assert conv["phrases_ecartees"][0]["citation"] == "La DGOM s'engage à"
    assert payload["couverture"]["comptes"]["non_tracees"] == 0
    assert {b["id"] for b in payload["bibliographie"]} >= {"convention-2023-07-18"}

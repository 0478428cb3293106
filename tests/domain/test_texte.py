"""The agreement cut into clauses and sentences; its normative sentences."""

from __future__ import annotations

from convention_cli.domain.texte import covers, parse_texte
from tests.paths import ROOT

TEXT = parse_texte((ROOT / "docs" / "convention-2023-07-18.md").read_text(encoding="utf-8"))


def _clause_of(start: str) -> str:
    return next(p.clause for p in TEXT.phrases if p.texte.startswith(start))


def test_clauses_follow_the_headings() -> None:
    assert _clause_of("Le commandement du service militaire adapté") == "Préambule"
    assert _clause_of("Ce partenariat ne se substitue pas") == "I"
    assert _clause_of("La présente convention intégrera notamment") == "II.1"
    assert _clause_of("En revanche, la DGOM n'est pas habilitée") == "II.3.1"
    assert _clause_of("Cette liste est non exhaustive") == "II.3.2"
    assert _clause_of("La fréquence d'1 fois par trimestre") == "III"
    assert _clause_of("Faite en 2 exemplaires") == "Signatures"
    assert _clause_of("L'accès au logement") == "Annexe 1"


def test_normative_sentences_of_sections_i_to_vii_and_the_annex() -> None:
    traced = TEXT.tracees
    assert len(traced) == 37
    assert {p.clause for p in traced} >= {"I", "II", "II.1", "II.3.2", "V", "VII", "Annexe"}
    assert not any(p.clause in ("Préambule", "Signatures") for p in traced)
    markers = {m for p in traced for m in p.marqueurs}
    assert {"s'engage", "ne se substitue pas", "n'est pas habilitée", "non exhaustive",
            "se réalisera", "a minima", "au minimum", "notamment", "devra"} <= markers


def test_citations_are_found_in_their_clause_and_its_parents() -> None:
    sentence = "Ce bilan partagé se réalisera à mi-étape et à l'issue de cette convention."
    assert TEXT.contains("V", sentence)
    assert not TEXT.contains("IV", sentence)
    assert TEXT.contains("II", "La DGOM s'engage à examiner avec attention")
    assert TEXT.clauses_containing("Faite en 2 exemplaires") == ["Signatures"]


def test_a_citation_covers_a_sentence_it_holds_or_that_holds_it() -> None:
    phrase = next(p for p in TEXT.phrases if p.texte.startswith("A ce titre, la DGOM"))
    assert covers("Les enjeux de mobilité, via l'établissement d'ici le 30 juin 2023 d'un "
                  "accord-cadre entre l'UNML et LADOM au titre de la période 2023-2025. "
                  + phrase.texte, phrase)
    assert covers("la DGOM participera aux travaux", phrase)
    assert not covers("la DGOM", phrase)

"""Readings of the text: one shape in the models, one wording in every view."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from convention_cli.models import Engagement, Lecture
from convention_cli.views.lectures import lecture_lines, lectures_json, lectures_of
from convention_cli.vocab import lecture_fr

_ENGAGEMENT = {
    "id": "unml-relayer", "parties": ["unml"], "clause": "II", "libelle": "Relayer",
    "objectifs": ["obj-1"], "statut": "non_renseigne", "recurrence": "au_fil_de_l_eau",
}


def test_a_reading_is_shown_as_a_reading() -> None:
    assert lecture_fr("le texte ne fixe aucun rythme") == "lecture : le texte ne fixe aucun rythme"


def test_readings_of_an_item_by_field() -> None:
    eng = Engagement.model_validate({**_ENGAGEMENT, "lectures": [
        {"champ": "recurrence", "motif": "aucun rythme dans le texte"},
        {"champ": "objectifs", "motif": "lien déduit du thème"},
    ]})
    assert lecture_lines(eng, "recurrence") == ("lecture : aucun rythme dans le texte",)
    assert [lu.champ for lu in lectures_of(eng)] == ["recurrence", "objectifs"]
    assert eng.lectures_de("objectifs") == [Lecture(champ="objectifs",
                                                    motif="lien déduit du thème")]
    assert lectures_json(eng, "objectifs") == [{
        "champ": "objectifs", "motif": "lien déduit du thème",
        "texte": "lecture : lien déduit du thème"}]
    assert lecture_lines(object()) == ()


@pytest.mark.parametrize("champ", ["rythme", "lectures"])
def test_a_reading_names_a_field_of_its_item(champ: str) -> None:
    with pytest.raises(ValidationError, match="n'est pas un champ"):
        Engagement.model_validate({**_ENGAGEMENT, "lectures": [{"champ": champ, "motif": "x"}]})


def test_a_reading_is_one_line() -> None:
    with pytest.raises(ValidationError):
        Lecture.model_validate({"champ": "echeance", "motif": "deux\nlignes"})

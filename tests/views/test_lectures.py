"""Readings of the text: one shape in the models, one wording in every view."""

from __future__ import annotations

import datetime

import pytest
from pydantic import ValidationError

from convention_cli.domain.etats import Echeance, Objet
from convention_cli.models import Engagement, Lecture
from convention_cli.views.documents.common import engagement_row
from convention_cli.views.lectures import (
    lecture_lines,
    lectures_json,
    lectures_of,
    row_readings,
)
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


def _read_everywhere() -> Engagement:
    return Engagement.model_validate({**_ENGAGEMENT, "echeance": "2024-06-30", "lectures": [
        {"champ": "statut", "motif": "statut déduit du compte rendu"},
        {"champ": "recurrence", "motif": "aucun rythme dans le texte"},
        {"champ": "objectifs", "motif": "lien déduit du thème"},
        {"champ": "echeance", "motif": "date tirée du calendrier"},
    ]})


def _echeance(lecture: str | None) -> Echeance:
    return Echeance(id="unml-relayer", date=datetime.date(2024, 6, 30), libelle="Relayer",
                    porteurs=("unml",), source="II", objet=Objet.ENGAGEMENT,
                    engagement="unml-relayer", lecture=lecture)


def test_a_row_shows_the_readings_of_what_it_shows() -> None:
    """One rule: date (the échéance's own reading first), start, state; the rhythm only
    when the row shows it; never a field the row does not show (objectifs); each once."""
    eng = _read_everywhere()
    echeance = _echeance("date tirée du calendrier")
    assert row_readings(eng, echeance) == (
        "lecture : date tirée du calendrier", "lecture : statut déduit du compte rendu")
    assert row_readings(eng) == (
        "lecture : date tirée du calendrier", "lecture : aucun rythme dans le texte",
        "lecture : statut déduit du compte rendu")
    assert row_readings(eng, rythme=False) == (
        "lecture : date tirée du calendrier", "lecture : statut déduit du compte rendu")
    derived = _echeance("échéance reportée d'un an")
    assert row_readings(eng, derived, rythme=True)[:2] == (
        "lecture : échéance reportée d'un an", "lecture : date tirée du calendrier")


def test_a_document_row_reads_like_every_row() -> None:
    """A document's engagement row takes the same readings (no rhythm: no such column),
    including a derived échéance's own reading."""
    eng = _read_everywhere()
    derived = _echeance("échéance reportée d'un an")
    row = engagement_row(eng, "non_renseigne", {}, echeance=derived)
    assert row.lectures == row_readings(eng, derived, rythme=False)
    assert "lecture : aucun rythme dans le texte" not in row.lectures
    assert row.lectures[0] == "lecture : échéance reportée d'un an"
    assert engagement_row(eng, "non_renseigne", {}).lectures == (
        "lecture : date tirée du calendrier", "lecture : statut déduit du compte rendu")

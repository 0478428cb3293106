"""The public rule (section VI) on the records a confidential meeting or engagement
holds: a public output shows none of them, an internal one all."""

from __future__ import annotations

from datetime import date
from typing import Literal

from convention_cli.models import Action, Decision, EntreeJournal, Projet, Reunion
from convention_cli.views.public import visible_actions, visible_decisions, visible_journal

ENTRY = EntreeJournal(date=date(2024, 3, 1), texte="Relayé")


def _reunion(confidentiel: bool) -> Reunion:
    return Reunion(
        id="commission-2024-03-12", instance="commission", date=date(2024, 3, 12),
        source="Compte rendu", confidentiel=confidentiel,
        decisions=[Decision(id="commission-2024-03-12-decision-1", texte="Feuille de route"),
                   Decision(id="commission-2024-03-12-decision-2", texte="Budget",
                            confidentiel=True)],
        actions=[Action(id="commission-2024-03-12-action-1", texte="Note",
                        responsable="unml", echeance=date(2024, 5, 31))])


def test_a_confidential_meeting_shows_no_decision_nor_action_in_public() -> None:
    secret = _reunion(confidentiel=True)
    assert visible_decisions(secret, public=True) == []
    assert visible_actions(secret, public=True) == []
    assert len(visible_decisions(secret, public=False)) == 2
    assert len(visible_actions(secret, public=False)) == 1


def test_a_public_meeting_hides_only_its_confidential_decisions() -> None:
    reunion = _reunion(confidentiel=False)
    assert [d.texte for d in visible_decisions(reunion, public=True)] == ["Feuille de route"]
    assert visible_actions(reunion, public=True) == reunion.actions


def test_the_journal_of_a_confidential_project_is_not_public() -> None:
    projet = Projet(id="projet-garage", titre="Garage", territoire="guyane",
                    date=date(2024, 2, 10), source="Courriel", journal=[ENTRY],
                    confidentiel=True)
    assert visible_journal(projet, public=True) == []
    assert visible_journal(projet, public=False) == [ENTRY]


def test_mission_designation_names_its_seat_by_its_confidence() -> None:
    from convention_cli.models import Fait, MissionLocale
    from convention_cli.views.public import mission_designation

    def mission(confiance: Literal["haute", "moyenne"]) -> MissionLocale:
        return MissionLocale(
            id="ml-ouest", designation="Structure de l'Ouest (Saint-Laurent)",
            nom=Fait(confiance="non_verifie"), arml="arml",
            ville_siege=Fait(valeur="Saint-Laurent", confiance=confiance, source="Presse"))

    assert mission_designation(mission("moyenne"), True) == "Structure de l'Ouest"
    assert mission_designation(mission("moyenne"), False) == \
        "Structure de l'Ouest (Saint-Laurent, confiance moyenne)"
    assert mission_designation(mission("haute"), True) == "Structure de l'Ouest (Saint-Laurent)"

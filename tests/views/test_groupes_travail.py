"""The working-group follow-up row shared by ``status`` and the passation."""

from __future__ import annotations

from datetime import date

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.models import EntreeJournal
from convention_cli.views.groupes_travail import groupe_travail_rows
from tests.views.documents.support import FIXTURE


def test_rows_count_every_followed_engagement_or_only_those_given() -> None:
    registry = load_valid_registry(FIXTURE)
    every = groupe_travail_rows(registry)
    assert [(g.id, g.numero, g.statut, g.statut_libelle, g.engagements) for g in every] == [
        ("gt-1", 1, "actif", "actif", 1), ("gt-2", 2, "non_renseigne", "non renseigné", 1)]
    assert every[0].derniere_entree == date(2024, 4, 2)
    assert every[1].derniere_entree is None
    mine = groupe_travail_rows(registry, engagements={"dgom-ladom", "dgom-autre"})
    assert [g.engagements for g in mine] == [0, 1]


def test_public_rows_date_the_last_entry_among_those_shown() -> None:
    registry = load_valid_registry(FIXTURE)
    group = registry.groupes_travail[0]
    secret = EntreeJournal(date=date(2024, 5, 1), texte="Réunion restreinte.",
                           confidentiel=True)
    registry.groupes_travail[0] = group.model_copy(
        update={"journal": [*group.journal, secret]})
    assert groupe_travail_rows(registry)[0].derniere_entree == date(2024, 5, 1)
    assert groupe_travail_rows(registry, public=True)[0].derniere_entree == date(2024, 4, 2)

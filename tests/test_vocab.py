from __future__ import annotations

from datetime import date

import pytest

from convention_cli.vocab import format_date, format_number, plural, quantity


@pytest.mark.parametrize(
    ("value", "expected"),
    [(date(2026, 6, 30), "30 juin 2026"), (date(2023, 7, 1), "1er juillet 2023"),
     (date(2024, 2, 29), "29 février 2024"), (date(2025, 8, 15), "15 août 2025"),
     (date(2025, 12, 2), "2 décembre 2025")],
)
def test_format_date(value: date, expected: str) -> None:
    assert format_date(value) == expected


def test_format_number() -> None:
    assert format_number(80000) == "80\u202f000"
    assert format_number(1500.5) == "1\u202f500,50"
    assert format_number(12) == "12"


def test_plural() -> None:
    assert plural(0, "erreur") == "0 erreur"
    assert plural(1, "erreur") == "1 erreur"
    assert plural(2, "erreur") == "2 erreurs"
    assert plural(3, "travail", "travaux") == "3 travaux"


def test_defaults_import_nothing_heavy() -> None:
    """The command line's --help reads the defaults: they must not load pydantic."""
    import subprocess
    import sys

    script = ("import sys, convention_cli.defaults\n"
              "assert 'pydantic' not in sys.modules, 'pydantic'\n")
    subprocess.run([sys.executable, "-c", script], check=True)


def test_every_data_file_has_its_model() -> None:
    from convention_cli.defaults import DATA_FILES
    from convention_cli.models import FILE_MODELS

    assert tuple(FILE_MODELS) == DATA_FILES


def test_etat_labels_are_the_states_of_the_echeancier() -> None:
    from convention_cli.domain.etats import Etat
    from convention_cli.vocab import ETAT_LABELS

    assert {e.key: e.value for e in Etat} == ETAT_LABELS


def test_label_tables_spell_each_code() -> None:
    """Labels come from one spelling table; plurals follow the labels."""
    from convention_cli.vocab import (
        ETAT_LABELS,
        GT_STATUT_LABELS,
        RECURRENCE_LABELS,
        STATUT_PLURALS,
        count_statut,
    )

    assert STATUT_PLURALS == {
        "non_renseigne": "non renseignés", "non_demarre": "non démarrés",
        "en_cours": "en cours", "realise": "réalisés", "suspendu": "suspendus",
        "abandonne": "abandonnés",
    }
    assert GT_STATUT_LABELS == {"non_renseigne": "non renseigné", "constitue": "constitué",
                                "actif": "actif", "clos": "clos"}
    assert RECURRENCE_LABELS["au_fil_de_l_eau"] == "au fil de l'eau"
    assert list(ETAT_LABELS.values()) == ["honorée", "en retard", "proche", "à venir",
                                          "sans objet", "à décider",
                                          "échue avant la signature"]
    assert count_statut("en_cours", 2) == "2 en cours"
    assert count_statut("realise", 1) == "1 réalisé"


def test_every_journal_owner_has_its_statut_table() -> None:
    """Each kind of record with a journal names its statuts in its own table."""
    from typing import get_args

    from convention_cli.load.registry import JournalOwner
    from convention_cli.vocab import OWNER_STATUT_LABELS, owner_statut_label

    assert {t.__name__ for t in get_args(JournalOwner)} == set(OWNER_STATUT_LABELS)
    from convention_cli.models import GroupeTravail
    group = object.__new__(GroupeTravail)
    assert owner_statut_label(group, "constitue") == "constitué"


@pytest.mark.parametrize(("value", "unite", "expected"), [
    (0, "réunions", "0 réunion"), (1, "réunions", "1 réunion"), (4, "réunions", "4 réunions"),
    (1, "conventions", "1 convention"), (2, "bilan", "2 bilans"), (1, "bilan", "1 bilan"),
    (3, "accord-cadre", "3 accords-cadres"), (1, "mois", "1 mois"), (5, None, "5"),
])
def test_quantity_agrees_the_unit_with_the_number(
    value: int, unite: str | None, expected: str
) -> None:
    """0 and 1 take the singular in French, whatever the registry spells the unit."""
    assert quantity(value, unite) == expected

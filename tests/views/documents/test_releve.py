"""convention releve: the relevé de décisions of a recorded meeting."""

from __future__ import annotations

import pytest

from tests.conftest import RegistryCopy, RunCli
from tests.views.documents.support import (
    FIXTURE,
    assert_commonmark_tables,
    assert_nothing_confidential,
    check_golden,
)

VARIANTS = {
    "releve-commission": ("commission-2024-t1", "--as-of", "2024-06-30"),
    "releve-commission-public": ("commission-2024-t1", "--as-of", "2024-06-30", "--public"),
    "releve-gt": ("gt-1-2024-04", "--as-of", "2024-06-30"),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_releve_golden(name: str, registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("releve", "--data", data, *VARIANTS[name])
    assert_commonmark_tables(text)
    if name.endswith("public"):
        assert_nothing_confidential(text)
    check_golden(name, text, data)


def test_unknown_meeting_suggests(registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    code, _, err = run_cli("releve", "commision-2024-t1", "--data", data)
    assert code == 1
    assert "« commission-2024-t1 »" in err


def test_a_meeting_held_after_the_as_of_day_is_unknown(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """The relevé reads the registry as known on --as-of: the meeting of 12 March 2024
    does not exist yet on 1 January 2024 (same message as an unknown meeting)."""
    data = registry_copy(FIXTURE)
    code, out, err = run_cli("releve", "commission-2024-t1", "--data", data,
                             "--as-of", "2024-01-01")
    assert (code, out) == (1, "")
    assert "réunion « commission-2024-t1 » inconnue" in err
    # On the day of the meeting it is known.
    assert run_cli("releve", "commission-2024-t1", "--data", data,
                   "--as-of", "2024-03-12").code == 0

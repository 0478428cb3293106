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

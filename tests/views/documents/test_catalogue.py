"""The table of documents: every entry has its template, and defaults its as-of day."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.formats.templating import PACKAGE_TEMPLATES
from convention_cli.views.documents.catalogue import DOCUMENTS, DocumentRequest
from tests.views.documents.support import FIXTURE

TODAY = date(2024, 9, 15)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_document_has_its_template(name: str) -> None:
    assert (PACKAGE_TEMPLATES / DOCUMENTS[name].template).is_file()


def test_default_as_of_days() -> None:
    registry = load_valid_registry(FIXTURE)
    as_of = {name: spec.default_as_of for name, spec in DOCUMENTS.items()}
    assert as_of["agenda"](registry, DocumentRequest(quarter=(2024, 4)), TODAY) == TODAY
    assert as_of["communication"](registry, DocumentRequest(year=2023), TODAY) == \
        date(2023, 12, 31)
    assert as_of["communication"](registry, DocumentRequest(year=2025), TODAY) == TODAY
    assert as_of["passation"](registry, DocumentRequest(partie="dgom"), TODAY) == TODAY
    # The fixture's registry dates no bilan « à mi-étape »: the middle of the period.
    assert as_of["bilan-mi-etape"](registry, DocumentRequest(), TODAY) == date(2025, 1, 15)


def test_only_communication_is_always_public() -> None:
    assert [name for name, spec in DOCUMENTS.items() if spec.public_only] == ["communication"]


@pytest.mark.parametrize(("name", "missing"), [
    ("bilan-annuel", "an annual document needs its year"),
    ("passation", "a passation note is for one party"),
    ("releve", "a relevé is the record of one meeting"),
])
def test_a_document_about_one_thing_needs_it(name: str, missing: str) -> None:
    """The request names the thing the document is about; without it, a command's bug
    is named, before any builder runs."""
    registry = load_valid_registry(FIXTURE)
    with pytest.raises(AssertionError, match=missing):
        DOCUMENTS[name].build(registry, DocumentRequest(), TODAY, None)  # type: ignore[arg-type]


def test_reading_the_table_imports_no_builder() -> None:
    """The builders load when a document is built: reading ``DOCUMENTS`` (every command's
    start-up, ``--help``) imports none of them."""
    script = ("import sys\n"
               "from convention_cli.views.documents.catalogue import DOCUMENTS\n"
               "print(sorted(m for m in sys.modules\n"
               "             if m.startswith('convention_cli.views.documents.')))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "['convention_cli.views.documents.catalogue']"

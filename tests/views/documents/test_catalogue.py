"""The table of documents: every entry has its template, and defaults its as-of day."""

from __future__ import annotations

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

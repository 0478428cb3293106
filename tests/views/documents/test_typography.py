"""Every document, at several dates, on the test registry and on the shipped one: French
typography, no identifier in the sendable version, lists that every Markdown reader sees,
one closing provenance line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from convention_cli.vocab import french_spacing
from tests.conftest import RegistryCopy, RunCli
from tests.paths import DATA
from tests.views.documents.support import FIXTURE

DATES = ("2023-12-31", "2024-06-30", "2026-11-26")
DOCUMENTS: dict[str, tuple[str, ...]] = {
    "agenda-trimestre": ("agenda", "--trimestre", "2024-T2"),
    "agenda-date": ("agenda", "--date", "2025-03-10", "--heure", "10:00"),
    "agenda-gt": ("agenda", "--trimestre", "2024-T2", "--instance", "gt:gt-1"),
    "bilan-2023": ("bilan", "--annee", "2023"),
    "bilan-2024": ("bilan", "--annee", "2024"),
    "bilan-pluriannuel": ("bilan", "--pluriannuel"),
    "bilan-mi-etape": ("bilan", "--mi-etape"),
    "passation": ("passation", "--partie", "dgom"),
    "passation-public": ("passation", "--partie", "unml", "--public"),
    "communication": ("communication", "--annee", "2024"),
    "releve": ("releve", "commission-2024-t1"),
}
ID_IN_BRACKETS = re.compile(r"\(`[a-z0-9][a-z0-9-]*`\)")
LIST_ITEM = re.compile(r"^(?:> ?)*(?:[-*+] |\d+[.)] )")
WORD_WITH_APOSTROPHE = re.compile(r"[\w\u00c0-\u017f]+'[\w\u00c0-\u017f]+")


def _registry_text(data: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(data.glob("*.yaml")))


def _documents(run_cli: RunCli, data: Path) -> list[tuple[str, str]]:
    produced = []
    for name, args in DOCUMENTS.items():
        for day in DATES:
            result = run_cli(*args, "--data", data, "--as-of", day)
            if result.code == 0:  # a date outside a document's range is refused: fine
                produced.append((f"{name}@{day}", result.out))
    return produced


def _check(label: str, text: str, registry: str) -> None:
    body, _, last = text.rstrip("\n").rpartition("\n")
    # French spacing: the text is already what the typography function makes of it.
    assert french_spacing(text) == text, label
    # Sendable: no identifier, no commit but in the one closing line.
    assert not ID_IN_BRACKETS.search(text), (label, ID_IN_BRACKETS.search(text))
    assert last.startswith("*Situation au "), (label, last)
    assert "commit" not in body, label
    # Lists: a blank line (or another item) before every item, blockquotes included, so
    # that pandoc's Markdown reads the same lists as CommonMark.
    lines = text.splitlines()
    for index, line in enumerate(lines[1:], start=1):
        if LIST_ITEM.match(line):
            before = lines[index - 1]
            assert (before.strip(" >") == "" or LIST_ITEM.match(before)
                    or before.startswith(("  ", "> "))), (label, before, line)
    # Apostrophes: typographic in generated sentences; a straight one only in registry text.
    for word in WORD_WITH_APOSTROPHE.findall(text):
        assert word in registry, (label, word)


@pytest.mark.parametrize("source", [FIXTURE, DATA], ids=["fixture", "data"])
def test_every_document_is_sendable_french(
    source: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(source)
    documents = _documents(run_cli, data)
    assert len(documents) >= len(DOCUMENTS)
    registry = _registry_text(data)
    for label, text in documents:
        _check(label, text, registry)


def test_identifiers_on_request(registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    sent = run_cli.ok("bilan", "--data", data, "--annee", "2024")
    working = run_cli.ok("bilan", "--data", data, "--annee", "2024", "--identifiants")
    assert "(`unml-relayer`)" not in sent
    assert "### Relayer les problématiques \\| pratiques des missions locales\n" in sent
    assert "### Relayer les problématiques \\| pratiques des missions locales (`unml-relayer`)\n" \
        in working

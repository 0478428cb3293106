from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convention_cli.load import loader
from convention_cli.load.loader import load_documents, read_document


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "reunions.yaml"
    path.write_bytes(b"\xef\xbb\xbfreunions: []\r\n")
    document = read_document("reunions", path)
    assert document.usable
    assert document.root == {"reunions": []}


def test_non_utf8_byte_is_located(tmp_path: Path) -> None:
    path = tmp_path / "reunions.yaml"
    path.write_bytes("reunions: []\n# é\n# caf".encode() + b"\xe9\n")
    [diagnostic] = read_document("reunions", path).diagnostics
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == (
        "FIC002", 3, 6)


def test_too_large_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 10)
    path = tmp_path / "reunions.yaml"
    path.write_text("reunions: []\n# commentaire\n", encoding="utf-8")
    [diagnostic] = read_document("reunions", path).diagnostics
    assert diagnostic.code == "FIC003"
    assert "limite" in diagnostic.message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "reunions.yaml"
    path.write_text("reunions: []\n", encoding="utf-8")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission non accordée")

    monkeypatch.setattr(Path, "open", refuse)
    [diagnostic] = read_document("reunions", path).diagnostics
    assert diagnostic.code == "FIC001"
    assert "illisible" in diagnostic.message


def test_missing_files_are_all_reported(tmp_path: Path) -> None:
    documents = load_documents(tmp_path)
    assert [d.name for d in documents] == [
        "convention", "parties", "territoires", "engagements", "groupes_travail", "reunions"]
    assert all(d.diagnostics[0].code == "FIC001" for d in documents)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "engagements.yaml"
        path.write_bytes(data)
        document = read_document("engagements", path)
    assert document.usable or document.diagnostics or document.root is None

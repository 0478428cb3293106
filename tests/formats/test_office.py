"""DOCX, ODT and HTML documents: opened with python-docx, odfpy and an HTML parser."""

from __future__ import annotations

import io
import os
import re
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from convention_cli.formats.docmodel import (
    DocumentMeta,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    parse_markdown,
)
from convention_cli.formats.timeline import parse_gantt, timeline_png, timeline_svg
from tests.conftest import RegistryCopy, RunCli
from tests.formats.office import docx_outline, html_outline, odt_outline
from tests.views.documents.support import FIXTURE

GOLDEN = Path(__file__).parent / "golden"


def _html_outline(payload: bytes) -> str:
    return html_outline(payload)[0]


OUTLINE_BY_SUFFIX: dict[str, Callable[[bytes], str]] = {
    ".docx": docx_outline, ".odt": odt_outline, ".html": _html_outline}

DOCUMENTS = {
    "bilan-annuel-2024": ["bilan", "--annee", "2024"],
    "bilan-pluriannuel": ["bilan", "--pluriannuel", "--as-of", "2024-06-30"],
    "agenda-commission": ["agenda", "--date", "2024-06-20", "--heure", "10:00", "--as-of",
                          "2024-06-10"],
    "passation-dgom-public": ["passation", "--partie", "dgom", "--as-of", "2024-06-10",
                              "--public"],
    "communication-2024": ["communication", "--annee", "2024"],
    "releve-commission": ["releve", "commission-2024-t1", "--as-of", "2024-06-30"],
}


def produce(run_cli: RunCli, data: Path, args: list[str], target: Path) -> int:
    return run_cli(*args, "--data", data, "-o", target).code


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".html"])
@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_office_golden(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli, name: str, suffix: str
) -> None:
    data = registry_copy(FIXTURE)
    target = tmp_path / f"document{suffix}"
    assert produce(run_cli, data, DOCUMENTS[name], target) == 0
    check_golden(f"{name}{suffix}", OUTLINE_BY_SUFFIX[suffix](target.read_bytes()))


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".html"])
def test_bilan_has_title_block_tables_picture_and_signatures(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli, suffix: str
) -> None:
    data = registry_copy(FIXTURE)
    markdown = run_cli.ok("bilan", "--data", data, "--annee", "2024")
    target = tmp_path / f"bilan{suffix}"
    assert produce(run_cli, data, ["bilan", "--annee", "2024"], target) == 0
    outline = OUTLINE_BY_SUFFIX[suffix](target.read_bytes())
    lines = outline.splitlines()
    # Title block: the convention's name, the title, the parties, the date.
    assert "Convention de test" in lines[0]
    assert "Bilan annuel 2024 de la convention de partenariat UNML × DGOM" in lines[1]
    assert "DGOM · UNML" in lines[2]
    assert "31 décembre 2024" in lines[3]
    # Every Markdown heading of level 2 is a heading of the file.
    for heading in re.findall(r"^## (.+)$", markdown, flags=re.MULTILINE):
        assert any(heading in line and line.startswith(("[Heading 1]", "[h1]", "[h2]"))
                   for line in lines), heading
    # As many tables as the Markdown (header rows included), plus the signature block.
    header_rows = len(re.findall(r"^\|---", markdown, flags=re.MULTILINE))
    table_rows = sum(1 for line in lines if line.startswith("| "))
    markdown_rows = sum(1 for line in markdown.splitlines() if line.startswith("| "))
    assert header_rows > 3
    assert table_rows == markdown_rows + 1  # two signatures side by side: one row
    assert any("(DGOM)" in line and "(UNML)" in line for line in lines)
    assert sum(1 for line in lines if line.startswith("[image")) == 1
    assert "```" not in outline
    assert "gantt" not in outline
    assert "Situation au 31 décembre 2024" in lines[-2 if suffix != ".html" else -1]


def test_docx_properties_and_page_numbers(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    from docx import Document

    data = registry_copy(FIXTURE)
    target = tmp_path / "bilan.docx"
    assert produce(run_cli, data, ["bilan", "--annee", "2024"], target) == 0
    properties = Document(str(target)).core_properties
    assert properties.title == "Bilan annuel 2024 de la convention de partenariat UNML × DGOM"
    assert properties.subject == "Convention de test"
    assert properties.comments.startswith("Situation au 31 décembre 2024\u202f; établi avec "
                                          "convention ")
    assert properties.created is not None
    assert properties.created.date().isoformat() == "2024-12-31"
    assert docx_outline(target.read_bytes()).endswith("[pied de page] PAGE NUMPAGES\n")


def test_odt_metadata_and_page_numbers(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    from odf import dc
    from odf.opendocument import load

    data = registry_copy(FIXTURE)
    target = tmp_path / "bilan.odt"
    assert produce(run_cli, data, ["bilan", "--annee", "2024"], target) == 0
    document = load(str(target))
    descriptions = document.meta.getElementsByType(dc.Description)
    assert str(descriptions[0]).startswith("Situation au 31 décembre 2024")
    assert odt_outline(target.read_bytes()).endswith("[pied de page] page 1 sur 1\n")


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_written_twice_the_same_bytes(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch, suffix: str,
) -> None:
    """``bilan -o`` at another moment writes the same bytes: every zip entry is dated the
    document's day at midnight, and so are the file properties, never the clock."""
    data = registry_copy(FIXTURE)
    first, second = tmp_path / f"premier{suffix}", tmp_path / f"second{suffix}"
    assert produce(run_cli, data, ["bilan", "--annee", "2024"], first) == 0
    later = time.time() + 3 * 86400 + 7  # three days and seven seconds later
    real_localtime = time.localtime
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime",
                        lambda secs=None: real_localtime(later if secs is None else secs))
    assert produce(run_cli, data, ["bilan", "--annee", "2024"], second) == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2024, 12, 31, 0, 0, 0)}
        meta = archive.read("docProps/core.xml" if suffix == ".docx" else "meta.xml")
    dates = re.findall(rb"<(?:dcterms:created|dcterms:modified|cp:lastPrinted|dc:date|"
                       rb"meta:creation-date|meta:print-date)[^>]*>([^<]*)<", meta)
    assert len(dates) == 2  # created and modified, or date and creation-date
    assert {d[:19] for d in dates} == {b"2024-12-31T00:00:00"}


@pytest.mark.parametrize(("day", "stamped"), [
    (date(2024, 12, 31), (2024, 12, 31, 0, 0, 0)),
    (date(1950, 1, 1), (1980, 1, 1, 0, 0, 0)),
    (date(2150, 6, 30), (2107, 12, 31, 0, 0, 0)),
    (None, (1980, 1, 1, 0, 0, 0)),
])
def test_zip_entries_dated_within_the_zip_range(day: date | None, stamped: tuple[int, ...]) -> None:
    """The supported days (1900–2200) go beyond what a zip entry can carry (1980–2107):
    a document dated outside is stamped with the nearest day, never refused."""
    from convention_cli.formats.docx import render_docx

    meta = None if day is None else DocumentMeta("Convention", ("DGOM",), day, "Situation.")
    payload = render_docx(parse_markdown("# Titre\n\nTexte.\n", meta))
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        assert {i.date_time for i in archive.infolist()} == {stamped}


def test_html_is_standalone(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    target = tmp_path / "bilan.html"
    assert produce(run_cli, data, ["bilan", "--annee", "2024"], target) == 0
    payload = target.read_bytes()
    _, external = html_outline(payload)
    text = payload.decode()
    assert "<script" not in text
    assert "<style>" in text
    assert "counter(page)" in text
    # No resource is fetched: only links to web pages the registry names.
    assert all(link.startswith(("https://", "http://")) for link in external), external
    assert '<html lang="fr">' in text


def test_unknown_extension_is_a_usage_error_and_writes_nothing(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    target = tmp_path / "bilan.pdf"
    code, _, errors = run_cli("bilan", "--annee", "2024", "--data", data, "-o", target)
    assert code == 2
    assert not target.exists()
    assert "extensions possibles .md, .docx, .odt, .html" in errors


def test_markdown_output_is_the_printed_text(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    target = tmp_path / "bilan.md"
    assert produce(run_cli, data, ["bilan", "--annee", "2024"], target) == 0
    assert target.read_text(encoding="utf-8") == run_cli.ok(
        "bilan", "--data", data, "--annee", "2024")


GANTT = """gantt
    title Échéances de 2024
    dateFormat YYYY-MM-DD
    section Bilans
    Bilan annuel 2023 #58; remise :crit, 2024-06-30, 1d
    section Commission
    Commission du 4e trimestre :2024-12-31, 1d
    Commission du 1er trimestre :done, 2024-03-31, 1d
"""


def test_parse_gantt() -> None:
    timeline = parse_gantt(GANTT)
    assert timeline.title == "Échéances de 2024"
    assert [(t.label, t.day.isoformat(), t.state, t.section) for t in timeline.tasks] == [
        ("Bilan annuel 2023 : remise", "2024-06-30", "late", "Bilans"),
        ("Commission du 4e trimestre", "2024-12-31", "open", "Commission"),
        ("Commission du 1er trimestre", "2024-03-31", "done", "Commission"),
    ]


def test_timeline_pictures_are_deterministic() -> None:
    timeline = parse_gantt(GANTT)
    svg = timeline_svg(timeline)
    assert svg == timeline_svg(timeline)
    assert "Bilan annuel 2023 : remise (30/06)" in svg  # text stays text
    png = timeline_png(timeline)
    assert png.startswith(b"\x89PNG")
    assert png == timeline_png(timeline)


def test_model_of_lists_quotes_and_tables() -> None:
    model = parse_markdown(
        "# Titre\n\n> Résumé\n>\n> - un\n> - deux\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "- **gras** et [lien](https://exemple.org)\n\n---\n\n*Situation au 1er juin 2024.*\n")
    assert model.title == "Titre"
    quote, table, listing, note = model.blocks
    assert isinstance(quote, Quote)
    assert isinstance(quote.blocks[1], ListBlock)
    assert len(quote.blocks[1].items) == 2
    assert isinstance(table, Table)
    assert [[s[0].text for s in row] for row in table.rows] == [["1", "2"]]
    assert isinstance(listing, ListBlock)
    first = listing.items[0][0]
    assert isinstance(first, Paragraph)
    assert first.content[0].bold
    assert first.content[-1].href == "https://exemple.org"
    assert isinstance(note, Paragraph)
    assert note.note


def test_timeline_layout_shared_by_svg_and_png() -> None:
    """One layout, two outputs: the PNG has the SVG's size at PNG_DPI; the as-of day is a
    dashed line; every state has its own shape (not only its colour)."""
    import struct
    from dataclasses import replace
    from datetime import date

    from convention_cli.formats.timeline import PNG_DPI, png_size_inches, svg_size

    timeline = replace(parse_gantt(GANTT), today=date(2024, 9, 1))
    svg = timeline_svg(timeline)
    assert "situation au 1er septembre 2024" in svg
    assert 'stroke-dasharray="5 3"' in svg
    for shape in ("<rect x=", "<circle ", "<path d="):  # late, done, open
        assert shape in svg
    width, height = svg_size(timeline)
    assert f'viewBox="0 0 {width} {height}"' in svg
    png = timeline_png(timeline)
    assert struct.unpack(">II", png[16:24]) == (round(width * PNG_DPI / 96),
                                                round(height * PNG_DPI / 96))
    assert png_size_inches(timeline) == (width / 96, height / 96)

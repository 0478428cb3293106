"""Helpers of the site tests: build a site from a registry, read its pages back."""

from __future__ import annotations

import io
import re
import zipfile
from contextlib import redirect_stderr
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from convention_cli.cli.app import main
from tests.conftest import copy_registry
from tests.paths import CASES

FIXTURE = CASES / "documents" / "data"
"""The documents' fixture: journal, meetings, indicators, confidential records."""
AS_OF = "2024-07-01"


def fixture_copy(tmp_path: Path) -> Path:
    """The fixture copied outside any git repository (no commit in provenance)."""
    return copy_registry(FIXTURE, tmp_path / "registre" / "data")


def build(data: Path, out: Path, *extra: str) -> Path:
    errors = io.StringIO()
    with redirect_stderr(errors):
        code = main(["site", "-o", str(out), "--data", str(data), *extra])
    assert code == 0, errors.getvalue()
    return out


def is_page(name: str) -> bool:
    """A page of the site (the documents' HTML versions are downloads, not pages)."""
    return name.endswith(".html") and (not name.startswith("documents/")
                                       or name == "documents/index.html")


def file_text(name: str, content: bytes) -> str:
    """What a sweep must read in a file of the site: its text; for a Word or ODT download,
    the name and text of every part of its zip (pictures are pixels: only their names)."""
    if not name.endswith((".docx", ".odt")):
        return content.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "\n".join(
            part + "\n" + (archive.read(part).decode("utf-8")
                            if part.endswith((".xml", ".rels")) else "")
            for part in sorted(archive.namelist()))


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


@dataclass
class PageInfo:
    """What the link checker and the quality tests need from one HTML page."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(tag.attribute, value) of every href and src."""
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    h1: int = 0
    lang: str | None = None
    text: list[str] = field(default_factory=list)

    @property
    def plain(self) -> str:
        """The page's text, whitespace collapsed."""
        return re.sub(r"[ \t\n\r\f]+", " ", "".join(self.text))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.info.tags.append((tag, values))
        if tag == "html":
            self.info.lang = values.get("lang")
        if tag == "h1":
            self.info.h1 += 1
        if values.get("id"):
            self.info.ids.add(str(values["id"]))
        for name in ("href", "src"):
            value = values.get(name)
            if value is not None:
                self.info.links.append((f"{tag}.{name}", value))

    def handle_data(self, data: str) -> None:
        self.info.text.append(data)


def read_page(content: bytes) -> PageInfo:
    parser = _Collector()
    parser.feed(content.decode("utf-8"))
    parser.close()
    return parser.info

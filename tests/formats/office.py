"""Readers of the produced office files, for the tests: each file back to an outline.

The outline lists, in document order, the paragraphs with their style, the tables row by
row and the pictures: what a reader of the file sees, comparable as exact text.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from typing import Any


def docx_outline(payload: bytes) -> str:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(payload))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            pictures = child.findall(".//{http://schemas.openxmlformats.org/"
                                     "drawingml/2006/picture}pic")
            if pictures:
                lines.append("[image]")
            text = _text(child)
            if text:
                lines.append(f"[{paragraph.style.name if paragraph.style else ''}] {text}")
        elif tag == "tbl":
            table = Table(child, document)
            lines.extend("| " + " | ".join(c.text.replace("\n", " / ") for c in row.cells)
                         + " |" for row in table.rows)
    footer = document.sections[0].footer._element
    lines.append("[pied de page] " + " ".join(
        node.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instr") or ""
        for node in footer.iter() if node.tag.endswith("fldSimple")))
    return "\n".join(lines) + "\n"


def _text(element: Any) -> str:
    """Paragraph text including hyperlinks (python-docx's ``text`` skips fields)."""
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return "".join(node.text or "" for node in element.iter(f"{ns}t"))


def odt_outline(payload: bytes) -> str:
    from odf import draw, table, teletype, text
    from odf.namespaces import TABLENS, TEXTNS
    from odf.opendocument import load

    document = load(io.BytesIO(payload))
    lines: list[str] = []

    def walk(element: Any, depth: int) -> None:
        for child in element.childNodes:
            qname = getattr(child, "qname", None)
            if qname == (TEXTNS, "h"):
                level = child.getAttribute("outlinelevel")
                lines.append(f"[h{level}] {teletype.extractText(child)}")
            elif qname == (TEXTNS, "p"):
                if child.getElementsByType(draw.Image):
                    lines.append("[image]")
                content = teletype.extractText(child)
                if content:
                    style = child.getAttribute("stylename")
                    lines.append(f"{'  ' * depth}[{style}] {content}")
            elif qname == (TEXTNS, "list"):
                for item in child.childNodes:
                    walk(item, depth + 1)
            elif qname == (TABLENS, "table"):
                for row in child.getElementsByType(table.TableRow):
                    cells = [" / ".join(teletype.extractText(p) for p in
                                        cell.getElementsByType(text.P) if teletype.extractText(p))
                             for cell in row.getElementsByType(table.TableCell)]
                    lines.append("| " + " | ".join(cells) + " |")

    walk(document.text, 0)
    styles = zipfile.ZipFile(io.BytesIO(payload)).read("styles.xml").decode()
    footer = re.search(r"<style:footer>(.*?)</style:footer>", styles, re.DOTALL)
    lines.append("[pied de page] " + re.sub(r"<[^>]+>", "", footer.group(1) if footer else ""))
    return "\n".join(lines) + "\n"


class _Outline(HTMLParser):
    BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "th", "td", "figure")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.stack: list[str] = []
        self.buffer: list[str] = []
        self.in_svg = 0
        self.row: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith(("#", "data:")):
                self.external.append(value)
        if tag == "svg":
            self.in_svg += 1
            self.lines.append("[image svg]")
        if self.in_svg:
            return
        if tag == "link":
            self.external.append("link")
        if tag in self.BLOCKS:
            self.stack.append(tag)
            self.buffer = []
        if tag == "tr":
            self.row = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.in_svg -= 1
            return
        if self.in_svg:
            return
        if tag in self.BLOCKS and self.stack and self.stack[-1] == tag:
            self.stack.pop()
            content = re.sub(r"[ \t\n]+", " ", "".join(self.buffer)).strip()
            if tag in ("th", "td"):
                self.row.append(content)
            elif content:
                self.lines.append(f"[{tag}] {content}")
            self.buffer = []
        if tag == "tr":
            self.lines.append("| " + " | ".join(self.row) + " |")

    def handle_data(self, data: str) -> None:
        if not self.in_svg and self.stack:
            self.buffer.append(data)


def html_outline(payload: bytes) -> tuple[str, list[str]]:
    """The outline, and every external resource or link the page refers to."""
    parser = _Outline()
    parser.feed(payload.decode("utf-8"))
    return "\n".join(parser.lines) + "\n", parser.external

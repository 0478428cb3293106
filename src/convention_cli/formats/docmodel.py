"""One intermediate model of a generated document, read from its Markdown.

Every document is first rendered as Markdown by its Jinja template (the form kept in git
and shown on GitHub/GitLab). The office formats (DOCX, ODT, HTML) are written from this
model, so that the three say exactly what the Markdown says: headings, paragraphs,
lists, tables, quotes, and the Mermaid gantt as a picture. markdown-it-py parses the
Markdown as CommonMark (tables enabled), the same reading the tests check.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, BinaryIO

from convention_cli.views.provenance import DocumentMeta


@dataclass(frozen=True)
class Span:
    """A run of text with its inline style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


Inline = tuple[Span, ...]


@dataclass(frozen=True)
class Heading:
    """A heading; the document's level 1 is its title, so its sections are level 2."""

    level: int
    content: Inline


@dataclass(frozen=True)
class Paragraph:
    content: Inline
    note: bool = False
    """The closing provenance line: small and discreet."""


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class Quote:
    """A quotation of the agreement's text (``>``): its blocks in the quote style."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Code:
    """A fenced block: ``info`` ``mermaid`` is the timeline, drawn as a picture."""

    info: str
    text: str


@dataclass(frozen=True)
class Rule:
    """A thematic break (``---``): an empty line in the office formats."""


Block = Heading | Paragraph | ListBlock | Quote | Table | Code | Rule

__all__ = ["DocumentMeta"]  # re-exported: the writers take it with the model


@dataclass(frozen=True)
class DocumentModel:
    title: str
    blocks: tuple[Block, ...]
    meta: DocumentMeta | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class BlockWriter:
    """The walk every office format shares (DOCX, ODT, HTML): the body in order, the
    signature block before the closing provenance line (or last), and one method per
    kind of block. A format implements only its primitives: ``heading``, ``paragraph``,
    ``list_block``, ``quote``, ``table``, ``code``, ``rule`` (each taking the block and
    the format's own context, such as the depth or the parent element), ``note`` and
    ``signatures``."""

    def __init__(self, document: Any = None) -> None:
        self.document = document
        """The format's document object (python-docx, odfpy), written into as it goes."""

    def write(self, model: DocumentModel) -> None:
        """The whole document: title block, body, then what closes it."""
        self.title_block(model)
        self.write_body(model)
        self.closing(model)

    def title_block(self, model: DocumentModel) -> None:
        raise NotImplementedError

    def closing(self, model: DocumentModel) -> None:
        """Footer, properties, metadata: whatever the format adds after the body."""

    def write_body(self, model: DocumentModel) -> None:
        noted = False
        for block in model.blocks:
            if isinstance(block, Paragraph) and block.note:
                noted = True
                self.signatures(model)
                self.note(block.content)
            else:
                self.add(self.block(block))
        if not noted:
            self.signatures(model)

    def block(self, block: Block, *context: Any) -> Any:
        return getattr(self, _PRIMITIVES[type(block)])(block, *context)

    def add(self, written: Any) -> None:
        """What a top-level primitive returned: nothing for the formats that write into a
        document as they go; the text of the block for those that join texts (HTML)."""

    def signatures(self, model: DocumentModel) -> None:
        raise NotImplementedError

    def note(self, content: Inline) -> None:
        raise NotImplementedError


ZIP_FIRST_DAY = date(1980, 1, 1)
ZIP_LAST_DAY = date(2107, 12, 31)
"""The days a zip entry can carry (MS-DOS time); a document's day outside them (the
supported range is 1900–2200) is brought to the nearest one."""


def saved_bytes(save: Callable[[BinaryIO], object], model: DocumentModel) -> bytes:
    """The bytes a library's ``save(stream)`` writes (a .docx, an .odt), every part of
    the zip dated the document's day (:func:`zip_day`): the same registry and day give
    the same bytes, whether written by a command (``-o``) or by the site."""
    buffer = io.BytesIO()
    save(buffer)
    return stable_zip(buffer.getvalue(), zip_day(model))


def zip_day(model: DocumentModel) -> date:
    """The day a document's zip entries carry: its date (the as-of day, or a meeting's
    day), the one its file properties state; the zip format's first day without one."""
    day = model.meta.date if model.meta is not None else ZIP_FIRST_DAY
    return min(max(day, ZIP_FIRST_DAY), ZIP_LAST_DAY)


def stable_zip(payload: bytes, day: date) -> bytes:
    """A Word or ODT file with every part dated ``day`` at midnight (the writers stamp
    the time of writing). Order, compression and attributes are kept (ODT's
    ``mimetype`` stays first and stored)."""
    import zipfile

    out = io.BytesIO()
    with (zipfile.ZipFile(io.BytesIO(payload)) as source,
          zipfile.ZipFile(out, "w") as target):
        for info in source.infolist():
            stable = zipfile.ZipInfo(info.filename, (day.year, day.month, day.day, 0, 0, 0))
            stable.compress_type = info.compress_type
            stable.external_attr = info.external_attr
            stable.create_system = 3  # the same on every system
            target.writestr(stable, source.read(info.filename))
    return out.getvalue()


_PRIMITIVES: dict[type, str] = {
    Heading: "heading", Paragraph: "paragraph", ListBlock: "list_block", Quote: "quote",
    Table: "table", Code: "code", Rule: "rule",
}


def plain(content: Inline) -> str:
    return "".join(span.text for span in content)


def parse_markdown(text: str, meta: DocumentMeta | None = None) -> DocumentModel:
    """The model of a generated Markdown document; its first level-1 heading is the title
    (taken out of the body: the title block shows it)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(text)
    blocks, _ = _blocks(tokens, 0, None)
    title = ""
    body: list[Block] = []
    for block in blocks:
        if not title and isinstance(block, Heading) and block.level == 1:
            title = plain(block.content)
            continue
        body.append(block)
    # The paragraph after the last rule is the provenance line.
    rules = [i for i, b in enumerate(body) if isinstance(b, Rule)]
    if rules and rules[-1] == len(body) - 2 and isinstance(body[-1], Paragraph):
        last = body[-1]
        body[-1] = Paragraph(last.content, note=True)
        del body[rules[-1]]
    return DocumentModel(title, tuple(body), meta)


def _blocks(tokens: list[Any], index: int, closing: str | None) -> tuple[list[Block], int]:
    """Blocks from ``tokens[index:]`` up to the token of type ``closing``."""
    blocks: list[Block] = []
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if closing is not None and kind == closing:
            return blocks, index + 1
        if kind == "heading_open":
            blocks.append(Heading(int(token.tag[1:]), _inline(tokens[index + 1])))
            index += 3
        elif kind == "paragraph_open":
            blocks.append(Paragraph(_inline(tokens[index + 1])))
            index += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            end = kind.replace("_open", "_close")
            items: list[tuple[Block, ...]] = []
            index += 1
            while tokens[index].type != end:
                item, index = _blocks(tokens, index + 1, "list_item_close")
                items.append(tuple(item))
            blocks.append(ListBlock(kind == "ordered_list_open", tuple(items)))
            index += 1
        elif kind == "blockquote_open":
            inner, index = _blocks(tokens, index + 1, "blockquote_close")
            blocks.append(Quote(tuple(inner)))
        elif kind == "table_open":
            table, index = _table(tokens, index + 1)
            blocks.append(table)
        elif kind in ("fence", "code_block"):
            blocks.append(Code(token.info.strip(), token.content))
            index += 1
        elif kind == "hr":
            blocks.append(Rule())
            index += 1
        else:  # html_block and anything unexpected: kept as text, never as markup
            if token.content.strip():
                blocks.append(Paragraph((Span(token.content.strip()),)))
            index += 1
    return blocks, index


def _table(tokens: list[Any], index: int) -> tuple[Table, int]:
    header: list[Inline] = []
    rows: list[tuple[Inline, ...]] = []
    current: list[Inline] = []
    in_head = False
    while tokens[index].type != "table_close":
        kind = tokens[index].type
        if kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            current = []
        elif kind == "tr_close":
            if in_head:
                header = current
            else:
                rows.append(tuple(current))
        elif kind == "inline":
            current.append(_inline(tokens[index]))
        index += 1
    return Table(tuple(header), tuple(rows)), index + 1


def _inline(token: Any) -> Inline:
    spans: list[Span] = []
    bold = italic = False
    href: str | None = None
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            _append(spans, Span(child.content, bold, italic, False, href))
        elif kind == "code_inline":
            spans.append(Span(child.content, bold, italic, True, href))
        elif kind in ("softbreak", "hardbreak"):
            _append(spans, Span(" ", bold, italic, False, href))
        elif kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
        elif kind == "link_close":
            href = None
        elif kind in ("html_inline", "image"):
            _append(spans, Span(child.content, bold, italic, False, href))
    return tuple(spans)


def _append(spans: list[Span], span: Span) -> None:
    """Merge runs of the same style (markdown-it splits text at every escape)."""
    if not span.text:
        return
    if spans:
        last = spans[-1]
        if (not last.code and not span.code and (last.bold, last.italic, last.href)
                == (span.bold, span.italic, span.href)):
            spans[-1] = Span(last.text + span.text, last.bold, last.italic, False, last.href)
            return
    spans.append(span)

"""A document as a Word file (.docx), written with python-docx from the intermediate model.

Reference style: a title block (the convention's name, the title, the parties, the
date), Word's own heading styles (so the navigation pane and a table of contents work),
tables with a coloured header row repeated on each page, the timeline as a picture, page
numbers in the footer (« page N sur M »), a signature block for the bilans and the
provenance both as a discreet closing line and in the document properties.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from convention_cli.formats import docmodel
from convention_cli.formats.docmodel import BlockWriter, DocumentModel, Inline, Paragraph

ACCENT = "1F4E79"
PICTURE_WIDTH_CM = 16.0


def render_docx(model: DocumentModel) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10.5)
    for level in (1, 2, 3, 4):
        style = document.styles[f"Heading {level}"]
        style.font.color.rgb = RGBColor.from_string(ACCENT)
    _DocxWriter(document).write(model)
    return docmodel.saved_bytes(document.save, model)


class _DocxWriter(BlockWriter):
    # --- title block, footer, properties ------------------------------------------------

    def title_block(self, model: DocumentModel) -> None:
        from docx.shared import Pt, RGBColor

        meta = model.meta
        if meta is not None:
            line = self.document.add_paragraph()
            run = line.add_run(meta.convention)
            run.font.small_caps = True
            run.font.color.rgb = RGBColor.from_string(ACCENT)
        title = self.document.add_paragraph(model.title, style="Title")
        title.runs[0].font.size = Pt(22)
        if meta is not None:
            from convention_cli.vocab import format_date

            self.document.add_paragraph(" · ".join(meta.parties))
            self.document.add_paragraph(format_date(meta.date))

    def closing(self, model: DocumentModel) -> None:
        self.footer()
        self.properties(model)

    def footer(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for section in self.document.sections:
            paragraph = section.footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run("page ")
            _field(paragraph, "PAGE")
            paragraph.add_run(" sur ")
            _field(paragraph, "NUMPAGES")

    def properties(self, model: DocumentModel) -> None:
        core = self.document.core_properties
        core.title = model.title
        core.author = "convention"
        core.last_modified_by = "convention"
        core.revision = 1
        meta = model.meta
        if meta is not None:
            moment = datetime(meta.date.year, meta.date.month, meta.date.day)
            core.subject = meta.convention
            core.comments = meta.provenance
            core.keywords = ", ".join(meta.parties)
            core.created = moment
            core.modified = moment
            core.version = meta.version
            core.identifier = meta.commit or ""

    def signatures(self, model: DocumentModel) -> None:
        meta = model.meta
        if meta is None or not meta.signatures:
            return
        self.document.add_heading("Signatures", level=1)
        names = list(meta.signatures)
        rows = [names[i:i + 2] for i in range(0, len(names), 2)]
        table = self.document.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for r, chunk in enumerate(rows):
            for c, name in enumerate(chunk):
                cell = table.cell(r, c)
                cell.text = name
                cell.add_paragraph("Nom, qualité, date et signature\u00a0:")
                for _ in range(3):
                    cell.add_paragraph("")

    def note(self, content: Inline) -> None:
        from docx.shared import Pt, RGBColor

        paragraph = self.document.add_paragraph()
        self.runs(paragraph, content)
        for run in paragraph.runs:
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor.from_string("666666")

    # --- blocks ------------------------------------------------------------------------

    def heading(self, block: docmodel.Heading, depth: int = 0, quoted: bool = False) -> None:
        paragraph = self.document.add_heading("", level=min(max(block.level - 1, 1), 9))
        self.runs(paragraph, block.content)

    def paragraph(self, block: Paragraph, depth: int = 0, quoted: bool = False) -> None:
        paragraph = self.document.add_paragraph(style="Quote" if quoted else None)
        self.runs(paragraph, block.content)

    def list_block(self, block: docmodel.ListBlock, depth: int = 0, quoted: bool = False) -> None:
        base = "List Number" if block.ordered else "List Bullet"
        style = base if depth == 0 else f"{base} {min(depth + 1, 3)}"
        for item in block.items:
            first, *rest = item or (Paragraph(()),)
            if isinstance(first, Paragraph):
                paragraph = self.document.add_paragraph(style=style)
                self.runs(paragraph, first.content)
            else:
                self.block(first, depth + 1, quoted)
            for inner in rest:
                self.block(inner, depth + 1, quoted)

    def quote(self, block: docmodel.Quote, depth: int = 0, quoted: bool = False) -> None:
        for inner in block.blocks:
            self.block(inner, depth, True)

    def rule(self, block: docmodel.Rule, depth: int = 0, quoted: bool = False) -> None:
        self.document.add_paragraph("")

    def table(self, block: docmodel.Table, depth: int = 0, quoted: bool = False) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt, RGBColor

        columns = len(block.header)
        table = self.document.add_table(rows=1 + len(block.rows), cols=columns)
        table.style = "Table Grid"
        header = table.rows[0]
        # The header row repeats at the top of each page.
        properties = header._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
        for cell, content in zip(header.cells, block.header, strict=True):
            paragraph = cell.paragraphs[0]
            self.runs(paragraph, content)
            for run in paragraph.runs:
                run.font.bold = True
                run.font.color.rgb = RGBColor.from_string("FFFFFF")
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:fill"), ACCENT)
            cell._tc.get_or_add_tcPr().append(shading)
        for row, cells in zip(table.rows[1:], block.rows, strict=True):
            for cell, content in zip(row.cells, cells, strict=False):
                self.runs(cell.paragraphs[0], content)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(9)

    def code(self, block: docmodel.Code, depth: int = 0, quoted: bool = False) -> None:
        if block.info == "mermaid":
            from docx.shared import Cm

            from convention_cli.formats.timeline import parse_gantt, timeline_png

            timeline = parse_gantt(block.text)
            self.document.add_picture(io.BytesIO(timeline_png(timeline)),
                                      width=Cm(PICTURE_WIDTH_CM))
            return
        from docx.shared import Pt

        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(block.text.rstrip("\n"))
        run.font.name = "DejaVu Sans Mono"
        run.font.size = Pt(8.5)

    def runs(self, paragraph: Any, content: Inline) -> None:
        for span in content:
            if span.href and span.href.startswith(("https://", "http://", "mailto:")):
                _hyperlink(paragraph, span.text, span.href)
                continue
            run = paragraph.add_run(span.text)
            run.bold = span.bold or None
            run.italic = span.italic or None
            if span.code:
                run.font.name = "DejaVu Sans Mono"


def _field(paragraph: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _hyperlink(paragraph: Any, text: str, url: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:color")
    style.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(style)
    properties.append(underline)
    run.append(properties)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)

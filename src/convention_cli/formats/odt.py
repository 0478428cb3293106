"""A document as an OpenDocument text (.odt), written with odfpy from the intermediate model.

The same reference style as the Word file: title block, heading styles named as
LibreOffice's (« Heading 1 »…, so the navigator lists them), tables with a coloured
header row, the timeline as a picture, « page N sur M » in the footer, a signature block
for the bilans, the provenance as a closing line and in the document's metadata.
"""

from __future__ import annotations

from typing import Any

from convention_cli.formats import docmodel
from convention_cli.formats.docmodel import BlockWriter, DocumentModel, Inline, Paragraph

ACCENT = "#1f4e79"
PICTURE_WIDTH_CM = 16.0


def render_odt(model: DocumentModel) -> bytes:
    from odf.element import Element
    from odf.opendocument import OpenDocumentText

    # odfpy declares in every file each namespace any element of the process has used (a
    # class-wide dict): forgotten here, a document declares its own only, whatever was
    # written before it in the same process (the site writes several).
    Element.namespaces.clear()
    document = OpenDocumentText()
    _OdtWriter(document).write(model)
    return docmodel.saved_bytes(document.write, model)


class _OdtWriter(BlockWriter):
    def __init__(self, document: Any) -> None:
        super().__init__(document)
        self.styles: dict[str, Any] = {}
        self.pictures = 0
        self.tables = 0
        self._define_styles()

    def _define_styles(self) -> None:
        from odf.style import FontFace, ParagraphProperties, Style, TextProperties

        doc = self.document
        doc.fontfacedecls.addElement(FontFace(name="Liberation Sans",
                                              fontfamily="'Liberation Sans'",
                                              fontfamilygeneric="swiss", fontpitch="variable"))

        def paragraph_style(name: str, family: str = "paragraph", auto: bool = False,
                            parent: str | None = None, text: dict[str, str] | None = None,
                            para: dict[str, str] | None = None, **extra: Any) -> Any:
            style = Style(name=name, family=family, **extra)
            if parent:
                style.setAttribute("parentstylename", parent)
            if para:
                style.addElement(ParagraphProperties(**para))
            if text:
                style.addElement(TextProperties(**text))
            (doc.automaticstyles if auto else doc.styles).addElement(style)
            return style

        base = {"fontname": "Liberation Sans", "fontsize": "10.5pt"}
        self.styles["standard"] = paragraph_style(
            "Standard", text=base, para={"marginbottom": "0.2cm"})
        self.styles["title"] = paragraph_style(
            "Title", parent="Standard", text={"fontsize": "22pt", "fontweight": "bold",
                                              "color": ACCENT},
            para={"margintop": "0.1cm", "marginbottom": "0.2cm"})
        self.styles["convention"] = paragraph_style(
            "Convention", parent="Standard", text={"fontvariant": "small-caps",
                                                   "color": ACCENT})
        self.styles["quote"] = paragraph_style(
            "Quotations", parent="Standard",
            para={"marginleft": "0.6cm", "borderleft": f"0.1cm solid {ACCENT}",
                  "padding": "0.15cm", "backgroundcolor": "#f2f5f9"})
        self.styles["note"] = paragraph_style(
            "Provenance", parent="Standard", text={"fontsize": "8pt", "color": "#666666"},
            para={"margintop": "0.8cm", "bordertop": "0.02cm solid #cccccc",
                  "paddingtop": "0.1cm"})
        self.styles["cell"] = paragraph_style(
            "Table Contents", parent="Standard", text={"fontsize": "9pt"},
            para={"marginbottom": "0cm"})
        self.styles["head"] = paragraph_style(
            "Table Heading", parent="Table Contents", text={"fontsize": "9pt",
                                                            "fontweight": "bold",
                                                            "color": "#ffffff"})
        self.styles["code"] = paragraph_style(
            "Preformatted Text", parent="Standard",
            text={"fontname": "DejaVu Sans Mono", "fontsize": "8.5pt"})
        self.styles["footer"] = paragraph_style(
            "Footer", parent="Standard", text={"fontsize": "9pt", "color": "#555555"},
            para={"textalign": "center"})
        sizes = {1: "15pt", 2: "12.5pt", 3: "11pt", 4: "10.5pt"}
        for level, size in sizes.items():
            self.styles[f"h{level}"] = paragraph_style(
                f"Heading {level}", parent="Standard", displayname=f"Heading {level}",
                defaultoutlinelevel=str(level), nextstylename="Standard",
                text={"fontsize": size, "fontweight": "bold", "color": ACCENT},
                para={"margintop": "0.45cm", "marginbottom": "0.15cm",
                      "keepwithnext": "always"})
        for key, props in {"b": {"fontweight": "bold"}, "i": {"fontstyle": "italic"},
                           "bi": {"fontweight": "bold", "fontstyle": "italic"},
                           "code": {"fontname": "DejaVu Sans Mono"}}.items():
            paragraph_style(f"T_{key}", family="text", auto=True, text=props)
            self.styles[f"T_{key}"] = f"T_{key}"
        self._table_styles()
        self._list_styles()
        self._page()

    def _table_styles(self) -> None:
        """Tables: full width, coloured header cells, thin borders."""
        from odf.style import Style, TableCellProperties, TableColumnProperties, TableProperties

        doc = self.document
        table = Style(name="Tableau", family="table")
        table.addElement(TableProperties(width="17cm", align="margins"))
        doc.automaticstyles.addElement(table)
        self.styles["table"] = table
        column = Style(name="Tableau.A", family="table-column")
        column.addElement(TableColumnProperties(relcolumnwidth="1*"))
        doc.automaticstyles.addElement(column)
        self.styles["column"] = column
        for key, fill in (("headcell", ACCENT), ("bodycell", None)):
            cell = Style(name=f"Tableau.{key}", family="table-cell")
            properties = {"border": "0.02cm solid #b7c4d4", "padding": "0.08cm"}
            if fill:
                properties["backgroundcolor"] = fill
            cell.addElement(TableCellProperties(**properties))
            doc.automaticstyles.addElement(cell)
            self.styles[key] = cell
    def _list_styles(self) -> None:
        """Lists: bullets and numbers on three levels."""
        from odf.style import ListLevelProperties
        from odf.text import ListLevelStyleBullet, ListLevelStyleNumber, ListStyle

        doc = self.document
        for key, ordered in (("bullets", False), ("numbers", True)):
            list_style = ListStyle(name=f"Liste_{key}")
            for level in (1, 2, 3):
                if ordered:
                    level_style: Any = ListLevelStyleNumber(level=level, numformat="1",
                                                            numsuffix=".")
                else:
                    level_style = ListLevelStyleBullet(level=level, bulletchar="•–◦"[level - 1])
                level_style.addElement(ListLevelProperties(
                    spacebefore=f"{0.6 * (level - 1) + 0.3}cm", minlabelwidth="0.5cm"))
                list_style.addElement(level_style)
            doc.automaticstyles.addElement(list_style)
            self.styles[key] = list_style
    def _page(self) -> None:
        """The page: A4, margins, « page N sur M » in the footer."""
        from odf.style import Footer, MasterPage, PageLayout, PageLayoutProperties
        from odf.text import P, PageCount, PageNumber

        doc = self.document
        layout = PageLayout(name="A4")
        layout.addElement(PageLayoutProperties(
            pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
            margintop="2cm", marginbottom="1.5cm", marginleft="2cm", marginright="2cm"))
        doc.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        footer = Footer()
        line = P(stylename=self.styles["footer"], text="page ")
        line.addElement(PageNumber(selectpage="current", text="1"))
        line.addText(" sur ")
        line.addElement(PageCount(text="1"))
        footer.addElement(line)
        master.addElement(footer)
        doc.masterstyles.addElement(master)

    # --- title block and metadata ------------------------------------------------------

    def title_block(self, model: DocumentModel) -> None:
        from odf.text import P

        meta = model.meta
        if meta is not None:
            self.document.text.addElement(P(stylename=self.styles["convention"],
                                            text=meta.convention))
        self.document.text.addElement(P(stylename=self.styles["title"], text=model.title))
        if meta is not None:
            from convention_cli.vocab import format_date

            self.document.text.addElement(P(stylename=self.styles["standard"],
                                            text=" · ".join(meta.parties)))
            self.document.text.addElement(P(stylename=self.styles["standard"],
                                            text=format_date(meta.date)))

    def closing(self, model: DocumentModel) -> None:
        self.metadata(model)

    def metadata(self, model: DocumentModel) -> None:
        from odf import dc
        from odf import meta as odfmeta

        target = self.document.meta
        target.addElement(dc.Title(text=model.title))
        meta = model.meta
        if meta is None:
            return
        target.addElement(dc.Subject(text=meta.convention))
        target.addElement(dc.Description(text=meta.provenance))
        stamp = f"{meta.date.isoformat()}T00:00:00"
        target.addElement(dc.Date(text=stamp))
        target.addElement(odfmeta.CreationDate(text=stamp))
        for party in meta.parties:
            target.addElement(odfmeta.Keyword(text=party))

    def signatures(self, model: DocumentModel) -> None:
        from odf.text import H

        meta = model.meta
        if meta is None or not meta.signatures:
            return
        self.document.text.addElement(H(outlinelevel=1, stylename=self.styles["h1"],
                                        text="Signatures"))
        names = list(meta.signatures)
        rows = [names[i:i + 2] for i in range(0, len(names), 2)]
        cells = [tuple((name, "Nom, qualité, date et signature\u00a0:", "", "", "")
                       for name in chunk) for chunk in rows]
        self._table(None, [[_lines(c) for c in row] + [()] * (2 - len(row)) for row in cells],
                    columns=2)

    # --- blocks ------------------------------------------------------------------------

    def add_paragraph(self, content: Inline, style: Any, parent: Any = None) -> Any:
        from odf.text import P

        paragraph = P(stylename=style)
        self.inline(paragraph, content)
        (parent if parent is not None else self.document.text).addElement(paragraph)
        return paragraph

    def note(self, content: Inline) -> None:
        self.add_paragraph(content, self.styles["note"])

    def heading(self, block: docmodel.Heading, depth: int = 0, parent: Any = None,
                quoted: bool = False) -> None:
        from odf.text import H

        level = min(max(block.level - 1, 1), 4)
        heading = H(outlinelevel=level, stylename=self.styles[f"h{level}"])
        self.inline(heading, block.content)
        self._target(parent).addElement(heading)

    def paragraph(self, block: Paragraph, depth: int = 0, parent: Any = None,
                  quoted: bool = False) -> None:
        self.add_paragraph(block.content, self.styles["quote" if quoted else "standard"],
                           self._target(parent))

    def list_block(self, block: docmodel.ListBlock, depth: int = 0, parent: Any = None,
                   quoted: bool = False) -> None:
        from odf.text import List, ListItem

        listing = List(stylename=self.styles["numbers" if block.ordered else "bullets"])
        for item in block.items:
            entry = ListItem()
            for inner in item:
                self.block(inner, depth + 1, entry, quoted)
            listing.addElement(entry)
        self._target(parent).addElement(listing)

    def quote(self, block: docmodel.Quote, depth: int = 0, parent: Any = None,
              quoted: bool = False) -> None:
        for inner in block.blocks:
            self.block(inner, depth, self._target(parent), True)

    def table(self, block: docmodel.Table, depth: int = 0, parent: Any = None,
              quoted: bool = False) -> None:
        self._table(block.header, list(block.rows), columns=len(block.header),
                    parent=self._target(parent))

    def rule(self, block: docmodel.Rule, depth: int = 0, parent: Any = None,
             quoted: bool = False) -> None:
        self.add_paragraph((), self.styles["standard"], self._target(parent))

    def _target(self, parent: Any) -> Any:
        return parent if parent is not None else self.document.text

    def _table(self, header: tuple[Inline, ...] | None, rows: list[Any], columns: int,
               parent: Any = None) -> None:
        from odf.table import Table as OdfTable
        from odf.table import TableCell, TableColumn, TableHeaderRows, TableRow

        self.tables += 1
        table = OdfTable(name=f"Tableau{self.tables}", stylename=self.styles["table"])
        table.addElement(TableColumn(numbercolumnsrepeated=columns,
                                     stylename=self.styles["column"]))
        if header is not None:
            head = TableHeaderRows()
            row = TableRow()
            for content in header:
                cell = TableCell(valuetype="string", stylename=self.styles["headcell"])
                self.add_paragraph(content, self.styles["head"], cell)
                row.addElement(cell)
            head.addElement(row)
            table.addElement(head)
        for cells in rows:
            row = TableRow()
            for index in range(columns):
                content = cells[index] if index < len(cells) else ()
                cell = TableCell(valuetype="string", stylename=self.styles["bodycell"])
                if content and isinstance(content[0], tuple):  # several lines
                    for line in content:
                        self.add_paragraph(line, self.styles["cell"], cell)
                else:
                    self.add_paragraph(content, self.styles["cell"], cell)
                row.addElement(cell)
            table.addElement(row)
        (parent if parent is not None else self.document.text).addElement(table)

    def code(self, block: docmodel.Code, depth: int = 0, parent: Any = None,
             quoted: bool = False) -> None:
        from odf.text import P

        parent = self._target(parent)
        if block.info == "mermaid":
            from odf.draw import Frame, Image

            from convention_cli.formats.timeline import (
                parse_gantt,
                png_size_inches,
                timeline_png,
            )

            timeline = parse_gantt(block.text)
            png = timeline_png(timeline)
            self.pictures += 1
            href = self.document.addPicture(f"Pictures/frise-{self.pictures}.png",
                                            "image/png", png)
            width, height = png_size_inches(timeline)
            scale = PICTURE_WIDTH_CM / (width * 2.54)
            frame = Frame(name=f"Frise{self.pictures}", anchortype="as-char",
                          width=f"{PICTURE_WIDTH_CM:.2f}cm",
                          height=f"{height * 2.54 * scale:.2f}cm")
            frame.addElement(Image(href=href))
            holder = P(stylename=self.styles["standard"])
            holder.addElement(frame)
            parent.addElement(holder)
            return
        for line in block.text.rstrip("\n").split("\n"):
            parent.addElement(P(stylename=self.styles["code"], text=line))

    def inline(self, element: Any, content: Inline) -> None:
        from odf import teletype
        from odf.text import A
        from odf.text import Span as OdfSpan

        for span in content:
            key = "bi" if span.bold and span.italic else "b" if span.bold else \
                "i" if span.italic else "code" if span.code else None
            target = element
            if span.href and span.href.startswith(("https://", "http://", "mailto:")):
                link = A(type="simple", href=span.href)
                element.addElement(link)
                target = link
            if key is None:
                teletype.addTextToElement(target, span.text)
            else:
                run = OdfSpan(stylename=self.styles[f"T_{key}"])
                teletype.addTextToElement(run, span.text)
                target.addElement(run)


def _lines(texts: tuple[str, ...]) -> tuple[Inline, ...]:
    from convention_cli.formats.docmodel import Span

    return tuple((Span(text),) if text else () for text in texts)

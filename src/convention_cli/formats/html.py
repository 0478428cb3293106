"""A document as one standalone HTML file: styles inside, picture inline, no network.

Written from the intermediate model (``docmodel``): the same headings, tables and lists
as the Markdown. The timeline is inline SVG (its text stays searchable and printable);
page numbers appear when printed (CSS paged media). Public interface, reused by the
static site: ``STYLE`` (the reference style sheet), ``inline_html(spans)``,
``blocks_html(blocks)`` and ``render_html(model)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from convention_cli.formats import docmodel
from convention_cli.formats.docmodel import Block, BlockWriter, DocumentModel, Inline, Paragraph

STYLE = """\
@page {
  size: A4;
  margin: 2cm 2cm 2.2cm;
  @bottom-center {
    content: counter(page) " / " counter(pages);
    font: 9pt sans-serif;
    color: #555;
  }
}
body {
  font-family: "Marianne", "Liberation Sans", Arial, sans-serif;
  font-size: 11pt;
  line-height: 1.4;
  color: #1a1a1a;
  max-width: 48rem;
  margin: 2rem auto;
  padding: 0 1rem;
}
header.titre {
  border-bottom: 2px solid #1f4e79;
  margin-bottom: 1.5rem;
  padding-bottom: .75rem;
}
header.titre .convention {
  font-variant: small-caps;
  letter-spacing: .03em;
  color: #1f4e79;
  margin: 0;
}
header.titre h1 { font-size: 20pt; margin: .3rem 0; color: #1f4e79; }
header.titre .parties, header.titre .date { margin: .1rem 0; color: #333; }
h2 {
  font-size: 14pt;
  color: #1f4e79;
  border-bottom: 1px solid #c8d3e0;
  padding-bottom: .15rem;
  margin-top: 1.6rem;
}
h3 { font-size: 12pt; color: #1f4e79; margin-top: 1.2rem; }
h4 { font-size: 11pt; margin-top: 1rem; }
table {
  border-collapse: collapse;
  width: 100%;
  margin: .6rem 0 1rem;
  font-size: 9.5pt;
  page-break-inside: auto;
}
th { background: #1f4e79; color: #fff; text-align: left; font-weight: bold; }
th, td { border: 1px solid #b7c4d4; padding: .25rem .4rem; vertical-align: top; }
tr:nth-child(even) td { background: #f2f5f9; }
blockquote {
  margin: .8rem 0;
  padding: .4rem .9rem;
  border-left: 4px solid #1f4e79;
  background: #f2f5f9;
}
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
figure.frise { margin: 1rem 0; }
figure.frise svg { max-width: 100%; height: auto; }
table.signatures td { height: 5rem; width: 50%; background: #fff; }
p.provenance {
  margin-top: 2rem;
  border-top: 1px solid #ccc;
  padding-top: .4rem;
  font-size: 8.5pt;
  color: #666;
}
"""


def inline_html(content: Inline) -> str:
    """Spans as HTML; links only when their target is a web address (no local paths)."""
    out: list[str] = []
    for span in content:
        text = escape(span.text, quote=False)
        if span.code:
            text = f"<code>{text}</code>"
        if span.italic:
            text = f"<em>{text}</em>"
        if span.bold:
            text = f"<strong>{text}</strong>"
        if span.href and span.href.startswith(("https://", "http://", "mailto:")):
            text = f'<a href="{escape(span.href)}">{text}</a>'
        out.append(text)
    return "".join(out)


def blocks_html(blocks: Iterable[Block], picture: dict[str, str] | None = None) -> str:
    """Blocks as HTML; ``picture`` maps a Mermaid code to its SVG (the timeline)."""
    return _HtmlWriter(picture or {}).blocks(blocks)


class _HtmlWriter(BlockWriter):
    """Each primitive returns its HTML; the body is the list of texts ``parts``."""

    def __init__(self, picture: dict[str, str], signatures: str = "") -> None:
        super().__init__()
        self.picture = picture
        self.signatures_html = signatures
        self.parts: list[str] = []

    def blocks(self, blocks: Iterable[Block]) -> str:
        return "".join(self.block(block) for block in blocks)

    def add(self, written: Any) -> None:
        self.parts.append(written)

    def note(self, content: Inline) -> None:
        self.parts.append(f'<p class="provenance">{inline_html(content)}</p>\n')

    def signatures(self, model: DocumentModel) -> None:
        self.parts.append(self.signatures_html)

    def heading(self, block: docmodel.Heading) -> str:
        level = min(block.level, 6)
        return f"<h{level}>{inline_html(block.content)}</h{level}>\n"

    def paragraph(self, block: Paragraph) -> str:
        css = ' class="provenance"' if block.note else ""
        return f"<p{css}>{inline_html(block.content)}</p>\n"

    def list_block(self, block: docmodel.ListBlock) -> str:
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{self.item(item)}</li>\n" for item in block.items)
        return f"<{tag}>\n{items}</{tag}>\n"

    def item(self, blocks: tuple[Block, ...]) -> str:
        """A list item: a single paragraph without its <p> (tight lists stay tight)."""
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
            return inline_html(blocks[0].content)
        return self.blocks(blocks).strip()

    def quote(self, block: docmodel.Quote) -> str:
        return f"<blockquote>\n{self.blocks(block.blocks)}</blockquote>\n"

    def table(self, block: docmodel.Table) -> str:
        head = "".join(f"<th>{inline_html(cell)}</th>" for cell in block.header)
        rows = "".join("<tr>" + "".join(f"<td>{inline_html(cell)}</td>" for cell in row)
                       + "</tr>\n" for row in block.rows)
        return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"

    def code(self, block: docmodel.Code) -> str:
        if block.info == "mermaid" and block.text in self.picture:
            return f'<figure class="frise">\n{self.picture[block.text]}</figure>\n'
        return f"<pre><code>{escape(block.text, quote=False)}</code></pre>\n"

    def rule(self, block: docmodel.Rule) -> str:
        return "<hr>\n"


def _svg_body(svg: str) -> str:
    """An SVG document without its XML prolog and doctype, ready to inline."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def render_html(model: DocumentModel) -> str:
    """The standalone HTML document."""
    from convention_cli.formats.timeline import parse_gantt, timeline_svg

    picture = {block.text: _svg_body(timeline_svg(parse_gantt(block.text)))
               for block in model.blocks
               if isinstance(block, docmodel.Code) and block.info == "mermaid"}
    meta = model.meta
    header = [f"<h1>{escape(model.title)}</h1>"]
    head_meta = []
    if meta is not None:
        from convention_cli.vocab import format_date

        header.insert(0, f'<p class="convention">{escape(meta.convention)}</p>')
        header.append(f'<p class="parties">{escape(" · ".join(meta.parties))}</p>')
        header.append(f'<p class="date">{escape(format_date(meta.date))}</p>')
        head_meta = [f'<meta name="description" content="{escape(meta.convention)}">',
                     f'<meta name="generator" content="convention {escape(meta.version)}">']
    signatures = ""
    if meta is not None and meta.signatures:
        rows = []
        for start in range(0, len(meta.signatures), 2):
            chunk = meta.signatures[start:start + 2]
            rows.append("<tr>" + "".join(
                f"<td>{escape(name)}<br>Nom, qualité, date et signature\u00a0:</td>"
                for name in chunk) + "</tr>")
        cells = "\n".join(rows)
        signatures = (f'<h2>Signatures</h2>\n<table class="signatures">\n{cells}\n</table>\n')
    writer = _HtmlWriter(picture, signatures)
    writer.write_body(model)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(model.title)}</title>\n"
        + "".join(line + "\n" for line in head_meta)
        + f"<style>\n{STYLE}</style>\n</head>\n<body>\n"
        f'<header class="titre">\n{chr(10).join(header)}\n</header>\n<main>\n'
        f"{''.join(writer.parts)}</main>\n</body>\n</html>\n"
    )

"""Markdown constructs the documents do not use today (code, rules, raw HTML, a quote
holding a list): each reaches the office formats as text, never as markup."""

from __future__ import annotations

from convention_cli.formats.docmodel import (
    Code,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Span,
    parse_markdown,
)
from convention_cli.formats.docx import render_docx
from convention_cli.formats.html import render_html
from convention_cli.formats.odt import render_odt
from tests.formats.office import docx_outline, odt_outline

MARKDOWN = """\
# Titre

Texte avec `code` et <b>balise</b>, sur
deux lignes.

```
bloc de code
```

<div>bloc html</div>

---

> - point cité
>   suite

Fin.
"""


def test_parse_keeps_every_construct_as_text() -> None:
    model = parse_markdown(MARKDOWN)
    assert model.title == "Titre"
    first, code, html, rule, quote, end = model.blocks
    assert first == Paragraph((Span("Texte avec "), Span("code", code=True),
                               Span(" et <b>balise</b>, sur deux lignes.")))
    assert code == Code("", "bloc de code\n")
    assert html == Paragraph((Span("<div>bloc html</div>"),))
    assert rule == Rule()
    assert isinstance(quote, Quote)
    [items] = quote.blocks
    assert isinstance(items, ListBlock)
    assert end == Paragraph((Span("Fin."),))


def test_office_formats_write_them_as_text() -> None:
    model = parse_markdown(MARKDOWN)
    docx = docx_outline(render_docx(model))
    odt = odt_outline(render_odt(model))
    html = render_html(model)
    for outline in (docx, odt):
        assert "bloc de code" in outline
        assert "<div>bloc html</div>" in outline
        assert "point cité suite" in outline
    assert "&lt;div&gt;bloc html&lt;/div&gt;" in html
    assert "<div>bloc html</div>" not in html

"""The output format of a document, chosen by the extension of ``-o``.

Every document is rendered once, as Markdown (its Jinja template); the other formats are
written from that text through one intermediate model (``docmodel``), so that they all
say the same thing. The writers and their libraries are imported only for their format.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from convention_cli.errors import UsageError
from convention_cli.formats.docmodel import DocumentMeta, DocumentModel

# Extension → (format name, writer module, writer function). Markdown is the text itself.
FORMAT_BY_SUFFIX: dict[str, tuple[str, str, str]] = {
    ".md": ("Markdown", "", ""),
    ".docx": ("Word (DOCX)", "convention_cli.formats.docx", "render_docx"),
    ".odt": ("OpenDocument (ODT)", "convention_cli.formats.odt", "render_odt"),
    ".html": ("HTML autonome", "convention_cli.formats.html", "render_html"),
}


def output_suffix(target: Path) -> str:
    """The format's extension for ``target``; a French usage error for any other."""
    suffix = target.suffix.lower()
    if suffix == ".htm":
        return ".html"
    if suffix in ("", ".markdown", ".txt"):  # plain text is the Markdown itself
        return ".md"
    if suffix not in FORMAT_BY_SUFFIX:
        known = ", ".join(FORMAT_BY_SUFFIX)
        shown = f"« {target.suffix} »"
        raise UsageError(f"format de document inconnu pour {target} ({shown}) : extensions "
                         f"possibles {known} (Markdown aussi pour .txt ou sans extension)")
    return suffix


def render_output(markdown: str, suffix: str, meta: DocumentMeta | None = None) -> bytes:
    """The document in the format of ``suffix`` (see ``output_suffix``)."""
    if suffix == ".md":
        return markdown.encode("utf-8")
    from convention_cli.formats.docmodel import parse_markdown

    return write_model(parse_markdown(markdown, meta), suffix)


def write_model(model: DocumentModel, suffix: str) -> bytes:
    """A document already read from its Markdown, in the format of ``suffix`` (not
    Markdown): one reading serves every format."""
    import importlib

    _, module_name, function = FORMAT_BY_SUFFIX[suffix]
    writer: Callable[..., str | bytes] = getattr(importlib.import_module(module_name),
                                                 function)
    result = writer(model)
    return result.encode("utf-8") if isinstance(result, str) else result

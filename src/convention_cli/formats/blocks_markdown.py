"""Markdown form of the consultation blocks (``views.blocks``)."""

from __future__ import annotations

from convention_cli.formats.markdown import cell, inline
from convention_cli.views.blocks import FicheDocument, Tableau


def tableau_to_markdown(tableau: Tableau) -> str:
    lines = [f"# {inline(tableau.titre)}", ""]
    lines.append("| " + " | ".join(cell(h) for h in tableau.entetes) + " |")
    lines.append("|" + "---|" * len(tableau.entetes))
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in tableau.lignes]
    if tableau.notes:
        lines += ["", *(inline(note) for note in tableau.notes)]
    return "\n".join(lines) + "\n"


def document_to_markdown(document: FicheDocument) -> str:
    lines = [f"# {inline(document.titre)}", ""]
    if document.sous_titre:
        lines += [f"*{inline(document.sous_titre)}*", ""]
    for section in document.sections:
        if section.titre:
            lines += [f"## {inline(section.titre)}", ""]
        lines += [f"- **{inline(label)}** : {inline(value)}" for label, value in section.champs]
        for element in section.elements:
            lines.append(f"- {inline(element.texte)}")
            lines += [f"  - {inline(detail)}" for detail in element.details]
        if not section.champs and not section.elements:
            lines.append(inline(section.vide))
        lines.append("")
    return "\n".join(lines)

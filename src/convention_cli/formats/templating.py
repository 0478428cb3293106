"""Documents as Jinja templates over already-computed view models.

One sandboxed environment with ``StrictUndefined`` (a typo in a template is an
error, never an empty string), French filters and Markdown escaping. Templates
ship inside the package (``convention_cli/templates``); a registry may override
any of them with a ``templates/`` folder next to its ``data/``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from convention_cli.errors import UserError
from convention_cli.formats.markdown import cell, inline
from convention_cli.views.provenance import provenance_line
from convention_cli.vocab import format_date, format_number, french_spacing, plural

PACKAGE_TEMPLATES = Path(__file__).parent.parent / "templates"


def _date_fr(value: date | None, default: str = "—") -> str:
    return format_date(value) if value is not None else default


def _plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return plural(count, singular, plural_form)


def _idref(context: Any, value: str) -> str:
    """`` (`id`)`` after a label in an internal working copy (``--identifiants``); nothing in
    the document one sends."""
    return f" (`{value}`)" if context.get("ids") else ""


def _label(context: Any, value: str) -> str:
    """What stands for an identifier in a table cell: its label (and the id on request)."""
    labels = context.get("labels") or {}
    return cell(labels.get(value, value)) + _idref(context, value)


def make_environment(override_dir: Path | None = None) -> Any:
    """The sandboxed Jinja environment; ``override_dir`` templates win over the package's."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, pass_context
    from jinja2.sandbox import SandboxedEnvironment

    loaders = []
    if override_dir is not None and override_dir.is_dir():
        loaders.append(FileSystemLoader(str(override_dir)))
    loaders.append(FileSystemLoader(str(PACKAGE_TEMPLATES)))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: registry text goes through |md or |cell
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update({
        "date_fr": _date_fr,
        "nombre_fr": format_number,
        "md": inline,
        "cell": cell,
        "pluriel": _plural,
        "provenance_line": provenance_line,
        # Both read the render's context: ``ids`` (--identifiants) and ``labels``.
        "idref": pass_context(_idref),
        "label": pass_context(_label),
    })
    return env


def render_document(
    template: str, context: dict[str, Any], override_dir: Path | None = None
) -> str:
    """Render ``template`` with ``context``; template problems become French errors."""
    from jinja2 import TemplateError, TemplateNotFound

    env = make_environment(override_dir)
    try:
        text: str = env.get_template(template).render(**context)
    except TemplateNotFound as exc:
        raise UserError(f"modèle de document introuvable : {exc.name}") from None
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (ligne {line})" if line else ""
        raise UserError(f"modèle « {template} » invalide{where} : {exc.message}") from None
    # One trailing newline, no run of blank lines: stable, diff-friendly Markdown.
    lines = text.splitlines()
    cleaned: list[str] = []
    for line in lines:
        if line.strip() == "" and cleaned and cleaned[-1] == "":
            continue
        cleaned.append(line.rstrip())
    # French typography on the whole text: generated sentences and registry text alike get
    # their no-break spaces (nothing else of the registry's text changes).
    return french_spacing("\n".join(cleaned).strip("\n") + "\n")


def template_dir_for(data_dir: Path) -> Path:
    """Where a registry keeps its own templates: ``templates/`` next to ``data/``."""
    return data_dir.resolve().parent / "templates"

"""Options shared by every command, defined once."""

from __future__ import annotations

import os
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

DATA_ENV = "CONVENTION_DATA"


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV) or "data")


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data", "-d",
        help="Dossier du registre (défaut : $CONVENTION_DATA, sinon ./data).",
        show_default=False,
    ),
]


def resolve_data(data: Path | None) -> Path:
    return data if data is not None else default_data_dir()


class Format(StrEnum):
    """Every output format of the commands. Each command offers its subset (a ``Literal``
    of members below, so ``--help`` and the usage errors list only those)."""

    table = "table"
    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    gitlab = "gitlab"
    xlsx = "xlsx"
    csv = "csv"


ListFormat = Literal[Format.table, Format.json, Format.markdown]
"""Listings (engagements, territoires, echeances, status): terminal table, JSON, Markdown."""
FicheFormat = Literal[Format.text, Format.json, Format.markdown]
"""Detail views (engagement, territoire): terminal text, JSON, Markdown."""
ListOrFicheFormat = Literal[Format.table, Format.text, Format.json, Format.markdown]
"""``gt [ID]``: a list or a fiche; table and text both mean the terminal view."""
ReportFormat = Literal[Format.text, Format.json, Format.github, Format.gitlab]
"""``validate``: the diagnostics report."""
TextOrJsonFormat = Literal[Format.text, Format.json]
"""``couverture``."""
ExportFormat = Literal[Format.json, Format.xlsx, Format.csv]
"""``export``: the whole registry."""

ListFormatOption = Annotated[
    ListFormat,
    typer.Option("--format", "-f", help="Format de sortie : table (terminal), json ou "
                 "markdown (tout le contenu)."),
]
FicheFormatOption = Annotated[
    FicheFormat,
    typer.Option("--format", "-f", help="Format de sortie : text (terminal), json ou "
                 "markdown."),
]
FormatOption = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format", "-f",
        help="Format du rapport : text, json, github (annotations de GitHub Actions) ou gitlab "
        "(rapport Code Quality de GitLab) ; défaut : github sous GitHub Actions, sinon text.",
        show_default=False,
    ),
]


def resolve_format(value: ReportFormat | None) -> ReportFormat:
    if value is not None:
        return value
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return Format.github
    return Format.text


def id_argument(help_text: str, metavar: str = "ID") -> Any:
    """The argument naming a record of the registry (``ID``, ``REUNION_ID``…)."""
    return typer.Argument(metavar=metavar, help=help_text, show_default=False)


def parse_date_option(value: str | None, option: str) -> date | None:
    """An ISO date given on the command line; a French usage error otherwise."""
    from convention_cli.errors import UsageError

    if value is None:
        return None
    from convention_cli.defaults import DATE_RANGE_TEXT, year_supported

    try:
        day = date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise UsageError(f"date invalide pour {option} : « {value} » (attendu AAAA-MM-JJ, "
                         "date existante, par exemple 2026-06-30)") from None
    if not year_supported(day.year):
        raise UsageError(f"date hors de la plage prise en charge pour {option} : « {value} » "
                         f"({DATE_RANGE_TEXT})")
    return day


def resolve_as_of(value: str | None) -> date:
    """``--as-of``: the given day, or today (the only place that reads the clock)."""
    return parse_date_option(value, "--as-of") or date.today()  # noqa: TID251


AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Date d'observation AAAA-MM-JJ (défaut : aujourd'hui).",
                 show_default=False),
]
HorizonOption = Annotated[
    int,
    typer.Option("--horizon", min=0, help="Jours avant une échéance pour la dire « proche »."),
]
PartieOption = Annotated[
    str | None,
    typer.Option("--partie", help="Seulement les engagements de cette partie (ex. dgom).",
                 show_default=False),
]
TerritoireOption = Annotated[
    str | None,
    typer.Option("--territoire", help="Seulement ce territoire (ex. mayotte).",
                 show_default=False),
]
ObjectifOption = Annotated[
    str | None,
    typer.Option("--objectif", help="Seulement les engagements servant cet objectif (ex. "
                 "obj-2).", show_default=False),
]
StatutOption = Annotated[
    str | None,
    typer.Option("--statut", help="Seulement ce statut (non_renseigne, non_demarre, en_cours, "
                 "realise, suspendu, abandonne) ou en_retard.", show_default=False),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--sortie", "-o", help="Écrit le document dans ce fichier, au format de son "
                 "extension : .md (ou .txt), .docx, .odt, .html (sinon : Markdown sur la sortie "
                 "standard).", show_default=False),
]
IdsOption = Annotated[
    bool,
    typer.Option("--identifiants", help="Copie de travail interne : garde les identifiants "
                 "du registre à côté des libellés (le document à envoyer n'en a pas)."),
]
PublicOption = Annotated[
    bool,
    typer.Option("--public", help="Version publique : sans rien de confidentiel (section VI) "
                 "ni coordonnée personnelle."),
]

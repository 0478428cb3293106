"""Options shared by every command, defined once."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

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


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


FormatOption = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format", "-f",
        help="Format du rapport : text, json ou github (défaut : github sous GitHub Actions, "
        "sinon text).",
        show_default=False,
    ),
]


def resolve_format(value: ReportFormat | None) -> ReportFormat:
    if value is not None:
        return value
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return ReportFormat.github
    return ReportFormat.text

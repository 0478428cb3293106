"""JSON Schema of each data file, generated from the models (for editors and CI)."""

from __future__ import annotations

from typing import Any

from convention_cli.models import FILE_MODELS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def file_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of ``<name>.yaml``."""
    model = FILE_MODELS[name]
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{name}.schema.json",
        **schema,
        "title": f"{name}.yaml — registre de la convention",
    }


def all_schemas() -> dict[str, dict[str, Any]]:
    return {name: file_schema(name) for name in FILE_MODELS}

"""Turn pydantic validation errors into located French diagnostics."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic_core import ErrorDetails

from convention_cli.diagnostics import Diagnostic, error
from convention_cli.load.source_map import locate
from convention_cli.vocab import did_you_mean, plural

_PATTERN_HINTS: dict[str, str] = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "identifiant attendu : minuscules sans accents, chiffres et "
    "tirets (par exemple « dgom-accord-ladom »)",
    r"^(Préambule|Signatures|Annexe( [1-9])?|[IV]+(\.\d+)*)$": "clause attendue : « I », "
    "« II.3.2 », « Préambule », « Signatures », « Annexe » ou « Annexe 4 »",
    r"^97[0-9]$": "code INSEE attendu : 971 à 978",
    r"^[A-Z]{2}$": "code ISO 3166-1 alpha-2 attendu (deux majuscules, par exemple « GP »)",
    r"^(https?://\S+|[^\s:]\S*)$": "adresse http(s):// ou chemin de fichier sans espace attendu",
}

_TYPE_NAMES: dict[str, str] = {
    "string_type": "un texte",
    "int_type": "un nombre entier",
    "int_from_float": "un nombre entier",
    "float_type": "un nombre",
    "bool_type": "un booléen (true ou false)",
    "dict_type": "une correspondance (clé: valeur)",
    "model_type": "une correspondance (clé: valeur)",
    "model_attributes_type": "une correspondance (clé: valeur)",
    "list_type": "une liste",
    "none_required": "aucune valeur (null)",
    "date_type": "une date AAAA-MM-JJ",
}


def describe_value(value: Any) -> str:
    if value is None:
        return "une valeur vide (null)"
    if isinstance(value, bool):
        return f"le booléen {'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"le nombre {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"le texte « {shown} »"
    if isinstance(value, dict):
        return "une correspondance"
    if isinstance(value, list):
        return "une liste"
    return "une valeur"  # pragma: no cover - YAML gives no other types


def _hint(expected_type: str, value: Any) -> str:
    if expected_type == "string_type" and isinstance(value, bool | int | float):
        return " ; mettez la valeur entre guillemets si c'est un texte"
    if expected_type == "bool_type" and isinstance(value, str):
        return " ; écrivez true ou false (oui, non, yes, no restent des textes en YAML 1.2)"
    return ""


def _accepted(expected: str) -> str:
    values = re.findall(r"'([^']*)'", expected)
    return ", ".join(values) if values else expected


class SchemaErrorTranslator:
    """Build diagnostics for one file; ``field_names`` feeds suggestions for unknown keys."""

    def __init__(self, path: str, root: Any, field_names: Iterable[str]) -> None:
        self.path = path
        self.root = root
        self.field_names = sorted(set(field_names))

    def translate(self, errors: list[ErrorDetails]) -> Iterator[Diagnostic]:
        # A union (``int | float | None``) reports one error per member, under the same
        # value: merge them into one message naming every accepted type.
        merged: dict[tuple[Any, ...], list[ErrorDetails]] = {}
        for err in errors:
            loc = tuple(err["loc"])
            value_loc = self._value_loc(loc)
            merged.setdefault(value_loc, []).append(err)
        for value_loc, group in merged.items():
            yield from self._translate_group(value_loc, group)

    def _value_loc(self, loc: tuple[Any, ...]) -> tuple[Any, ...]:
        """Drop the union-member names pydantic appends to ``loc``."""
        node = self.root
        for depth, step in enumerate(loc):
            in_map = isinstance(node, dict) and step in node
            in_seq = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
            if in_map or in_seq:
                node = node[step]
            elif isinstance(node, dict | list):
                return loc[: depth + 1]
            else:
                return loc[:depth]
        return loc

    def _translate_group(
        self, loc: tuple[Any, ...], group: list[ErrorDetails]
    ) -> Iterator[Diagnostic]:
        type_errors = [e for e in group if e["type"] in _TYPE_NAMES]
        if len(type_errors) > 1 and len(type_errors) == len(group):
            names = list(dict.fromkeys(_TYPE_NAMES[e["type"]] for e in type_errors))
            if "un nombre" in names and "un nombre entier" in names:
                names.remove("un nombre entier")
            value = type_errors[0]["input"]
            yield error("SCH001", locate(self.path, self.root, loc),
                        f"{self._field(loc)}{describe_value(value)} reçu, "
                        f"attendu : {' ou '.join(names)}")
            return
        for err in group:
            yield self._one(loc, err)

    @staticmethod
    def _field(loc: tuple[Any, ...]) -> str:
        names = [str(step) for step in loc if isinstance(step, str)]
        return f"« {names[-1]} » : " if names else ""

    def _one(self, loc: tuple[Any, ...], err: ErrorDetails) -> Diagnostic:
        kind = err["type"]
        value = err.get("input")
        ctx = err.get("ctx") or {}
        full_loc = tuple(err["loc"])
        if kind == "missing":
            name = full_loc[-1]
            return error("SCH002", locate(self.path, self.root, full_loc[:-1]),
                         f"clé obligatoire « {name} » manquante")
        if kind == "extra_forbidden":
            name = str(full_loc[-1])
            hint = did_you_mean(name, self.field_names, n=1, cutoff=0.7)
            suggestion = f" ({hint})" if hint else ""
            return error("SCH003", locate(self.path, self.root, full_loc, key=True),
                         f"clé inconnue « {name} »{suggestion}")
        if kind == "lecture_champ":
            at = (*full_loc, "lectures", int(ctx.get("index", 0)), "champ")
            return error("SCH008", locate(self.path, self.root, at),
                         f"lecture : « {ctx.get('champ')} » n'est pas un champ de cet "
                         "élément (la lecture doit nommer le champ qui porte la valeur "
                         "déduite)")
        where = locate(self.path, self.root, loc)
        field = self._field(loc)
        if kind == "literal_error":
            return error("SCH004", where, f"{field}valeur « {value} » non admise ; valeurs "
                         f"acceptées : {_accepted(str(ctx.get('expected', '')))}")
        if kind in ("date_format", "date_invalide"):
            return error("SCH005", where, f"{field}{err['msg']}")
        if kind in _TYPE_NAMES:
            return error("SCH001", where, f"{field}{describe_value(value)} reçu, attendu : "
                         f"{_TYPE_NAMES[kind]}{_hint(kind, value)}")
        if kind == "string_pattern_mismatch":
            hint = _PATTERN_HINTS.get(str(ctx.get("pattern")), "format invalide")
            return error("SCH006", where, f"{field}valeur « {value} » invalide : {hint}")
        if kind == "string_too_short":
            return error("SCH007", where, f"{field}texte vide")
        if kind == "string_too_long":
            return error("SCH007", where, f"{field}texte trop long (au plus "
                         f"{ctx.get('max_length')} caractères)")
        if kind == "too_short":
            minimum = int(ctx.get("min_length", 1))
            return error("SCH007", where, f"{field}liste trop courte : au moins "
                         f"{plural(minimum, 'élément')} attendu{'s' if minimum > 1 else ''}")
        if kind in ("greater_than_equal", "greater_than"):
            return error("SCH007", where, f"{field}valeur {value} trop petite (minimum "
                         f"{ctx.get('ge', ctx.get('gt'))})")
        if kind in ("less_than_equal", "less_than"):
            return error("SCH007", where, f"{field}valeur {value} trop grande (maximum "
                         f"{ctx.get('le', ctx.get('lt'))})")
        return error("SCH001", where, f"{field}valeur invalide ({err['msg']})")

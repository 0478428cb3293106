"""Documents → a typed ``Registry`` plus schema diagnostics.

A file that fails its schema is salvaged entry by entry, so that cross-file
checks still see the valid entries; the registry then says it is incomplete and
checks that need the whole picture (coverage, counts) stand aside.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError

from convention_cli.diagnostics import Diagnostic, Location
from convention_cli.load.loader import DataFile
from convention_cli.load.schema_errors import SchemaErrorTranslator
from convention_cli.load.source_map import PathItem, locate
from convention_cli.models import (
    FILE_MODELS,
    Convention,
    DemandeEvaluation,
    Engagement,
    EntreeBibliographie,
    GroupeTravail,
    HorsPerimetre,
    Model,
    Operateur,
    Partie,
    Projet,
    Reunion,
    Territoire,
)

JournalOwner = Engagement | GroupeTravail | Projet | DemandeEvaluation
"""A record that keeps a dated journal."""


@dataclass
class Registry:
    convention: Convention | None = None
    parties: list[Partie] = field(default_factory=list)
    operateurs: list[Operateur] = field(default_factory=list)
    territoires: list[Territoire] = field(default_factory=list)
    hors_perimetre: list[HorsPerimetre] = field(default_factory=list)
    engagements: list[Engagement] = field(default_factory=list)
    groupes_travail: list[GroupeTravail] = field(default_factory=list)
    reunions: list[Reunion] = field(default_factory=list)
    bibliographie: list[EntreeBibliographie] = field(default_factory=list)
    texte: str | None = None
    """The agreement's full text, when ``convention.texte`` names a readable file."""
    projets: list[Projet] = field(default_factory=list)
    evaluations: list[DemandeEvaluation] = field(default_factory=list)
    complete: bool = True
    documents: dict[str, DataFile] = field(default_factory=dict)
    # id(entry) -> (file name, path in the document); see ``where``.
    _origins: dict[int, tuple[str, tuple[PathItem, ...]]] = field(default_factory=dict)
    # Ids found in entries that failed their schema: not "unknown" for references.
    salvaged_ids: set[str] = field(default_factory=set)
    # Files that could not be read or parsed, or whose top level is unusable.
    unreadable: set[str] = field(default_factory=set)
    # The date this registry is known on, once cut by ``domain.snapshot.snapshot``;
    # None for the registry as read (every record, whatever its date).
    as_of: date | None = None

    def where(self, entry: BaseModel, *inner: PathItem, key: bool = False) -> Location:
        """Location of ``entry`` (a top-level item of a file) or of a value inside it."""
        name, path = self._origins.get(id(entry), ("convention", ()))
        document = self.documents.get(name)
        if document is None:
            return Location(f"{name}.yaml")
        return locate(document.path, document.root, (*path, *inner), key=key)

    def file_location(self, name: str, *inner: PathItem) -> Location:
        document = self.documents[name]
        return locate(document.path, document.root, inner)

    @property
    def journal_owners(self) -> list[JournalOwner]:
        """Entries that keep a dated journal."""
        return [*self.engagements, *self.groupes_travail, *self.projets, *self.evaluations]

    @property
    def date_fin_initiale(self) -> date | None:
        """Last day in force as signed: 3 years from signature (section V)."""
        if self.convention is None:
            return None
        return end_date(self.convention.date_signature, self.convention.duree_annees)

    @property
    def date_fin(self) -> date | None:
        """Last day the convention is in force: 3 years from signature (section V), or
        the latest prorogation by avenant (a snapshot keeps only avenants signed by then)."""
        initial = self.date_fin_initiale
        if initial is None or self.convention is None:
            return initial
        prorogations = [a.prorogation_jusqu_au for a in self.convention.avenants
                        if a.prorogation_jusqu_au is not None]
        return max([initial, *prorogations])

    def iter_entries(self) -> Iterator[tuple[str, Any]]:
        for name in LIST_FIELDS:
            for entry in getattr(self, name):
                yield name, entry


def end_date(signature: date, years: int) -> date:
    """The day before the anniversary: a convention signed 2023-07-18 for 3 years ends
    on 2026-07-17 (a 29 February signature anniversaries on 28 February)."""
    try:
        anniversary = signature.replace(year=signature.year + years)
    except ValueError:
        anniversary = signature.replace(year=signature.year + years, day=28)
    return date.fromordinal(anniversary.toordinal() - 1)


LIST_FIELDS = (
    "parties", "operateurs", "territoires", "hors_perimetre", "engagements",
    "groupes_travail", "reunions", "bibliographie", "projets", "evaluations",
)
"""The registry's lists, in the order of the export (``convention export``)."""

_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(item_type: type[Any]) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(item_type)
    if adapter is None:
        adapter = _ADAPTERS[item_type] = TypeAdapter(item_type)
    return adapter


def _field_names() -> set[str]:
    names: set[str] = set()
    seen: set[type[Any]] = set()
    todo: list[type[Any]] = list(FILE_MODELS.values())
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(name)
            todo.extend(_models_in(info.annotation))
    return names


def _models_in(annotation: Any) -> Iterator[type[Any]]:
    if isinstance(annotation, type) and issubclass(annotation, Model):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)


def _salvage(
    registry: Registry, document: DataFile, model: type[Model]
) -> None:
    """Keep the valid entries of a file whose whole-file validation failed."""
    root = document.root
    if not isinstance(root, dict):
        return
    for name, info in model.model_fields.items():
        value = root.get(name)
        if name == "convention" or not isinstance(value, list):
            continue
        item_type = get_args(info.annotation)[0]
        kept = getattr(registry, name)
        for index, item in enumerate(value):
            try:
                entry = _adapter(item_type).validate_python(item)
            except ValidationError:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    registry.salvaged_ids.add(item["id"])
                continue
            kept.append(entry)
            registry._origins[id(entry)] = (document.name, (name, index))


def build_registry(documents: Sequence[DataFile]) -> tuple[Registry, list[Diagnostic]]:
    """Validate each document against its model and assemble the registry."""
    registry = Registry(documents={d.name: d for d in documents})
    diagnostics: list[Diagnostic] = []
    field_names: set[str] | None = None
    for document in documents:
        diagnostics.extend(document.diagnostics)
        if not document.usable:
            registry.complete = False
            registry.unreadable.add(document.name)
            continue
        model = FILE_MODELS[document.name]
        try:
            parsed = model.model_validate(document.root)
        except ValidationError as exc:
            registry.complete = False
            if field_names is None:
                field_names = _field_names()
            translator = SchemaErrorTranslator(document.path, document.root, field_names)
            diagnostics.extend(translator.translate(exc.errors(include_url=False)))
            if document.name == "convention" or not isinstance(document.root, dict):
                registry.unreadable.add(document.name)
            _salvage(registry, document, model)
            continue
        for name in type(parsed).model_fields:
            value = getattr(parsed, name)
            if name == "convention":
                registry.convention = value
                continue
            getattr(registry, name).extend(value)
            for index, entry in enumerate(value):
                registry._origins[id(entry)] = (document.name, (name, index))
    from convention_cli.load.texte import read_texte

    diagnostics.extend(read_texte(registry))
    return registry, diagnostics

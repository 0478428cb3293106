"""The documents the tool writes, in one table: ``DOCUMENTS[name]`` → builder, template and
default as-of day.

Every document goes through the same pipeline (``cli/documents.py``): load the registry,
choose the as-of day (the user's, or the document's default), note the provenance, build
the view model here, render the template, write the result in the format of the output's
extension. A new document is a builder module, a template and one entry below (plus its
command's options); a new output format is a change in the format step only.

The builders are imported when a document is built, not when this table is read: the
command line's start-up stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from convention_cli.load.registry import Registry
    from convention_cli.views.provenance import Provenance


@dataclass(frozen=True)
class DocumentRequest:
    """What the user asked for, every document's parameters in one place (each document
    reads the ones it needs)."""

    as_of: date | None = None
    """The observation day given by the user (``--as-of``), or None for the default."""
    public: bool = False
    identifiants: bool = False
    """Keep the registry's ids beside the labels (internal working copy)."""
    year: int | None = None
    """Annual documents (bilan annuel, communication)."""
    partie: str | None = None
    """The party a passation note is for."""
    day: date | None = None
    """The meeting day of an agenda."""
    quarter: tuple[int, int] | None = None
    """The quarter of an agenda whose day is not fixed yet."""
    instance: str = "commission"
    hour: str | None = None
    lieu: str | None = None
    """The place or video link of an agenda's meeting."""
    horaires: tuple[str, ...] = ()
    """``N=HH:MM`` per agenda item."""
    intervenants: tuple[str, ...] = ()
    """``N=NOM`` per agenda item."""
    reunion: str | None = None
    """The recorded meeting of a relevé de décisions."""


Builder = Callable[["Registry", DocumentRequest, date, "Provenance"], object]
"""(registry, request, as-of day, provenance) → the document's view model."""
DefaultAsOf = Callable[["Registry", DocumentRequest, date], date]
"""(registry, request, today) → the as-of day when the user gave none."""


@dataclass(frozen=True)
class DocumentSpec:
    template: str
    """The template's name (``templates/``; a registry's own ``templates/`` may override it)."""
    build: Builder
    default_as_of: DefaultAsOf
    public_only: bool = False
    """Always public, whatever the request says (communication)."""
    signatures: bool = False
    """Signed by the parties (the bilans)."""


# --- builders ---------------------------------------------------------------------------


def _today(registry: Registry, request: DocumentRequest, today: date) -> date:
    return today


def _build_agenda(
    registry: Registry, request: DocumentRequest, as_of: date, origin: Provenance
) -> object:
    from convention_cli.views.documents.agenda import build_agenda

    return build_agenda(registry, day=request.day, quarter=request.quarter,
                        instance=request.instance, hour=request.hour, public=request.public,
                        provenance=origin, as_of=as_of, lieu=request.lieu,
                        horaires=request.horaires, intervenants=request.intervenants)


def _year(request: DocumentRequest) -> int:
    assert request.year is not None, "an annual document needs its year"
    return request.year


def _about(subject: str, builder: str, missing: str) -> Builder:
    """The builder of a document about one thing the request names (``request.<subject>``:
    the year of a bilan, the party of a passation note, the meeting of a relevé):
    ``views.documents.<module>.<function>(registry, subject, as_of=, public=,
    provenance=)``, named ``"module:function"`` and imported when the document is built.
    ``missing`` is the message of a request without its subject (a command's bug)."""
    module, function = builder.split(":")

    def build(registry: Registry, request: DocumentRequest, as_of: date,
              origin: Provenance) -> object:
        from importlib import import_module

        value = getattr(request, subject)
        assert value is not None, missing
        built = getattr(import_module(f"convention_cli.views.documents.{module}"), function)
        return built(registry, value, as_of=as_of, public=request.public, provenance=origin)

    return build


def _bilan_annuel_as_of(registry: Registry, request: DocumentRequest, today: date) -> date:
    from convention_cli.views.documents.bilan_annuel import annual_as_of

    return annual_as_of(registry, _year(request))


def _period_bilan(name: str) -> tuple[Builder, DefaultAsOf]:
    """The builder and default as-of day of a bilan over a period (multi-year, mid-term):
    ``bilan_pluriannuel.PERIOD_BILANS[name]``, imported when used."""
    def build(registry: Registry, request: DocumentRequest, as_of: date,
              origin: Provenance) -> object:
        from convention_cli.views.documents.bilan_pluriannuel import PERIOD_BILANS

        return PERIOD_BILANS[name][0](registry, as_of=as_of, public=request.public,
                                      provenance=origin)

    def default_as_of(registry: Registry, request: DocumentRequest, today: date) -> date:
        from convention_cli.views.documents.bilan_pluriannuel import PERIOD_BILANS

        return PERIOD_BILANS[name][1](registry)

    return build, default_as_of


def _build_communication(
    registry: Registry, request: DocumentRequest, as_of: date, origin: Provenance
) -> object:
    from convention_cli.views.documents.communication import build_communication

    return build_communication(registry, request.year or as_of.year, as_of=as_of,
                               provenance=origin)


def _communication_as_of(registry: Registry, request: DocumentRequest, today: date) -> date:
    """Today, or the year's last day when the year asked for is over."""
    if request.year is None:
        return today
    return min(today, date(request.year, 12, 31))


DOCUMENTS: dict[str, DocumentSpec] = {
    "agenda": DocumentSpec("agenda.md.j2", _build_agenda, _today),
    "bilan-annuel": DocumentSpec("bilan_annuel.md.j2",
                                 _about("year", "bilan_annuel:build_bilan_annuel",
                                        "an annual document needs its year"),
                                 _bilan_annuel_as_of, signatures=True),
    "bilan-pluriannuel": DocumentSpec("bilan_pluriannuel.md.j2",
                                      *_period_bilan("bilan-pluriannuel"), signatures=True),
    "bilan-mi-etape": DocumentSpec("bilan_pluriannuel.md.j2",
                                   *_period_bilan("bilan-mi-etape"), signatures=True),
    "passation": DocumentSpec("passation.md.j2",
                              _about("partie", "passation:build_passation",
                                     "a passation note is for one party"), _today),
    "releve": DocumentSpec("releve.md.j2",
                           _about("reunion", "releve:build_releve",
                                  "a relevé is the record of one meeting"), _today),
    "communication": DocumentSpec("communication.md.j2", _build_communication,
                                  _communication_as_of, public_only=True),
}

"""The documents the site offers for download: the latest annual bilan and, when due,
the multi-year bilan (section V), the public communication (section IV), and the relevé
de décisions of each recorded meeting, each built by its entry of the ``DOCUMENTS`` table
as the command that writes it would, on the site's as-of day.

Each in the formats the tool produces: HTML (self-contained, timeline inline) and
Markdown for every document, and Word and OpenDocument for the bilans, the documents the
parties sign (section V); the public version on a public site (``views/public.py``
decides, inside each builder). Three limits keep the site's cost in proportion to the
registry (issue 14: ``site`` ≤ 3 × ``validate`` on the real registry, ≤ 4 × and linear at
1,000 and 10,000 engagements); the commands write every document in every format:

- Word and ODT for the bilans only: python-docx alone costs about half of ``validate``
  per document on the real registry, for a communication read on the web;
- the HTML, Word and ODT versions of the bilans and the communication up to
  ``OFFICE_MAX_ENGAGEMENTS`` engagements; beyond, those documents run to hundreds of
  pages and the site offers their Markdown only;
- a relevé in HTML and Markdown (Word would cost a fifth of a second per meeting, for a
  one-page record).
"""

from __future__ import annotations

from datetime import date, timedelta

from convention_cli.load.registry import Registry
from convention_cli.views.provenance import Provenance
from convention_cli.views.site_model import DocumentSite
from convention_cli.views.site_pages import convention_term
from convention_cli.vocab import format_date

MARKDOWN = ("Markdown", ".md")
HTML = ("HTML", ".html")
ALL_FORMATS = (HTML, ("Word", ".docx"), ("OpenDocument", ".odt"), MARKDOWN)
WEB_FORMATS = (HTML, MARKDOWN)
OFFICE_MAX_ENGAGEMENTS = 200
"""Up to this many engagements, the site writes the bilans and the communication in every
format; beyond, in Markdown only."""
MULTI_YEAR_NOTICE_DAYS = 30
"""The multi-year bilan is offered from this many days before its deadline (section V)."""


def latest_annual_year(registry: Registry, as_of: date) -> int | None:
    """The last year of the convention that has ended by ``as_of`` (its bilan is due)."""
    conv, end = convention_term(registry)
    from convention_cli.views.documents.bilan import year_period

    years = [y for y in range(conv.date_signature.year, end.year + 1)
             if year_period(registry, y).fin < as_of]
    return years[-1] if years else None


def multi_year_due(registry: Registry, as_of: date) -> bool:
    """Whether the multi-year bilan is due on ``as_of``: its deadline is near or past."""
    conv = registry.convention
    assert conv is not None
    deadline = conv.regles.bilan_pluriannuel.date_limite
    return as_of >= deadline - timedelta(days=MULTI_YEAR_NOTICE_DAYS)


def build_site_documents(
    registry: Registry, as_of: date, *, public: bool, provenance: Provenance
) -> tuple[DocumentSite, ...]:
    """The latest annual bilan (of the last year ended), the multi-year bilan when due and
    the communication of the current year; ``registry`` is the site's snapshot."""
    conv, end = convention_term(registry)
    if as_of < conv.date_signature:
        return ()
    from convention_cli.views.documents.catalogue import DocumentRequest

    suffix = "" if public else "-interne"
    wanted: list[tuple[str, DocumentRequest, str, str, str]] = []
    year = latest_annual_year(registry, as_of)
    if year is not None:
        wanted.append((
            "bilan-annuel", DocumentRequest(as_of=as_of, public=public, year=year),
            f"documents/bilan-annuel-{year}{suffix}.md", f"Bilan annuel {year}",
            f"Engagements, journal, indicateurs et réunions de l'année {year}, situation au "
            f"{format_date(as_of)}."))
    if multi_year_due(registry, as_of):
        wanted.append((
            "bilan-pluriannuel", DocumentRequest(as_of=as_of, public=public),
            f"documents/bilan-pluriannuel{suffix}.md", "Bilan pluriannuel",
            f"Atteinte de chaque objectif sur toute la période, situation au "
            f"{format_date(as_of)}."))
    communication_year = min(as_of.year, end.year)
    wanted.append((
        "communication", DocumentRequest(as_of=min(as_of, end), public=True,
                                         year=communication_year),
        f"documents/communication-{communication_year}.md",
        f"Valorisation publique {communication_year}",
        f"Le partenariat en quelques lignes et ce qui a été fait en {communication_year}."))
    from convention_cli.views.documents.catalogue import DOCUMENTS
    from convention_cli.views.documents.common import reference_labels

    small = len(registry.engagements) <= OFFICE_MAX_ENGAGEMENTS
    labels = reference_labels(registry)
    return tuple(_document(registry, provenance, labels, name, request, path, title,
                           description,
                           (MARKDOWN,) if not small
                           else ALL_FORMATS if DOCUMENTS[name].signatures else WEB_FORMATS)
                 for name, request, path, title, description in wanted)


def build_releves(
    registry: Registry, as_of: date, *, public: bool, provenance: Provenance
) -> dict[str, DocumentSite]:
    """Meeting id → its relevé de décisions (``convention releve``), for every meeting
    ``views/public.py`` lets the site show; ``registry`` is the site's snapshot."""
    from convention_cli.views.documents.catalogue import DocumentRequest
    from convention_cli.views.documents.common import reference_labels
    from convention_cli.views.public import visible_reunions

    suffix = "" if public else "-interne"
    labels = reference_labels(registry)
    return {
        reunion.id: _document(
            registry, provenance, labels, "releve",
            DocumentRequest(as_of=as_of, public=public, reunion=reunion.id),
            f"documents/releve-{reunion.id}{suffix}.md",
            f"Relevé de décisions du {format_date(reunion.date)}",
            "Décisions, actions avec responsable, échéance et état, prochaine réunion.",
            WEB_FORMATS)
        for reunion in visible_reunions(registry, public)
    }


def _document(
    registry: Registry, provenance: Provenance, labels: dict[str, str], name: str,
    request: object, path: str, title: str, description: str,
    formats: tuple[tuple[str, str], ...],
) -> DocumentSite:
    from convention_cli.views.documents.catalogue import DOCUMENTS, DocumentRequest
    from convention_cli.views.provenance import document_meta

    assert isinstance(request, DocumentRequest)
    assert request.as_of is not None
    spec = DOCUMENTS[name]
    shown = request.public or spec.public_only
    return DocumentSite(
        path, title, description, "Markdown", spec.template,
        spec.build(registry, request, request.as_of, provenance), shown,
        meta=document_meta(registry, provenance, public=shown, signatures=spec.signatures),
        labels=labels, formats=formats)


"""The documents the site offers for download: the latest bilans (section V) and the
latest public communication (section IV), built by their own view models.

Only what the tool produces: Markdown today (the templates of ``templates/``); each
document is the public version on a public site.
"""

from __future__ import annotations

from datetime import date

from convention_cli.load.registry import Registry
from convention_cli.views.provenance import Provenance
from convention_cli.views.site_model import DocumentSite
from convention_cli.vocab import format_date

SITE_FORMATS = (("Markdown", ".md"), ("HTML", ".html"))
"""The versions of a document the site offers: the text, and a page any browser reads (the
tool's own HTML writer, self-contained). The bilans stay in Markdown: their HTML version
draws the timeline with matplotlib, whose start-up alone would double the site's cost on
the real registry (issue 14: site ≤ 3 × validate)."""
TEXT_ONLY = (("Markdown", ".md"),)


def latest_annual_year(registry: Registry, as_of: date) -> int | None:
    """The last year of the convention that has ended by ``as_of`` (its bilan is due)."""
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    from convention_cli.views.documents.bilan import year_period

    years = [y for y in range(conv.date_signature.year, end.year + 1)
             if year_period(registry, y).fin < as_of]
    return years[-1] if years else None


def build_site_documents(
    registry: Registry, as_of: date, *, public: bool, provenance: Provenance
) -> tuple[DocumentSite, ...]:
    """The latest annual bilan (of the last year ended), the multi-year bilan and the
    communication of the current year, each built by its entry of the ``DOCUMENTS`` table
    as the command that writes it would, on the site's as-of day."""
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    if as_of < conv.date_signature:
        return ()
    from convention_cli.views.documents.catalogue import DOCUMENTS, DocumentRequest

    suffix = "" if public else "-interne"
    wanted: list[tuple[str, DocumentRequest, str, str, str]] = []
    year = latest_annual_year(registry, as_of)
    if year is not None:
        wanted.append((
            "bilan-annuel", DocumentRequest(as_of=as_of, public=public, year=year),
            f"documents/bilan-annuel-{year}{suffix}.md", f"Bilan annuel {year}",
            f"Engagements, journal, indicateurs et réunions de l'année {year}, situation au "
            f"{format_date(as_of)}."))
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
    from convention_cli.views.documents.common import reference_labels
    from convention_cli.views.provenance import document_meta

    labels = reference_labels(registry)
    documents = []
    for name, request, path, title, description in wanted:
        spec = DOCUMENTS[name]
        shown = request.public or spec.public_only
        assert request.as_of is not None
        documents.append(DocumentSite(
            path, title, description, "Markdown", spec.template,
            spec.build(registry, request, request.as_of, provenance), shown,
            meta=document_meta(registry, provenance, public=shown,
                               signatures=spec.signatures),
            labels=labels, formats=SITE_FORMATS if spec.public_only else TEXT_ONLY))
    return tuple(documents)

"""The static site as bytes: each page of ``SiteView`` through its Jinja template.

One sandboxed environment with autoescape on (every registry value is HTML-escaped)
and ``StrictUndefined``; templates ship in ``templates/site/`` and a registry may
override any of them, and the style sheet, with its own ``templates/site/``. The
result is a mapping ``path → bytes``, sorted, with no date other than the as-of day:
the same registry and as-of day always give the same bytes.

The timeline picture (``frise.svg``) is the documents' own (``formats/timeline.py``), drawn
for the convention's whole period; the downloadable documents are written by the tool's
format writers (``formats/outputs.py``), Word and ODT files dated on the as-of day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from convention_cli.defaults import TEMPLATE_TIME_LIMIT
from convention_cli.errors import UserError
from convention_cli.formats.templating import (
    PACKAGE_TEMPLATES,
    bounded_rendering,
    bounded_sandbox_class,
    make_environment,
    render_document,
    template_failure,
)
from convention_cli.views.site_model import DocumentSite, Frise, Page, SiteView
from convention_cli.vocab import date_or_dash, format_number, french_spacing, plural

if TYPE_CHECKING:
    from convention_cli.formats.timeline import State, Timeline

STYLE = "site/style.css"
FRISE = "frise.svg"
GENERATOR = "convention"
"""Name in ``<meta name="generator">``: marks a folder as a site this tool wrote."""

VERSION_TEXT = {
    True: "Les éléments confidentiels (section VI de la convention), les noms de personnes "
          "et les faits non vérifiés en sont omis.",
    False: "Elle contient des éléments confidentiels (section VI) : ne pas diffuser.",
}


def _view_types() -> frozenset[type]:
    import dataclasses

    from convention_cli.views import site_model as site_views

    return frozenset(value for value in vars(site_views).values()
                     if isinstance(value, type) and dataclasses.is_dataclass(value))


def _make_environment(override_dir: Path | None) -> Any:
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    view_types = _view_types()

    class SiteSandbox(bounded_sandbox_class()):  # type: ignore[misc]
        """The sandbox, with a fast path for the site's own view models: their public
        fields are plain data (text, dates, tuples), safe to read. On 10,000 pages the
        general check costs more than the rendering itself."""

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if type(obj) in view_types and not attr.startswith("_"):
                return True
            return bool(super().is_safe_attribute(obj, attr, value))

    loaders = []
    overridden = override_dir is not None and (override_dir / "site").is_dir()
    if override_dir is not None and override_dir.is_dir():
        loaders.append(FileSystemLoader(str(override_dir)))
    loaders.append(FileSystemLoader(str(PACKAGE_TEMPLATES)))
    # A registry's own site templates run in the sandbox; the package's, trusted, run in
    # a plain environment (the sandbox's check of every attribute read costs as much as
    # the rendering on 10,000 pages). Registry values are escaped either way.
    factory = SiteSandbox if overridden else Environment
    env = factory(
        loader=ChoiceLoader(loaders), undefined=StrictUndefined, autoescape=True,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        auto_reload=False,  # one run, templates read once
    )
    env.filters.update({
        "date_fr": date_or_dash,
        "nombre_fr": format_number,
        "pluriel": plural,
        "iso": lambda value: value.isoformat(),
    })
    return env


def relative(href: str, page_path: str) -> str:
    """``href`` (relative to the site's root) as seen from ``page_path``: up to the root,
    then down; it works from any sub-path and from the disk."""
    return "../" * page_path.count("/") + href


def _template_error(name: str, exc: Any) -> UserError:
    line = getattr(exc, "lineno", None)
    where = f" (ligne {line})" if line else ""
    return UserError(f"modèle « {name} » invalide{where} : {exc.message}")


_NOT_PROSE = re.compile(r"<(script|style|code|pre)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>",
                        re.DOTALL | re.IGNORECASE)
"""What French spacing leaves alone in a page: tags (with their attributes and addresses),
comments, scripts, styles and code."""
_ENTITY = re.compile(r"&#?\w+;")


def _space_text(text: str) -> str:
    if not text.strip():
        return text
    entities: list[str] = []

    def keep(match: re.Match[str]) -> str:
        entities.append(match.group(0))
        return f"\x01{len(entities) - 1}\x01"

    # The leading « \x02 » stands for the tag before the text: « </a> ; » is prose too.
    spaced = french_spacing("\x02" + _ENTITY.sub(keep, text))[1:]
    return re.sub("\x01(\\d+)\x01", lambda m: entities[int(m.group(1))], spaced)


def french_html(html: str) -> str:
    """A page with the French no-break spaces of the documents (``vocab.french_spacing``:
    inside « », before : ; ! ?) in its text only; tags, attributes, addresses, character
    references and code are left as they are."""
    parts: list[str] = []
    start = 0
    for match in _NOT_PROSE.finditer(html):
        parts += [_space_text(html[start:match.start()]), match.group(0)]
        start = match.end()
    parts.append(_space_text(html[start:]))
    return "".join(parts)


def iter_pages(view: SiteView, env: Any) -> Iterator[tuple[str, bytes]]:
    """Each page, rendered when asked for: a large site is written as it is rendered,
    never held whole in memory."""
    from jinja2 import TemplateError, TemplateNotFound

    bounded = hasattr(env, "loop_budget")
    version = VERSION_TEXT[view.public]
    templates: dict[str, Any] = {}
    for page in view.pages:
        try:
            template = templates.get(page.modele)
            if template is None:
                template = templates[page.modele] = env.get_template(page.modele)
            if bounded:  # a registry's own templates: bounded in work and time
                text = bounded_rendering(partial(
                    template.generate, site=view, page=page, d=page.donnees,
                    version=version, lien=_linker(page),
                    racine="../" * page.chemin.count("/"),
                ), page.modele, time_limit=TEMPLATE_TIME_LIMIT)
            else:
                text = template.render(
                    site=view, page=page, d=page.donnees, version=version,
                    lien=_linker(page), racine="../" * page.chemin.count("/"),
                )
        except TemplateNotFound as exc:
            raise UserError(f"modèle de site introuvable : {exc.name}") from None
        except TemplateError as exc:
            raise _template_error(page.modele, exc) from None
        except UnicodeDecodeError as exc:
            raise template_failure(exc, page.modele) from None
        yield page.chemin, french_html(text).encode("utf-8")


STATE_BY_ETAT: dict[str, State] = {"en_retard": "late", "honoree": "done",
                                   "a_venir": "open", "proche": "open"}
"""The picture's states; the others (sans objet, à décider, échue avant la signature)
are drawn as « autre état », and the text alternative names each one."""


def frise_timeline(frise: Frise) -> Timeline:
    """The site's timeline as the documents draw theirs (``formats/timeline.py``): the
    convention's period, the as-of day, one row per échéance."""
    from convention_cli.formats.timeline import Timeline, TimelineTask

    return Timeline(frise.titre, tuple(TimelineTask(j.libelle, j.date,
                                           STATE_BY_ETAT.get(j.etat_code, "other"))
                              for j in frise.jalons),
                    start=frise.debut, end=frise.fin, today=frise.as_of)


def _linker(page: Page) -> Any:
    root = "../" * page.chemin.count("/")

    def lien(href: str) -> str:
        return root + href
    return lien


def sitemap(view: SiteView, base_url: str | None) -> bytes:
    """``sitemap.xml`` (sitemaps.org): absolute addresses when the site's public address
    is known (``--url``), otherwise addresses relative to the site's root."""
    prefix = base_url.rstrip("/") + "/" if base_url else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in sorted(view.pages, key=lambda p: p.chemin):
        lines.append(f"  <url><loc>{escape(prefix + page.chemin)}</loc>"
                     f"<lastmod>{view.as_of.isoformat()}</lastmod></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def iter_site(
    view: SiteView, override_dir: Path | None = None, base_url: str | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every file of the site, one at a time: pages, style sheet, timeline picture,
    documents, sitemap (each name once)."""
    from jinja2 import TemplateNotFound

    from convention_cli.formats.timeline import svg_size, timeline_svg

    env = _make_environment(override_dir)
    try:
        style, _, _ = env.loader.get_source(env, STYLE)
    except TemplateNotFound:
        raise UserError(f"feuille de style du site introuvable : {STYLE}") from None
    timeline = frise_timeline(view.frise)
    env.globals["frise_taille"] = svg_size(timeline)
    yield from iter_pages(view, env)
    yield "style.css", style.encode("utf-8")
    yield FRISE, timeline_svg(timeline).encode("utf-8")
    documents_env = make_environment(override_dir) if view.documents else None
    for document in view.documents:
        yield from _document_files(document, view, override_dir, documents_env)
    yield "sitemap.xml", sitemap(view, base_url)


def _document_files(
    document: DocumentSite, view: SiteView, override_dir: Path | None, env: Any
) -> Iterator[tuple[str, bytes]]:
    """A document in each of its formats: its template rendered once (in the documents'
    environment ``env``, shared by all), the Markdown read once for the other formats."""
    from convention_cli.formats.docmodel import parse_markdown
    from convention_cli.formats.outputs import write_model

    text = render_document(document.modele, {
        "view": document.vue, "public": document.public, "provenance": view.provenance,
        "ids": False, "labels": document.labels,
    }, override_dir, env)
    model = None
    for version in document.versions:
        if version.href.endswith(".md"):
            yield version.href, text.encode("utf-8")
            continue
        if model is None:
            model = parse_markdown(text, document.meta)
        yield version.href, write_model(model, "." + version.href.rsplit(".", 1)[-1])


def render_site(
    view: SiteView, override_dir: Path | None = None, base_url: str | None = None
) -> dict[str, bytes]:
    """Every file of the site in one mapping, sorted by path."""
    return dict(sorted(iter_site(view, override_dir, base_url)))

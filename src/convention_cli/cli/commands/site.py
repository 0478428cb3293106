"""``convention site``: the static public site of the partnership (section IV)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from convention_cli.cli.options import AsOfOption, DataOption, resolve_as_of, resolve_data

SiteOutputOption = Annotated[
    Path,
    typer.Option("--sortie", "-o", metavar="DOSSIER", help="Dossier où écrire le site (créé "
                 "ou remplacé ; jamais un dossier du registre).", show_default=False),
]


def site(
    sortie: SiteOutputOption,
    data: DataOption = None,
    as_of: AsOfOption = None,
    interne: Annotated[
        bool, typer.Option("--interne", help="Version interne, avec les éléments "
                           "confidentiels (section VI) : à ne jamais publier. Défaut : "
                           "version publique.")
    ] = False,
    url: Annotated[
        str | None, typer.Option("--url", help="Adresse publique du site (pour les adresses "
                                 "absolues de sitemap.xml), par exemple "
                                 "https://exemple.org/convention/.", show_default=False)
    ] = None,
) -> None:
    """Site web statique du partenariat : où en est la convention, dans un navigateur.

    Pages en français : accueil (la convention en deux phrases, position dans la
    période, avancement par objectif et par partie, obligations en retard et
    prochaines, frise, dernières mises à jour), une page par engagement (clause et
    citation, statut, échéances, indicateurs, journal, preuves), par groupe de travail
    et par territoire, les réunions et les documents à télécharger. Version publique par
    défaut : rien de confidentiel, aucun nom de personne, seulement les faits vérifiés.
    Aucune ressource extérieure : le site s'ouvre depuis le disque (index.html) ou se
    publie tel quel (GitHub Pages, GitLab Pages ; voir examples/).

    Exemple : convention site -o public --as-of 2025-06-30
    """
    from convention_cli.checks.pipeline import gc_paused

    data_dir = resolve_data(data)
    day = resolve_as_of(as_of)
    target = _check_target(sortie, data_dir)
    with gc_paused():
        pages = write_site(target, site_files(data_dir, day, public=not interne, base_url=url))
    version = "interne" if interne else "publique"
    sys.stderr.write(f"Site écrit : {sortie} ({pages} pages, version {version}, situation au "
                     f"{day.isoformat()}).\n")


def site_files(
    data_dir: Path, day: object, *, public: bool, base_url: str | None
) -> Iterator[tuple[str, bytes]]:
    """The site's files for the registry in ``data_dir``, as known on ``day``: the
    registry is loaded and the view built now, the files rendered as they are taken."""
    from datetime import date

    from convention_cli.checks.pipeline import load_valid_registry
    from convention_cli.formats.site import iter_site
    from convention_cli.formats.templating import template_dir_for
    from convention_cli.views.provenance import provenance
    from convention_cli.views.site import build_site_view

    assert isinstance(day, date)
    registry = load_valid_registry(data_dir)
    # The registry's folder name only, even internally: a site never shows a local path.
    origin = provenance(day, data_dir, public=True)
    view = build_site_view(registry, day, public=public, provenance=origin)
    return iter_site(view, template_dir_for(data_dir), base_url)


def _check_target(target: Path, data_dir: Path) -> Path:
    """The output guard (``edit/output.py``: not in the registry, not a file), and two
    rules of a site's folder: it never contains the registry, and an existing folder is
    replaced only if it holds a site this tool wrote."""
    from convention_cli.edit.output import output_folder
    from convention_cli.errors import UsageError

    resolved = output_folder(target, data_dir, "--sortie")
    if resolved in data_dir.resolve().parents:
        raise UsageError(f"--sortie : {target} contient le registre ; le site s'écrit dans un "
                         "autre dossier (par exemple public/)")
    if resolved.is_dir() and any(resolved.iterdir()) and not _is_site(resolved):
        raise UsageError(f"--sortie : {target} n'est pas vide et ne contient pas un site écrit "
                         "par convention : il n'est pas remplacé (choisissez un dossier vide)")
    return resolved


def _is_site(folder: Path) -> bool:
    from convention_cli.formats.site import GENERATOR

    index = folder / "index.html"
    try:
        head = index.read_text(encoding="utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return False
    return f'<meta name="generator" content="{GENERATOR} ' in head


def write_site(target: Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Write every file in a fresh sibling folder, then swap it in: a reader sees the old
    site or the new one, and a failure (of the disk, or of a template while rendering)
    leaves the old one untouched. Returns the number of HTML pages."""
    from convention_cli.errors import SystemRefusalError, os_error_label

    parent = target.parent
    staging = parent / f".{target.name}.nouveau-{os.getpid()}"
    previous = parent / f".{target.name}.ancien-{os.getpid()}"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        if staging.exists():
            shutil.rmtree(staging)
        made: set[Path] = set()
        pages = 0
        for name, content in files:
            # The documents' HTML versions are downloads, not pages of the site.
            pages += name.endswith(".html") and (not name.startswith("documents/")
                                                 or name == "documents/index.html")
            path = staging / name
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_bytes(content)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if previous.exists() and not target.exists():
            previous.rename(target)
        raise SystemRefusalError(f"--sortie : écriture du site dans {target} impossible "
                                 f"({os_error_label(exc)}) ; rien n'a été remplacé") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(previous, ignore_errors=True)
    return pages

"""``convention init``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from convention_cli.cli.options import parse_date_option, resolve_as_of


def init(
    dossier: Annotated[Path, typer.Argument(metavar="DIR", help="Dossier à créer (ou vide).")],
    titre: Annotated[str, typer.Option("--titre", help="Titre de la convention.")]
    = "Convention de partenariat",
    signature: Annotated[
        str | None, typer.Option("--signature", help="Date de signature AAAA-MM-JJ (défaut : "
                                 "aujourd'hui).", show_default=False)
    ] = None,
    duree: Annotated[int, typer.Option("--duree", min=1, max=10,
                                       help="Durée en années.")] = 3,
) -> None:
    """Crée un registre neuf et valide, avec des exemples commentés, pour une autre convention.

    Le dossier doit être neuf ou vide : rien n'est jamais écrasé. Les schémas JSON sont
    écrits dans DOSSIER/schemas pour que l'éditeur complète la saisie.

    Exemple : convention init accord-sma --titre "Accord-cadre UNML–SMA, Guadeloupe"
    """
    from convention_cli.edit.scaffold import scaffold_registry

    day = parse_date_option(signature, "--signature") if signature else resolve_as_of(None)
    assert day is not None
    written = scaffold_registry(dossier, titre=titre, signature=day, duree=duree)
    typer.echo(f"Registre créé dans {dossier} ({len(written)} fichiers) : complétez-le, puis "
               f"vérifiez avec « convention validate --data {dossier} ».")

"""``convention territoire ID``."""

from __future__ import annotations

from typing import Annotated

from convention_cli.cli.consultation import emit_view, load_registry
from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    FicheFormatOption,
    Format,
    id_argument,
    resolve_as_of,
)

TerritoireId = Annotated[
    str, id_argument("Identifiant (ex. mayotte) ou code INSEE (ex. 976).")]


def territoire(
    ident: TerritoireId,
    data: DataOption = None,
    as_of: AsOfOption = None,
    output_format: FicheFormatOption = Format.text,
) -> None:
    """Affiche la fiche d'un territoire : missions locales, ARML, opérateurs, engagements.

    Nom et siège de chaque mission locale avec leur niveau de confiance (« non vérifié »
    quand aucune source ne les confirme), ARML et ses autres noms, opérateurs liés
    (dont le régiment du SMA) et engagements qui le concernent.

    Exemple : convention territoire la-reunion
    """
    from convention_cli.views.consultation.territoires import (
        build_territory_fiche,
        territory_fiche_document,
        territory_fiche_to_json,
    )

    fiche = build_territory_fiche(load_registry(data), ident, resolve_as_of(as_of))
    emit_view(output_format, lambda: territory_fiche_to_json(fiche),
               lambda: territory_fiche_document(fiche))

"""``convention territoires``."""

from __future__ import annotations

from convention_cli.cli.consultation import emit_view, load_registry
from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    ListFormatOption,
    resolve_as_of,
)


def territoires(
    data: DataOption = None,
    as_of: AsOfOption = None,
    output_format: ListFormatOption = Format.table,
) -> None:
    """Liste les six territoires de la convention, et la Nouvelle-Calédonie hors périmètre.

    Code INSEE, statut (DROM ou COM), nombre de missions locales, ARML de rattachement,
    régiment du service militaire adapté (fait sourcé, avec sa confiance) ; avec
    --as-of, le registre tel qu'il était connu ce jour-là.

    Exemple : convention territoires --format markdown
    """
    from convention_cli.views.consultation.territoires import (
        build_territory_list,
        territory_list_table,
        territory_list_to_json,
    )

    view = build_territory_list(load_registry(data), resolve_as_of(as_of))
    emit_view(output_format, lambda: territory_list_to_json(view),
              lambda: territory_list_table(view))

"""``convention releve``."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.options import AsOfOption, DataOption, IdsOption, OutputOption, PublicOption


def releve(
    reunion: Annotated[str, typer.Argument(metavar="REUNION_ID",
                                           help="Identifiant de la réunion enregistrée "
                                           "(ex. commission-2026-12-03).")],
    data: DataOption = None,
    sortie: OutputOption = None,
    public: PublicOption = False,
    identifiants: IdsOption = False,
    as_of: AsOfOption = None,
) -> None:
    """Relevé de décisions d’une réunion enregistrée (commission, groupe de travail, référents).

    Instance, date, lieu et participants ; décisions ; actions avec responsable, échéance
    et état à la date d’observation ; prochaine réunion si le registre la connaît (pour la
    commission, la fin du trimestre suivant). Au format de l’extension de -o : .md, .docx,
    .odt ou .html.

    Exemple : convention releve commission-2026-12-03 -o releve.docx
    """
    from convention_cli.cli.documents import produce_from_options

    produce_from_options("releve", data, sortie, as_of, public=public,
                         identifiants=identifiants, reunion=reunion)

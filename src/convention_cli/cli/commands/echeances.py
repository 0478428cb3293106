"""``convention echeances``: the échéancier as a table, JSON, Markdown or an iCalendar file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    HorizonOption,
    ListFormat,
    parse_date_option,
    resolve_as_of,
    resolve_data,
)
from convention_cli.defaults import HORIZON_DAYS

if TYPE_CHECKING:
    from convention_cli.domain.echeances import Echeance
    from convention_cli.load.registry import Registry


class EtatChoice(StrEnum):
    """The ASCII keys of ``Etat`` (``Etat.key``); a test keeps the two in step."""

    a_venir = "a_venir"
    proche = "proche"
    en_retard = "en_retard"
    honoree = "honoree"
    sans_objet = "sans_objet"
    a_decider = "a_decider"
    echue_avant_signature = "echue_avant_signature"


ETAT_HELP = ("Seulement cet état : " + ", ".join(c.value for c in list(EtatChoice)[:-1])
             + f" ou {list(EtatChoice)[-1].value}.")
"""``--etat``'s help, from the enum: every state, none forgotten."""


def echeances(
    data: DataOption = None,
    as_of: AsOfOption = None,
    depuis: Annotated[str | None, typer.Option(
        "--depuis", metavar="AAAA-MM-JJ",
        help="Seulement les échéances à partir de cette date (incluse).",
        show_default=False)] = None,
    jusqu_au: Annotated[str | None, typer.Option(
        "--jusqu-au", metavar="AAAA-MM-JJ",
        help="Seulement les échéances jusqu'à cette date (incluse).",
        show_default=False)] = None,
    partie: Annotated[str | None, typer.Option(
        "--partie", help="Seulement les échéances qui concernent cette partie : celles "
        "qu'elle porte et celles auxquelles elle participe (ex. dgom).",
        show_default=False)] = None,
    etat: Annotated[EtatChoice | None, typer.Option(
        "--etat", metavar="ETAT", help=ETAT_HELP, show_default=False)] = None,
    horizon: HorizonOption = HORIZON_DAYS,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="Format de sortie : table, json ou markdown.",
    )] = Format.table,
    public: Annotated[bool, typer.Option(
        "--public", help="Sans les échéances confidentielles (section VI).")] = False,
    ics: Annotated[Path | None, typer.Option(
        "--ics", metavar="FICHIER", show_default=False,
        help="Écrit les échéances retenues dans ce fichier iCalendar (.ics), à importer dans "
        "Outlook ou Thunderbird, au lieu de les afficher.")] = None,
) -> None:
    """Liste les échéances de la convention et leur état à une date donnée.

    Sources : échéances des engagements, bilans annuels et pluriannuel (V),
    valorisation annuelle (IV), commission ultramarine trimestrielle (III),
    terme et prorogation (V), actions décidées en réunion.
    États au --as-of (défaut : aujourd'hui) : à venir, proche (dans l'horizon),
    en retard, honorée, sans objet, à décider (ce que le texte permet sans
    l'exiger), échue avant la signature.

    Avec --ics, écrit un calendrier iCalendar au lieu d'afficher la liste :
    un événement sur la journée par échéance, à l'identifiant stable (un agenda
    abonné au fichier se met à jour sans doublon ; voir le README pour Outlook).

    Exemple : convention echeances --partie dgom --ics echeances.ics
    """
    from convention_cli.checks.pipeline import load_valid_registry
    from convention_cli.domain.echeances import compute_echeances
    from convention_cli.domain.queries import Filtres, check_filter_values
    from convention_cli.edit.output import output_file
    from convention_cli.errors import UsageError
    from convention_cli.views.echeances import ETAT_BY_KEY, FiltresEcheances, filter_echeances

    day = resolve_as_of(as_of)
    filtres = FiltresEcheances(
        depuis=parse_date_option(depuis, "--depuis"),
        jusqu_au=parse_date_option(jusqu_au, "--jusqu-au"),
        partie=partie, etat=ETAT_BY_KEY[etat.value] if etat else None, public=public,
    )
    if (filtres.depuis is not None and filtres.jusqu_au is not None
            and filtres.depuis > filtres.jusqu_au):
        raise UsageError(f"--depuis ({filtres.depuis}) est postérieure à --jusqu-au "
                         f"({filtres.jusqu_au}) : aucune échéance ne peut correspondre")
    data_dir = resolve_data(data)
    ics_target = output_file(ics, data_dir, "--ics") if ics is not None else None
    registry = load_valid_registry(data_dir)
    check_filter_values(registry, Filtres(partie=partie))
    selected = filter_echeances(compute_echeances(registry, day, horizon), filtres)
    if ics is not None:
        _write_ics(ics_target, selected, registry, day)
    elif output_format is Format.json:
        from convention_cli.formats.json import dumps
        from convention_cli.views.echeances import echeances_payload

        payload = echeances_payload(selected, day, horizon)
        sys.stdout.write(dumps(payload))
    elif output_format is Format.markdown:
        from convention_cli.formats.echeances_markdown import echeances_markdown

        sys.stdout.write(echeances_markdown(selected, day, horizon))
    else:
        _print_table(selected, day)


def _write_ics(
    path: Path | None, selected: Sequence[Echeance], registry: Registry, day: date
) -> None:
    """The calendar, to the file ``path`` (from the output guard) or, for ``--ics -``, to
    standard output."""
    from convention_cli.errors import UserError
    from convention_cli.formats.ics import echeances_to_ics

    if not selected:
        raise UserError(f"aucune échéance ne correspond aux filtres : {path or 'le calendrier'} "
                        "n'a pas été écrit")
    payload = echeances_to_ics(selected, registry, day)
    if path is None:
        sys.stdout.write(payload.decode("utf-8"))
        return
    from convention_cli.edit.output import write_output

    write_output(path, payload, "--ics")
    count = len(selected)
    noun = "échéances écrites" if count > 1 else "échéance écrite"
    sys.stdout.write(f"{count} {noun} dans {path}\n")


# --- table ---------------------------------------------------------------------------


def _print_table(selected: Sequence[Echeance], day: date) -> None:
    """One aligned block fitted to the width (a terminal's, or ``COLUMNS``; piped
    without it, whole lines): one line per échéance at any width; the id and the date
    are never cut, the libellé is, and clause then parties go first when room lacks."""
    from convention_cli.cli.render import print_table
    from convention_cli.cli.status_table import STYLE_BY_ETAT
    from convention_cli.cli.text_table import Column, text_table
    from convention_cli.views.echeances import NO_MATCH, echeance_rows, summary_line
    from convention_cli.vocab import format_date, lecture_fr

    if not selected:
        sys.stdout.write(NO_MATCH + "\n")
        return
    rows = echeance_rows(selected, day)
    columns = [Column("date", keep=True), Column("état", drop=3, min_width=9, stacked=True),
               Column("clause", drop=4), Column("qui agit", drop=5, max_width=24),
               Column("identifiant", keep=True), Column("échéance", min_width=12)]
    cells = []
    for r, e in zip(rows, selected, strict=True):
        label = r.libelle + (f" — honorée le {r.honneur}" if r.honneur else "")
        if e.lecture:
            label += f" ({lecture_fr(e.lecture)})"
        cells.append([r.date, r.etat_texte, r.source, r.parties, r.id, label])
    styles = [STYLE_BY_ETAT.get(r.etat, "") for r in rows]
    print_table(lambda width: text_table(f"Échéances au {format_date(day)}", columns, cells,
                                         styles, summary_line(selected), width=width))

"""``convention echeances``: the échéancier as a table, JSON, Markdown or an iCalendar file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    HorizonOption,
    parse_date_option,
    resolve_as_of,
    resolve_data,
)
from convention_cli.defaults import HORIZON_DAYS, TERMINAL_ROW_LIMIT

if TYPE_CHECKING:
    from convention_cli.domain.echeances import Echeance
    from convention_cli.load.registry import Registry
    from convention_cli.views.echeances import EcheanceRow

class EcheancesFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class EtatChoice(StrEnum):
    """The ASCII keys of ``Etat`` (``Etat.key``); a test keeps the two in step."""

    a_venir = "a_venir"
    proche = "proche"
    en_retard = "en_retard"
    honoree = "honoree"
    sans_objet = "sans_objet"


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
        "--partie", help="Seulement les échéances dont cette partie est responsable (ex. dgom).",
        show_default=False)] = None,
    etat: Annotated[EtatChoice | None, typer.Option(
        "--etat", help="Seulement cet état : a_venir, proche, en_retard, honoree ou sans_objet.",
        show_default=False)] = None,
    horizon: HorizonOption = HORIZON_DAYS,
    output_format: Annotated[EcheancesFormat, typer.Option(
        "--format", "-f", help="Format de sortie : table, json ou markdown.",
    )] = EcheancesFormat.table,
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
    en retard, honorée, sans objet.

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
    elif output_format is EcheancesFormat.json:
        import json

        from convention_cli.views.echeances import echeances_payload

        payload = echeances_payload(selected, day, horizon)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif output_format is EcheancesFormat.markdown:
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
    """Up to ``TERMINAL_ROW_LIMIT`` rows on a terminal: a rich table that wraps long libellés
    (box drawing and colours unless NO_COLOR). Otherwise the shared aligned text block in
    one write: full lines when piped, the libellé cut to the terminal's width on one."""
    from convention_cli.cli.status_table import STYLE_BY_ETAT, make_console
    from convention_cli.cli.text_table import Column, emit, text_table
    from convention_cli.views.echeances import NO_MATCH, echeance_rows, summary_line
    from convention_cli.vocab import format_date

    if not selected:
        sys.stdout.write(NO_MATCH + "\n")
        return
    title = f"Échéances au {format_date(day)}"
    rows = echeance_rows(selected, day)
    caption = summary_line(selected)
    console = make_console()
    if console is not None and len(rows) <= TERMINAL_ROW_LIMIT:
        _print_rich_table(console, title, rows, caption)
        return
    headers = ("date", "état", "clause", "parties", "identifiant", "échéance")
    cells = [[r.date, r.etat.value, r.source, r.parties, r.id,
              r.libelle + (f" — honorée le {r.honneur}" if r.honneur else "")] for r in rows]
    last_width = None
    if console is not None:
        fixed = sum(max(len(h), *(len(c[i]) for c in cells)) + 2
                    for i, h in enumerate(headers[:-1]))
        last_width = max(20, int(console.width) - fixed)
        if any(len(c[-1]) > last_width for c in cells):
            caption += "\nTextes coupés : --format markdown ou json pour tout lire."
    columns = [*(Column(h) for h in headers[:-1]), Column(headers[-1], max_width=last_width)]
    emit([text_table(title, columns, cells, [STYLE_BY_ETAT[r.etat] for r in rows], caption)],
         console)


def _print_rich_table(
    console: Any, title: str, rows: Sequence[EcheanceRow], caption: str
) -> None:
    """Few narrow columns and one wide one, so that the libellé survives an 80-column
    terminal: the id and the honouring record go under the libellé."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from convention_cli.cli.status_table import STYLE_BY_ETAT

    table = Table(title=Text(title, style="bold"), title_justify="left",
                  caption=Text(caption, style="italic"), caption_justify="left",
                  box=None if console.no_color else box.SIMPLE_HEAD, header_style="bold",
                  expand=True, show_lines=True)
    for header in ("date", "état", "clause", "parties"):
        table.add_column(header, no_wrap=True)
    table.add_column("échéance (identifiant)", ratio=1, overflow="fold")
    for r in rows:  # Text, not str: a libellé is never read as rich markup
        echeance = Text(r.libelle)
        echeance.append(f"\n{r.id}", style="dim")
        if r.honneur:
            echeance.append(f"\nhonorée le {r.honneur}", style="green")
        if console.no_color:  # no box, hence no row lines: a blank line between rows
            echeance.append("\n")
        table.add_row(Text(r.date), Text(r.etat.value, style=STYLE_BY_ETAT[r.etat]),
                      Text(r.source), Text(r.parties), echeance)
    console.print(table)

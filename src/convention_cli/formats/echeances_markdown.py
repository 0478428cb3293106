"""``convention echeances --format markdown``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from convention_cli import __version__
from convention_cli.domain.echeances import Echeance
from convention_cli.formats.markdown import cell
from convention_cli.views.echeances import NO_MATCH, echeance_rows, summary_line
from convention_cli.vocab import format_date


def echeances_markdown(echeances: Sequence[Echeance], as_of: date, horizon_days: int) -> str:
    """The échéancier as a Markdown table, stating what it was computed from."""
    lines = [f"# Échéances au {format_date(as_of)}", "",
             f"Calculé par convention {__version__} ; « proche » : dans les "
             f"{horizon_days} jours.", ""]
    if not echeances:
        return "\n".join([*lines, NO_MATCH]) + "\n"
    lines += ["| Date | État | Clause | Parties | Identifiant | Échéance | Honorée le (par) |",
              "|---|---|---|---|---|---|---|"]
    lines += [
        "| " + " | ".join(cell(c) for c in (r.date, r.etat_texte, r.source, r.parties, r.id,
                                            r.libelle, r.honneur)) + " |"
        for r in echeance_rows(echeances, as_of)
    ]
    return "\n".join([*lines, "", summary_line(echeances)]) + "\n"

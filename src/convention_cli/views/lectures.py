"""Readings of the text (``lectures``) as every view and document shows them.

A reading is what the registry derives beyond the agreement's words (a rhythm, a date,
a target, a link, a responsible party). It is always shown introduced by « lecture : »
(:func:`convention_cli.vocab.lecture_fr`), never as the text itself.
"""

from __future__ import annotations

from typing import Any

from convention_cli.domain.etats import Echeance
from convention_cli.models.base import Lecture, Lisible
from convention_cli.vocab import lecture_fr


def lectures_of(item: object, champ: str | None = None) -> tuple[Lecture, ...]:
    """The readings an item carries, all of them or those about one field."""
    if not isinstance(item, Lisible):
        return ()
    return tuple(lu for lu in item.lectures if champ is None or lu.champ == champ)


def lecture_lines(item: object, champ: str | None = None) -> tuple[str, ...]:
    """``("lecture : …", …)`` for an item (or one of its fields), ready to print."""
    return tuple(lecture_fr(lu.motif) for lu in lectures_of(item, champ))


def lectures_json(item: object, champ: str | None = None) -> list[dict[str, Any]]:
    """``[{"champ": …, "motif": …, "texte": "lecture : …"}]`` for JSON outputs."""
    return [
        {"champ": lu.champ, "motif": lu.motif, "texte": lecture_fr(lu.motif)}
        for lu in lectures_of(item, champ)
    ]


ROW_FIELDS = ("echeance", "debut", "recurrence", "statut")
"""The fields of an engagement a table row may show: its date, start, rhythm and state.
Every row of an engagement (terminal, passation, bilans) takes its readings from
:func:`row_readings`, the one rule saying which of them a row shows."""


def row_readings(
    item: object, echeance: Echeance | None = None, *, rythme: bool | None = None
) -> tuple[str, ...]:
    """The readings behind a row of ``item`` showing its ``echeance`` (a derived date or
    state has its own reading) and its date, start and state; the rhythm's reading only
    when the row shows the rhythm (``rythme``; by default when it shows no échéance).
    Each once, as « lecture : … »."""
    shows_rhythm = echeance is None if rythme is None else rythme
    lines = [lecture_fr(echeance.lecture)] if echeance and echeance.lecture else []
    for champ in ROW_FIELDS:
        if champ != "recurrence" or shows_rhythm:
            lines.extend(lecture_lines(item, champ))
    return tuple(dict.fromkeys(lines))

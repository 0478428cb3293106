"""The follow-up row of a working group of the annex, shown by ``convention status`` and
by the passation note: number, label, status, the engagements it follows, the date of
its latest journal entry. One class and one builder for both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convention_cli.domain.queries import last_entry_date
from convention_cli.load.registry import Registry
from convention_cli.views.public import visible_journal
from convention_cli.vocab import GT_STATUT_LABELS


@dataclass(frozen=True)
class GroupeTravailRow:
    id: str
    numero: int
    libelle: str
    statut: str
    """The status code (``GT_STATUT_LABELS``)."""
    engagements: int
    """How many engagements the group follows (in the passation: of the party's)."""
    derniere_entree: date | None

    @property
    def statut_libelle(self) -> str:
        return GT_STATUT_LABELS[self.statut]


def groupe_travail_rows(
    registry: Registry, *, public: bool = False, engagements: set[str] | None = None
) -> tuple[GroupeTravailRow, ...]:
    """One row per working group, in file order. ``engagements``: count only the followed
    engagements among these (a party's); ``public``: the latest entry among those a public
    output may show (``views.public``)."""
    return tuple(
        GroupeTravailRow(
            id=g.id, numero=g.numero, libelle=g.libelle, statut=g.statut,
            engagements=len(g.engagements) if engagements is None
            else len(engagements.intersection(g.engagements)),
            derniere_entree=last_entry_date(visible_journal(g, public)))
        for g in registry.groupes_travail)

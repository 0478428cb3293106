"""Relevé de décisions of one recorded meeting: what was decided, who does what by when.

The record the secretariat sends after a commission or a working-group meeting: the
instance, date, place and participants, the decisions, the actions with their owner, due
date and state on the as-of day, and the next meeting when the registry knows it (a
recorded later meeting of the same instance, or for the commission the end of the
quarter by which the next one is due, section III).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convention_cli.checks.references import suggest
from convention_cli.domain.calendar import quarter_of
from convention_cli.domain.queries import party_names
from convention_cli.domain.snapshot import snapshot
from convention_cli.errors import UserError
from convention_cli.load.registry import Registry
from convention_cli.views.documents.common import (
    ActionDocumentRow,
    action_row,
    instance_label,
)
from convention_cli.views.provenance import Provenance
from convention_cli.views.public import (
    bibliography_names,
    cited_sources,
    participants,
    visible_actions,
    visible_decisions,
)
from convention_cli.vocab import format_date


@dataclass(frozen=True)
class ReleveView:
    titre: str
    instance: str
    reunion: str
    date: date
    lieu: str | None
    participants: tuple[str, ...]
    source: str | None
    decisions: tuple[str, ...]
    actions: tuple[ActionDocumentRow, ...]
    prochaine: str | None
    public: bool
    provenance: Provenance


def find_reunion(registry: Registry, reunion_id: str, public: bool) -> None:
    """A French error for an unknown meeting (or a confidential one in a public record)."""
    known = [r.id for r in registry.reunions if not (public and r.confidentiel)]
    if reunion_id not in known:
        raise UserError(f"réunion « {reunion_id} » inconnue{suggest(reunion_id, known)}")


def build_releve(
    registry: Registry, reunion_id: str, *, as_of: date, public: bool, provenance: Provenance
) -> ReleveView:
    # The registry as known on the as-of day: a meeting held after it is unknown.
    registry = snapshot(registry, as_of)
    find_reunion(registry, reunion_id, public)
    reunion = next(r for r in registry.reunions if r.id == reunion_id)
    names = party_names(registry)
    instance = instance_label(reunion, registry)
    actions = [action_row(a, reunion.id, names, as_of) for a in
               sorted(visible_actions(reunion, public), key=lambda a: (a.echeance, a.id))]
    return ReleveView(
        titre=f"Relevé de décisions : {instance} du {format_date(reunion.date)}",
        instance=instance, reunion=reunion.id, date=reunion.date, lieu=reunion.lieu,
        participants=participants(reunion, public),
        source=None if public else cited_sources(reunion.source, bibliography_names(registry)),
        decisions=tuple(d.texte for d in visible_decisions(reunion, public)),
        actions=tuple(actions),
        prochaine=_next_meeting(registry, reunion_id, public),
        public=public, provenance=provenance)


def _next_meeting(registry: Registry, reunion_id: str, public: bool) -> str | None:
    reunion = next(r for r in registry.reunions if r.id == reunion_id)
    later = sorted((r for r in registry.reunions
                    if r.instance == reunion.instance
                    and r.groupe_travail == reunion.groupe_travail
                    and r.date > reunion.date and not (public and r.confidentiel)),
                   key=lambda r: r.date)
    if later:
        following = later[0]
        where = f", {following.lieu}" if following.lieu else ""
        return f"Le {format_date(following.date)}{where}"
    if reunion.instance == "commission":
        year, quarter = quarter_of(reunion.date)
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        end = date(year, 3 * quarter, 31 if quarter in (1, 4) else 30)
        if registry.date_fin is not None and end > registry.date_fin:
            return None
        return (f"Date à fixer, au plus tard le {format_date(end)} (une réunion par "
                "trimestre, section III)")
    return None

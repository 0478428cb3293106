"""The agreement's rules and the registry's integrity, one named check per rule.

Each check yields diagnostics with stable codes; ``ALL_CHECKS`` runs them all.
"""

from __future__ import annotations

from convention_cli.checks.base import Check
from convention_cli.checks.couverture import (
    annex_numbering,
    annex_themes_have_groups,
    engaging_clauses_covered,
    objectives_served,
)
from convention_cli.checks.dates import (
    deadlines_in_period,
    journal_dates,
    pluriannual_bilan_in_period,
)
from convention_cli.checks.echeancier import known_echeances, rules_carried_once
from convention_cli.checks.engagements import (
    engagements_verifiable,
    journal_sourced,
    status_has_source,
)
from convention_cli.checks.gouvernance import facts_sourced, meeting_instance, parties_have_referent
from convention_cli.checks.perimetre import mission_locale_counts, mission_locale_total
from convention_cli.checks.preuves import (
    bibliography_cited,
    excluded_not_linked,
    qualifiers_kept,
    relations_sourced,
    signature_time_evidence,
    status_evidence,
)
from convention_cli.checks.references import known_references, unique_ids
from convention_cli.checks.suivi import (
    computed_indicators_not_typed,
    echeance_of_its_engagement,
    record_statuses,
    records_in_period,
    referent_history_ordered,
)
from convention_cli.checks.tracabilite import traceability

ALL_CHECKS: tuple[Check, ...] = (
    unique_ids,
    known_references,
    deadlines_in_period,
    pluriannual_bilan_in_period,
    journal_dates,
    mission_locale_counts,
    mission_locale_total,
    engaging_clauses_covered,
    annex_themes_have_groups,
    objectives_served,
    annex_numbering,
    engagements_verifiable,
    status_has_source,
    journal_sourced,
    parties_have_referent,
    meeting_instance,
    facts_sourced,
    rules_carried_once,
    known_echeances,
    traceability,
    status_evidence,
    signature_time_evidence,
    relations_sourced,
    excluded_not_linked,
    qualifiers_kept,
    bibliography_cited,
    echeance_of_its_engagement,
    record_statuses,
    computed_indicators_not_typed,
    records_in_period,
    referent_history_ordered,
)

__all__ = ["ALL_CHECKS", "Check"]

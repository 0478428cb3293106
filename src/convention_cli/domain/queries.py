"""Read-only selections over the registry, shared by the consultation commands.

Everything here is pure: the date comes in as ``as_of``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from convention_cli.domain.echeances import Echeance, Etat
from convention_cli.errors import UserError
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement, EntreeJournal, Operateur, Partie
from convention_cli.vocab import STATUT_LABELS, did_you_mean

STATUT_FILTERS = (*STATUT_LABELS, "en_retard")
"""Values of ``--statut``: an engagement status, or ``en_retard`` (a late échéance)."""

CLOSED_STATUTS = frozenset({"realise", "abandonne"})
"""An engagement at one of these statuses is closed: nothing more is awaited of it (the
passation lists only the others as open; ``status`` flags only those without news)."""


@dataclass(frozen=True)
class Filtres:
    """The filters every listing accepts; ``None`` means no filter."""

    partie: str | None = None
    territoire: str | None = None
    objectif: str | None = None
    statut: str | None = None


def territory_id(registry: Registry, reference: str) -> str | None:
    """The id of the territory ``reference`` names, by its id or its INSEE code (``976``
    is ``mayotte``); None when no territory of the agreement has it. The one reading of a
    territory reference (``territoire ID``, ``--territoire``)."""
    for territoire in registry.territoires:
        if reference in (territoire.id, territoire.code_insee):
            return territoire.id
    return None


def check_filter_values(registry: Registry, filtres: Filtres) -> Filtres:
    """Refuse a filter naming something that does not exist (French error, suggestions);
    return the filters with a territory named by its INSEE code read as its id."""
    if filtres.territoire is not None:
        found = territory_id(registry, filtres.territoire)
        if found is not None:
            filtres = replace(filtres, territoire=found)
    conv = registry.convention
    known = {
        "partie": [p.id for p in registry.parties],
        "territoire": [t.id for t in registry.territoires],
        "objectif": [o.id for o in conv.objectifs] if conv else [],
        "statut": list(STATUT_FILTERS),
    }
    for name, values in known.items():
        value = getattr(filtres, name)
        if value is not None and value not in values:
            raise UserError(unknown_message(name, value, values,
                                            feminine=name == "partie"))
    return filtres


def unknown_message(
    kind: str, value: str, known: Iterable[str], *, feminine: bool = False
) -> str:
    """``partie « dgon » inconnue ; vouliez-vous dire « dgom » ?`` with the closest ids."""
    values = sorted(known)
    hint = did_you_mean(value, values, cutoff=0.5)
    if not hint and not values:
        hint = "le registre n'en contient aucun" + ("e" if feminine else "")
    elif not hint:
        hint = "valeurs possibles : " + ", ".join(values[:12]) + ("…" if len(values) > 12 else "")
    return f"{kind} « {value} » inconnu{'e' if feminine else ''} ; {hint}"


def echeances_by_engagement(echeances: Sequence[Echeance]) -> dict[str, list[Echeance]]:
    grouped: dict[str, list[Echeance]] = {}
    for echeance in echeances:
        if echeance.engagement is not None:
            grouped.setdefault(echeance.engagement, []).append(echeance)
    return grouped


def select_engagements(
    registry: Registry, filtres: Filtres, by_engagement: dict[str, list[Echeance]]
) -> list[Engagement]:
    """Engagements matching every filter, in registry order."""
    selected = []
    for eng in registry.engagements:
        if filtres.partie is not None and filtres.partie not in eng.parties:
            continue
        if (filtres.territoire is not None and eng.territoires
                and filtres.territoire not in eng.territoires):
            continue
        if filtres.objectif is not None and filtres.objectif not in eng.objectifs:
            continue
        if filtres.statut == "en_retard":
            if not any(e.etat_pour(filtres.partie) is Etat.EN_RETARD
                       for e in by_engagement.get(eng.id, ())):
                continue
        elif filtres.statut is not None and eng.statut != filtres.statut:
            continue
        selected.append(eng)
    return selected


def next_echeance(echeances: Sequence[Echeance]) -> Echeance | None:
    """The next occurrence not yet honoured, dated on or after the day of the states
    (to come, due soon, to decide); missed occurrences are late, never « next »."""
    pending = [e for e in echeances if e.etat.ouverte]
    return min(pending, key=lambda e: e.date) if pending else None


def party_names(registry: Registry, *, full: bool = False) -> dict[str, str]:
    """Every party and operator by id: ``dgom`` → ``DGOM``, or with ``full``
    ``Direction générale des outre-mer (DGOM)``. A party wins over an operator with the
    same id."""
    entries: list[Partie | Operateur] = [*registry.operateurs, *registry.parties]
    if not full:
        return {e.id: e.sigle for e in entries}
    return {e.id: e.nom if e.sigle == e.nom else f"{e.nom} ({e.sigle})" for e in entries}


def organisation_label(entry: Partie | Operateur) -> str:
    """``DGEFP (Délégation générale à l'emploi et à la formation professionnelle)``; the
    name alone when it is also the sigle (``France Active``)."""
    return entry.nom if entry.sigle == entry.nom else f"{entry.sigle} ({entry.nom})"


def organisation_labels(registry: Registry) -> dict[str, str]:
    """Every party and operator (the registry's table of organisations, which also holds
    those the text names only to exclude them) by id, labelled by
    :func:`organisation_label`. A party wins over an operator with the same id."""
    entries: list[Partie | Operateur] = [*registry.operateurs, *registry.parties]
    return {e.id: organisation_label(e) for e in entries}


def organisation_names(labels: dict[str, str], ids: Iterable[str]) -> tuple[str, ...]:
    """What a fiche or a page shows for organisation ids (« exclus par le texte »…):
    their labels from :func:`organisation_labels`, never the ids; an id that resolves to
    nothing is shown unchanged. Machine outputs (JSON) keep the ids."""
    return tuple(labels.get(i, i) for i in ids)


def last_entry_date(journal: Iterable[EntreeJournal]) -> date | None:
    """The date of the latest entry of a journal (an engagement's, a group's…), if any."""
    return max((e.date for e in journal), default=None)

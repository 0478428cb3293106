"""Ordre du jour of the Commission ultramarine (section III), or of a working group.

Sendable as is: the convention's name in the title, the place or video link (``--lieu``,
else the place of the meeting recorded on that day), the time and presenter of each item
(``--horaire N=HH:MM``, ``--intervenant N=NOM``, N being the item's number), the
referents in office, what the registry recorded since the previous meeting
(``agenda_depuis``) and the next major deliverables whatever their distance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from convention_cli.defaults import DATE_RANGE_TEXT, year_supported
from convention_cli.domain.calendar import quarter_bounds, quarter_of
from convention_cli.domain.echeances import Etat, Objet, compute_echeances
from convention_cli.domain.queries import party_names, unknown_message
from convention_cli.domain.snapshot import snapshot
from convention_cli.errors import UsageError, UserError
from convention_cli.load.registry import Registry
from convention_cli.models import Modalite, Reunion
from convention_cli.views.documents.agenda_depuis import (
    DepuisCommission,
    LivrableRow,
    ReferentAgendaRow,
    depuis_commission,
    prochains_livrables,
    referents_agenda,
)
from convention_cli.views.documents.common import (
    ActionDocumentRow,
    EcheanceDocumentRow,
    GroupeDocumentRow,
    echeance_row,
    groupe_row,
    open_action_rows,
)
from convention_cli.views.position import Position, position_of
from convention_cli.views.provenance import Provenance
from convention_cli.views.public import (
    is_web_address,
    person_name,
    visible_decisions,
    visible_echeances,
    visible_engagements,
    visible_reunions,
)
from convention_cli.vocab import STATUT_LABELS

# The agreement's territories and the zones their meetings are held from.
TIME_ZONES: tuple[tuple[str, str], ...] = (
    ("Paris (DGOM, UNML)", "Europe/Paris"),
    ("Antilles : Guadeloupe, Martinique, Saint-Martin", "America/Martinique"),
    ("Guyane", "America/Cayenne"),
    ("La Réunion", "Indian/Reunion"),
    ("Mayotte", "Indian/Mayotte"),
)
_QUARTER = re.compile(r"^(\d{4})-T([1-4])$")
_HOUR = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_ITEM_HOUR = re.compile(r"^([01]?\d|2[0-3])\s*[:h]\s*([0-5]\d)$")
_ITEM_OPTION = re.compile(r"^\s*(\d+)\s*=\s*(.*?)\s*$", re.DOTALL)


@dataclass(frozen=True)
class HeureLocale:
    lieu: str
    heure: str
    decalage: str
    jour: str | None
    """Set when the local day differs from the Paris day."""


@dataclass(frozen=True)
class DecisionAgendaRow:
    texte: str


@dataclass(frozen=True)
class LigneEngagementAgenda:
    id: str
    libelle: str
    parties: str
    statut: str
    echeance: EcheanceDocumentRow


@dataclass(frozen=True)
class ReunionPrecedente:
    id: str
    date: date
    decisions: tuple[DecisionAgendaRow, ...]


@dataclass(frozen=True)
class PointAgenda:
    """An item of the agenda, numbered, with its time and presenter when given."""

    numero: int
    cle: str
    titre: str
    horaire: str | None = None
    """« 14 h 30 » (Paris time, as the meeting's)."""
    intervenant: str | None = None


@dataclass(frozen=True)
class AgendaView:
    instance: str
    titre: str
    """With the convention's name: « Convention de partenariat 2023-2025 (DGOM × UNML) :
    ordre du jour de la Commission ultramarine »."""
    convention: str
    """The convention's name (« Convention de partenariat 2023-2025 »)."""
    intitule: str
    """« DGOM × UNML »."""
    lieu: str | None
    lieu_lien: bool
    """The place is a web address (a video link)."""
    points: tuple[PointAgenda, ...]
    depuis: DepuisCommission
    livrables: tuple[LivrableRow, ...]
    referents: tuple[ReferentAgendaRow, ...]
    date: date | None
    trimestre: str
    heures: tuple[HeureLocale, ...]
    participants: str
    rythme: str
    points_permanents: tuple[str, ...]
    position: Position
    reunion_precedente: ReunionPrecedente | None
    actions: tuple[ActionDocumentRow, ...]
    engagements: tuple[LigneEngagementAgenda, ...]
    groupes: tuple[GroupeDocumentRow, ...]
    bilans: tuple[EcheanceDocumentRow, ...]
    theme: str | None
    public: bool
    provenance: Provenance


def parse_quarter(value: str) -> tuple[int, int]:
    match = _QUARTER.match(value)
    if not match:
        raise UsageError(f"trimestre invalide « {value} » : attendu AAAA-Tn, par exemple "
                         "2026-T4")
    year = int(match.group(1))
    if not year_supported(year):
        raise UsageError(f"trimestre hors de la plage prise en charge « {value} » "
                         f"({DATE_RANGE_TEXT})")
    return year, int(match.group(2))


def quarter_label(year: int, quarter: int) -> str:
    return f"{quarter}{'er' if quarter == 1 else 'e'} trimestre {year}"


def local_times(day: date, hour: str) -> tuple[HeureLocale, ...]:
    """The meeting hour, given in Paris time, in each territory's local time."""
    match = _HOUR.match(hour)
    if not match:
        raise UsageError(f"heure invalide « {hour} » : attendu HH:MM, par exemple 14:30")
    paris = datetime.combine(day, time(int(match.group(1)), int(match.group(2))),
                             ZoneInfo("Europe/Paris"))
    rows = []
    for place, zone in TIME_ZONES:
        local = paris.astimezone(ZoneInfo(zone))
        offset = local.utcoffset() or timedelta()
        hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
        sign = "+" if offset >= timedelta() else "−"
        shift = f"UTC{sign}{abs(hours)}" + (f":{minutes:02d}" if minutes else "")
        other_day = None
        if local.date() != day:
            other_day = "la veille" if local.date() < day else "le lendemain"
        rows.append(HeureLocale(place, f"{local.hour} h {local.minute:02d}", shift, other_day))
    return tuple(rows)


def parse_item_options(
    values: tuple[str, ...], option: str, example: str
) -> dict[int, str]:
    """``("2=14:30", …)`` → ``{2: "14:30"}``: one value per item number; ``example`` is
    a valid value of the option, shown when one is not."""
    result: dict[int, str] = {}
    for value in values:
        match = _ITEM_OPTION.match(value)
        if not match or not match.group(2):
            raise UsageError(f"{option} invalide « {value} » : attendu N=VALEUR, N étant le "
                             f"numéro du point (par exemple {option} \"{example}\")")
        number = int(match.group(1))
        if number in result:
            raise UsageError(f"{option} donné deux fois pour le point {number}")
        result[number] = match.group(2)
    return result


def item_hour(value: str) -> str:
    """``14:30`` or ``14 h 30`` → ``14 h 30``."""
    match = _ITEM_HOUR.match(value.strip())
    if not match:
        raise UsageError(f"--horaire invalide « {value} » : attendu N=HH:MM, par exemple "
                         "3=14:30")
    return f"{int(match.group(1))} h {match.group(2)}"


def _points(
    titles: list[tuple[str, str]], horaires: tuple[str, ...], intervenants: tuple[str, ...],
    public: bool,
) -> tuple[PointAgenda, ...]:
    hours = parse_item_options(horaires, "--horaire", "3=14:30")
    people = parse_item_options(intervenants, "--intervenant", "3=Référent DGOM")
    for number in sorted({*hours, *people}):
        if not 1 <= number <= len(titles):
            raise UsageError(f"point {number} inconnu : l'ordre du jour compte "
                             f"{len(titles)} points (1 à {len(titles)})")
    return tuple(
        PointAgenda(number, key, title,
                    item_hour(hours[number]) if number in hours else None,
                    # a presenter may be a person: never in a public agenda
                    person_name(people[number], public) if number in people else None)
        for number, (key, title) in enumerate(titles, start=1))


def _modalite(registry: Registry, instance: str) -> Modalite | None:
    conv = registry.convention
    assert conv is not None
    wanted = "commission" if instance == "commission" else "reunions-techniques"
    for modalite in conv.modalites_concertation:
        if wanted in modalite.id:
            return modalite
    return None


def build_agenda(
    registry: Registry,
    *,
    day: date | None,
    quarter: tuple[int, int] | None,
    instance: str,
    hour: str | None,
    public: bool,
    provenance: Provenance,
    as_of: date,
    lieu: str | None = None,
    horaires: tuple[str, ...] = (),
    intervenants: tuple[str, ...] = (),
) -> AgendaView:
    """The agenda of the meeting on ``day`` (or in ``quarter`` when the day is not fixed),
    with the situation as known on ``as_of`` (the registry's snapshot on that day)."""
    registry = snapshot(registry, as_of)
    conv = registry.convention
    assert conv is not None
    if day is None and quarter is None:
        raise UsageError("indiquez --date ou --trimestre")
    if hour is not None and day is None:
        raise UsageError("--heure demande une date précise (--date), pour les fuseaux horaires")
    year, number = quarter_of(day) if day is not None else quarter  # type: ignore[misc]
    q_start, q_end = quarter_bounds(year, number)
    reference = as_of
    group = None
    if instance != "commission":
        if not instance.startswith("gt:"):
            raise UsageError(f"instance invalide « {instance} » : commission ou gt:ID "
                             "(par exemple gt:gt-5)")
        group_id = instance[3:]
        group = next((g for g in registry.groupes_travail if g.id == group_id), None)
        if group is None:
            raise UserError(unknown_message("groupe de travail", group_id,
                                            [g.id for g in registry.groupes_travail]))
    names = party_names(registry)
    echeances = compute_echeances(registry, reference, max((q_end - reference).days, 0))
    shown = visible_echeances(echeances, public)
    engagements = visible_engagements(registry, public)
    if group is not None:
        engagements = [e for e in engagements if e.id in group.engagements]
    scope = {e.id for e in engagements}
    by_id = {e.id: e for e in engagements}
    pending = [e for e in shown if e.engagement in scope and e.objet is Objet.ENGAGEMENT
               and (e.etat is Etat.EN_RETARD or (e.etat is Etat.PROCHE and e.date <= q_end))]
    reunions = sorted(visible_reunions(registry, public), key=lambda r: r.date)
    kind = "commission" if group is None else "groupe_travail"
    previous = [r for r in reunions if r.instance == kind and r.date < (day or q_start)
                and (group is None or r.groupe_travail == group.id)]
    last = previous[-1] if previous else None
    modalite = _modalite(registry, instance)
    themes = {t.numero: t.libelle for t in conv.themes_annexe}
    scope_reunions = [r for r in reunions if group is None or r.groupe_travail == group.id]
    end = min(as_of, day - timedelta(days=1)) if day is not None else as_of
    depuis = depuis_commission(
        registry, previous=last, end=end, engagements=engagements,
        groupes=list(registry.groupes_travail) if group is None else [group],
        reunions=scope_reunions,
        echeances=[e for e in (shown if end == as_of else visible_echeances(
            compute_echeances(registry, end), public))
            if group is None or e.engagement in scope],
        names=names, public=public)
    bilans = tuple(e for e in shown
                   if e.objet in (Objet.BILAN, Objet.COMMUNICATION, Objet.CONVENTION)
                   and not e.evenement
                   and group is None
                   and (e.etat is Etat.EN_RETARD or (e.etat is Etat.PROCHE
                                                     and e.date <= q_end)))
    groupes = tuple(groupe_row(g)
                    for g in registry.groupes_travail if group is None)
    titles = [
        ("ouverture", "Ouverture et adoption de l’ordre du jour"),
        ("suivi", "Suivi de la réunion précédente"),
        ("depuis", "Depuis la dernière commission" if group is None
         else "Depuis la dernière réunion du groupe"),
        ("permanents", "Points permanents (section III)"),
        ("engagements", "Engagements en retard ou à échéance avant la fin du trimestre"),
        *([("groupes", "Points des groupes de travail (annexe)")] if groupes else []),
        *([("bilans", "Bilans, communication et prochains livrables (sections IV et V)")]
          if group is None else []),
        ("divers", "Questions diverses"),
    ]
    place = lieu if lieu is not None else _recorded_place(scope_reunions, day, kind)
    intitule = " × ".join(p.sigle for p in registry.parties if p.role == "partie")
    return AgendaView(
        instance=instance,
        titre=f"{conv.titre} ({intitule}) : " + (
            "ordre du jour de la Commission ultramarine" if group is None
            else f"ordre du jour du groupe de travail n° {group.numero} ({group.libelle})"),
        convention=conv.titre,
        intitule=intitule,
        lieu=place,
        lieu_lien=place is not None and is_web_address(place),
        points=_points(titles, horaires, intervenants, public),
        depuis=depuis,
        livrables=prochains_livrables(shown, as_of, names, {e.id for e in bilans})
        if group is None else (),
        referents=referents_agenda(registry, as_of, public),
        date=day,
        trimestre=quarter_label(year, number),
        heures=local_times(day, hour) if day is not None and hour is not None else (),
        participants=modalite.participants if modalite else "",
        rythme=modalite.rythme if modalite else "",
        points_permanents=tuple(modalite.objectifs) if modalite else (),
        position=position_of(registry, reference, echeances),
        reunion_precedente=ReunionPrecedente(
            last.id, last.date,
            tuple(DecisionAgendaRow(d.texte) for d in visible_decisions(last, public)))
        if last else None,
        actions=tuple(open_action_rows(_held_before(scope_reunions, registry, day, end,
                                                    public), end, names, public)),
        engagements=tuple(
            LigneEngagementAgenda(e.engagement or e.id, by_id[e.engagement].libelle
                                  if e.engagement in by_id else e.libelle,
                                  echeance_row(e, names).parties,
                                  STATUT_LABELS[by_id[e.engagement].statut]
                                  if e.engagement in by_id else "—",
                                  echeance_row(e, names))
            for e in pending),
        groupes=groupes,
        bilans=tuple(echeance_row(e, names) for e in bilans),
        theme=themes.get(group.theme) if group is not None else None,
        public=public,
        provenance=provenance,
    )


def _held_before(
    reunions: list[Reunion], registry: Registry, day: date | None, end: date, public: bool
) -> list[Reunion]:
    """The meetings whose actions an agenda follows up: those held before the meeting's
    day (never the meeting itself), as known on ``end`` (the day before it, or the as-of
    day when it comes first): an action closed after that day is open again."""
    wanted = {r.id for r in reunions if day is None or r.date < day}
    return [r for r in visible_reunions(snapshot(registry, end), public) if r.id in wanted]


def _recorded_place(reunions: list[Reunion], day: date | None, kind: str) -> str | None:
    """The place of the meeting recorded on ``day`` (known on the as-of day), if any."""
    if day is None:
        return None
    return next((r.lieu for r in reunions if r.date == day and r.instance == kind), None)

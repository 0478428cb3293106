"""Late obligations of ``convention status`` grouped by kind (« 12 commissions
trimestrielles non tenues, depuis le 3e trimestre 2023 »), and the quarterly commissions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convention_cli.domain.calendar import quarter_of
from convention_cli.domain.echeances import Echeance, Etat, Objet
from convention_cli.vocab import format_date


@dataclass(frozen=True)
class GroupeRetard:
    """Late occurrences of one kind: « 12 commissions trimestrielles non tenues »."""

    cle: str
    resume: str
    nombre: int
    depuis: date
    porteurs: tuple[str, ...]
    participants: tuple[str, ...]
    echeances: tuple[Echeance, ...]


@dataclass(frozen=True)
class Trimestre:
    id: str
    libelle: str
    etat: Etat
    reunion: str | None
    date_reunion: date | None


def commission_quarters(echeances: list[Echeance]) -> tuple[Trimestre, ...]:
    return tuple(
        Trimestre(e.id, e.libelle, e.etat, e.reunion, e.honneur.date if e.honneur else None)
        for e in echeances if e.objet is Objet.COMMISSION
    )


def _quarter_fr(day: date) -> str:
    year, quarter = quarter_of(day)
    return f"{quarter}{'er' if quarter == 1 else 'e'} trimestre {year}"


_GROUP_WORDS = {
    # serie: (one, several)
    "commission": ("commission trimestrielle non tenue",
                   "commissions trimestrielles non tenues"),
    "bilan-annuel": ("bilan annuel non remis", "bilans annuels non remis"),
    "communication": ("valorisation publique annuelle non faite",
                      "valorisations publiques annuelles non faites"),
    "action": ("action de réunion en retard", "actions de réunion en retard"),
}


def _since(key: str, members: list[Echeance]) -> str:
    """``depuis le 3e trimestre 2023``, ``pour 2023, 2024 (le premier dû le …)``."""
    oldest = members[0]
    if key == "commission":
        return f"depuis le {_quarter_fr(oldest.date)}"
    if key == "bilan-annuel":
        years = ", ".join(e.id.rsplit("-", 1)[-1] for e in members)
        first = "le premier dû" if len(members) > 1 else "dû"
        return f"pour {years} ({first} le {format_date(oldest.date)})"
    return f"depuis le {format_date(oldest.date)}"


def late_groups(late: list[Echeance]) -> tuple[GroupeRetard, ...]:
    """Late occurrences grouped by kind (one line each), oldest group first."""
    grouped: dict[str, list[Echeance]] = {}
    for echeance in late:
        key = "action" if echeance.objet is Objet.ACTION else echeance.serie or echeance.id
        grouped.setdefault(key, []).append(echeance)
    groups = []
    for key, members in grouped.items():
        members.sort(key=lambda e: e.date)
        oldest = members[0]
        words = _GROUP_WORDS.get(key)
        if words is not None:
            resume = (f"{len(members)} {words[1] if len(members) > 1 else words[0]}, "
                      f"{_since(key, members)}")
        else:
            resume = f"{oldest.libelle} : dû le {format_date(oldest.date)}"
        porteurs = tuple(dict.fromkeys(p for e in members for p in e.porteurs))
        participants = tuple(dict.fromkeys(
            p for e in members for p in e.participants if p not in porteurs))
        groups.append(GroupeRetard(key, resume, len(members), oldest.date, porteurs,
                                   participants, tuple(members)))
    groups.sort(key=lambda g: (g.depuis, g.cle))
    return tuple(groups)

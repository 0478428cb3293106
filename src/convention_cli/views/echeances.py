"""Selection and presentation of the échéancier for ``convention echeances``.

Pure functions over computed échéances: filters, the record that honours an échéance
as of a day, and the plain rows and JSON payload the command prints. The date comes in
as ``as_of``; nothing here reads the clock, prints or exits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from convention_cli.domain.echeances import Echeance, Etat
from convention_cli.views.public import visible_echeances
from convention_cli.vocab import format_date, lecture_fr, plural

ETAT_BY_KEY: dict[str, Etat] = {etat.key: etat for etat in Etat}
"""Values of ``--etat``: ``a_venir``, ``proche``, ``en_retard``, ``honoree``, ``sans_objet``."""


@dataclass(frozen=True)
class FiltresEcheances:
    """The filters of ``convention echeances``; ``None`` means no filter. Bounds inclusive."""

    depuis: date | None = None
    jusqu_au: date | None = None
    partie: str | None = None
    etat: Etat | None = None
    public: bool = False
    """Leave out confidential échéances (section VI)."""


def filter_echeances(
    echeances: Iterable[Echeance], filtres: FiltresEcheances
) -> list[Echeance]:
    """Échéances matching every filter, in their order; in public, through the one
    confidentiality filter (``views.public.visible_echeances``)."""
    return visible_echeances([
        e for e in echeances
        if (filtres.depuis is None or e.date >= filtres.depuis)
        and (filtres.jusqu_au is None or e.date <= filtres.jusqu_au)
        and (filtres.partie is None or filtres.partie in e.parties)
        and (filtres.etat is None or e.etat_pour(filtres.partie) is filtres.etat)
    ], filtres.public)


def source_label(source: str) -> str:
    """``V`` → ``Clause V de la convention``; ``réunion x`` → ``Décidée en réunion x``."""
    if source.startswith("réunion "):
        return f"Décidée en {source}"
    if source.startswith(("Préambule", "Annexe")):
        return f"{source} de la convention"
    return f"Clause {source} de la convention"


@dataclass(frozen=True)
class EcheanceRow:
    """One échéance as the table and Markdown formats show it: plain French strings."""

    date: str
    etat: Etat
    id: str
    libelle: str
    parties: str
    source: str
    honneur: str
    """``25 septembre 2023 (réunion x)`` when honoured as of the day, else empty."""
    etat_texte: str = ""
    """The state as shown: ``en retard (unml : honorée)`` when the parties of a joint
    occurrence do not stand at the same point."""


def etat_fr(echeance: Echeance) -> str:
    """``en retard``, or ``en retard (unml : honorée, dgom : en retard)`` for a joint
    occurrence whose parties differ."""
    if not echeance.parts_differentes:
        return echeance.etat.value
    shares = ", ".join(f"{p.partie} : {p.etat.value}" for p in echeance.parts)
    return f"{echeance.etat.value} ({shares})"


def echeance_rows(echeances: Sequence[Echeance], as_of: date) -> list[EcheanceRow]:
    rows = []
    for e in echeances:
        honneur = e.honneur
        rows.append(EcheanceRow(
            date=format_date(e.date), etat=e.etat, id=e.id, libelle=e.libelle,
            etat_texte=etat_fr(e),
            parties=", ".join(e.porteurs) + (
                f" (avec {', '.join(e.participants)})" if e.participants else ""),
            source=e.source,
            honneur=f"{format_date(honneur.date)} ({honneur.origine})" if honneur else "",
        ))
    return rows


SUMMARY_ORDER = (Etat.EN_RETARD, Etat.PROCHE, Etat.A_VENIR, Etat.HONOREE, Etat.SANS_OBJET)
_PLURAL_LABELS = {Etat.PROCHE: "proches", Etat.HONOREE: "honorées"}


def summary_line(echeances: Sequence[Echeance]) -> str:
    """``3 échéances : 2 en retard, 1 à venir.``"""
    counts = [(etat, sum(1 for e in echeances if e.etat is etat)) for etat in SUMMARY_ORDER]
    detail = ", ".join(plural(n, etat.value, _PLURAL_LABELS.get(etat, etat.value))
                       for etat, n in counts if n)
    head = plural(len(echeances), "échéance")
    return f"{head} : {detail}." if detail else f"{head}."


def echeance_to_json(echeance: Echeance) -> dict[str, Any]:
    """THE JSON shape of an échéance, in every command (status, echeances, engagements,
    engagement): ISO dates, ASCII state codes, who carries it and who takes part, each
    carrying party's share of a joint occurrence, the reading behind a derived date."""
    honneur = echeance.honneur
    return {
        "id": echeance.id,
        "date": echeance.date.isoformat(),
        "libelle": echeance.libelle,
        "etat": echeance.etat.value,
        "etat_code": echeance.etat.key,
        "a_agir": echeance.etat.a_agir,
        "source": echeance.source,
        "objet": echeance.objet.value,
        "serie": echeance.serie,
        "porteurs": list(echeance.porteurs),
        "participants": list(echeance.participants),
        "parties": list(echeance.parties),
        "parts": [
            {"partie": part.partie, "etat": part.etat.value, "etat_code": part.etat.key,
             "honoree_le": part.honneur.date.isoformat() if part.honneur else None}
            for part in echeance.parts
        ],
        "engagement": echeance.engagement,
        "reunion": echeance.reunion,
        "honoree_le": honneur.date.isoformat() if honneur else None,
        "honoree_par": honneur.origine if honneur else None,
        "sans_objet": echeance.sans_objet,
        "lecture": {"motif": echeance.lecture, "texte": lecture_fr(echeance.lecture)}
        if echeance.lecture else None,
        "confidentiel": echeance.confidentiel,
    }


def echeances_payload(
    echeances: Sequence[Echeance], as_of: date, horizon_days: int
) -> dict[str, Any]:
    """The stable JSON shape of ``convention echeances --format json`` (ISO dates)."""
    return {"as_of": as_of.isoformat(), "horizon_jours": horizon_days,
            "echeances": [echeance_to_json(e) for e in echeances]}


NO_MATCH = "Aucune échéance ne correspond aux filtres."

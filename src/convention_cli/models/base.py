"""Shared types: strict base model, ISO dates, ids, clauses, statuses, sourced facts."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise PydanticCustomError(
            "date_format", "date attendue au format AAAA-MM-JJ (par exemple 2026-06-30)"
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "date_invalide", "date impossible : « {value} » n'existe pas au calendrier",
            {"value": value},
        ) from None


IsoDate = Annotated[date, BeforeValidator(_parse_date)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
# A clause of the agreement: "I", "II.3.2", "Préambule", "Annexe 4".
Clause = Annotated[str, StringConstraints(pattern=r"^(Préambule|Annexe( [1-9])?|[IV]+(\.\d+)*)$")]

Statut = Literal["non_renseigne", "non_demarre", "en_cours", "realise", "suspendu", "abandonne"]
STATUT_LABELS: dict[str, str] = {
    "non_renseigne": "non renseigné",
    "non_demarre": "non démarré",
    "en_cours": "en cours",
    "realise": "réalisé",
    "suspendu": "suspendu",
    "abandonne": "abandonné",
}
STATUT_PLURALS: dict[str, str] = {
    "non_renseigne": "non renseignés",
    "non_demarre": "non démarrés",
    "en_cours": "en cours",
    "realise": "réalisés",
    "suspendu": "suspendus",
    "abandonne": "abandonnés",
}


def count_statut(statut: str, count: int) -> str:
    """``3 réalisés``, ``1 réalisé``: a count of engagements with a status, in French."""
    return f"{count} {STATUT_PLURALS[statut] if count > 1 else STATUT_LABELS[statut]}"


GT_STATUT_LABELS: dict[str, str] = {
    "non_renseigne": "non renseigné",
    "constitue": "constitué",
    "actif": "actif",
    "clos": "clos",
}

Confiance = Literal["haute", "moyenne", "faible", "non_verifie"]
Recurrence = Literal["au_fil_de_l_eau", "trimestrielle", "annuelle"]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Fait(Model):
    """A fact that the agreement does not state, with its source and confidence."""

    valeur: Text | None = None
    confiance: Confiance
    source: Text | None = None
    note: Text | None = None

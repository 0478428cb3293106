"""Shared types: strict base model, ISO dates, ids, clauses, statuses, sourced facts."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from convention_cli.defaults import DATE_RANGE_TEXT, year_supported

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise PydanticCustomError(
            "date_format", "date attendue au format AAAA-MM-JJ (par exemple 2026-06-30)"
        )
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "date_invalide", "date impossible : « {value} » n'existe pas au calendrier",
            {"value": value},
        ) from None
    if not year_supported(day.year):
        raise PydanticCustomError(
            "date_hors_plage", "date hors de la plage prise en charge : « {value} » ({plage})",
            {"value": value, "plage": DATE_RANGE_TEXT},
        )
    return day


IsoDate = Annotated[date, BeforeValidator(_parse_date)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
# A clause of the agreement: "I", "II.3.2", "Préambule", "Annexe 4", "Signatures" (the
# signature block between VII and the annex).
Clause = Annotated[
    str, StringConstraints(pattern=r"^(Préambule|Signatures|Annexe( [1-9])?|[IV]+(\.\d+)*)$")]

Statut = Literal["non_renseigne", "non_demarre", "en_cours", "realise", "suspendu", "abandonne"]
Confiance = Literal["haute", "moyenne", "faible", "non_verifie"]
CONFIANCE_RANG: dict[str, int] = {"non_verifie": 0, "faible": 1, "moyenne": 2, "haute": 3}
"""Confidence levels in order: a fact may not claim more than its source gives."""

Qualificatif = Literal["plus_de", "environ", "une_dizaine", "une_vingtaine", "une_trentaine",
                       "au_moins", "moins_de", "pres_de"]
"""How the text qualifies a number it states (« plus de 80 000 », « environ 13 000 »)."""
Recurrence = Literal["au_fil_de_l_eau", "trimestrielle", "annuelle"]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Fait(Model):
    """A fact that the agreement does not state, with its source and confidence."""

    valeur: Text | None = None
    confiance: Confiance
    source: Text | None = None
    note: Text | None = None


# A one-line French text: no line break, short enough for a table cell or a footnote.
Ligne = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=r"^[^\n\r]+$")]


class Lecture(Model):
    """A reading of the text: what the registry derives beyond what the agreement says.

    ``champ`` names the field of the item that holds the derived value (``recurrence``,
    ``echeance``, ``objectifs``, ``parties``, ``cible``…); ``motif`` says in one French line
    what is derived and why. Views show it as « lecture : motif », never as the text.
    """

    champ: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")] = Field(
        description="Champ de l'élément qui porte la valeur déduite (par exemple "
        "recurrence, echeance, objectifs, parties, cible).",
    )
    motif: Ligne = Field(
        description="Ce que le registre déduit au-delà du texte, et pourquoi, en une ligne.",
    )


class Lisible(Model):
    """An item of the registry that may carry readings of the text (``lectures``)."""

    lectures: list[Lecture] = Field(
        default=[],
        description="Lectures du texte : ce que le registre déduit au-delà de ce que la "
        "convention dit (rythme, date, cible, lien, partie responsable), avec un motif.",
    )

    @model_validator(mode="after")
    def _lectures_name_fields(self) -> Lisible:
        fields = type(self).model_fields
        for index, lecture in enumerate(self.lectures):
            if lecture.champ not in fields or lecture.champ == "lectures":
                raise PydanticCustomError(
                    "lecture_champ",
                    "lecture : « {champ} » n'est pas un champ de cet élément",
                    {"champ": lecture.champ, "index": index},
                )
        return self

    def lectures_de(self, champ: str) -> list[Lecture]:
        """The readings about one field of this item."""
        return [lecture for lecture in self.lectures if lecture.champ == champ]

"""The site's home counters count what ``convention status`` counts."""

from __future__ import annotations

from datetime import date

from convention_cli.checks.pipeline import validate_registry
from convention_cli.views.provenance import Provenance
from convention_cli.views.site import build_site
from convention_cli.views.status import build_status
from tests.paths import DATA

AS_OF = date(2026, 7, 18)


def test_home_counters_are_those_of_status() -> None:
    """By party: the status of each party's own share and its late engagements (its own
    share late); by objective: its engagements and how many are late (internal version,
    as status sees the whole registry)."""
    registry = validate_registry(DATA).registry
    status = build_status(registry, AS_OF)
    site = build_site(registry, AS_OF, public=False,
                      provenance=Provenance(AS_OF, "test", None, "data"))
    accueil = site.pages[0].donnees
    for counters, expected in ((accueil.par_partie, status.par_partie),
                               (accueil.par_objectif, status.par_objectif)):
        assert [(c.cle, c.total, c.realises, c.en_retard) for c in counters] == [
            (c.cle, c.total, c.realises, c.en_retard) for c in expected]
    by_party = {c.cle: c for c in accueil.par_partie}
    assert by_party["dgom"].en_retard == 5
    assert by_party["unml"].en_retard == 5
    assert by_party["dgom"].par_statut == ("25 non renseignés", "1 réalisé")

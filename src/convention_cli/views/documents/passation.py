"""Handover brief for a party's new referent (section III: continuity when referents change).

The agreement names this risk itself: échanges pérennes « permettront de se prémunir
contre tout risque de rupture des discussions (du fait des changements de fonctions de
chaque référent identifié) ». With ``public=True``, nothing confidential and no named
person reaches the view model; the institutional contacts (the bureau, the head office)
stay.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from convention_cli.defaults import PASSATION_HORIZON_DAYS
from convention_cli.domain.calendar import quarter_of
from convention_cli.domain.echeances import Echeance, Etat, Objet, compute_echeances, late
from convention_cli.domain.queries import (
    CLOSED_STATUTS,
    echeances_by_engagement,
    next_echeance,
    party_names,
    unknown_message,
)
from convention_cli.domain.referents import known_referents
from convention_cli.domain.snapshot import snapshot
from convention_cli.errors import UserError
from convention_cli.load.registry import Registry
from convention_cli.models import FILE_MODELS, Engagement, Partie, Referent, Reunion
from convention_cli.views.consultation.suivi import suivi_rows
from convention_cli.views.documents.common import (
    ActionDocumentRow,
    echeance_row,
    instance_label,
    journal_rows,
    open_action_rows,
    place_names,
    year_before,
)
from convention_cli.views.documents.passation_model import (
    Commande,
    Emplacement,
    EngagementOuvert,
    Identite,
    LigneDecision,
    ModalitePassationRow,
    OperateurPassationRow,
    PassationView,
    PersonnePassationRow,
    ReferentPartie,
)
from convention_cli.views.groupes_travail import groupe_travail_rows
from convention_cli.views.lectures import row_readings
from convention_cli.views.position import position_of
from convention_cli.views.provenance import Provenance
from convention_cli.views.public import (
    bibliography_names,
    cited_sources,
    fact_value,
    person_name,
    shows_confidence,
    visible_decisions,
    visible_echeances,
    visible_engagements,
    visible_reunions,
)
from convention_cli.vocab import (
    RECURRENCE_LABELS,
    ROLE_LABELS,
    STATUT_LABELS,
    plural,
)

RISQUE = ("se prémunir contre tout risque de rupture des discussions (du fait des "
          "changements de fonctions de chaque référent identifié)")
"""Section III, quoted: the risk this document answers."""
FILE_CONTENTS: dict[str, str] = {
    "convention": "le texte de la convention : objectifs (I), clauses, modalités de "
    "concertation (III), règles (IV à VII), thèmes de l’annexe, avenants",
    "parties": "les parties, leurs représentants et leurs référents (III), les opérateurs "
    "cités",
    "territoires": "les territoires couverts, leurs missions locales et leur RSMA",
    "engagements": "les engagements de chaque partie : statut, échéance, indicateurs, "
    "journal daté et preuves",
    "groupes_travail": "les groupes de travail de l’annexe : statut, engagements suivis, "
    "journal",
    "reunions": "les réunions tenues (commission, groupes de travail, référents), leurs "
    "décisions et leurs actions",
}
"""What each data file holds, in the order of ``FILE_MODELS``."""


def find_partie(registry: Registry, partie_id: str) -> Partie:
    for partie in registry.parties:
        if partie.id == partie_id:
            return partie
    raise UserError(unknown_message("partie", partie_id, [p.id for p in registry.parties],
                                    feminine=True))


def build_passation(
    registry: Registry, partie_id: str, *, as_of: date, public: bool,
    provenance: Provenance, horizon: int = PASSATION_HORIZON_DAYS,
) -> PassationView:
    """Everything a new referent of ``partie_id`` needs on ``as_of``."""
    registry = snapshot(registry, as_of)
    partie = find_partie(registry, partie_id)
    conv = registry.convention
    assert conv is not None
    names = party_names(registry)
    echeances = compute_echeances(registry, as_of)
    shown = [e for e in visible_echeances(echeances, public)
             if partie.id in e.parties]
    mine = [e for e in visible_engagements(registry, public) if partie.id in e.parties]
    depuis = year_before(as_of)
    reunions = sorted(visible_reunions(registry, public), key=lambda r: r.date)
    bibliography = bibliography_names(registry)
    places = place_names(registry, public)
    return PassationView(
        as_of=as_of,
        risque=RISQUE,
        partie=_identite(registry, partie, mine, public),
        position=position_of(registry, as_of, echeances),
        representant=PersonnePassationRow(person_name(partie.representant.nom, public),
                                          partie.representant.fonction,
                                          _named(partie.representant.source, bibliography)),
        referent=_referent(partie.sigle, partie.referent, public, as_of, bibliography)
        if partie.referent else None,
        autres_referents=tuple(
            _referent(p.sigle, p.referent, public, as_of, bibliography)
            for p in registry.parties
            if p.id != partie.id and p.role == "partie" and p.referent is not None),
        modalites=tuple(ModalitePassationRow(m.libelle, " ; ".join(m.objectifs),
                                             m.participants, m.rythme, m.clause)
                        for m in conv.modalites_concertation),
        engagements=_open_engagements(mine, shown, names, partie.id),
        depuis=depuis,
        decisions=tuple(
            LigneDecision(r.date, instance_label(r, registry), r.id, d.texte)
            for r in reversed(reunions) if r.date >= depuis
            for d in visible_decisions(r, public)),
        actions=_open_actions(reunions, partie.id, as_of, names, public),
        journal=tuple(journal_rows(mine, public, depuis, bibliography=bibliography)),
        horizon=horizon,
        echeances=tuple(echeance_row(e, names)
                        for e in _next_echeances(shown, as_of, horizon, partie.id)),
        groupes=groupe_travail_rows(registry, public=public,
                                    engagements={e.id for e in mine}),
        suivis=tuple(replace(row, lieu=places.get(row.lieu, row.lieu))
                     for row in suivi_rows(registry, public)),
        # The registry folder's own name, never a local path (the note is sent).
        fichiers=tuple(Emplacement(f"{Path(provenance.data_dir).name}/{name}.yaml",
                                   FILE_CONTENTS[name]) for name in FILE_MODELS),
        commandes=_commandes(partie.id, as_of),
        public=public,
        provenance=provenance,
    )


def _identite(
    registry: Registry, partie: Partie, mine: list[Engagement], public: bool
) -> Identite:
    open_count = sum(1 for e in mine if e.statut not in CLOSED_STATUTS)
    done = sum(1 for e in mine if e.statut == "realise")
    dropped = sum(1 for e in mine if e.statut == "abandonne")
    if mine:
        resume = (f"Engagements de cette partie dans le registre : {len(mine)} "
                  f"({plural(open_count, 'ouvert')}, {plural(done, 'réalisé')}, "
                  f"{plural(dropped, 'abandonné')}).")
    else:
        resume = "Aucun engagement de cette partie dans le registre."
    return Identite(
        id=partie.id, nom=partie.nom, sigle=partie.sigle, role=ROLE_LABELS[partie.role],
        clause=partie.clause, siege=partie.siege,
        alias=tuple(f"{a.nom} (depuis {a.depuis})" for a in partie.alias
                    if shows_confidence(a.confiance, public)),
        operateurs=tuple(OperateurPassationRow(o.sigle, o.nom) for o in registry.operateurs
                         if o.tutelle == partie.id),
        rattaches=tuple(OperateurPassationRow(o.sigle, o.nom) for o in registry.operateurs
                        if any(r.type == "rattachement_pour_emploi"
                               and r.organisation == partie.id for r in o.relations)),
        resume=resume,
    )


def _named(source: str, bibliography: dict[str, tuple[str, str]]) -> str:
    """A source as the note says it: bibliography entries by name, never by id."""
    return cited_sources(source, bibliography) or source


def _referent(
    sigle: str, referent: Referent, public: bool, as_of: date,
    bibliography: dict[str, tuple[str, str]],
) -> ReferentPartie:
    adresse = referent.adresse_generique
    value = fact_value(adresse, public)
    detail: str | None
    detail = adresse.note if value is None else f"confiance {adresse.confiance}" + (
        f" ; source : {_named(adresse.source, bibliography)}" if adresse.source else "")
    return ReferentPartie(
        sigle=sigle, libelle=referent.libelle, clause=referent.clause,
        citation=referent.citation, adresse=value, adresse_detail=detail,
        personnes=() if public else tuple(
            PersonnePassationRow(p.nom, p.fonction, _named(p.source, bibliography), p.depuis,
                                 index == 0)
            for index, p in enumerate(reversed(known_referents(referent, as_of)))),
    )


def _open_engagements(
    mine: list[Engagement], shown: list[Echeance], names: dict[str, str], partie_id: str
) -> tuple[EngagementOuvert, ...]:
    """Open engagements (not réalisé nor abandonné): late first, then the soonest."""
    rows = []
    by_engagement = echeances_by_engagement(shown)
    for index, eng in enumerate(e for e in mine if e.statut not in CLOSED_STATUTS):
        own = by_engagement.get(eng.id, [])
        upcoming = next_echeance(own)
        rows.append((
            (not late(own, partie_id),
             upcoming.date if upcoming else date.max, index),
            EngagementOuvert(
                id=eng.id, libelle=eng.libelle, clause=eng.clause,
                statut=STATUT_LABELS[eng.statut],
                prochaine=echeance_row(upcoming, names) if upcoming else None,
                precision=_precision(upcoming, eng),
                rythme=RECURRENCE_LABELS[eng.recurrence] if eng.recurrence else None,
                retards=len(late(own, partie_id)),
                lectures=row_readings(eng, upcoming),
            ),
        ))
    return tuple(row for _, row in sorted(rows, key=lambda r: r[0]))


def _precision(upcoming: Echeance | None, eng: Engagement) -> str | None:
    """What the next échéance is: its own label, or for the engagement's own deadline
    only the words of the text (« d'ici le 30 juin 2023 »)."""
    if upcoming is None:
        return None
    if upcoming.objet is Objet.ENGAGEMENT:
        return eng.echeance_libelle
    return upcoming.libelle


def _open_actions(
    reunions: list[Reunion], partie_id: str, as_of: date, names: dict[str, str],
    public: bool,
) -> tuple[ActionDocumentRow, ...]:
    """Actions still open on ``as_of``: the party's own first, then late ones first."""
    mine = names.get(partie_id, partie_id)
    rows = open_action_rows(reunions, as_of, names, public)
    return tuple(sorted(rows, key=lambda a: a.responsable != mine))  # stable: late first


def _next_echeances(
    shown: list[Echeance], as_of: date, horizon: int, partie_id: str
) -> list[Echeance]:
    """Late échéances (the party's share still late), then those due within ``horizon``
    days."""
    limit = as_of + timedelta(days=horizon)
    coming = [e for e in shown
              if e.etat_pour(partie_id) in (Etat.PROCHE, Etat.A_VENIR) and e.date <= limit]
    return late(shown, partie_id) + coming


def _commandes(partie_id: str, as_of: date) -> tuple[Commande, ...]:
    year, quarter = quarter_of(as_of)
    return (
        Commande(f"convention status --partie {partie_id}",
                 "où en sont les engagements de la partie, retards et prochaines échéances"),
        Commande(f"convention echeances --partie {partie_id} --ics echeances-{partie_id}.ics",
                 "les échéances de la partie dans un agenda (Outlook, Thunderbird)"),
        Commande(f"convention agenda --trimestre {year}-T{quarter}",
                 "l’ordre du jour de la Commission ultramarine du trimestre"),
        Commande("convention validate",
                 "vérifier le registre après chaque modification des fichiers"),
        Commande(f"convention passation --partie {partie_id}",
                 "mettre à jour ce document de passation"),
    )

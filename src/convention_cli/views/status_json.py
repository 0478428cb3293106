"""``convention status --format json``: the whole view as one stable object."""

from __future__ import annotations

from typing import Any

from convention_cli.views.echeances import echeance_to_json
from convention_cli.views.status_model import StatusCounter, StatusView


def status_to_json(view: StatusView) -> dict[str, Any]:
    """A stable object; ``STATUS_JSON_FORMAT`` changes when its shape does."""
    pos = view.position
    return {
        "format": STATUS_JSON_FORMAT,
        "as_of": view.as_of.isoformat(),
        "horizon_jours": view.horizon,
        "alerte_jours": view.stale_days,
        "filtres": {k: v for k, v in vars(view.filtres).items() if v is not None},
        "convention": {
            "date_signature": pos.date_signature.isoformat(),
            "date_fin": pos.date_fin.isoformat(),
            "etat": pos.etat,
            "jours": pos.jours,
            "resume": pos.resume,
            "exigences": list(pos.exigences),
            "referents": list(view.referents),
        },
        "compteurs": {
            "par_partie": [_counter_json(c) for c in view.par_partie],
            "par_objectif": [_counter_json(c) for c in view.par_objectif],
        },
        "retards": [
            {"cle": g.cle, "resume": g.resume, "nombre": g.nombre,
             "depuis": g.depuis.isoformat(), "porteurs": list(g.porteurs),
             "participants": list(g.participants), "echeances": [e.id for e in g.echeances]}
            for g in view.retards
        ],
        "engagements": [
            {
                "id": line.id,
                "parties": list(line.parties),
                "participants": list(line.participants),
                "libelle": line.libelle,
                "statut": line.statut,
                "statut_libelle": line.statut_libelle,
                "statuts_par_partie": line.statuts,
                "en_retard": line.en_retard,
                "echeances_en_retard": [e.id for e in line.retards],
                "prochaine_echeance": line.prochaine.id if line.prochaine else None,
                "derniere_entree": line.derniere_entree.isoformat()
                if line.derniere_entree else None,
                "sans_nouvelles": line.sans_nouvelles,
                "echeances": [e.id for e in line.echeances],
            }
            for line in view.lignes
        ],
        "echeances": {
            "en_retard": [echeance_to_json(e) for e in view.en_retard],
            "proches": [echeance_to_json(e) for e in view.prochaines],
            "a_decider": [echeance_to_json(e) for e in view.a_decider],
        },
        "commissions": [
            {"id": t.id, "libelle": t.libelle, "etat": t.etat.value, "reunion": t.reunion,
             "date_reunion": t.date_reunion.isoformat() if t.date_reunion else None}
            for t in view.commissions
        ],
        "groupes_travail": [
            {"id": g.id, "numero": g.numero, "libelle": g.libelle, "statut": g.statut,
             "engagements": g.engagements,
             "derniere_entree": g.derniere_entree.isoformat() if g.derniere_entree else None}
            for g in view.groupes
        ],
    }


STATUS_JSON_FORMAT = 2


def _counter_json(counter: StatusCounter) -> dict[str, Any]:
    return {"id": counter.cle, "libelle": counter.libelle, "total": counter.total,
            "realises": counter.realises, "en_retard": counter.en_retard,
            "par_statut": counter.par_statut}

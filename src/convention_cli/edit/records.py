"""Edit operations of the follow-up records: measurements, referents, avenants,
innovation projects and evaluation requests (issue 11).

Like ``operations``, each function works on a ``RegistryTransaction``: it finds its
target in the parsed tree, refuses what cannot be right with a French message
(unknown ids come with the closest ones), then appends or sets only what it must.
Repeating an identical edit changes nothing. Cross-record rules that need the whole
registry (an échéance that belongs to another engagement, a measurement typed on a
computed indicator, dates out of period) are the checks' job: the transaction's
single re-validation refuses the edit with located diagnostics.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from convention_cli.domain.indicators import COMPUTED_RULES
from convention_cli.domain.queries import unknown_message
from convention_cli.edit.operations import (
    EditOutcome,
    _entries,
    _find,
    _same,
    _unique_id,
)
from convention_cli.edit.splice import TextEditor, dated_index
from convention_cli.edit.transaction import RegistryTransaction
from convention_cli.errors import UsageError, UserError
from convention_cli.load.registry import end_date
from convention_cli.load.yaml_reader import YamlMap, YamlSeq
from convention_cli.vocab import format_date

_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


def parse_number(text: str, option: str = "--valeur") -> int | float:
    """``12`` → 12, ``3,5`` or ``3.5`` → 3.5 (a French decimal comma is accepted)."""
    cleaned = text.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(cleaned):
        raise UsageError(f"{option} attend un nombre (par exemple 4 ou 3,5), pas « {text} »")
    if re.fullmatch(r"-?\d+", cleaned):
        return int(cleaned)
    return float(cleaned.replace(",", "."))


def slug(text: str, limit: int = 40) -> str:
    """``Équipe mobile « aller vers »`` → ``equipe-mobile-aller-vers``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > limit:
            break
        result = candidate
    return result or "sans-titre"


def _required(value: str, option: str) -> str:
    if not value.strip():
        raise UsageError(f"{option} est vide")
    return value


# --- measurements -------------------------------------------------------------------------


def find_indicator(tx: RegistryTransaction, indicator_id: str) -> tuple[YamlMap, YamlMap]:
    """(engagement, indicator) holding ``indicator_id``, or an error with suggestions."""
    ids: list[str] = []
    for engagement in _entries(tx.editor("engagements").root, "engagements"):
        if not isinstance(engagement, YamlMap):
            continue
        for indicator in engagement.get("indicateurs") or []:
            if isinstance(indicator, YamlMap):
                ids.append(str(indicator.get("id")))
                if indicator.get("id") == indicator_id:
                    return engagement, indicator
    raise UserError(unknown_message("indicateur", indicator_id, ids))


def prepare_mesure(
    tx: RegistryTransaction, indicator_id: str, *, valeur: int | float, day: date,
    source: str, commentaire: str | None = None, confidentiel: bool = False,
) -> tuple[YamlMap, dict[str, Any], bool]:
    """Check a measurement and build it: (indicator, entry, already present)."""
    _required(source, "--source")
    engagement, indicator = find_indicator(tx, indicator_id)
    rule = engagement.get("regle")
    if rule in COMPUTED_RULES:
        raise UserError(
            f"indicateur « {indicator_id} » calculé à partir du registre "
            f"({COMPUTED_RULES[str(rule)]}) : il ne se saisit pas ; enregistrez plutôt le fait "
            "qui le nourrit (réunion, entrée de journal qui honore l'échéance)")
    entry: dict[str, Any] = {"date": day, "valeur": valeur, "source": source}
    if commentaire:
        entry["commentaire"] = commentaire
    if confidentiel:
        entry["confidentiel"] = True
    existing = indicator.get("mesures")
    present = isinstance(existing, YamlSeq) and any(
        _same(m, {"date": day, "valeur": valeur}) for m in existing)
    return indicator, entry, present


def add_mesure(
    tx: RegistryTransaction, indicator_id: str, *, valeur: int | float, day: date,
    source: str, commentaire: str | None = None, confidentiel: bool = False,
) -> EditOutcome:
    """Append a dated measurement to an indicator (never to a computed one)."""
    indicator, entry, present = prepare_mesure(
        tx, indicator_id, valeur=valeur, day=day, source=source, commentaire=commentaire,
        confidentiel=confidentiel)
    editor = tx.editor("engagements")
    if present:
        return EditOutcome(f"mesure du {day.isoformat()} déjà enregistrée pour "
                           f"« {indicator_id} » : rien à faire", changed=False)
    editor.append_item(indicator, "mesures", entry)
    return EditOutcome(f"mesure du {day.isoformat()} enregistrée pour « {indicator_id} » : "
                       f"{valeur}")


# --- referents ------------------------------------------------------------------------------


def set_referent(
    tx: RegistryTransaction, partie_id: str, *, nom: str | None, depuis: date, source: str,
    fonction: str | None = None, contact: str | None = None,
    adresse_generique: str | None = None,
) -> EditOutcome:
    """Record who is referent of a party from ``depuis`` (the history is kept), and/or
    the generic address the party made available (section III)."""
    _required(source, "--source")
    if not nom and not adresse_generique:
        raise UsageError("indiquez --nom (le référent) ou --adresse-generique")
    editor = tx.editor("parties")
    partie = _find(_entries(editor.root, "parties"), partie_id, "partie", feminine=True)
    referent = partie.get("referent")
    if not isinstance(referent, YamlMap):
        raise UserError(f"la partie « {partie_id} » n'a pas de référent au sens de la "
                        "section III (seules les parties signataires en désignent un)")
    messages: list[str] = []
    if nom:
        person: dict[str, Any] = {"nom": nom}
        if fonction:
            person["fonction"] = fonction
        if contact:
            person["contact"] = contact
        person["depuis"] = depuis
        person["source"] = source
        people = referent.get("personnes")
        if isinstance(people, YamlSeq) and any(
                _same(p, {"nom": nom, "depuis": depuis}) for p in people):
            messages.append(f"{nom} déjà référent(e) depuis le {depuis.isoformat()}")
        else:
            # At its date's place in the history (GOV003): a referent recorded late.
            editor.insert_item(referent, "personnes", dated_index(people, "depuis", depuis),
                               person)
            messages.append(f"référent(e) de « {partie_id} » depuis le {depuis.isoformat()} : "
                            f"{nom}")
    if adresse_generique:
        fact = referent.get("adresse_generique")
        if not isinstance(fact, YamlMap):
            raise UserError(f"adresse générique de « {partie_id} » mal formée : lancez "
                            "convention validate")
        if fact.get("valeur") == adresse_generique:
            messages.append("adresse générique déjà enregistrée")
        else:
            editor.set_value(fact, "valeur", adresse_generique)
            editor.set_value(fact, "confiance", "haute")
            editor.set_value(fact, "source", source)
            if "note" in fact:
                editor.set_value(fact, "note", f"Adresse communiquée le "
                                 f"{format_date(depuis)}.")
            messages.append(f"adresse générique de « {partie_id} » : {adresse_generique}")
    changed = any("déjà" not in m for m in messages)
    return EditOutcome(" ; ".join(messages) + ("" if changed else " : rien à faire"),
                       changed=changed)


# --- avenants -------------------------------------------------------------------------------


def _convention_end(convention: YamlMap) -> date | None:
    try:
        signed = date.fromisoformat(str(convention.get("date_signature")))
        years = int(str(convention.get("duree_annees")))
    except ValueError:
        return None
    end = end_date(signed, years)
    for avenant in convention.get("avenants") or []:
        if isinstance(avenant, YamlMap) and avenant.get("prorogation_jusqu_au"):
            try:
                end = max(end, date.fromisoformat(str(avenant.get("prorogation_jusqu_au"))))
            except ValueError:
                continue
    return end


def add_avenant(
    tx: RegistryTransaction, *, day: date, objet: str, source: str,
    prorogation: date | None = None,
) -> EditOutcome:
    """Record an avenant (V); with ``prorogation``, the convention's new last day."""
    _required(objet, "--objet")
    _required(source, "--source")
    editor = tx.editor("convention")
    convention = editor.root.get("convention")
    if not isinstance(convention, YamlMap):
        raise UserError("convention.yaml mal formé : lancez convention validate")
    avenants = convention.get("avenants")
    wanted: dict[str, Any] = {"date_signature": day, "objet": objet}
    if isinstance(avenants, YamlSeq):
        for existing in avenants:
            if _same(existing, wanted):
                return EditOutcome(f"avenant déjà enregistré : {existing.get('id')}",
                                   changed=False)
    end = _convention_end(convention)
    if prorogation is not None and end is not None and prorogation <= end:
        raise UserError(f"--prorogation-jusqu-au {prorogation.isoformat()} ne prolonge pas la "
                        f"convention : elle est déjà en vigueur jusqu'au {format_date(end)}")
    taken = {str(a.get("id")) for a in avenants or [] if isinstance(a, YamlMap)}
    ident = _unique_id(f"avenant-{len(taken) + 1}", taken)
    avenant: dict[str, Any] = {"id": ident, **wanted, "source": source}
    if prorogation is not None:
        avenant["prorogation_jusqu_au"] = prorogation
    editor.append_item(convention, "avenants", avenant)
    message = f"avenant enregistré : {ident}"
    if prorogation is not None:
        message += f" ; convention prorogée jusqu'au {format_date(prorogation)}"
    return EditOutcome(message)


# --- projects and evaluation requests -----------------------------------------------------


def _missions_locales(tx: RegistryTransaction) -> dict[str, str]:
    """Mission locale id → territory id."""
    found: dict[str, str] = {}
    for territoire in _entries(tx.editor("territoires").root, "territoires"):
        if not isinstance(territoire, YamlMap):
            continue
        for ml in territoire.get("missions_locales") or []:
            if isinstance(ml, YamlMap):
                found[str(ml.get("id"))] = str(territoire.get("id"))
    return found


def _all_record_ids(tx: RegistryTransaction) -> set[str]:
    root = tx.editor("engagements").root
    ids = {str(item.get("id")) for key in ("engagements", "projets", "evaluations")
           for item in (root.get(key) or []) if isinstance(item, YamlMap)}
    return ids


def _innovation_group(tx: RegistryTransaction) -> str | None:
    """The working group of annex theme 3 (innovative projects), if it exists."""
    for group in _entries(tx.editor("groupes_travail").root, "groupes_travail"):
        if isinstance(group, YamlMap) and str(group.get("theme")) == "3":
            return str(group.get("id"))
    return None


def add_projet(
    tx: RegistryTransaction, *, titre: str, territoire: str, day: date, source: str,
    mission_locale: str | None = None, fonds: str | None = None,
    confidentiel: bool = False,
) -> EditOutcome:
    """Record an innovation project relayed by the UNML (II), linked to GT 3."""
    _required(titre, "--titre")
    _required(source, "--source")
    territories = [str(t.get("id")) for t in _entries(tx.editor("territoires").root,
                                                         "territoires")
                   if isinstance(t, YamlMap)]
    if territoire not in territories:
        raise UserError(unknown_message("territoire", territoire, territories))
    if mission_locale is not None:
        missions = _missions_locales(tx)
        in_territory = [m for m, t in missions.items() if t == territoire]
        if mission_locale not in in_territory:
            raise UserError(unknown_message(f"mission locale du territoire {territoire}",
                                            mission_locale, in_territory, feminine=True))
    editor = tx.editor("engagements")
    existing = _existing(editor, "projets", {"titre": titre, "territoire": territoire})
    if existing is not None:
        return EditOutcome(f"projet déjà enregistré : {existing.get('id')}", changed=False)
    ident = _unique_id(f"projet-{slug(titre)}", _all_record_ids(tx))
    projet: dict[str, Any] = {"id": ident, "titre": titre, "territoire": territoire}
    if mission_locale:
        projet["mission_locale"] = mission_locale
    if fonds:
        projet["fonds"] = fonds
    group = _innovation_group(tx)
    if group:
        projet["groupe_travail"] = group
    projet.update({"date": day, "source": source, "statut": "repere"})
    return _append_record(editor, "projets", projet, confidentiel, "projet enregistré")


def add_evaluation(
    tx: RegistryTransaction, *, objet: str, mission_locale: str, day: date, source: str,
    confidentiel: bool = False,
) -> EditOutcome:
    """Record a request for evaluation that the DGOM examines (II.3.1)."""
    _required(objet, "--objet")
    _required(source, "--source")
    missions = _missions_locales(tx)
    if mission_locale not in missions:
        raise UserError(unknown_message("mission locale", mission_locale, missions,
                                        feminine=True))
    editor = tx.editor("engagements")
    existing = _existing(editor, "evaluations", {"objet": objet, "mission_locale": mission_locale})
    if existing is not None:
        return EditOutcome(f"demande d'évaluation déjà enregistrée : {existing.get('id')}",
                           changed=False)
    ident = _unique_id(f"evaluation-{mission_locale}-{day.isoformat()}", _all_record_ids(tx))
    evaluation: dict[str, Any] = {"id": ident, "objet": objet, "mission_locale": mission_locale,
                                  "date": day, "source": source, "statut": "recue"}
    return _append_record(editor, "evaluations", evaluation, confidentiel,
                          "demande d'évaluation enregistrée")


def _existing(editor: TextEditor, listing: str, wanted: dict[str, Any]) -> Any | None:
    """The record of ``listing`` that already says ``wanted`` (a repeat changes nothing)."""
    for existing in editor.root.get(listing) or []:
        if _same(existing, wanted):
            return existing
    return None


def _append_record(
    editor: TextEditor, listing: str, record: dict[str, Any], confidentiel: bool, done: str
) -> EditOutcome:
    """Append ``record`` (marked confidential if asked) to the file's ``listing``."""
    if confidentiel:
        record["confidentiel"] = True
    editor.append_item(editor.root, listing, record)
    return EditOutcome(f"{done} : {record['id']}")

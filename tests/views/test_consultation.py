"""The consultation view models, on the repository's registry and on the base case."""

from __future__ import annotations

from datetime import date

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.domain.echeances import Etat
from convention_cli.domain.queries import Filtres
from convention_cli.errors import UserError
from convention_cli.formats.blocks_markdown import document_to_markdown, tableau_to_markdown
from convention_cli.load.registry import Registry
from convention_cli.models import Fait, HorsPerimetre, Mesure, Preuve
from convention_cli.views.blocks import Element, FicheDocument, Section, Tableau
from convention_cli.views.consultation.common import fait_fr
from convention_cli.views.consultation.engagements import (
    build_engagement_fiche,
    build_engagement_list,
    engagement_fiche_document,
    engagement_fiche_to_json,
    engagement_list_table,
    engagement_list_to_json,
)
from convention_cli.views.consultation.groupes import (
    build_group_fiche,
    build_group_list,
    group_fiche_to_json,
    group_list_table,
    group_list_to_json,
)
from convention_cli.views.consultation.territoires import (
    FicheTerritoire,
    build_territory_fiche,
    build_territory_list,
    territory_fiche_document,
    territory_fiche_to_json,
    territory_list_table,
    territory_list_to_json,
)
from tests.casefolders import BASE
from tests.paths import DATA

AS_OF = date(2026, 3, 1)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_valid_registry(DATA)


@pytest.fixture
def base() -> Registry:
    return load_valid_registry(BASE)


# --- engagements -----------------------------------------------------------------------------


def test_list_keeps_registry_order_and_every_engagement(registry: Registry) -> None:
    view = build_engagement_list(registry, AS_OF)
    assert [line.id for line in view.lignes] == [e.id for e in registry.engagements]


def test_list_filters_by_party_objective_and_lateness(registry: Registry) -> None:
    dgom = build_engagement_list(registry, AS_OF, Filtres(partie="dgom"))
    assert dgom.lignes
    assert all("dgom" in line.parties for line in dgom.lignes)
    assert all("DGOM" in line.sigles for line in dgom.lignes)
    obj3 = build_engagement_list(registry, AS_OF, Filtres(objectif="obj-3"))
    expected = [e.id for e in registry.engagements if "obj-3" in e.objectifs]
    assert [line.id for line in obj3.lignes] == expected
    late = build_engagement_list(registry, AS_OF, Filtres(statut="en_retard"))
    # the deadlines of 30 June 2023 fell before the signature: nobody is late on them
    assert [line.id for line in late.lignes] == [
        "commission-ultramarine-trimestrielle", "valoriser-partenariat-signature",
        "valoriser-partenariat-annuellement", "bilan-annuel",
    ]
    assert all(line.retards and all(e.etat is Etat.EN_RETARD for e in line.retards)
               for line in late.lignes)
    assert all(line.prochaine is None or line.prochaine.date >= AS_OF for line in late.lignes)


def test_list_filter_by_territory_keeps_engagements_for_all(base: Registry) -> None:
    base.engagements[1] = base.engagements[1].model_copy(update={"territoires": ["mayotte"]})
    view = build_engagement_list(base, AS_OF, Filtres(territoire="la-reunion"))
    assert [line.id for line in view.lignes] == ["unml-relayer"]


def test_list_refuses_unknown_filter_values(registry: Registry) -> None:
    with pytest.raises(UserError, match="partie « dgon » inconnue ; vouliez-vous dire "
                                        "« dgom » \\?"):
        build_engagement_list(registry, AS_OF, Filtres(partie="dgon"))
    with pytest.raises(UserError, match="statut « fini »"):
        build_engagement_list(registry, AS_OF, Filtres(statut="fini"))


def test_list_row_next_echeance_and_last_entry(base: Registry) -> None:
    view = build_engagement_list(base, date(2024, 7, 1))
    relayer, ladom = view.lignes
    assert (relayer.prochaine, relayer.derniere_entree) == (None, date(2024, 1, 15))
    assert ladom.prochaine is None  # a missed deadline is late, never « next »
    assert [(e.date, e.etat) for e in ladom.retards] == [(date(2024, 6, 30), Etat.EN_RETARD)]
    assert engagement_list_table(view).lignes == (
        ("unml-relayer", "UNML", "Relayer les problématiques des missions locales", "en cours",
         "—", "—", "15 janvier 2024"),
        ("dgom-ladom", "DGOM", "Accord-cadre LADOM", "non renseigné",
         "—", "30 juin 2024", "—"),
    )


def test_list_json_has_iso_dates_and_filters(base: Registry) -> None:
    view = build_engagement_list(base, date(2024, 7, 1), Filtres(partie="dgom"))
    payload = engagement_list_to_json(view)
    assert payload["as_of"] == "2024-07-01"
    assert payload["filtres"] == {"partie": "dgom"}
    [row] = payload["engagements"]
    assert row["statut_libelle"] == "non renseigné"
    assert row["prochaine_echeance"] is None
    assert row["en_retard"] == ["dgom-ladom"]
    assert row["derniere_entree"] is None


def test_fiche_links_groups_outcomes_and_origins(registry: Registry) -> None:
    ladom = build_engagement_fiche(registry, "dgom-participer-accord-cadre-ladom", AS_OF)
    assert [g.id for g in ladom.groupes] == ["gt-5"]
    assert [o.id for o in ladom.operateurs] == ["ladom"]
    assert [(e.id, e.etat) for e in ladom.echeances] == [
        ("dgom-participer-accord-cadre-ladom", Etat.ECHUE_AVANT_SIGNATURE)]
    actions = build_engagement_fiche(registry, "dgom-actions-interministerielles", AS_OF)
    assert "dgom-faciliter-relations-administrations" in [e.id for e in actions.decoule_de]
    facilitate = build_engagement_fiche(registry, "dgom-faciliter-relations-administrations",
                                        AS_OF)
    assert [e.id for e in facilitate.debouche_sur] == [
        "dgom-actions-interministerielles", "dgom-appui-financement-hors-dgefp"]


def test_fiche_unknown_id_suggests_the_closest(registry: Registry) -> None:
    with pytest.raises(UserError) as caught:
        build_engagement_fiche(registry, "bilan-anuel", AS_OF)
    assert str(caught.value) == ("engagement « bilan-anuel » inconnu ; vouliez-vous dire "
                                 "« bilan-annuel », « bilan-pluriannuel » ?")


def test_fiche_shows_the_latest_measure_whatever_the_order(base: Registry) -> None:
    eng = base.engagements[0]
    indicator = eng.indicateurs[0].model_copy(update={"mesures": [
        Mesure(date=date(2024, 12, 31), valeur=3, source="Bilan 2024"),
        Mesure(date=date(2024, 6, 30), valeur=1, source="Point d'étape"),
    ]})
    base.engagements[0] = eng.model_copy(update={"indicateurs": [indicator]})
    fiche = build_engagement_fiche(base, "unml-relayer", AS_OF)
    [vue] = fiche.indicateurs
    assert vue.derniere_mesure is not None
    assert vue.derniere_mesure.valeur == 3
    [section] = [s for s in engagement_fiche_document(fiche).sections
                 if s.titre == "Indicateurs"]
    assert section.elements[0].details == (
        "quantitatif ; cible : 4 (période : annuelle)",
        "dernière mesure : 3 au 31 décembre 2024 (source : Bilan 2024)",
    )
    payload = engagement_fiche_to_json(fiche)["engagement"]["indicateurs"][0]
    assert payload["derniere_mesure"] == {"date": "2024-12-31", "valeur": 3,
                                          "source": "Bilan 2024", "calculee": False,
                                          "commentaire": None, "confidentiel": False}
    assert payload["nombre_mesures"] == 2
    assert [m["date"] for m in payload["mesures"]] == ["2024-06-30", "2024-12-31"]


def test_fiche_flags_confidential_journal_entries(base: Registry) -> None:
    eng = base.engagements[0]
    entry = eng.journal[0].model_copy(update={"confidentiel": True})
    base.engagements[0] = eng.model_copy(update={"journal": [entry]})
    document = engagement_fiche_document(build_engagement_fiche(base, "unml-relayer", AS_OF))
    [journal] = [s for s in document.sections if s.titre == "Journal"]
    assert journal.elements[0].texte == "15 janvier 2024 — [confidentiel] Première note transmise"


def test_fiche_lists_proofs_and_journal_details(base: Registry) -> None:
    eng = base.engagements[0]
    proof = Preuve(libelle="Note n° 1", url="preuves/note-1.pdf", date=date(2024, 1, 15),
                   confidentiel=True)
    entry = eng.journal[0].model_copy(update={"auteur": "Référent UNML", "source": "Compte rendu",
                                              "preuves": [proof],
                                              "echeance": "bilan-annuel-2023"})
    base.engagements[0] = eng.model_copy(update={"journal": [entry], "preuves": [proof]})
    document = engagement_fiche_document(build_engagement_fiche(base, "unml-relayer", AS_OF))
    sections = {s.titre: s for s in document.sections}
    assert sections["Journal"].elements[0].details == (
        "auteur : Référent UNML ; source : Compte rendu",
        "statut noté : en cours",
        "honore l'échéance bilan-annuel-2023",
        "preuve : Note n° 1 (preuves/note-1.pdf, 15 janvier 2024) [confidentiel]",
    )
    assert sections["Preuves"].elements == (
        Element("Note n° 1 (preuves/note-1.pdf, 15 janvier 2024) [confidentiel]"),)


def test_fiche_json_shape(registry: Registry) -> None:
    payload = engagement_fiche_to_json(build_engagement_fiche(
        registry, "valoriser-partenariat-signature", AS_OF))
    eng = payload["engagement"]
    assert payload["as_of"] == "2026-03-01"
    assert eng["parties"] == [
        {"id": "unml", "nom": "Union nationale des missions locales", "sigle": "UNML"},
        {"id": "dgom", "nom": "Direction générale des outre-mer", "sigle": "DGOM"}]
    assert eng["tous_territoires"] is True
    assert eng["echeance"] == "2023-07-18"
    assert eng["journal"][0]["date"] == "2023-09-25"
    # Press relays dated two months later, from the ministry only: not « au moment de la
    # signature » (IV).
    assert eng["echeances"][0]["etat_code"] == "en_retard"
    assert eng["echeances"][0]["honoree_le"] is None


# --- territoires -----------------------------------------------------------------------------


def test_territory_list_has_the_six_and_new_caledonia_outside(registry: Registry) -> None:
    view = build_territory_list(registry, AS_OF)
    table = territory_list_table(view)
    assert [row[0] for row in table.lignes] == [
        "guadeloupe", "martinique", "guyane", "la-reunion", "mayotte", "saint-martin",
        "nouvelle-caledonie"]
    assert table.lignes[-1][2] == "hors périmètre"
    assert table.lignes[5][2:6] == ("COM", "978", "1", "ARML Antilles-Guyane")
    payload = territory_list_to_json(view)
    assert [t["code_insee"] for t in payload["territoires"]] == [
        "971", "972", "973", "974", "976", "978"]
    assert payload["hors_perimetre"][0]["id"] == "nouvelle-caledonie"


def test_facts_never_show_an_unverified_value() -> None:
    assert fait_fr(Fait(valeur="Le Port", confiance="moyenne", source="x")) == (
        "Le Port (confiance moyenne)")
    assert fait_fr(Fait(confiance="non_verifie", note="à vérifier")) == "non vérifié"


def test_territory_fiche(registry: Registry) -> None:
    fiche = build_territory_fiche(registry, "la-reunion", AS_OF)
    assert isinstance(fiche, FicheTerritoire)
    assert [p.id for p in fiche.armls] == ["arml-reunion"]
    [sma] = fiche.operateurs
    assert sma.operateur.id == "sma"
    assert sma.raisons[0].startswith("régiment : RSMA de La Réunion (RSMA-R)")
    concerned = tuple(e.id for e in registry.engagements
                      if not e.territoires or "la-reunion" in e.territoires)
    assert fiche.engagements == concerned
    document = territory_fiche_document(fiche)
    [missions] = [s for s in document.sections if s.titre == "Missions locales (4)"]
    sud = missions.elements[2]
    assert sud.texte == "ml-reunion-sud : Mission Locale Sud (La Réunion)"
    assert "siège : non vérifié" in sud.details
    [arml] = [s for s in document.sections if s.titre == "ARML"]
    assert "aussi « ARML Océan Indien » depuis décembre 2023" in arml.elements[0].texte
    payload = territory_fiche_to_json(fiche)["territoire"]
    assert payload["engagements"] == {"nombre": len(concerned), "ids": list(concerned)}
    assert payload["missions_locales"][2]["ville_siege"] == {
        "valeur": None, "confiance": "non_verifie", "source": None,
        "note": "Siège déclaré non confirmé dans les sources consultées (à vérifier dans "
                "SIRENE / annuaire-entreprises)."}


def test_territory_fiche_by_insee_code_and_outside(registry: Registry) -> None:
    mayotte = build_territory_fiche(registry, "976", AS_OF)
    assert isinstance(mayotte, FicheTerritoire)
    assert mayotte.territoire.id == "mayotte"
    outside = build_territory_fiche(registry, "nouvelle-caledonie", AS_OF)
    assert isinstance(outside, HorsPerimetre)
    assert territory_fiche_to_json(outside)["hors_perimetre"]["nombre_missions_locales"] == 2
    with pytest.raises(UserError, match="territoire « reunion » inconnu ; vouliez-vous "
                                        "dire « la-reunion » \\?"):
        build_territory_fiche(registry, "reunion", AS_OF)


def test_territory_engagements_exclude_those_for_other_territories(base: Registry) -> None:
    base.engagements[1] = base.engagements[1].model_copy(update={"territoires": ["mayotte"]})
    fiche = build_territory_fiche(base, "la-reunion", AS_OF)
    assert isinstance(fiche, FicheTerritoire)
    assert fiche.engagements == ("unml-relayer",)


# --- groupes de travail ----------------------------------------------------------------------


def test_group_list_quotes_the_annex_themes(registry: Registry) -> None:
    lignes = build_group_list(registry, AS_OF)
    assert registry.convention is not None
    themes = [t.libelle for t in registry.convention.themes_annexe]
    assert [line.theme for line in lignes] == themes
    table = group_list_table(lignes)
    assert table.lignes[2][:2] == ("3", "gt-3")
    assert table.lignes[2][4:] == ("non renseigné", "6", "—")
    payload = group_list_to_json(lignes)
    assert payload["groupes_travail"][0]["theme_libelle"] == themes[0]


def test_group_fiche_by_number_or_id(registry: Registry) -> None:
    fiche = build_group_fiche(registry, "5", AS_OF)
    assert fiche.groupe.id == "gt-5"
    assert fiche == build_group_fiche(registry, "gt-5", AS_OF)
    assert "dgom-participer-accord-cadre-ladom" in [e.id for e in fiche.engagements]
    payload = group_fiche_to_json(fiche)["groupe_travail"]
    assert payload["engagements"][0] == {
        "id": "dgom-appui-sujets-concertes",
        "libelle": "Être en appui sur une liste de sujets définis de façon concertée",
        "statut": "non_renseigne", "statut_libelle": "non renseigné"}
    with pytest.raises(UserError, match="groupe de travail « gt-9 » inconnu"):
        build_group_fiche(registry, "gt-9", AS_OF)


# --- presentation ----------------------------------------------------------------------------


def test_markdown_escapes_registry_text() -> None:
    table = Tableau("Liste", ("a", "b"), (("x|y", "*z*"),), ("1 ligne.",))
    assert tableau_to_markdown(table) == (
        "# Liste\n\n| a | b |\n|---|---|\n| x\\|y | \\*z\\* |\n\n1 ligne.\n")
    document = FicheDocument("Titre", "Sous-titre", (
        Section(champs=(("clé", "valeur"),)),
        Section("Liste", elements=(Element("un", ("détail",)),)),
        Section("Vide", vide="rien"),
    ))
    assert document_to_markdown(document) == (
        "# Titre\n\n*Sous-titre*\n\n- **clé** : valeur\n\n## Liste\n\n- un\n  - détail\n\n"
        "## Vide\n\nrien\n")

"""``convention passation``: exact documents on the fixture registry, and what --public omits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.models import FILE_MODELS, GroupeTravail
from convention_cli.views.documents.common import journal_rows, year_before
from convention_cli.views.documents.passation import FILE_CONTENTS, RISQUE, build_passation
from convention_cli.views.documents.passation_model import PassationView
from convention_cli.views.provenance import Provenance
from tests.conftest import RegistryCopy, RunCli
from tests.views.documents.support import (
    FIXTURE,
    assert_commonmark_tables,
    assert_nothing_confidential,
    check_golden,
    plain,
)

AS_OF = "2024-06-10"
VARIANTS = {
    "passation-dgom": ["--partie", "dgom"],
    "passation-dgom-public": ["--partie", "dgom", "--public"],
    "passation-unml-public": ["--partie", "unml", "--public"],
    "passation-arml": ["--partie", "arml-reunion"],
}
REPRESENTATIVES = ("Sophie BROCAS", "Stéphane VALLI", "Jacques LOWINSKY")


@pytest.mark.parametrize("name", list(VARIANTS))
def test_passation_golden(name: str, registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("passation", "--data", str(data), "--as-of", AS_OF, *VARIANTS[name])
    check_golden(name, text, data)
    assert_commonmark_tables(text)
    assert RISQUE in text
    if "--public" in VARIANTS[name]:
        assert_nothing_confidential(text)


@pytest.mark.parametrize("partie", ["dgom", "unml", "arml-reunion"])
def test_public_passation_leaks_nothing(
    partie: str, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("passation", "--data", str(data), "--as-of", AS_OF, "--partie", partie,
                   "--public")
    assert_nothing_confidential(text)
    for name in REPRESENTATIVES:
        assert name not in text
    # Journal authors may be persons: the public version keeps only sources.
    assert "— Référent UNML" not in text
    # The institutional contact stays: the bureau and the head office.
    assert "Bureau de la vie économique" in text
    assert "27, rue Oudinot" in text or partie != "dgom"


def test_private_passation_shows_what_public_omits(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("passation", "--data", str(data), "--as-of", AS_OF, "--partie", "dgom")
    for mark in ("CONFIDENTIEL-ENGAGEMENT", "CONFIDENTIEL-DECISION", "CONFIDENTIEL-ACTION",
                 "CONFIDENTIEL-PREUVE", "Camille ARNAUD-SECRET", "Sophie BROCAS"):
        assert mark in text, mark
    unml = run_cli.ok("passation", "--data", str(data), "--as-of", AS_OF, "--partie", "unml")
    assert "— Référent UNML" in unml


def _view(public: bool, as_of: date = date(2024, 6, 10), partie: str = "dgom",
          data: Path = FIXTURE) -> PassationView:
    registry = load_valid_registry(data)
    return build_passation(registry, partie, as_of=as_of, public=public,
                           provenance=Provenance(as_of, "test", None, "data"))


def test_public_view_model_holds_no_person_and_nothing_confidential() -> None:
    view = _view(public=True)
    assert repr(view).count("CONFIDENTIEL") == 0
    for name in ("Camille ARNAUD-SECRET", *REPRESENTATIVES):
        assert name not in repr(view)


def test_open_engagements_late_first_and_actions_of_the_party_first() -> None:
    view = _view(public=False)
    ids = [e.id for e in view.engagements]
    assert ids[0] == "commission-trimestrielle"  # two quarters without a commission
    assert "valoriser-signature" not in ids  # réalisé
    actions = view.actions
    assert [a.responsable == view.partie.sigle for a in actions] == [True, False]
    assert actions[1].en_retard


def test_decisions_cover_the_last_twelve_months() -> None:
    view = _view(public=False, as_of=date(2025, 3, 20))
    assert view.depuis == date(2024, 3, 20)
    texts = [d.texte for d in view.decisions]
    assert texts == ["Conduire un diagnostic partagé du logement des jeunes"]


def test_verified_generic_address_is_shown(registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    parties = data / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8").replace(
        'adresse_generique: {confiance: non_verifie, note: "Promise par la section III, '
        'non publiée."}',
        "adresse_generique: {valeur: bureau@example.org, confiance: haute, source: Courriel "
        "du bureau}"), encoding="utf-8")
    text = run_cli.ok("passation", "--data", str(data), "--as-of", AS_OF, "--partie", "dgom",
                   "--public")
    assert ("**Adresse générique** : bureau@example.org (confiance haute ; source : "
            "Courriel du bureau)") in plain(text)


def test_every_data_file_is_described() -> None:
    assert list(FILE_CONTENTS) == list(FILE_MODELS)


def test_unknown_party_is_a_french_error_with_suggestions(
    run_cli: RunCli, registry_copy: RegistryCopy
) -> None:
    data = registry_copy(FIXTURE)
    code, _, err = run_cli("passation", "--data", data, "--partie", "dgon")
    assert code == 1
    assert "partie « dgon » inconnue" in err
    assert "vouliez-vous dire « dgom »" in err


def test_output_file(tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    target = tmp_path / "passation.md"
    assert run_cli.ok("passation", "--data", str(data), "--partie", "unml", "--as-of", AS_OF,
                   "-o", str(target)) == ""
    assert target.read_text(encoding="utf-8").startswith("# Passation du référent")


def test_year_before_a_29_february() -> None:
    assert year_before(date(2024, 2, 29)) == date(2023, 2, 28)
    assert year_before(date(2025, 3, 20)) == date(2024, 3, 20)


def test_group_journal_in_public_drops_confidential_entries_and_authors() -> None:
    group = GroupeTravail.model_validate({
        "id": "gt-1", "numero": 1, "theme": 1, "libelle": "Logement", "clause": "Annexe 1",
        "statut": "actif", "objectifs": ["obj-1"],
        "journal": [
            {"date": date(2024, 4, 2), "texte": "Lancé.", "auteur": "Camille ARNAUD-SECRET"},
            {"date": date(2024, 5, 2), "texte": "CONFIDENTIEL-GT", "confidentiel": True},
        ],
    }, strict=False)
    public = journal_rows([group], public=True, bibliography={})
    assert [(r.texte, r.auteur) for r in public] == [("Lancé.", None)]
    assert len(journal_rows([group], public=False, bibliography={})) == 2


@pytest.mark.parametrize("public", [False, True])
def test_journal_sources_name_the_bibliography_never_its_ids(public: bool) -> None:
    group = GroupeTravail.model_validate({
        "id": "gt-1", "numero": 1, "theme": 1, "libelle": "Logement", "clause": "Annexe 1",
        "statut": "actif", "objectifs": ["obj-1"],
        "journal": [{"date": date(2024, 4, 2), "texte": "Relayé.",
                     "source": "[presse-2024] ; [inconnu-2024]"}],
    }, strict=False)
    rows = journal_rows([group], public=public,
                        bibliography={"presse-2024": ("Un article", "Le Journal")})
    assert [r.auteur for r in rows] == ["Le Journal ; [inconnu-2024]"]


@pytest.mark.parametrize("public", [False, True])
def test_tutelle_as_the_text_says(
    public: bool, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """Préambule: the DGOM « exerce la tutelle sur deux opérateurs » (LADOM, IFCASS); the
    SMA « lui est rattaché pour emploi », which is no tutelle."""
    data = registry_copy()
    text = plain(run_cli.ok("passation", "--data", str(data), "--partie", "dgom",
                            "--as-of", "2025-12-31", *(["--public"] if public else [])))
    tutelle = next(line for line in text.splitlines() if "sous sa tutelle" in line)
    assert "LADOM (" in tutelle
    assert "IFCASS (" in tutelle
    assert "SMA" not in tutelle
    assert "- **Rattaché pour emploi, sans tutelle** : SMA (Service militaire adapté)\n" in text
    unml = run_cli.ok("passation", "--data", str(data), "--partie", "unml")
    assert "tutelle" not in unml


def test_readings_behind_dates_and_rhythms(registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    """An engagement's date, rhythm or state that is a reading says so, in the words of
    every other view (« lecture : … »)."""
    data = registry_copy()
    text = plain(run_cli.ok("passation", "--data", str(data), "--partie", "dgom",
                            "--as-of", "2025-12-31"))
    row = next(line for line in text.splitlines()
               if line.startswith("| Informer sur les appels à projets"))
    assert ("au fil de l'eau, sans date (lecture : le texte ne fixe aucun rythme ; « au fil "
            "de l'eau » est le suivi continu que retient le registre)") in row
    row = next(line for line in text.splitlines()
               if line.startswith("| Établir des partenariats consolidés"))
    assert "(lecture : le texte ne date pas les partenariats consolidés" in row


def test_sent_notes_name_things_instead_of_ids(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """Without --identifiants a note shows no id nor bibliography key: the projects and
    evaluation requests by their title, missions locales and territories by name (an
    unverified name stays out of the public note), sources by the bibliography's names,
    an action's meeting by its label."""
    from tests.cli.test_annee_de_partenariat import _record_by_cli

    data = registry_copy()
    _record_by_cli(run_cli, data)
    run_cli.ok("reunion", "add", "--instance", "commission", "--date", "2025-07-02",
               "--lieu", "Paris", "--source", "[convention-2023-07-18] III", "--data", data)
    ids = ("projet-garage-solidaire", "evaluation-ml-mayotte-2025-04-02", "ml-guyane-ouest",
           "ml-mayotte", "[convention-2023-07-18]", "commission-2025-", "`projet-")
    for partie in ("dgom", "unml"):
        for public in ((), ("--public",)):
            text = plain(run_cli.ok("passation", "--partie", partie, "--data", data,
                                    "--as-of", "2025-10-01", *public)).replace("\\[", "[")
            for ident in ids:
                assert ident not in text, (partie, public, ident)
            assert "| Garage solidaire |" in text
            if public:
                assert "Saint-Laurent-du-Maroni" not in text  # town: confidence moyenne
                assert "mission locale (nom non vérifié), Guyane" in text
            else:
                assert "| Mission Locale de Mayotte |" in text
    unml = plain(run_cli.ok("passation", "--partie", "unml", "--data", data,
                            "--as-of", "2025-05-01"))
    assert "| Commission ultramarine du 12 mars 2025 | " in unml  # the action's meeting
    internal = run_cli.ok("passation", "--partie", "dgom", "--data", data, "--as-of",
                          "2025-10-01", "--identifiants")
    assert "`projet-garage-solidaire`" in internal
    releve = plain(run_cli.ok("releve", "commission-2025-07-02", "--data", data))
    assert "**Source** : Convention de partenariat 2023-2025 UNML & DGOM, III" in releve

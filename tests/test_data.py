"""The repository's own registry: valid, faithful to the agreement, stable on round trip."""

from __future__ import annotations

import json
from datetime import date

import pytest

from convention_cli.checks.pipeline import validate_registry
from convention_cli.diagnostics import Severity
from convention_cli.load.registry import Registry
from convention_cli.models import FILE_MODELS
from convention_cli.models.json_schema import file_schema
from tests.paths import ROOT
from tests.ruamel_roundtrip import dump_text, load_text

DATA = ROOT / "data"
SCHEMAS = ROOT / "schemas"


@pytest.fixture(scope="module")
def registry() -> Registry:
    result = validate_registry(DATA)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert errors == []
    return result.registry


def test_only_expected_warnings() -> None:
    # The deadline the text itself sets before the signature (II.1 LADOM), accepted in
    # the registry; « dès le premier semestre 2023 » (II.2) is a start, not a deadline.
    diagnostics = validate_registry(DATA).diagnostics
    assert [(d.code, d.acceptance is not None) for d in diagnostics] == [("DAT001", True)]


def test_convention_facts(registry: Registry) -> None:
    conv = registry.convention
    assert conv is not None
    assert (conv.lieu_signature, conv.date_signature, conv.duree_annees) == (
        "Paris", date(2023, 7, 18), 3)
    assert registry.date_fin == date(2026, 7, 17)
    assert [o.numero for o in conv.objectifs] == [1, 2, 3, 4]
    assert [t.numero for t in conv.themes_annexe] == [1, 2, 3, 4, 5, 6]
    assert conv.regles.bilan_pluriannuel.date_limite == date(2026, 6, 30)
    bilan = conv.regles.bilan_annuel
    assert (bilan.mois, bilan.jour, bilan.decalage_annees) == (6, 30, 1)
    assert conv.regles.financement.financement_direct is False
    commission = {m.id: m for m in conv.modalites_concertation}["commission-ultramarine"]
    assert commission.frequence_annuelle_cible == 4


def test_parties_and_operators(registry: Registry) -> None:
    assert {p.id: p.role for p in registry.parties} == {
        "dgom": "partie", "unml": "partie",
        "arml-antilles-guyane": "co_signataire", "arml-reunion": "co_signataire"}
    dgom = {p.id: p for p in registry.parties}["dgom"]
    assert dgom.referent is not None
    assert dgom.referent.adresse_generique.confiance == "non_verifie"
    assert dgom.referent.adresse_generique.valeur is None
    assert {o.id for o in registry.operateurs} >= {
        "sma", "ladom", "ifcass", "adie", "france-active", "initiative-outre-mer", "dgefp"}


def test_territories(registry: Registry) -> None:
    counts = {t.id: (t.statut, t.code_insee, len(t.missions_locales))
              for t in registry.territoires}
    assert counts == {
        "guadeloupe": ("DROM", "971", 1), "martinique": ("DROM", "972", 3),
        "guyane": ("DROM", "973", 2), "la-reunion": ("DROM", "974", 4),
        "mayotte": ("DROM", "976", 1), "saint-martin": ("COM", "978", 1)}
    assert [(h.id, h.nombre_missions_locales) for h in registry.hors_perimetre] == [
        ("nouvelle-caledonie", 2)]


def test_engagements_cover_the_agreement(registry: Registry) -> None:
    clauses = {e.clause for e in registry.engagements}
    assert clauses >= {"II", "II.1", "II.2", "II.3.1", "II.3.2", "III", "IV", "V", "VI"}
    ladom = [e for e in registry.engagements if "ladom" in e.operateurs]
    assert any(e.echeance == date(2023, 6, 30) for e in ladom)
    assert all(e.statut == "non_renseigne" or e.journal for e in registry.engagements)


@pytest.mark.parametrize("name", list(FILE_MODELS))
def test_round_trip_is_byte_identical(name: str) -> None:
    text = (DATA / f"{name}.yaml").read_text(encoding="utf-8")
    assert dump_text(load_text(text)) == text


@pytest.mark.parametrize("name", list(FILE_MODELS))
def test_data_files_point_to_their_schema(name: str) -> None:
    first = (DATA / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"


@pytest.mark.parametrize("name", list(FILE_MODELS))
def test_committed_schemas_are_up_to_date(name: str) -> None:
    committed = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert committed == file_schema(name), "régénérez : convention schema --sortie schemas"


TEXT = ROOT / "docs" / "convention-2023-07-18.md"


def _citations(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k in ("citation", "citation_duree")]
        return found + [c for v in node.values() for c in _citations(v)]
    if isinstance(node, list):
        return [c for item in node for c in _citations(item)]
    return []


def test_every_citation_is_verbatim_from_the_agreement() -> None:
    from convention_cli.load.yaml_reader import parse_yaml

    agreement = " ".join(TEXT.read_text(encoding="utf-8").split())
    missing = []
    for name in FILE_MODELS:
        root = parse_yaml((DATA / f"{name}.yaml").read_text(encoding="utf-8"), name).root
        missing += [c for c in _citations(root) if " ".join(c.split()) not in agreement]
    assert missing == []


def test_the_registry_points_to_the_text_in_the_repository(registry: Registry) -> None:
    assert registry.convention is not None
    assert (DATA / str(registry.convention.texte)).resolve() == TEXT.resolve()
    assert registry.texte == TEXT.read_text(encoding="utf-8")


def test_faithful_reading(registry: Registry) -> None:
    """The findings of the clause-by-clause audit stay fixed."""
    conv = registry.convention
    assert conv is not None
    ops = {o.id: o for o in registry.operateurs}
    # Préambule: the SMA is « rattaché pour emploi », the DGOM's tutelle is on LADOM and IFCASS.
    assert ops["sma"].tutelle is None
    assert [r.type for r in ops["sma"].relations] == ["rattachement_pour_emploi"]
    assert ops["ladom"].tutelle == ops["ifcass"].tutelle == "dgom"
    engs = {e.id: e for e in registry.engagements}
    # II.1: the accords-cadres are « entre l'UNML et … »; the DGOM takes part.
    for ident in ("dgom-integrer-accord-cadre-sma", "dgom-participer-accord-cadre-ladom"):
        assert (engs[ident].parties, engs[ident].participants) == (["unml"], ["dgom"])
        assert engs[ident].lectures_de("parties")
    # II.3.2: « de l'une ou l'autre des parties »; the DGEFP is named only to be excluded.
    assert set(engs["dgom-questionnements-interpellations"].parties) == {"dgom", "unml"}
    assert all("dgefp" not in e.operateurs + e.participants for e in registry.engagements)
    assert engs["dgom-appui-financement-hors-dgefp"].exclus == ["dgefp"]
    # IV: nothing dated « au moment de la signature », nothing from the UNML.
    signature = engs["valoriser-partenariat-signature"]
    assert signature.statut == "non_renseigne"
    assert signature.journal[0].parties == ["dgom"]
    # II.2: « dès le premier semestre 2023 » is a start.
    micro = engs["dgom-reinterroger-conventions-micro-credit"]
    assert (micro.debut, micro.echeance) == (date(2023, 1, 1), None)
    assert micro.lectures_de("debut")
    # Readings are marked: rhythm, targets, links.
    assert all(e.lectures_de("recurrence") for e in registry.engagements
               if e.recurrence == "au_fil_de_l_eau" and e.id != "echanges-courriels-telephone")
    commission = {m.id: m for m in conv.modalites_concertation}["commission-ultramarine"]
    assert commission.lectures_de("frequence_annuelle_cible")
    assert all(g.lectures_de("engagements") and g.lectures_de("objectifs")
               for g in registry.groupes_travail)
    # Préambule: « plus de », « environ », « une trentaine » keep their qualifier.
    assert conv.perimetre.qualificatifs == {"jeunes_accompagnes_par_an": "plus_de",
                                            "jeunes_en_contact": "plus_de"}
    chiffres = {c.id: c for c in conv.chiffres}
    assert chiffres["chiffre-branche-salaries"].qualificatif == "environ"
    assert chiffres["chiffre-dgom-corps"].qualificatif == "une_trentaine"
    # « Faite en 2 exemplaires » and the ARML co-signatories belong to the signature block.
    assert chiffres["chiffre-exemplaires"].clause == "Signatures"
    assert {p.id: p.clause for p in registry.parties if p.role == "co_signataire"} == {
        "arml-antilles-guyane": "Signatures", "arml-reunion": "Signatures"}


def test_outside_facts_cite_the_bibliography(registry: Registry) -> None:
    ids = {b.id for b in registry.bibliographie}
    assert "convention-2023-07-18" in ids
    assert len(ids) == len(registry.bibliographie)
    for name in FILE_MODELS:
        text = (DATA / f"{name}.yaml").read_text(encoding="utf-8").lower()
        assert "faits de référence" not in text, name  # a document outside the repository
    sma = {o.id: o for o in registry.operateurs}["sma"]
    assert all(f.source and f.source.startswith("[") for f in sma.details)


def test_the_registry_ignores_the_lock_and_the_temporary_files() -> None:
    """The edit lock stays in ``data/`` after an edit (removing it on release would let two
    writers hold it at once): git ignores it here, as in every registry ``init`` writes,
    with the same ``.gitignore``."""
    import subprocess
    from shutil import which

    from convention_cli.edit.scaffold import GITIGNORE

    assert (DATA / ".gitignore").read_text(encoding="utf-8") == GITIGNORE
    if which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("pas un dépôt git")
    ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "data/.convention.lock",
                              "data/.engagements.yaml.ab12_x.tmp"],
                             capture_output=True, text=True, check=False)
    assert ignored.stdout.split() == ["data/.convention.lock",
                                      "data/.engagements.yaml.ab12_x.tmp"]

"""``convention site``: output folder, determinism, versions, leaks, overrides."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

import pytest
import yaml

from convention_cli.cli.app import main
from tests.paths import DATA, ROOT
from tests.site_support import AS_OF, build, file_text, fixture_copy, is_page, read_page, site_files


def _run(*args: str) -> tuple[int, str]:
    errors = io.StringIO()
    with redirect_stderr(errors):
        code = main(list(args))
    return code, errors.getvalue()


def test_same_registry_and_day_give_the_same_bytes(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    first = site_files(build(data, tmp_path / "a", "--as-of", AS_OF))
    second = site_files(build(data, tmp_path / "b", "--as-of", AS_OF))
    assert first == second
    third = site_files(build(data, tmp_path / "a", "--as-of", AS_OF))  # replaced in place
    assert third == first


def test_real_registry_builds(tmp_path: Path) -> None:
    files = site_files(build(DATA, tmp_path / "public", "--as-of", "2025-03-01"))
    assert len([n for n in files if is_page(n)]) > 40
    assert "Convention de partenariat 2023-2025" in read_page(files["index.html"]).plain


def test_no_local_path_in_any_file(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    files = site_files(build(data, tmp_path / "public", "--as-of", AS_OF, "--interne"))
    for name, content in files.items():
        text = file_text(name, content)
        assert str(tmp_path) not in text, name
        for local in ("/tmp/", "/home/", "file:"):
            assert local not in text, (name, local)


def test_every_page_states_its_version(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    public = site_files(build(data, tmp_path / "p", "--as-of", AS_OF))
    internal = site_files(build(data, tmp_path / "i", "--as-of", AS_OF, "--interne"))
    for name, content in public.items():
        if is_page(name):
            assert "Version publique" in content.decode("utf-8"), name
    for name, content in internal.items():
        if is_page(name):
            html = content.decode("utf-8")
            assert "Version interne" in html, name
            assert "ne pas diffuser" in html, name
            assert '<meta name="robots" content="noindex, nofollow">' in html, name


@pytest.mark.parametrize("where", ["inside", "same", "parent", "symlink"])
def test_refuses_a_folder_of_the_registry(tmp_path: Path, where: str) -> None:
    data = fixture_copy(tmp_path)
    link = tmp_path / "lien"
    link.symlink_to(data, target_is_directory=True)
    target = {"inside": data / "site", "same": data, "parent": data.parent,
              "symlink": link / "site"}[where]
    before = sorted(p.name for p in data.iterdir())
    code, message = _run("site", "-o", str(target), "--data", str(data), "--as-of", AS_OF)
    assert code == 2
    assert "registre" in message
    assert sorted(p.name for p in data.iterdir()) == before


def test_refuses_a_file_and_a_foreign_folder(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    a_file = tmp_path / "fichier.txt"
    a_file.write_text("à garder\n", encoding="utf-8")
    code, message = _run("site", "-o", str(a_file), "--data", str(data))
    assert code == 2
    assert "n'est pas un dossier" in message
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "vacances.jpg").write_bytes(b"\xff\xd8")
    code, message = _run("site", "-o", str(foreign), "--data", str(data))
    assert code == 2
    assert "n'est pas vide" in message
    assert a_file.read_text(encoding="utf-8") == "à garder\n"
    assert [p.name for p in foreign.iterdir()] == ["vacances.jpg"]


def test_failed_rendering_keeps_the_previous_site(tmp_path: Path, run_cli: Any) -> None:
    data = fixture_copy(tmp_path)
    out = build(data, tmp_path / "public", "--as-of", AS_OF)
    before = site_files(out)
    broken = data.parent / "templates" / "site"
    broken.mkdir(parents=True)
    (broken / "territoire.html.j2").write_text("{{ d.inconnu }}\n", encoding="utf-8")
    code, _, err = run_cli("site", "-o", out, "--data", data, "--as-of", "2025-01-01")
    assert code == 1, err
    assert site_files(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".public.")]


def test_previous_site_is_replaced_without_stale_pages(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    out = build(data, tmp_path / "public", "--as-of", AS_OF)
    (out / "engagements" / "ancien.html").write_text("périmé", encoding="utf-8")
    build(data, out, "--as-of", AS_OF)
    assert not (out / "engagements" / "ancien.html").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".public.")]


def test_invalid_registry_writes_nothing(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    path = data / "engagements.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("statut: en_cours",
                                                             "statut: fini", 1),
                    encoding="utf-8")
    code, _ = _run("site", "-o", str(tmp_path / "public"), "--data", str(data))
    assert code == 1
    assert not (tmp_path / "public").exists()


def test_registry_templates_override_the_site(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    own = data.parent / "templates" / "site"
    own.mkdir(parents=True)
    (own / "style.css").write_text("body { color: #000000; }\n", encoding="utf-8")
    base = (Path(__file__).resolve().parents[2] / "src" / "convention_cli" / "templates"
            / "site" / "groupes.html.j2").read_text(encoding="utf-8")
    (own / "groupes.html.j2").write_text(
        base.replace("<p>Les groupes", "<p>Gabarit du registre. Les groupes"), encoding="utf-8")
    files = site_files(build(data, tmp_path / "public", "--as-of", AS_OF))
    assert files["style.css"] == b"body { color: #000000; }\n"
    assert "Gabarit du registre." in files["groupes/index.html"].decode("utf-8")


def test_registry_values_are_escaped(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    path = data / "engagements.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "libelle: Accord-cadre LADOM", 'libelle: "Accord <script>alert(1)</script> & co"'),
        encoding="utf-8")
    files = site_files(build(data, tmp_path / "public", "--as-of", AS_OF))
    html = files["engagements/dgom-ladom.html"].decode("utf-8")
    assert "<script>" not in html
    assert "Accord &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


@pytest.mark.parametrize("argv", [["--help"], ["validate", "--data", str(DATA)]])
def test_help_and_validate_import_nothing_of_the_site(argv: list[str]) -> None:
    script = (
        "import sys\n"
        "from convention_cli.cli.app import main\n"
        f"main({argv!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith(('convention_cli.views.site',"
        " 'convention_cli.formats.site')) or m.split('.')[0] == 'jinja2'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False, env={**os.environ, "COLUMNS": "100"})
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


# --- leak tests ---------------------------------------------------------------------------

TOKEN = "FUITE"
"""Every planted confidential text contains this mark, followed by where it was put."""


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, value: Any) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _plant(data: Path) -> list[str]:
    """Put a confidential token in every kind of record the site could show."""
    tokens: list[str] = []

    def token(where: str) -> str:
        tokens.append(f"{TOKEN}-{where}")
        return tokens[-1]

    eng = _load(data / "engagements.yaml")
    public_eng = eng["engagements"][0]
    eng["engagements"].append({
        "id": "engagement-cache", "parties": ["dgom"], "clause": "II",
        "libelle": token("ENGAGEMENT-LIBELLE"), "citation": token("ENGAGEMENT-CITATION"),
        "objectifs": ["obj-1"], "echeance": "2024-05-01", "statut": "en_cours",
        "confidentiel": True, "note": token("ENGAGEMENT-NOTE"),
        "indicateurs": [{"id": "ind-cache", "libelle": token("INDICATEUR"),
                         "type": "quantitatif", "cible": 9,
                         "mesures": [{"date": "2024-03-01", "valeur": 1,
                                      "source": token("MESURE")}]}],
        "journal": [{"date": "2024-03-01", "texte": token("JOURNAL-ENGAGEMENT-CACHE"),
                     "source": token("JOURNAL-SOURCE-CACHEE")}],
        "preuves": [{"libelle": token("PREUVE-ENGAGEMENT-CACHE"),
                     "url": "https://exemple.org/" + token("URL-CACHEE")}],
    })
    public_eng["note"] = token("NOTE-INTERNE")
    public_eng["journal"].append({
        "date": "2024-03-05", "texte": token("JOURNAL-CONFIDENTIEL"),
        "auteur": token("JOURNAL-AUTEUR-CONF"), "source": token("JOURNAL-SOURCE-CONF"),
        "confidentiel": True,
        "preuves": [{"libelle": token("PREUVE-DU-JOURNAL-CONF"), "url": "https://x.org/a"}]})
    public_eng["journal"].append({
        "date": "2024-03-06", "texte": "Entrée publique.",
        "auteur": token("AUTEUR-PERSONNE"),
        "preuves": [{"libelle": token("PREUVE-CONFIDENTIELLE"), "confidentiel": True,
                     "url": "https://exemple.org/" + token("URL-PREUVE-CONF")},
                    {"libelle": "Fichier local", "url": "/home/agent/" + token("CHEMIN")}]})
    public_eng["preuves"] = [{"libelle": token("PREUVE-ENGAGEMENT-CONF"),
                              "url": "notes/" + token("FICHIER"), "confidentiel": True}]
    eng["projets"] = [
        {"id": "projet-cache", "titre": token("PROJET"), "territoire": "la-reunion",
         "date": "2024-02-01", "source": "Note interne", "confidentiel": True},
        {"id": "projet-public", "titre": "Projet de mobilité", "territoire": "la-reunion",
         "date": "2024-02-01", "source": "Presse",
         "journal": [{"date": "2024-02-02", "texte": token("JOURNAL-PROJET"),
                      "source": "Courriel", "confidentiel": True}]},
    ]
    eng["evaluations"] = [
        {"id": "evaluation-cachee", "objet": token("EVALUATION"),
         "mission_locale": "ml-reunion-nord", "date": "2024-02-01", "source": "Courrier",
         "confidentiel": True},
    ]
    _dump(data / "engagements.yaml", eng)

    groups = _load(data / "groupes_travail.yaml")
    groups["groupes_travail"][0]["journal"].append({
        "date": "2024-04-03", "texte": token("JOURNAL-GROUPE"), "confidentiel": True})
    groups["groupes_travail"][0]["journal"].append({
        "date": "2024-04-04", "texte": "Point d'étape.", "auteur": token("AUTEUR-GROUPE")})
    _dump(data / "groupes_travail.yaml", groups)

    meetings = _load(data / "reunions.yaml")
    held = meetings["reunions"][0]
    held["participants"].append(token("PARTICIPANT"))
    held["source"] = token("SOURCE-REUNION")
    held["decisions"].append({"id": "decision-cachee", "texte": token("DECISION"),
                              "confidentiel": True})
    held["actions"].append({"id": "action-cachee", "texte": token("ACTION"),
                            "responsable": "dgom", "echeance": "2024-06-01",
                            "confidentiel": True})
    held["actions"][0]["preuves"] = [{"libelle": token("PREUVE-ACTION"),
                                      "url": "https://x.org/p", "confidentiel": True}]
    meetings["reunions"].append({
        "id": "reunion-cachee", "instance": "referents", "date": "2024-05-02",
        "lieu": token("LIEU-REUNION-CACHEE"), "source": token("SOURCE-REUNION-CACHEE"),
        "confidentiel": True,
        "decisions": [{"id": "decision-de-reunion-cachee", "texte": token("DECISION-R")}],
        "actions": [{"id": "action-de-reunion-cachee", "texte": token("ACTION-R"),
                     "responsable": "unml", "echeance": "2024-08-01"}]})
    _dump(data / "reunions.yaml", meetings)

    parties = _load(data / "parties.yaml")
    parties["parties"][0]["referent"]["personnes"].append(
        {"nom": token("REFERENT"), "fonction": "Chargée de mission", "source": "Annuaire"})
    parties["parties"][0]["representant"]["nom"] = token("REPRESENTANT")
    _dump(data / "parties.yaml", parties)

    territories = _load(data / "territoires.yaml")
    missions = territories["territoires"][0]["missions_locales"]
    missions[1]["ville_siege"] = {"valeur": token("VILLE-MOYENNE"), "confiance": "moyenne",
                                  "source": token("SOURCE-FAIT")}
    missions[0]["nom"] = {"valeur": token("NOM-FAIBLE"), "confiance": "faible",
                          "source": "Rumeur"}
    missions[0]["note"] = token("NOTE-MISSION")
    _dump(data / "territoires.yaml", territories)
    return tokens


def test_leaks_nothing_confidential_in_any_file(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    tokens = _plant(data)
    code, message = _run("validate", "--data", str(data))
    assert code == 0, message
    public = site_files(build(data, tmp_path / "public", "--as-of", "2024-12-31"))
    assert len(public) > 15
    # Every kind of file is swept: pages, picture, Markdown, HTML, Word and ODT downloads
    # (unzipped), and the relevé of each meeting.
    for kind in (".svg", ".md", ".docx", ".odt"):
        assert any(name.endswith(kind) for name in public), kind
    assert "documents/releve-commission-2024-t1.html" in public
    for name, content in public.items():
        text = file_text(name, content)
        assert TOKEN not in text, (name, [t for t in tokens if t in text])
        assert "CONFIDENTIEL-" not in text, name  # the fixture's own marks
        assert "ARNAUD-SECRET" not in text, name
    # The planted records are real: the internal version shows some of them.
    internal = b"".join(site_files(build(data, tmp_path / "interne", "--as-of",
                                         "2024-12-31", "--interne")).values())
    shown = [t for t in tokens if t.encode() in internal]
    assert {f"{TOKEN}-ENGAGEMENT-LIBELLE", f"{TOKEN}-JOURNAL-CONFIDENTIEL", f"{TOKEN}-DECISION",
            f"{TOKEN}-LIEU-REUNION-CACHEE", f"{TOKEN}-VILLE-MOYENNE",
            f"{TOKEN}-AUTEUR-PERSONNE", f"{TOKEN}-PARTICIPANT", f"{TOKEN}-PROJET",
            f"{TOKEN}-EVALUATION"} <= set(shown)
    assert "Projet de mobilité" in public["territoires/la-reunion.html"].decode("utf-8")


@pytest.mark.parametrize("example", [
    "examples/github-actions/publier-site.yml",
    "examples/gitlab-ci/publier-site.gitlab-ci.yml",
])
def test_pages_workflow_examples_build_the_public_site(example: str, tmp_path: Path) -> None:
    """Each example installs the tool from git at the examples' pinned commit, builds the
    public site into ``public`` on the default branch (never the internal version), and
    its steps pass on the shipped registry."""
    from tests.test_examples import INSTALL, _load, _registry_repository, _run_env

    path = ROOT / example
    text = path.read_text(encoding="utf-8")
    workflow = _load(path)
    revision = _load(ROOT / "examples" / "github-actions" / "valider-registre.yml")["env"][
        "CONVENTION_REVISION"]
    if "gitlab" in example:
        job = workflow["pages"]
        assert job["variables"]["CONVENTION_REVISION"] == revision
        assert INSTALL in job["before_script"]
        assert job["artifacts"]["paths"] == ["public"]
        assert "$CI_DEFAULT_BRANCH" in job["rules"][0]["if"]
        commands = list(job["script"])
    else:
        assert workflow["env"]["CONVENTION_REVISION"] == revision
        assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads « on » as True
        steps = workflow["jobs"]["construire"]["steps"]
        runs = [s["run"] for s in steps if "run" in s]
        assert runs[0] == INSTALL
        assert "actions/deploy-pages@v4" in text
        commands = [r.replace("${{ steps.pages.outputs.base_url }}", "https://exemple.org")
                    for r in runs[1:]]
    site_commands = [c for c in commands if "convention site" in c]
    assert len(site_commands) == 1
    assert "-o public" in site_commands[0]
    assert "--interne" not in text.replace("jamais --interne", "")
    repo = _registry_repository(tmp_path)
    env = {**_run_env(), "CI_PAGES_URL": "https://exemple.org/registre"}
    for command in commands:
        result = subprocess.run(["bash", "-e", "-c", command], cwd=repo, env=env,
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    assert (repo / "public" / "index.html").is_file()
    assert "<loc>https://exemple.org/" in (repo / "public" / "sitemap.xml").read_text(
        encoding="utf-8")


def test_registry_templates_run_in_the_sandbox(tmp_path: Path, run_cli: Any) -> None:
    data = fixture_copy(tmp_path)
    own = data.parent / "templates" / "site"
    own.mkdir(parents=True)
    (own / "groupes.html.j2").write_text(
        "{{ page.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    code, _, err = run_cli("site", "-o", tmp_path / "public", "--data", data, "--as-of", AS_OF)
    assert code == 1
    assert "modèle « site/groupes.html.j2 »" in err
    assert "unsafe" in err
    assert not (tmp_path / "public").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".public.")]

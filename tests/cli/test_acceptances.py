"""Acknowledged warnings (``# convention: accepte CODE — raison``) and the GitLab report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convention_cli.cli.app import main
from convention_cli.load.acceptances import find_acceptances
from tests.casefolders import CASES, materialise
from tests.paths import DATA

ACCEPTED = CASES / "valid" / "avertissement-accepte"
WARNED = CASES / "invalid" / "DAT001-echeance-avant-signature"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_comment_on_the_line_or_alone_above_it() -> None:
    text = ("a: 1\n"
            "# convention: accepte DAT001 — au-dessus\n"
            "\n"
            "  # un autre commentaire\n"
            "b: 2  # convention : accepte dat002: sur la ligne\n"
            "c: '# convention: accepte DAT003 — dans un texte'\n")
    accepted, problems = find_acceptances(text, "f.yaml")
    assert [(a.code, a.reason, a.target_line, a.location.line, a.location.column)
            for a in accepted] == [("DAT001", "au-dessus", 5, 2, 1),
                                   ("DAT002", "sur la ligne", 5, 5, 7)]
    assert problems == []


def test_accepted_warning_does_not_fail_strict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = materialise(ACCEPTED, tmp_path)
    code, out = run(["validate", "--data", str(data), "--strict"], capsys)
    assert code == 0
    assert out == ("Registre valide : 6 fichiers vérifiés, aucun problème ; "
                   "1 avertissement accepté dans le registre.\n")


def test_json_lists_accepted_warnings_with_their_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = materialise(ACCEPTED, tmp_path)
    code, out = run(["validate", "--data", str(data), "--format", "json"], capsys)
    payload = json.loads(out)
    assert code == 0
    assert payload["resume"] == {"erreurs": 0, "avertissements": 0, "acceptes": 1,
                                 "fichiers": 6}
    assert payload["diagnostics"] == []
    [item] = payload["acceptes"]
    assert (item["code"], item["line"], item["raison"]) == (
        "DAT001", 27, "délai fixé par le texte, antérieur à la signature")


def test_github_and_gitlab_leave_accepted_warnings_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = materialise(ACCEPTED, tmp_path)
    assert "::warning" not in run(["validate", "--data", str(data), "-f", "github"], capsys)[1]
    assert json.loads(run(["validate", "--data", str(data), "-f", "gitlab"], capsys)[1]) == []


def test_shipped_registry_passes_strict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["validate", "--data", str(DATA), "--strict"], capsys)
    assert code == 0, out
    assert "accepté" in out


def test_gitlab_code_quality_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fields GitLab's Code Quality widget reads (docs.gitlab.com, « Code Quality
    report format »): description, check_name, fingerprint (unique), severity among
    info/minor/major/critical/blocker, location.path relative, location.lines.begin."""
    materialise(WARNED, tmp_path)
    (tmp_path / "data" / "reunions.yaml").write_text("reunions: 3\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out = run(["validate", "--data", str(tmp_path / "data"), "--format", "gitlab"],
                    capsys)
    issues = json.loads(out)
    assert code == 1
    assert isinstance(issues, list)
    assert len(issues) >= 2
    for issue in issues:
        assert set(issue) == {"type", "description", "check_name", "fingerprint", "severity",
                              "location"}
        assert issue["type"] == "issue"
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["description"], str)
        assert issue["description"]
        assert set(issue["location"]) == {"path", "lines"}
        assert not Path(issue["location"]["path"]).is_absolute()
        assert issue["location"]["path"].startswith("data/")
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    by_code = {i["check_name"]: i for i in issues}
    assert by_code["DAT001"]["severity"] == "minor"
    assert by_code["DAT001"]["location"] == {"path": "data/engagements.yaml",
                                             "lines": {"begin": 26}}
    assert by_code["SCH001"]["severity"] == "major"


def test_gitlab_report_of_a_valid_registry_is_an_empty_array(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.casefolders import BASE

    assert run(["validate", "--data", str(BASE), "--format", "gitlab"], capsys) == (0, "[]\n")

"""The edit path as a hostile user tries it: any text, any file form, any failure.

Every text option of every edit command either comes back exactly (read through
``convention export --format json``) with the registry valid and every other line of the
file unchanged, or is refused with nothing written. Line endings and byte order marks
are kept, symlinked data files are written through, stale temporary files go, a dry run
writes nothing (not even the lock), the lock's timeout is checked.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convention_cli.cli.app import main
from tests.conftest import RegistryCopy, RunCli, copy_registry
from tests.paths import CASES

FIXTURE = CASES / "documents" / "data"

# (command line before the text, the option, command line after): the text goes right
# after the option. Dates differ so that no edit repeats another.
TEXT_OPTIONS: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = (
    (("journal", "add", "dgom-ladom", "--date", "2024-05-02"), "--texte", ()),
    (("journal", "add", "dgom-ladom", "--date", "2024-05-03", "--texte", "Entrée"),
     "--auteur", ()),
    (("reunion", "add", "--instance", "referents", "--date", "2024-05-04"), "--lieu", ()),
    (("reunion", "add", "--instance", "referents", "--date", "2024-05-05"), "--participants",
     ()),
    (("reunion", "add", "--instance", "referents", "--date", "2024-05-06"), "--source", ()),
    (("decision", "add", "commission-2024-t1"), "--texte", ()),
    (("action", "add", "commission-2024-t1", "--responsable", "unml", "--echeance",
      "2024-09-30"), "--texte", ()),
    # issue 11: measurements, referents, innovation projects, evaluation requests; « {n} »
    # becomes the text's number when one registry takes many texts (no edit repeats another)
    (("mesure", "add", "ind-notes", "--valeur", "2", "--date", "2025-02-03"), "--source", ()),
    (("mesure", "add", "ind-notes", "--valeur", "2", "--date", "2025-02-04", "--source",
      "Tableau de suivi"), "--commentaire", ()),
    (("referent", "set", "dgom", "--depuis", "2025-03-01", "--source", "Courriel"), "--nom",
     ()),
    (("referent", "set", "dgom", "--nom", "Alex Test {n}", "--depuis", "2025-03-02",
      "--source", "Courriel"), "--fonction", ()),
    (("referent", "set", "dgom", "--nom", "Alex Test {n}", "--depuis", "2025-03-03",
      "--source", "Courriel"), "--contact", ()),
    (("referent", "set", "dgom", "--nom", "Alex Test {n}", "--depuis", "2025-03-04"),
     "--source", ()),
    (("projet", "add", "--territoire", "la-reunion", "--date", "2025-04-01", "--source",
      "Courriel"), "--titre", ()),
    (("projet", "add", "--titre", "Projet {n}", "--territoire", "la-reunion", "--date",
      "2025-04-02", "--source", "Courriel"), "--fonds", ()),
    (("projet", "add", "--titre", "Projet {n}", "--territoire", "la-reunion", "--date",
      "2025-04-03"), "--source", ()),
    (("evaluation", "add", "--mission-locale", "ml-reunion-nord", "--date", "2025-05-01",
      "--source", "Courrier"), "--objet", ()),
    (("evaluation", "add", "--objet", "Demande {n}", "--mission-locale", "ml-reunion-nord",
      "--date", "2025-05-02"), "--source", ()),
)
OPTION_IDS = [f"{' '.join(before[:2])} {option}" for before, option, _ in TEXT_OPTIONS]

SPECIAL_TEXTS = (
    "a\x01b", "\x7f", "esc\x1b[31m", "vt\x0bff\x0c", "nel\x85", "ls\u2028ps\u2029",
    "nonchar\ufffe\uffff", "\ufdd0", "\U0001fffe", "bom\ufeff", "tab\there", "cr\rlf\n",
    "nul\x00", "c1\x9b", "'quote\"", "\\back", "# pas un commentaire", "key: value",
    "- item", "[a, b]", "{a: b}", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`",
    "yes", "no", "on", "null", "~", "true", "0x1F", "1e3", ".inf", "2024-01-01", "  espaces  ",
    "é\u0301 composé", "\u00a0insécable", "emoji 🎉", "rtl \u202e", "zwj\u200d", "a" * 500,
    "multi\nligne\n", "---", "...", "|", ">", "?", ":", "a #b", "a:b", "{{ 1 + 1 }}",
    "{date_signature}",
)


def _texts(data: Path) -> dict[str, bytes]:
    """Every file of the registry folder, less the lock (created by the first edit, kept:
    its place is documented and scripts rely on it)."""
    return {p.name: p.read_bytes() for p in sorted(data.iterdir())
            if p.is_file() and p.name != ".convention.lock"}


def _string_values(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _string_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _string_values(item)


def _exported(data: Path) -> set[str]:
    from contextlib import redirect_stdout
    from io import StringIO

    out = StringIO()
    with redirect_stdout(out):
        assert main(["export", "--format", "json", "--data", str(data)]) == 0
    return set(_string_values(json.loads(out.getvalue())))


def _only_insertions(before: bytes, after: bytes) -> bool:
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    ops = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    return all(tag in ("equal", "insert") for tag, *_ in ops)


def _check_edit(data: Path, index: int, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    before_args, option, after_args = TEXT_OPTIONS[index]
    before = _texts(data)
    capsys.readouterr()
    code = main([*before_args, option, text, *after_args, "--data", str(data)])
    _, err = capsys.readouterr()
    assert code in (0, 1, 2), err
    assert "erreur interne" not in err
    after = _texts(data)
    if code != 0:
        assert after == before, err  # refused: nothing written
        assert err.startswith("convention : ") or "erreur" in err
        return
    changed = [name for name in after if after[name] != before.get(name)]
    assert len(changed) == 1
    assert _only_insertions(before[changed[0]], after[changed[0]])
    assert main(["validate", "--data", str(data)]) == 0
    if text:  # an empty optional value is no value
        assert text in _exported(data)


SPECIAL_CHUNKS = tuple(" ".join(SPECIAL_TEXTS[i:i + 8]) for i in range(0, len(SPECIAL_TEXTS), 8))
"""The hostile texts, a few to a text: one edit carries several."""


@pytest.mark.parametrize("index", range(len(TEXT_OPTIONS)), ids=OPTION_IDS)
def test_every_special_text_comes_back_exactly(
    index: int, registry_copy: RegistryCopy, capsys: pytest.CaptureFixture[str]
) -> None:
    data = registry_copy(FIXTURE)
    texts = [*SPECIAL_CHUNKS, *(t for t in SPECIAL_TEXTS if t.strip() != t)]
    for number, text in enumerate(texts):
        before_args, option, after_args = TEXT_OPTIONS[index]
        # one registry for every text: vary the date so that no edit repeats another
        args = [a.replace("{n}", str(number)) for a in before_args]
        for dated in ("--date", "--depuis"):
            if dated in args:
                args[args.index(dated) + 1] = \
                    f"2025-{1 + number // 28:02d}-{1 + number % 28:02d}"
        before = _texts(data)
        capsys.readouterr()
        code = main([*args, option, text, *after_args, "--data", str(data)])
        _, err = capsys.readouterr()
        assert code == 0, (text, err)
        assert _texts(data) != before
    exported = _exported(data)
    assert [t for t in texts if t not in exported] == []


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(index=st.integers(0, len(TEXT_OPTIONS) - 1), text=st.text(max_size=40))
def test_any_text_comes_back_or_is_refused_with_nothing_written(
    index: int, text: str, tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = copy_registry(FIXTURE, tmp_path_factory.mktemp("prop") / "data")
    _check_edit(data, index, text, capsys)


@pytest.mark.parametrize("text", ["a\x01b", "a\u2028", "x\x85y"])
def test_dry_run_predicts_the_edit(text: str, registry_copy: RegistryCopy,
                                   run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    before = _texts(data)
    args = ("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte", text,
            "--data", str(data))
    dry = run_cli(*args, "--dry-run")
    assert _texts(data) == before
    real = run_cli(*args)
    assert (dry.code, real.code) == (0, 0)
    added = [line[1:] for line in dry.out.splitlines()
             if line.startswith("+") and not line.startswith("+++")]
    text_after = (data / "engagements.yaml").read_text(encoding="utf-8")
    assert all(line in text_after for line in added)


# --- file forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(("bom", "newline"), [(True, "\n"), (False, "\r\n"), (True, "\r\n")])
def test_line_endings_and_bom_are_kept(bom: bool, newline: str, registry_copy: RegistryCopy,
                                       run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    path = data / "engagements.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes((("\ufeff" if bom else "") + text.replace("\n", newline)).encode())
    run_cli.ok("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte", "a\u2028b",
               "--statut", "en_cours", "--source", "Relevé", "--data", str(data))
    raw = path.read_bytes().decode("utf-8")
    assert raw.startswith("\ufeff") is bom
    body = raw.removeprefix("\ufeff")
    if newline == "\r\n":
        assert body.count("\n") == body.count("\r\n")
    else:
        assert "\r" not in body
    assert "a\u2028b" in _exported(data)


def test_symlinked_data_file_is_written_through(registry_copy: RegistryCopy, run_cli: RunCli,
                                                tmp_path: Path) -> None:
    data = registry_copy(FIXTURE)
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (data / "reunions.yaml").rename(outside / "reunions.yaml")
    (data / "reunions.yaml").symlink_to(outside / "reunions.yaml")
    run_cli.ok("decision", "add", "commission-2024-t1", "--texte", "Décision liée",
               "--data", str(data))
    assert (data / "reunions.yaml").is_symlink()
    assert "Décision liée" in (outside / "reunions.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in outside.iterdir()) == ["reunions.yaml"]


def test_dangling_symlink_is_refused(registry_copy: RegistryCopy, run_cli: RunCli,
                                     tmp_path: Path) -> None:
    data = registry_copy(FIXTURE)
    (data / "reunions.yaml").unlink()
    (data / "reunions.yaml").symlink_to(tmp_path / "absent.yaml")
    code, _, err = run_cli("decision", "add", "commission-2024-t1", "--texte", "x",
                           "--data", str(data))
    assert code in (1, 2)
    assert "erreur interne" not in err
    assert (data / "reunions.yaml").is_symlink()
    assert not (tmp_path / "absent.yaml").exists()


def test_flow_style_journal_is_a_data_error(registry_copy: RegistryCopy,
                                            run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    path = data / "groupes_travail.yaml"
    engagements = data / "engagements.yaml"
    engagements.write_text(engagements.read_text(encoding="utf-8").replace(
        "    qualitatif: true\n  - id: dgom-financement-secret",
        "    qualitatif: true\n    journal: [{date: 2024-01-01, texte: Main}]\n"
        "  - id: dgom-financement-secret"), encoding="utf-8")
    before = _texts(data)
    assert path.exists()
    code, _, err = run_cli("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte",
                           "x", "--data", str(data))
    assert code == 1
    assert "liste en ligne non vide" in err
    assert _texts(data) == before


# --- leftovers and the lock ---------------------------------------------------------------


def test_stale_temporary_file_is_removed_at_the_next_edit(registry_copy: RegistryCopy,
                                                          run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    stale = data / ".engagements.yaml.k1ll3d_.tmp"
    stale.write_text("moitié d'écriture", encoding="utf-8")
    other = data / "notes.tmp"  # not ours: kept
    other.write_text("x", encoding="utf-8")
    run_cli.ok("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte", "x",
               "--data", str(data), "--dry-run")
    assert stale.exists()  # a dry run writes (and removes) nothing
    run_cli.ok("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte", "x",
               "--data", str(data))
    assert not stale.exists()
    assert other.exists()


def test_dry_run_takes_no_lock(registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    before = _texts(data)
    run_cli.ok("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte", "x",
               "--data", str(data), "--dry-run")
    assert _texts(data) == before
    assert not (data / ".convention.lock").exists()


def test_dry_run_on_a_read_only_registry(tmp_path: Path) -> None:
    """Run as an unprivileged user when possible (root ignores permissions)."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        data = copy_registry(FIXTURE, base / "data")
        data.chmod(0o555)
        command = [sys.executable, "-m", "convention_cli", "journal", "add", "dgom-ladom",
                   "--date", "2024-05-02", "--texte", "x", "--data", str(data), "--dry-run"]
        if os.geteuid() == 0 and _has_setpriv():
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                cwd=base, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        assert result.returncode == 0, result.stderr
        assert "+        texte: x" in result.stdout
        assert not (data / ".convention.lock").exists()
    finally:
        (base / "data").chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def _has_setpriv() -> bool:
    from shutil import which

    return which("setpriv") is not None


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "abc", "1e999", "NaN"])
def test_lock_timeout_must_be_finite_and_non_negative(
    value: str, registry_copy: RegistryCopy, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = registry_copy(FIXTURE)
    before = _texts(data)
    monkeypatch.setenv("CONVENTION_LOCK_TIMEOUT", value)
    code, _, err = run_cli("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte",
                           "x", "--data", str(data))
    assert code == 2
    assert "CONVENTION_LOCK_TIMEOUT" in err
    assert _texts(data) == before


def test_lock_timeout_zero_is_accepted(registry_copy: RegistryCopy, run_cli: RunCli,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data = registry_copy(FIXTURE)
    monkeypatch.setenv("CONVENTION_LOCK_TIMEOUT", "0")
    run_cli.ok("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte", "x",
               "--data", str(data))
    assert (data / ".convention.lock").exists()  # the documented place; scripts rely on it


def test_edit_commands_import_without_fcntl() -> None:
    code = ("import sys; sys.modules['fcntl'] = None\n"
            "import convention_cli.cli.app, convention_cli.cli.edition\n"
            "import convention_cli.cli.commands.journal, convention_cli.cli.commands.action\n"
            "import convention_cli.edit.transaction, convention_cli.edit.operations\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_disk_full_during_an_edit_writes_nothing(
    registry_copy: RegistryCopy, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from convention_cli.edit import transaction

    def full(path: Path, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(transaction, "atomic_write_bytes", full)
    data = registry_copy(FIXTURE)
    before = _texts(data)
    code, _, err = run_cli("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte",
                           "x", "--data", str(data))
    assert code == 2
    assert "disque plein" in err
    assert _texts(data) == before


# --- init -----------------------------------------------------------------------------------


def test_init_title_is_data_not_a_template(tmp_path: Path, run_cli: RunCli) -> None:
    title = "Accord {date_signature} {titre} {{ x }} \x01\u2028"
    run_cli.ok("init", str(tmp_path / "r"), "--titre", title, "--signature", "2024-01-01")
    run_cli.ok("validate", "--data", str(tmp_path / "r"))
    assert title in _exported(tmp_path / "r")
    gitignore = (tmp_path / "r" / ".gitignore").read_text(encoding="utf-8")
    assert ".convention.lock\n" in gitignore


def test_init_refuses_a_convention_ending_outside_the_range(tmp_path: Path,
                                                            run_cli: RunCli) -> None:
    code, _, err = run_cli("init", str(tmp_path / "r"), "--signature", "2200-06-01")
    assert code == 2
    assert "plage prise en charge" in err
    assert not (tmp_path / "r").exists()


def test_lock_and_temporaries_do_not_make_the_registry_look_modified(
    tmp_path: Path, run_cli: RunCli
) -> None:
    from shutil import which

    from convention_cli.views.provenance import registry_commit

    if which("git") is None:
        pytest.skip("git absent")
    repo = tmp_path / "depot"
    run_cli.ok("init", str(repo / "data"), "--signature", "2024-01-01")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "init"], check=True)
    (repo / "data" / ".convention.lock").write_text("", encoding="utf-8")
    (repo / "data" / ".engagements.yaml.ab12_x.tmp").write_text("", encoding="utf-8")
    commit = registry_commit(repo / "data")
    assert commit is not None
    assert "modifications" not in commit
    status = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True,
                            check=True)
    assert status.stdout == ""

"""The one output guard (``edit.output``), through every output option of the tool.

Each row of ``OUTPUT_OPTIONS`` is a command line with ``{target}`` where the output path
goes; add a row for a new output option (``export -o``, ``site -o``…).
"""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import pytest

from tests.conftest import RegistryCopy, RunCli
from tests.paths import CASES

FIXTURE = CASES / "documents" / "data"

OUTPUT_OPTIONS: tuple[tuple[str, ...], ...] = (
    ("agenda", "--trimestre", "2024-T3", "-o", "{target}"),
    ("agenda", "--trimestre", "2024-T3", "--sortie", "{target}"),
    ("bilan", "--annee", "2024", "-o", "{target}"),
    ("passation", "--partie", "dgom", "--as-of", "2024-12-31", "-o", "{target}"),
    ("communication", "--annee", "2024", "-o", "{target}"),
    ("echeances", "--as-of", "2024-12-31", "--ics", "{target}"),
)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def data(registry_copy: RegistryCopy) -> Path:
    return registry_copy(FIXTURE)


def _run(run_cli: RunCli, args: tuple[str, ...], target: str | Path, data: Path) -> tuple[
        int, str, str]:
    argv = [a.replace("{target}", str(target)) for a in args]
    return run_cli(*argv, "--data", str(data))


@pytest.mark.parametrize("args", OUTPUT_OPTIONS, ids=" ".join)
def test_refuses_the_registry_folder(args: tuple[str, ...], run_cli: RunCli, data: Path,
                                     tmp_path: Path) -> None:
    before = _snapshot(data)
    link = tmp_path / "lien"
    link.symlink_to(data)
    for target in (data / "engagements.yaml", data / "nouveau.md", data, link / "x.md",
                   data / "sous" / "x.md", Path(os.path.relpath(data / "x.md"))):
        code, _out, err = _run(run_cli, args, target, data)
        assert code == 2, (target, err)
        assert "dossier du registre" in err or "est un dossier" in err, err
        assert "Traceback" not in err
    assert _snapshot(data) == before
    assert not (data / "sous").exists()


@pytest.mark.parametrize("args", OUTPUT_OPTIONS, ids=" ".join)
def test_refuses_what_is_not_a_regular_file(args: tuple[str, ...], run_cli: RunCli,
                                            data: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    folder = tmp_path / "dossier"
    folder.mkdir()
    link_to_device = tmp_path / "vers-null"
    link_to_device.symlink_to("/dev/null")
    try:
        for target, kind in ((fifo, "tube nommé"), (sock_path, "socket"), (folder, "dossier"),
                             (Path("/dev/null"), "périphérique"),
                             (link_to_device, "périphérique")):
            code, _, err = _run(run_cli, args, target, data)
            assert code == 2, (target, err)
            assert kind in err, err
        assert fifo.is_fifo()
        assert sock_path.is_socket()
        assert folder.is_dir()
        assert list(folder.iterdir()) == []
        assert Path("/dev/null").is_char_device()
        assert link_to_device.is_symlink()
    finally:
        server.close()


@pytest.mark.parametrize("args", OUTPUT_OPTIONS, ids=" ".join)
def test_dash_is_standard_output(args: tuple[str, ...], run_cli: RunCli, data: Path,
                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(run_cli, args, "-", data)
    assert code == 0, err
    assert out.strip()
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("args", OUTPUT_OPTIONS, ids=" ".join)
def test_symlink_is_written_through(args: tuple[str, ...], run_cli: RunCli, data: Path,
                                    tmp_path: Path) -> None:
    real = tmp_path / "reel.txt"
    real.write_text("ancien\n", encoding="utf-8")
    link = tmp_path / "lien.txt"
    link.symlink_to(real)
    code, _, err = _run(run_cli, args, link, data)
    assert code == 0, err
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") != "ancien\n"


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EROFS, errno.EACCES])
@pytest.mark.parametrize("args", OUTPUT_OPTIONS[:1] + OUTPUT_OPTIONS[-1:], ids=" ".join)
def test_system_refusal_is_exit_2_and_keeps_the_old_file(
    args: tuple[str, ...], failure: int, run_cli: RunCli, data: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from convention_cli.edit import output

    def refuse(path: Path, payload: bytes) -> None:
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr(output, "atomic_write_bytes", refuse)
    target = tmp_path / "sortie.txt"
    target.write_text("ancien\n", encoding="utf-8")
    code, _out, err = _run(run_cli, args, target, data)
    assert code == 2
    assert "rien n'a été écrit" in err
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "ancien\n"


def test_schema_folder_is_guarded(run_cli: RunCli, tmp_path: Path) -> None:
    afile = tmp_path / "fichier"
    afile.write_text("x", encoding="utf-8")
    code, _, err = run_cli("schema", "-o", str(afile))
    assert code == 2
    assert "n'est pas un dossier" in err
    (tmp_path / "schemas").mkdir()
    os.mkfifo(tmp_path / "schemas" / "engagements.schema.json")
    code, _, err = run_cli("schema", "-o", str(tmp_path / "schemas"))
    assert code == 2
    assert "tube nommé" in err
    assert not (tmp_path / "schemas" / "convention.schema.json").exists()


def test_schema_is_never_written_in_a_registry(run_cli: RunCli, data: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    before = _snapshot(data)
    monkeypatch.chdir(data.parent)
    # the default registry (./data), named directly or through another sub-folder
    for target in ("data", "data/autre", str(data)):
        code, out, err = run_cli("schema", "-o", target)
        assert code == 2, (target, err)
        assert "dossier du registre" in err, err
        assert out == ""
    # a link whose name is a schema's and whose target is a registry file
    folder = tmp_path / "sch"
    folder.mkdir()
    (folder / "convention.schema.json").symlink_to(data / "convention.yaml")
    monkeypatch.chdir(tmp_path / "sch")  # no ./data here: the registry is known by its mark
    code, _, err = run_cli("schema", "-o", str(folder))
    assert code == 2, err
    assert "dossier du registre" in err, err
    assert sorted(p.name for p in folder.iterdir()) == ["convention.schema.json"]
    assert _snapshot(data) == before
    assert not (data / "schemas").exists()
    assert not (data / "autre").exists()


def test_schema_refreshes_the_registrys_own_schemas(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``init`` writes the schemas into DOSSIER/schemas; ``schema --sortie DOSSIER/schemas``
    refreshes them there, and nothing else of the registry (a link in that folder to a
    data file stays refused)."""
    registry = tmp_path / "registre"
    code, _, err = run_cli("init", str(registry))
    assert code == 0, err
    before = {p.name: p.read_bytes() for p in registry.iterdir() if p.is_file()}
    (registry / "schemas" / "parties.schema.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("schema", "--sortie", str(registry / "schemas"))
    assert code == 0, err
    assert out.count("écrit : ") == 6
    assert (registry / "schemas" / "parties.schema.json").read_text(encoding="utf-8") != "{}"
    assert {p.name: p.read_bytes() for p in registry.iterdir() if p.is_file()} == before
    link = registry / "schemas" / "convention.schema.json"
    link.unlink()
    link.symlink_to(registry / "convention.yaml")
    code, _, err = run_cli("schema", "--sortie", str(registry / "schemas"))
    assert code == 2, err
    assert "dossier du registre" in err, err
    assert (registry / "convention.yaml").read_bytes() == before["convention.yaml"]


@pytest.mark.parametrize("args", OUTPUT_OPTIONS[:1], ids=" ".join)
def test_refuses_another_registry_folder(args: tuple[str, ...], run_cli: RunCli, data: Path,
                                         registry_copy: RegistryCopy) -> None:
    other = registry_copy(FIXTURE, "autre")
    before = _snapshot(other)
    code, _, err = _run(run_cli, args, other / "x.md", data)
    assert code == 2, err
    assert f"dossier du registre ({other.resolve()})" in err, err
    assert _snapshot(other) == before


# --- the guard's functions, for paths no command line produces easily ----------------------


def _usage_error(call: object) -> str:
    from convention_cli.errors import UsageError

    with pytest.raises(UsageError) as caught:
        call()  # type: ignore[operator]
    return str(caught.value)


def test_output_file_refusals(tmp_path: Path) -> None:
    from convention_cli.edit.output import output_file

    afile = tmp_path / "fichier.md"
    afile.write_text("x", encoding="utf-8")
    assert _usage_error(lambda: output_file("", None)) == "-o : chemin vide"
    assert _usage_error(lambda: output_file(afile / "bilan.md", None, "--sortie")) == (
        f"--sortie : {afile / 'bilan.md'} inaccessible (un élément du chemin n'est pas un "
        "dossier)")
    loop = tmp_path / "boucle"
    loop.symlink_to(loop)
    assert _usage_error(lambda: output_file(loop, None)).startswith(
        f"-o : chemin inutilisable {loop} (")
    assert output_file("-", tmp_path) is None
    assert output_file(afile, None) == afile.resolve()


def test_output_folder_refusals(tmp_path: Path) -> None:
    from convention_cli.edit.output import output_folder

    data = tmp_path / "data"
    data.mkdir()
    assert _usage_error(lambda: output_folder("-", data)) == "-o : indiquez un dossier"
    # an empty option is not the current folder
    assert _usage_error(lambda: output_folder("", data)) == "-o : indiquez un dossier"
    assert _usage_error(lambda: output_folder(data / "site", data)) == (
        f"-o : {data / 'site'} est dans le dossier du registre ({data}) ; choisissez un "
        "autre emplacement")
    assert output_folder(tmp_path / "site", data) == (tmp_path / "site").resolve()


def test_a_target_that_became_a_folder_is_not_replaced(tmp_path: Path) -> None:
    from convention_cli.edit.output import _kind, write_output

    target = tmp_path / "bilan.md"
    target.mkdir()
    assert _usage_error(lambda: write_output(target, "texte")) == (
        f"-o : {target} n'est pas un fichier ordinaire : il ne sera pas remplacé")
    assert _kind(0) == "un fichier spécial"

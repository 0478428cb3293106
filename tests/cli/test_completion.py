"""Shell completion through the click/typer protocol (``_CONVENTION_COMPLETE``), as the
shell drives it: commands, options, enum values and the registry's own ids."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RegistryCopy, RunCli
from tests.paths import DATA

RUN = [sys.executable, "-c", "from convention_cli.cli.app import main; main()"]


def complete_bash(*words: str, data: Path = DATA) -> list[str]:
    """What the bash function of ``--show-completion bash`` receives for ``words``
    (the last word is the one being completed)."""
    line = ["convention", *words]
    env = {**os.environ, "_CONVENTION_COMPLETE": "complete_bash",
           "COMP_WORDS": " ".join(line), "COMP_CWORD": str(len(line) - 1),
           "CONVENTION_DATA": str(data)}
    result = subprocess.run(RUN, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_commands_and_subcommands() -> None:
    assert complete_bash("eng") == ["engagements", "engagement"]
    assert complete_bash("journal", "") == ["add"]


def test_engagement_ids_from_the_registry() -> None:
    assert complete_bash("engagement", "bil") == ["bilan-annuel", "bilan-pluriannuel"]
    assert complete_bash("journal", "add", "bilan-p") == ["bilan-pluriannuel"]


def test_ids_follow_the_data_option(registry_copy: RegistryCopy) -> None:
    copy = registry_copy()
    text = (copy / "engagements.yaml").read_text(encoding="utf-8")
    (copy / "engagements.yaml").write_text(
        text.replace("id: bilan-annuel\n", "id: bilan-annuel-bis\n", 1), encoding="utf-8")
    assert complete_bash("engagement", "--data", str(copy), "bilan-a") == ["bilan-annuel-bis"]


def test_party_territory_objective_group_ids_any_case() -> None:
    assert complete_bash("status", "--partie", "D") == ["dgom"]
    assert complete_bash("engagements", "--territoire", "ma") == ["martinique", "mayotte"]
    assert complete_bash("engagements", "--objectif", "obj-") == [
        "obj-1", "obj-2", "obj-3", "obj-4"]
    assert complete_bash("gt", "gt-") == [f"gt-{n}" for n in range(1, 7)]
    assert complete_bash("territoire", "guy") == ["guyane"]


def test_enum_values() -> None:
    assert complete_bash("status", "--format", "") == ["table", "json", "markdown"]
    assert complete_bash("echeances", "--etat", "en") == ["en_retard"]
    assert "en_retard" in complete_bash("engagements", "--statut", "")
    assert complete_bash("validate", "--format", "g") == ["github", "gitlab"]


def test_meeting_and_action_ids(run_cli: RunCli, registry_copy: RegistryCopy) -> None:
    copy = registry_copy()
    run_cli.ok("reunion", "add", "--instance", "commission", "--date", "2026-03-12",
               "--data", copy)
    run_cli.ok("action", "add", "commission-2026-03-12", "--texte", "Projet d'avenant",
               "--responsable", "dgom", "--echeance", "2026-04-30", "--data", copy)
    assert complete_bash("decision", "add", "comm", data=copy) == ["commission-2026-03-12"]
    assert complete_bash("action", "close", "", data=copy) == [
        "commission-2026-03-12-action-1"]
    assert complete_bash("action", "add", "x", "--responsable", "un", data=copy) == ["unml"]
    assert "gt:gt-5" in complete_bash("reunion", "add", "--instance", "gt:", data=copy)


def test_unreadable_registry_completes_nothing(tmp_path: Path) -> None:
    assert complete_bash("engagement", "", data=tmp_path / "absent") == []


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash absent")
def test_real_bash_sources_the_script_and_completes(tmp_path: Path) -> None:
    """The script of ``--show-completion bash``, loaded in bash and called as bash calls
    it on <Tab>."""
    script = subprocess.run([*RUN, "--show-completion", "bash"], capture_output=True,
                            text=True, check=True).stdout
    assert "complete -o default -F _convention_completion convention" in script
    launcher = tmp_path / "convention"
    launcher.write_text(f"#!/bin/sh\nexec {sys.executable} -c "
                        "'from convention_cli.cli.app import main; main()' \"$@\"\n",
                        encoding="utf-8")
    launcher.chmod(0o755)
    (tmp_path / "completion.bash").write_text(script, encoding="utf-8")
    driver = ("source completion.bash\n"
              "COMP_WORDS=(convention engagement bilan-a); COMP_CWORD=2\n"
              "_convention_completion convention\n"
              'printf "%s\\n" "${COMPREPLY[@]}"\n')
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", driver], cwd=tmp_path, capture_output=True,
        text=True, check=True,
        env={**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}",
             "CONVENTION_DATA": str(DATA)})
    assert result.stdout.split() == ["bilan-annuel"]


@pytest.mark.parametrize(("shell", "marker"), [
    ("bash", "complete -o default -F _convention_completion convention"),
    ("zsh", "compdef _convention_completion convention"),
    ("fish", "complete --command convention"),
])
def test_scripts_for_each_shell(shell: str, marker: str, run_cli: RunCli) -> None:
    out = run_cli.ok("--show-completion", shell)
    assert marker in out
    assert "_CONVENTION_COMPLETE" in out


def test_unknown_shell_is_a_french_usage_error(run_cli: RunCli) -> None:
    code, _, err = run_cli("--show-completion", "tcsh")
    assert code == 2
    assert err == "convention : shell « tcsh » non pris en charge : bash, zsh ou fish\n"


def test_install_completion_writes_where_the_shell_reads(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    out = run_cli.ok("--install-completion", "bash")
    assert out.startswith("Complétion bash installée dans ")
    assert "_convention_completion" in (tmp_path / ".bash_completions" /
                                        "convention.sh").read_text(encoding="utf-8")
    assert ".bash_completions/convention.sh" in (tmp_path / ".bashrc").read_text("utf-8")


def test_completion_is_lazy() -> None:
    """``--help`` and ``validate`` import none of our completion code (typer itself loads
    its completion classes whatever we do)."""
    script = (
        "import sys\n"
        "from convention_cli.cli.app import main\n"
        "main(['--help'])\n"
        f"main(['validate', '--data', {str(DATA)!r}])\n"
        "lazy = ('convention_cli.cli.completion',)\n"
        "print(sorted(m for m in sys.modules if m in lazy))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_echeance_indicator_and_mission_locale_ids() -> None:
    """Kinds whose commands may come and go: checked on the id readers themselves."""
    from convention_cli.cli.completion import KIND_BY_PARAMETER, ids_of

    assert KIND_BY_PARAMETER["echeance_id"] == KIND_BY_PARAMETER["honore"] == "echeances"
    assert {"bilan-annuel-2024", "commission-2025-t1"} <= set(ids_of(DATA, "echeances"))
    assert KIND_BY_PARAMETER["indicateur_id"] == "indicateurs"
    assert "ind-accord-cadre-ladom-etabli" in ids_of(DATA, "indicateurs")
    assert KIND_BY_PARAMETER["mission_locale"] == "missions_locales"
    assert "ml-mayotte" in ids_of(DATA, "missions_locales")


# --- the candidates, in process (the tests above drive the shell protocol) -------------------


def _ctx(command: str | None, data: Path | None = None, parent: object = None) -> object:
    from types import SimpleNamespace

    return SimpleNamespace(command=SimpleNamespace(name=command),
                           params={"data": data}, parent=parent)


def test_candidates_read_the_data_option_of_a_parent_command(tmp_path: Path) -> None:
    from convention_cli.cli.completion import candidates

    inner = _ctx("add", parent=_ctx("journal", data=DATA))
    assert candidates(inner, "engagement", "bilan-p") == ["bilan-pluriannuel"]
    assert candidates(_ctx("engagement", data=DATA), "ident", "BIL") == [
        "bilan-annuel", "bilan-pluriannuel"]
    assert candidates(_ctx("gt", data=DATA), "ident", "gt-6") == ["gt-6"]
    # the positional ident of a command that takes no registry id: nothing to offer
    assert candidates(_ctx("schema", data=DATA), "ident", "") == []


def test_candidates_default_to_the_registry_of_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from convention_cli.cli.completion import candidates

    monkeypatch.setenv("CONVENTION_DATA", str(DATA))
    assert candidates(_ctx("status"), "partie", "u") == ["unml"]


def test_candidates_for_statut_instance_and_unknown_parameters() -> None:
    from convention_cli.cli.completion import candidates

    ctx = _ctx("engagements", data=DATA)
    assert candidates(ctx, "statut", "EN_") == ["en_cours", "en_retard"]
    assert candidates(ctx, "instance", "") == [
        "commission", "referents", *(f"gt:gt-{n}" for n in range(1, 7))]
    assert candidates(ctx, "instance", "r") == ["referents"]
    assert candidates(ctx, "titre", "") == []


def test_complete_parameter_gives_completion_items() -> None:
    from types import SimpleNamespace

    from convention_cli.cli.completion import complete_parameter

    items = complete_parameter(_ctx("status", data=DATA), SimpleNamespace(name="partie"), "d")
    assert [item.value for item in items] == ["dgom"]
    assert complete_parameter(_ctx("status", data=DATA), SimpleNamespace(name=None), "") == []


def test_unreadable_or_invalid_registry_offers_no_id(registry_copy: RegistryCopy) -> None:
    from convention_cli.cli.completion import ids_of

    copy = registry_copy()
    (copy / "engagements.yaml").write_bytes(b"engagements:\n  - id: \xff\n")
    assert ids_of(copy, "engagements") == []  # not UTF-8
    assert ids_of(copy, "echeances") == []  # the registry does not validate
    assert ids_of(copy / "absent", "echeances") == []


def test_echeance_ids_never_fail_loudly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from convention_cli.checks import pipeline
    from convention_cli.cli.completion import ids_of

    def broken(data: Path) -> None:
        raise RuntimeError("lecture impossible")

    monkeypatch.setattr(pipeline, "validate_registry", broken)
    assert ids_of(DATA, "echeances") == []


def test_attach_completers_only_to_id_parameters() -> None:
    from types import SimpleNamespace

    from convention_cli.cli.completion import attach_completers, complete_parameter

    def mine(ctx: object, param: object, incomplete: str) -> list[str]:
        return []

    params = [SimpleNamespace(name=name, _custom_shell_complete=None)
              for name in ("ident", "partie", "titre")]
    params.append(SimpleNamespace(name="statut", _custom_shell_complete=mine))
    attach_completers(SimpleNamespace(name="engagement", params=params))
    assert [p._custom_shell_complete for p in params] == [
        complete_parameter, complete_parameter, None, mine]
    other = [SimpleNamespace(name="ident", _custom_shell_complete=None)]
    attach_completers(SimpleNamespace(name="schema", params=other))
    assert other[0]._custom_shell_complete is None


def test_completion_options_take_at_most_one_shell(run_cli: RunCli) -> None:
    code, out, err = run_cli("--show-completion", "bash", "zsh")
    assert (code, out) == (2, "")
    assert err == ("convention : --show-completion prend au plus un argument : "
                   "bash, zsh ou fish\n")


@pytest.mark.parametrize("detected", ["tcsh", None, RuntimeError("pas de shell parent")])
def test_undetected_shell_asks_to_name_it(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, detected: object,
) -> None:
    from typer import _completion_shared

    def shell_name() -> object:
        if isinstance(detected, Exception):
            raise detected
        return detected

    monkeypatch.setattr(_completion_shared, "_get_shell_name", shell_name)
    code, out, err = run_cli("--show-completion")
    assert (code, out) == (2, "")
    assert err == ("convention : shell non reconnu : précisez bash, zsh ou fish "
                   "(par exemple --show-completion bash)\n")


def test_detected_shell_gets_its_script(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer import _completion_shared

    monkeypatch.setattr(_completion_shared, "_get_shell_name", lambda: "zsh")
    assert "compdef _convention_completion convention" in run_cli.ok("--show-completion")

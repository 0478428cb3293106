"""Terminal manners: NO_COLOR in a real terminal, closed pipes, labels from the table."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from convention_cli.cli.app import main
from tests.paths import DATA

pty = pytest.importorskip("pty")

FRAMES = "─│╭╮╰╯━┃┏┓"
BARS = "█░"
RUN = [sys.executable, "-c", "from convention_cli.cli.app import main; main()"]


def run_in_terminal(args: list[str], **env: str) -> str:
    """Run the console entry point with a pseudo-terminal as its output."""
    master, slave = pty.openpty()
    process = subprocess.Popen([*RUN, *args], stdin=slave, stdout=slave, stderr=slave,
                               env={**os.environ, "COLUMNS": "120", **env})
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(master)
    assert process.returncode == 0
    return b"".join(chunks).decode("utf-8")


COMMANDS = [
    ["status", "--as-of", "2026-01-15"],
    ["engagements", "--as-of", "2026-01-15"],
    ["echeances", "--as-of", "2026-01-15", "--depuis", "2026-01-01", "--jusqu-au", "2026-03-31"],
    ["engagement", "bilan-annuel", "--as-of", "2026-01-15"],
    ["gt"],
    ["status", "--help"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_no_color_in_a_terminal_is_plain_text(args: list[str]) -> None:
    out = run_in_terminal([*args, "--data", str(DATA)] if "--help" not in args else args,
                          NO_COLOR="1")
    assert "\x1b[" not in out  # no colour, no bold
    assert not [c for c in FRAMES + BARS if c in out]


def test_a_terminal_without_no_color_is_styled() -> None:
    out = run_in_terminal(["status", "--as-of", "2026-01-15", "--data", str(DATA)])
    assert "\x1b[" in out
    assert "█" in out or "░" in out


def test_closed_pipe_ends_like_git_log_in_head() -> None:
    """Killed by SIGPIPE (the shell shows 141), nothing on stderr: never the status 1."""
    process = subprocess.Popen([*RUN, "echeances", "--data", str(DATA), "--format", "json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader is gone before the first write
    err = process.stderr.read()
    process.wait()
    process.stderr.close()
    assert (process.returncode, err) == (-signal.SIGPIPE, b"")


def test_closed_pipe_in_a_shell_pipeline_under_pipefail(tmp_path: os.PathLike[str]) -> None:
    script = (f"set -o pipefail; {' '.join(RUN[:2])} '{RUN[2]}' engagements "
              f"--data {DATA} --as-of 2026-01-15 | head -1")
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.stdout == "Engagements au 15 janvier 2026\n"
    assert result.stderr == ""
    assert result.returncode in (0, 128 + signal.SIGPIPE)  # 0 when all fitted in the pipe


def test_working_group_status_uses_the_label_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--data", str(DATA), "--as-of", "2026-01-15"]) == 0
    out = capsys.readouterr().out
    groups = out[out.index("Groupes de travail :"):]
    assert "non renseignés" in groups
    assert "non renseigne" not in groups


def test_no_label_is_made_by_replacing_underscores() -> None:
    """Labels come from the label tables, never from ``replace("_", " ")`` (which lost
    the accent of « non renseigné »)."""
    from tests.paths import PACKAGE

    offenders = [f"{path.relative_to(PACKAGE)}:{number}"
                 for path in sorted(PACKAGE.rglob("*.py"))
                 for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                 if 'replace("_", " ")' in line or "replace('_', ' ')" in line]
    assert not offenders, offenders


def test_the_console_script_lets_sigpipe_end_the_process() -> None:
    import signal

    from convention_cli.cli.terminal import default_sigpipe

    before = signal.getsignal(signal.SIGPIPE)
    try:
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        default_sigpipe()
        assert signal.getsignal(signal.SIGPIPE) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGPIPE, before)

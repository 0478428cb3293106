"""Lock, atomic writes, concurrent writers and interrupted writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from convention_cli.checks.pipeline import validate_registry
from convention_cli.edit.atomic import atomic_write_text
from convention_cli.edit.transaction import registry_lock
from convention_cli.errors import UserError


def test_second_writer_waits_then_fails_clearly(data_copy: Path) -> None:
    with registry_lock(data_copy, timeout=1):
        start = time.monotonic()
        with pytest.raises(UserError, match="registre verrouillé"), \
                registry_lock(data_copy, timeout=0.3):
            pass  # pragma: no cover - never reached
        assert time.monotonic() - start >= 0.3
    with registry_lock(data_copy, timeout=0.1):
        pass  # released: free again


def test_atomic_write_keeps_mode_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    target.write_text("a: 1\n", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "a: 2\n")
    assert target.read_text(encoding="utf-8") == "a: 2\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]


_WRITER = """
import sys
from datetime import date
from pathlib import Path
from convention_cli.edit.operations import JournalFields, add_journal_entry
from convention_cli.edit.transaction import transaction
data, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(count):
    with transaction(data, lock_timeout=60) as tx:
        add_journal_entry(tx, "confidentialite", JournalFields(
            day=date(2024, 1, 1 + i), texte=f"entrée {tag} {i}", auteur=tag))
        tx.commit()
"""


def test_concurrent_writers_lose_no_update(data_copy: Path) -> None:
    count = 6
    processes = [subprocess.Popen([sys.executable, "-c", _WRITER, str(data_copy), tag, str(count)])
                 for tag in ("A", "B")]
    assert [p.wait(timeout=120) for p in processes] == [0, 0]
    registry = validate_registry(data_copy).registry
    engagement = next(e for e in registry.engagements if e.id == "confidentialite")
    texts = {entry.texte for entry in engagement.journal}
    assert texts == {f"entrée {tag} {i}" for tag in ("A", "B") for i in range(count)}


_LOOPING_WRITER = """
import sys
from datetime import date, timedelta
from pathlib import Path
from convention_cli.edit.operations import JournalFields, add_journal_entry
from convention_cli.edit.transaction import transaction
data_copy = Path(sys.argv[1])
i = 0
while True:
    with transaction(data_copy, lock_timeout=60) as tx:
        add_journal_entry(tx, "confidentialite", JournalFields(
            day=date(2024, 1, 1) + timedelta(days=i), texte=f"entrée {i}", auteur="boucle"))
        tx.commit()
    i += 1
"""


@pytest.mark.parametrize("delay", [0.6, 0.9, 1.3])
def test_killed_writer_leaves_a_valid_registry(data_copy: Path, delay: float) -> None:
    process = subprocess.Popen([sys.executable, "-c", _LOOPING_WRITER, str(data_copy)])
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    result = validate_registry(data_copy)
    assert not result.has_errors
    leftovers = [p.name for p in data_copy.iterdir() if p.name.endswith(".tmp")]
    # A killed writer may leave its temporary file; the registry itself is whole.
    assert all(name.startswith(".engagements.yaml.") for name in leftovers)


def test_ctrl_c_while_writing_waits_for_the_last_file(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An edit of two files interrupted after the first rename: the second is written too,
    then the interrupt goes on (the command says what it wrote, exit 0)."""
    from datetime import date

    from convention_cli.edit import transaction as module
    from convention_cli.edit.atomic import atomic_write_bytes as write
    from convention_cli.edit.operations import JournalFields, add_journal_entry, add_reunion

    written: list[str] = []

    def write_then_interrupt(path: Path, payload: bytes) -> None:
        write(path, payload)
        written.append(path.name)
        if len(written) == 1:
            signal.raise_signal(signal.SIGINT)

    def edit_two_files() -> None:
        with module.transaction(data_copy) as tx:
            add_reunion(tx, instance="commission", day=date(2024, 9, 2),
                        participants=["DGOM"], lieu=None, source="Convocation")
            add_journal_entry(tx, "bilan-annuel",
                              JournalFields(date(2024, 9, 2), "Bilan remis"))
            tx.commit()

    monkeypatch.setattr(module, "atomic_write_bytes", write_then_interrupt)
    # Python's own Ctrl-C handler, as in a terminal: a process started in the background
    # by a shell without job control (a CI runner) inherits SIGINT ignored.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            edit_two_files()
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
    assert sorted(written) == ["engagements.yaml", "reunions.yaml"]
    registry = validate_registry(data_copy).registry
    assert any(r.id == "commission-2024-09-02" for r in registry.reunions)

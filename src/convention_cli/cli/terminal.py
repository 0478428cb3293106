"""Terminal manners shared by every command: ``NO_COLOR`` and closed pipes.

- ``NO_COLOR`` (any non-empty value, https://no-color.org) or ``TERM=dumb``: plain
  text, as when the output is redirected: no colour, no frame, no bold, no block bar.
- A closed pipe (``convention engagements | head -1``) ends the process the way it
  ends ``git log | head``: silently, killed by SIGPIPE (status 141 in the shell), so
  that ``set -o pipefail`` scripts see what they see with every other Unix tool, and
  never the data-error status 1.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from typing import Any

PIPED_WIDTH = 160
"""Width used when the output is not a terminal (a file, a pager, CI logs)."""


def plain_requested() -> bool:
    """True when the user asked for no styling at all (``NO_COLOR``, ``TERM=dumb``)."""
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def styled_terminal() -> bool:
    """Colours, frames and bars: only on a terminal, and only when not refused."""
    return os.isatty(1) and not plain_requested()


def make_console() -> Any | None:
    """The one console of every command: rich on a terminal that accepts styles; ``None``
    when piped or refused by ``NO_COLOR`` or ``TERM=dumb`` (plain text, one write: no
    colour, frame, bold or block bar). Registry text is never rich markup
    (« [confidentiel] » prints as is)."""
    if not styled_terminal():
        return None
    from rich.console import Console

    return Console(markup=False, highlight=False, emoji=False)


def output_width(console: Any | None) -> int:
    if console is not None:
        return int(console.width)
    if "COLUMNS" in os.environ or os.isatty(1):  # a terminal without styles keeps its width
        return shutil.get_terminal_size((PIPED_WIDTH, 24)).columns
    return PIPED_WIDTH


def listing_width(console: Any | None) -> int | None:
    """The width a listing fits: the terminal's or ``COLUMNS``; None when piped
    without ``COLUMNS`` (whole lines, for files and scripts)."""
    if console is None and "COLUMNS" not in os.environ and not os.isatty(1):
        return None
    return output_width(console)


def default_sigpipe() -> None:
    """Let a write to a closed pipe end the process as for C tools (Python ignores
    SIGPIPE and raises BrokenPipeError instead). Called by the console script only."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def exit_on_broken_pipe() -> int:
    """Where SIGPIPE does not exist (Windows), or was caught: end quietly with 141."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's final flush must not fail again
    except (OSError, ValueError):
        pass
    return 128 + getattr(signal, "SIGPIPE", 13)

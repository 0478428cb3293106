"""Acknowledged warnings, written where they stand: ``# convention: accepte CODE — raison``.

A known warning that the registry cannot avoid (a deadline the agreement itself set
before its signature) is accepted by a YAML comment, as ``# noqa`` or
``# yamllint disable-line`` do for code: on the reported line, or alone on the line
just above it. The reason is mandatory. Comments are not YAML events, so they are
found in the text here, next to the parser; ``checks/pipeline.py`` matches them with
the diagnostics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from convention_cli.diagnostics import Diagnostic, Location, warning

_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[ \t]*convention[ \t]*:(?P<body>[^\n]*)", re.MULTILINE)
_BODY = re.compile(
    r"^\s*accepte\s+(?P<code>[A-Za-z]{3,4}\d{3})\s*(?:[—–:-]+\s*(?P<reason>.*?))?\s*$"
)
FORMAT_HINT = "# convention: accepte CODE — raison"


@dataclass(frozen=True, slots=True)
class Acceptance:
    """One accepted warning: its code, the reason, the line it covers and where it is written."""

    code: str
    reason: str
    target_line: int
    location: Location


def find_acceptances(text: str, path: str) -> tuple[list[Acceptance], list[Diagnostic]]:
    """The acceptance comments of one file, and ACC002 for those that cannot be read.

    One regular-expression scan of the whole text: files without such a comment cost
    almost nothing (the 15 MB synthetic registry of ``bench/``)."""
    acceptances: list[Acceptance] = []
    problems: list[Diagnostic] = []
    for match in _COMMENT.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_number = text.count("\n", 0, line_start) + 1
        location = Location(path, line_number, match.start() - line_start + 1)
        body = _BODY.match(match.group("body"))
        if body is None or not body.group("reason"):
            what = ("raison manquante" if body is not None
                    else "seul « accepte CODE » est compris")
            problems.append(warning(
                "ACC002", location,
                f"commentaire d'acceptation illisible ({what}) : écrivez « {FORMAT_HINT} »"))
            continue
        own_line = not text[line_start:match.start()].strip()
        target = _next_content_line(text, match.end(), line_number) if own_line else line_number
        acceptances.append(Acceptance(body.group("code").upper(), body.group("reason"),
                                      target, location))
    return acceptances, problems


def _next_content_line(text: str, offset: int, line_number: int) -> int:
    """The number of the first line after ``offset`` that is not blank or only a comment."""
    number = line_number
    newline = text.find("\n", offset)
    while newline >= 0:
        number += 1
        end = text.find("\n", newline + 1)
        line = text[newline + 1: end if end >= 0 else len(text)].strip()
        if line and not line.startswith("#"):
            return number
        newline = end
    return line_number

"""The agreement's text cut into clauses and sentences, and its normative sentences.

Pure functions over the text (a Markdown string): no I/O. The loader reads the file
named by ``convention.texte``; the traceability check and ``convention couverture``
work on the :class:`Texte` built here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NORMATIVE_MARKERS: tuple[tuple[str, str], ...] = (
    ("s'engage", r"s['’]engagen?t?\b"),
    ("pourra", r"\bpourr(?:a|ont|ait)\b"),
    ("devra", r"\bdevr(?:a|ont)\b"),
    ("sera", r"\bser(?:a|ont|aient)\b"),
    ("intégrera", r"\bintégrera\b"),
    ("participera", r"\bparticipera\b"),
    ("permettra", r"\bpermettra\b"),
    ("fera l'objet", r"\bfera (?:d['’]abord )?l['’]objet\b"),
    ("ne donnera pas lieu", r"\bne donnera pas lieu\b"),
    ("ne se substitue pas", r"\bne se substitue pas\b"),
    ("n'est pas habilitée", r"\bn['’]est pas habilitée\b"),
    ("non exhaustive", r"\bnon exhaustive\b"),
    ("se réalisera", r"\bse réalisera\b"),
    ("est à remettre", r"\best à remettre\b"),
    ("a minima", r"\ba minima\b"),
    ("au minimum", r"\bau minimum\b"),
    ("notamment", r"\bnotamment\b"),
    ("s'informent", r"\bs['’]informent\b"),
    ("est régie", r"\best régie\b"),
)
"""Words that make a sentence of the agreement bind, allow, limit or exclude something."""

_MARKERS = tuple((label, re.compile(pattern, re.IGNORECASE)) for label, pattern in
                 NORMATIVE_MARKERS)

TRACED_PREFIXES = ("I", "II", "III", "IV", "V", "VI", "VII", "Annexe")
"""Sections whose normative sentences must be accounted for (not the preamble, not the
signature block)."""

_ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII)\.\s")
_SUB = re.compile(r"^(\d)\.(?:(\d)\.)?\s")
_TAG = re.compile(r"<sup>\d+</sup>|<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«])")
_TRAILING = " \t;:.,"


def clean(text: str) -> str:
    """One space between words, no Markdown emphasis nor HTML tags."""
    return " ".join(_TAG.sub(" ", text).replace("**", "").split())


def normalise(text: str) -> str:
    """:func:`clean`, without trailing punctuation: the form compared with citations."""
    return clean(text).strip(_TRAILING)


@dataclass(frozen=True)
class Phrase:
    """One sentence (or list item, or table cell) of the text, in its clause."""

    clause: str
    texte: str
    ligne: int
    marqueurs: tuple[str, ...] = ()

    @property
    def normative(self) -> bool:
        return bool(self.marqueurs)

    @property
    def tracee(self) -> bool:
        """A normative sentence of sections I to VII or of the annex."""
        return self.normative and clause_root(self.clause) in TRACED_PREFIXES


@dataclass(frozen=True)
class Texte:
    phrases: tuple[Phrase, ...]
    _par_clause: dict[str, str] = field(default_factory=dict)

    def clause_text(self, clause: str) -> str:
        """Normalised text of a clause and of its sub-clauses (II holds II.1 … II.3.2)."""
        return self._par_clause.get(clause, "")

    def clauses_containing(self, citation: str) -> list[str]:
        wanted = normalise(citation)
        return [c for c, text in self._par_clause.items() if wanted and wanted in text]

    def contains(self, clause: str, citation: str) -> bool:
        wanted = normalise(citation)
        return bool(wanted) and wanted in self.clause_text(clause)

    @property
    def tracees(self) -> tuple[Phrase, ...]:
        return tuple(p for p in self.phrases if p.tracee)


def clause_root(clause: str) -> str:
    return clause.split(" ", maxsplit=1)[0].split(".", maxsplit=1)[0]


def covers(citation: str, phrase: Phrase) -> bool:
    """A citation accounts for a sentence when one holds the other."""
    quoted, sentence = normalise(citation), normalise(phrase.texte)
    if not quoted or not sentence:
        return False
    return sentence in quoted or (len(quoted) >= 20 and quoted in sentence)


def _markers(text: str) -> tuple[str, ...]:
    return tuple(label for label, pattern in _MARKERS if pattern.search(text))


def _heading(line: str) -> str | None:
    if not line.startswith("#"):
        return None
    return clean(line.lstrip("#"))


def _segments(line: str) -> list[str]:
    """A table row gives its cells (list items apart); a paragraph gives its sentences."""
    if line.startswith("|"):
        cells = [c for c in line.strip("|").split("|") if c.strip() and set(c.strip()) - set("-")]
        parts: list[str] = []
        for cell in cells:
            items = re.split(r"</?li>", cell)
            parts += [clean(re.sub(r"^\s*-\s", "", _TAG.sub(" ", i))) for i in items]
        return [p for p in parts if p]
    text = re.sub(r"^(?:[-*]|\d+\.)\s+", "", line.strip())
    return [s for s in (clean(s) for s in _SENTENCE_END.split(_TAG.sub(" ", text))) if s]


def parse_texte(markdown: str) -> Texte:
    """Cut the agreement into clauses and sentences."""
    clause = "Préambule"
    section = ""
    phrases: list[Phrase] = []
    for number, raw in enumerate(markdown.splitlines(), start=1):
        line = raw.strip()
        if not line or line == "---":
            continue
        heading = _heading(line)
        title = heading if heading is not None else clean(line)
        if heading is not None:
            roman = _ROMAN.match(heading)
            sub = _SUB.match(heading)
            if roman:
                section = clause = roman.group(1)
            elif heading.upper() == "ANNEXE":
                section = clause = "Annexe"
            elif sub and section == "II":
                clause = "II." + ".".join(g for g in sub.groups() if g)
            elif heading.upper().startswith("PRÉAMBULE"):
                clause = "Préambule"
        elif title.startswith("Faite en") and section == "VII":
            section = clause = "Signatures"
        elif section == "Annexe" and re.match(r"^\d\.\s", line):
            clause = f"Annexe {line[0]}"
        segments = [title] if heading is not None else _segments(line)
        for segment in segments:
            phrases.append(Phrase(clause, segment, number, _markers(segment)))
    par_clause: dict[str, list[str]] = {}
    for phrase in phrases:
        for name in clause_family(phrase.clause):
            par_clause.setdefault(name, []).append(phrase.texte)
    return Texte(tuple(phrases), {c: " ".join(t) for c, t in par_clause.items()})


def clause_family(clause: str) -> list[str]:
    """``II.3.2`` → II.3.2, II.3, II ; ``Annexe 4`` → Annexe 4, Annexe."""
    if clause.startswith("Annexe "):
        return [clause, "Annexe"]
    parts = clause.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 0, -1)]

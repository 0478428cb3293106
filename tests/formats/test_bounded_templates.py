"""A registry's own templates are bounded: loops, recursion, self-include, run-time
errors, huge values and non-UTF-8 bytes stop with a French error naming the template and
its line; exit 1; nothing written. Each case stops within a few seconds (work bounds
first, the timer last)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RegistryCopy, RunCli
from tests.paths import CASES

FIXTURE = CASES / "documents" / "data"

HOSTILE: tuple[tuple[str, bytes, str], ...] = (
    ("division", b"ligne 1\n{{ 1/0 }}\n", "ligne 2 : division par zéro"),
    ("range geant", b"{{ range(10**9) | list | length }}", "boucles trop longues"),
    ("boucles imbriquees",
     b"{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "boucles trop longues"),
    ("macro recursive", b"{% macro f(n) %}{{ f(n) }}{% endmacro %}\n{{ f(1) }}",
     "récursion sans fin"),
    ("auto-inclusion", b'{% include "agenda.md.j2" %}', "récursion sans fin"),
    ("repetition", b'{{ "x" * 10**9 }}', "valeur trop grande"),
    ("puissance", b"{{ 2 ** 100000000 }}", "puissance trop grande"),
    ("non utf-8", b"a\xff\xfe{{ view }}", "pas de l'UTF-8"),
    ("sortie geante",
     b'{% for i in range(900000) %}{{ "' + b"a" * 80 + b'" }}{% endfor %}', "trop long"),
    ("evasion", b"{{ view.__class__.__mro__ }}", "unsafe"),
    ("attribut inconnu", b"\n\n{{ view.nope }}", "ligne 3"),
    ("syntaxe", b"{% for %}", "syntaxe"),
    ("temps", b'{% for x in range(300) %}{% for y in range(300) %}{{ lipsum(50) }}'
              b"{% endfor %}{% endfor %}", "rendu trop long (plus de 0.5 s)"),
)


@pytest.mark.parametrize(("template", "expected"), [(t, e) for _, t, e in HOSTILE],
                         ids=[name for name, _, _ in HOSTILE])
def test_hostile_template_is_stopped(template: bytes, expected: str,
                                     registry_copy: RegistryCopy, run_cli: RunCli,
                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from convention_cli.formats import templating

    monkeypatch.setattr(templating, "TEMPLATE_TIME_LIMIT", 0.5)  # the timer, not the clock
    data = registry_copy(FIXTURE)
    (data.parent / "templates").mkdir()
    (data.parent / "templates" / "agenda.md.j2").write_bytes(template)
    target = tmp_path / "sortie" / "agenda.md"
    code, out, err = run_cli("agenda", "--trimestre", "2024-T3", "--data", str(data),
                             "-o", str(target))
    assert code == 1, err
    assert "modèle « agenda.md.j2 »" in err
    assert expected in err
    assert "rien n'a été écrit" in err
    assert not target.exists()
    assert out == ""


def test_the_shipped_templates_still_render(registry_copy: RegistryCopy,
                                            run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    assert "ordre du jour" in run_cli.ok("agenda", "--trimestre", "2024-T3", "--data",
                                         str(data))

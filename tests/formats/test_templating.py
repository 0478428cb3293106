from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from convention_cli.errors import UserError
from convention_cli.formats.templating import (
    PACKAGE_TEMPLATES,
    make_environment,
    render_document,
    template_dir_for,
)
from convention_cli.views.provenance import registry_commit


def test_filters() -> None:
    env = make_environment()
    template = env.from_string(
        "{{ d | date_fr }} {{ n | nombre_fr }} {{ t | md }} {{ c | cell }} "
        "{{ 2 | pluriel('bilan') }}")
    assert template.render(d=date(2026, 6, 30), n=80000, t="# titre", c="a | b\nc") == (
        "30 juin 2026 80\u202f000 \\# titre a \\| b c 2 bilans")


def test_undefined_variable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text("{{ absent }}", encoding="utf-8")
    with pytest.raises(UserError, match=r"modèle « t\.md\.j2 », ligne 1 : 'absent' is undefined"):
        render_document("t.md.j2", {}, tmp_path)


def test_sandbox_refuses_unsafe_access(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text("{{ x.__class__.__mro__ }}", encoding="utf-8")
    with pytest.raises(UserError, match="unsafe"):
        render_document("t.md.j2", {"x": 1}, tmp_path)


def test_registry_templates_override_the_package(tmp_path: Path) -> None:
    (tmp_path / "_provenance.md.j2").write_text("fin maison\n", encoding="utf-8")
    (tmp_path / "doc.md.j2").write_text('debut\n\n\n{% include "_provenance.md.j2" %}',
                                        encoding="utf-8")
    assert render_document("doc.md.j2", {}, tmp_path) == "debut\n\nfin maison\n"


def test_missing_template() -> None:
    with pytest.raises(UserError, match="introuvable"):
        render_document("absent.md.j2", {})


def test_package_templates_exist() -> None:
    assert (PACKAGE_TEMPLATES / "agenda.md.j2").is_file()


def test_template_dir_is_next_to_data(tmp_path: Path) -> None:
    assert template_dir_for(tmp_path / "data") == tmp_path.resolve() / "templates"


def test_commit_outside_git_is_none(tmp_path: Path) -> None:
    assert registry_commit(tmp_path) is None

"""Surgical text edits: exact text after each kind of edit."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from convention_cli.edit.readback import read_back_locally
from convention_cli.edit.splice import EditError, TextEditor, format_scalar
from convention_cli.load.yaml_reader import parse_yaml


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("simple", "simple"), ("oui", "oui"), ("true", '"true"'), ("12", '"12"'),
        ("2024-01-01", '"2024-01-01"'), ("a: b", '"a: b"'), ("a #b", '"a #b"'),
        ("- x", '"- x"'), ("deux\nlignes", '"deux\\nlignes"'), ('dit "ça"', 'dit "ça"'),
        ('"dit"', '"\\"dit\\""'),
        (" espace", '" espace"'), ("", '""'), (True, "true"), (3, "3"), (2.5, "2.5"),
        (date(2024, 1, 5), "2024-01-05"), (None, "null"), ("fin:", '"fin:"'),
        ("Référent UNML", "Référent UNML"), ("[x]", '"[x]"'),
    ],
)
def test_format_scalar_reads_back(value: object, text: str) -> None:
    assert format_scalar(value) == text
    parsed = parse_yaml(f"k: {text}\n", "f").root["k"]
    expected = value.isoformat() if isinstance(value, date) else value
    assert parsed == expected


def test_flow_items_quote_commas() -> None:
    assert format_scalar("a, b", in_flow=True) == '"a, b"'
    assert format_scalar("a, b") == "a, b"


DOC = """\
# En-tête
items:
  # commentaire avant
  - id: a
    statut: x  # commentaire en ligne
    liste: []
    bloc: |-
      ligne 1
      ligne 2

  # --- section suivante ---
  - id: b
    flux: [p, q]
    table: {k: v}
"""


def test_set_value_keeps_inline_comment() -> None:
    editor = TextEditor(DOC, "f.yaml")
    editor.set_value(editor.root["items"][0], "statut", "nouveau statut")
    assert editor.result() == DOC.replace("statut: x  #", "statut: nouveau statut  #")


def test_append_to_empty_flow_list_becomes_block() -> None:
    editor = TextEditor(DOC, "f.yaml")
    editor.append_item(editor.root["items"][0], "liste", {"date": date(2024, 1, 2), "t": "x"})
    assert editor.result() == DOC.replace(
        "    liste: []\n", "    liste:\n      - date: 2024-01-02\n        t: x\n")


def test_new_key_goes_after_a_block_scalar_and_before_the_next_comment() -> None:
    editor = TextEditor(DOC, "f.yaml")
    editor.append_item(editor.root["items"][0], "journal", {"texte": "nouveau"})
    assert editor.result() == DOC.replace(
        "      ligne 2\n", "      ligne 2\n    journal:\n      - texte: nouveau\n")


def test_append_item_at_end_of_block_list() -> None:
    editor = TextEditor(DOC, "f.yaml")
    editor.append_item(editor.root, "items", {"id": "c"})
    assert editor.result() == DOC + "  - id: c\n"


def test_two_inserts_at_one_place_keep_their_order() -> None:
    editor = TextEditor(DOC, "f.yaml")
    item = editor.root["items"][1]
    editor.set_value(item, "cloture", date(2024, 5, 1))
    editor.append_item(item, "preuves", {"url": "x.pdf"})
    assert editor.result() == DOC + "    cloture: 2024-05-01\n    preuves:\n      - url: x.pdf\n"


def test_refused_layouts() -> None:
    editor = TextEditor(DOC, "f.yaml")
    with pytest.raises(EditError, match="liste en ligne non vide"):
        editor.append_item(editor.root["items"][1], "flux", {"k": "v"})
    with pytest.raises(EditError, match="correspondance en ligne"):
        editor.set_value(editor.root["items"][1]["table"], "k2", "v")
    with pytest.raises(EditError, match="valeur simple"):
        editor.set_value(editor.root["items"][1], "flux", "r")


def test_invalid_text_is_refused() -> None:
    with pytest.raises(EditError, match="doit d'abord être valide"):
        TextEditor("a: [\n", "f.yaml")


def test_file_without_final_newline() -> None:
    editor = TextEditor("items:\n  - id: a", "f.yaml")
    editor.append_item(editor.root, "items", {"id": "b"})
    assert editor.result() == "items:\n  - id: a\n  - id: b"


def test_append_scalar_to_flow_list() -> None:
    editor = TextEditor(DOC, "f.yaml")
    editor.append_item(editor.root["items"][1], "flux", "r, s")
    assert editor.result() == DOC.replace("flux: [p, q]", 'flux: [p, q, "r, s"]')


# --- refusals: what the editor cannot write as the registry's style wants -----------------


def test_text_that_no_file_can_hold_is_refused() -> None:
    from convention_cli.edit.splice import check_text

    with pytest.raises(EditError) as caught:
        check_text("a\udcffb", "--texte")
    assert str(caught.value).startswith("--texte contient un caractère non représentable "
                                        "(U+DCFF")


def test_nested_items_are_emitted_as_blocks() -> None:
    from convention_cli.edit.splice import emit_item_lines, emit_mapping_lines

    assert emit_mapping_lines({"preuves": [{"libelle": "CR", "url": "cr.pdf"}],
                               "fait": {"valeur": 3, "confiance": "haute"}}, 2) == [
        "  preuves:", "    - libelle: CR", "      url: cr.pdf",
        "  fait:", "    valeur: 3", "    confiance: haute"]
    unsupported_items: list[Any] = [[1, 2], {}]
    for unsupported in unsupported_items:
        with pytest.raises(EditError) as caught:
            emit_item_lines(unsupported, 0)
        assert str(caught.value) == "élément de liste non pris en charge"


def test_editor_refusals_and_empty_append() -> None:
    text = "items:\n  - id: a\nnom: X\n"
    editor = TextEditor(text, "f.yaml")
    with pytest.raises(EditError) as caught:
        editor.set_value(editor.root, "nom", ["liste"])
    assert str(caught.value) == "seules les valeurs simples se remplacent en place"
    with pytest.raises(EditError) as caught:
        editor.append_items(editor.root, "nom", ["b"])
    assert str(caught.value) == "« nom » n'est pas une liste"
    editor.append_items(editor.root, "items", [])
    assert not editor.dirty
    with pytest.raises(EditError) as caught:
        TextEditor("- a\n", "liste.yaml")
    assert str(caught.value) == "liste.yaml doit d'abord être valide (convention validate)"


# --- local read-back ------------------------------------------------------------------

LISTS = """\
# En-tête
version: 1
engagements:
  - id: a
    journal:
      - date: 2024-01-02
        texte: un
  # entre deux
  - id: b
    note: |
      bloc
      de texte
  - id: c
projets:
  - id: p1
"""


def _local(editor: TextEditor) -> bool:
    return read_back_locally(editor, editor.result())


@pytest.mark.parametrize("target", [0, 1, 2])
def test_append_inside_one_item_is_read_back_locally(target: int) -> None:
    editor = TextEditor(LISTS, "e.yaml")
    owner = editor.root["engagements"][target]
    editor.append_item(owner, "journal", {"date": date(2025, 1, 1), "texte": "deux"})
    assert _local(editor)
    assert parse_yaml(editor.result(), "e").root == editor.root


def test_append_to_the_last_list_and_set_value_are_read_back_locally() -> None:
    editor = TextEditor(LISTS, "e.yaml")
    editor.append_item(editor.root, "projets", {"id": "p2", "titre": "x"})
    assert _local(editor)
    editor = TextEditor(LISTS, "e.yaml")
    editor.set_value(editor.root["engagements"][1], "statut", "en_cours")
    editor.set_value(editor.root["engagements"][0], "statut", "realise")
    assert _local(editor)  # two items of one list


def test_a_key_added_after_the_last_list_is_read_back_locally() -> None:
    editor = TextEditor(LISTS, "e.yaml")
    editor.append_item(editor.root, "evaluations", {"id": "e1", "objet": "x"})
    assert _local(editor)
    assert parse_yaml(editor.result(), "e").root == editor.root


def test_a_key_added_after_a_block_scalar_that_keeps_its_blank_lines() -> None:
    """``|+`` keeps the blank lines after it: a key inserted before them would take them
    from the scalar. The scalar is in the re-read items: the change is seen either way."""
    text = "engagements:\n  - id: a\n    note: |+\n      texte\n\n\n"
    editor = TextEditor(text, "e.yaml")
    editor.append_item(editor.root, "projets", {"id": "p1"})
    full = parse_yaml(editor.result(), "e").root == editor.root
    assert _local(editor) == full


@pytest.mark.parametrize(
    "edit", ["new-key-and-another-list", "scalar-key", "two-lists", "no-newline"])
def test_edits_outside_one_list_need_the_whole_read_back(edit: str) -> None:
    text = LISTS.rstrip("\n") if edit == "no-newline" else LISTS
    editor = TextEditor(text, "e.yaml")
    if edit == "new-key-and-another-list":
        editor.append_item(editor.root["engagements"][0], "evaluations", {"id": "e1"})
        editor.append_item(editor.root, "evaluations", {"id": "e1"})
    elif edit == "scalar-key":
        editor.set_value(editor.root, "version", 2)
    elif edit == "two-lists":
        editor.append_item(editor.root, "projets", {"id": "p2"})
        editor.set_value(editor.root["engagements"][0], "statut", "realise")
    else:
        editor.append_item(editor.root, "projets", {"id": "p2"})
    assert not _local(editor)


@pytest.mark.parametrize("bad", ['    texte: "non fermé\n', "    liste: [a,\n",
                                 "- id: intrus\n", "racine: 1\n", "  - id: en-plus\n",
                                 "    note: |\n  - id: x\n"])
def test_a_splice_that_would_not_read_back_is_never_accepted_locally(bad: str) -> None:
    """A splice whose text does not give the intended values (here: raw text that the
    tree does not know about) is caught: the local proof fails, the whole text is parsed."""
    editor = TextEditor(LISTS, "e.yaml")
    at = LISTS.index("  - id: c")
    editor._add(at, at, bad)
    assert not _local(editor)


def test_a_tree_change_without_its_text_is_never_accepted_locally() -> None:
    editor = TextEditor(LISTS, "e.yaml")
    editor.set_value(editor.root["engagements"][1], "statut", "en_cours")
    editor.root["engagements"][1]["statut"] = "realise"
    assert not _local(editor)


def test_a_tag_directive_needs_the_whole_read_back() -> None:
    text = "%YAML 1.2\n---\n" + LISTS
    editor = TextEditor(text, "e.yaml")
    editor.set_value(editor.root["engagements"][1], "statut", "en_cours")
    assert not _local(editor)

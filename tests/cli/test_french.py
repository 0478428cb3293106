from __future__ import annotations

import pytest

from convention_cli.cli.app import main
from convention_cli.cli.french import translate_usage_message


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("No such option: --nope", "option inconnue : --nope"),
        ("No such option: --strikt Did you mean --strict?",
         "option inconnue : --strikt (vouliez-vous dire --strict ?)"),
        ("No such command 'valider'. Did you mean 'validate'?",
         "commande inconnue : « valider » (vouliez-vous dire « validate » ?)"),
        ("No such command 'x'.", "commande inconnue : « x »"),
        ("Missing argument 'ID'.", "argument manquant : ID"),
        ("Option '-d' requires an argument.", "l'option -d attend une valeur"),
        ("Got unexpected extra argument(s) (b)", "argument en trop : b"),
        ("Invalid value for '--format' / '-f': Value error, 'xml' is not one of 'text', "
         "'json', 'github'.",
         "valeur « xml » invalide pour '--format' / '-f' ; valeurs possibles : 'text', "
         "'json', 'github'"),
        ("Invalid value for '--as-of': bad", "valeur invalide pour '--as-of' : bad"),
        ("Something else", "Something else"),
    ],
)
def test_translate_usage_message(english: str, french: str) -> None:
    assert translate_usage_message(english) == french


def test_usage_errors_are_french_with_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["valider"]) == 2
    assert capsys.readouterr().err == (
        "convention : commande inconnue : « valider » (vouliez-vous dire « validate » ?)\n"
        "Aide : convention --help\n")


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Affiche cette aide et quitte." in out
    assert "Show this message" not in out
    assert main(["--help"]) == 0
    assert "Commandes" in capsys.readouterr().out


def test_no_arguments_shows_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    captured = capsys.readouterr()
    assert "Utilisation : convention" in captured.out + captured.err
    assert "convention : \n" not in captured.err


# --- placeholders, paragraphs and plain help ----------------------------------------------


def _param(name: str, annotation: object = str, choices: object = None,
           is_path: bool = False) -> object:
    from types import SimpleNamespace

    return SimpleNamespace(is_flag=False, count=False, metavar=None, name=name,
                           type_descriptor=SimpleNamespace(choices=choices,
                                                           annotation=annotation,
                                                           is_path=is_path))


@pytest.mark.parametrize(("param", "placeholder"), [
    (_param("nouveau", int), "NOMBRE"),
    (_param("nouveau", float), "NOMBRE"),
    (_param("nouveau", is_path=True), "CHEMIN"),
    (_param("nouveau"), "TEXTE"),
    (_param("nouveau", choices=["a", "b"]), "a|b"),
    (_param("horizon", int), "JOURS"),  # a known name wins over the type
])
def test_placeholder_of_a_new_option_follows_its_type(param: object, placeholder: str) -> None:
    from convention_cli.cli.french import french_metavar

    assert french_metavar(param) == placeholder


def test_reflow_keeps_unwrapped_paragraphs_and_lists() -> None:
    from convention_cli.cli.french import reflow

    text = ("Première ligne\nsuite du paragraphe.\n\n\bExemple :\n  convention status\n\n"
            "Liste :\n- un\n- deux")
    assert reflow(text) == ("Première ligne suite du paragraphe.\n\n\bExemple :\n  convention "
                            "status\n\nListe :\n- un\n- deux")


def test_a_command_declared_without_our_classes_becomes_french() -> None:
    import typer
    from typer.main import get_command

    from convention_cli.cli.french import FrenchCommand, FrenchGroup, _make_french

    plain = typer.Typer()

    @plain.command()
    def essai(nombre: int = 1) -> None:
        """Essai."""

    @plain.command()
    def autre() -> None:
        """Autre."""

    group = get_command(plain)
    assert isinstance(_make_french(group), FrenchGroup)
    command = group.get_command(None, "essai")  # type: ignore[attr-defined]
    assert isinstance(command, FrenchCommand)


def test_no_color_help_has_no_frame(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from typer import rich_utils

    for name in ("Panel", "COLOR_SYSTEM", "RANGE_STRING"):  # restored after the test
        monkeypatch.setattr(rich_utils, name, getattr(rich_utils, name))
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["status", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Utilisation : convention status" in out
    assert "╭" not in out
    assert "\x1b[" not in out

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

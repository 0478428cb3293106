"""French for typer's own words: help panels, the help option, usage errors.

typer vendors click, whose messages are English and not translatable through
gettext; the few that users meet are translated here. Applied lazily, when help
or an error is actually shown, so start-up pays nothing.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperCommand, TyperGroup

HELP_OPTION_TEXT = "Affiche cette aide et quitte."

_PANEL_TITLES = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commandes",
    "ERRORS_PANEL_TITLE": "Erreur",
    "REQUIRED_LONG_STRING": "[obligatoire]",
    "DEFAULT_STRING": "[défaut : {}]",
    "ENVVAR_STRING": "[variable d'environnement : {}]",
}

_USAGE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^No such option: (.+?) Did you mean (.+)\?$"),
     "option inconnue : {0} (vouliez-vous dire {1} ?)"),
    (re.compile(r"^No such option: (.+)$"), "option inconnue : {0}"),
    (re.compile(r"^No such command '(.+)'\. Did you mean '(.+)'\?$"),
     "commande inconnue : « {0} » (vouliez-vous dire « {1} » ?)"),
    (re.compile(r"^No such command '(.+)'\.$"), "commande inconnue : « {0} »"),
    (re.compile(r"^Missing argument '(.+)'\.$"), "argument manquant : {0}"),
    (re.compile(r"^Missing option '(.+)'\.$"), "option obligatoire manquante : {0}"),
    (re.compile(r"^Missing command\.$"), "commande manquante"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), "l'option {0} attend une valeur"),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$"),
     "argument en trop : {0}"),
    (re.compile(r"^Invalid value for (.+?): (?:Value error, )?'(.*)' is not one of (.+)\.$"),
     "valeur « {1} » invalide pour {0} ; valeurs possibles : {2}"),
    (re.compile(r"^Invalid value for (.+?): (.+)$"), "valeur invalide pour {0} : {1}"),
)


def translate_usage_message(message: str) -> str:
    """The French version of a click usage message (unchanged when unknown)."""
    for pattern, template in _USAGE_PATTERNS:
        match = pattern.match(message.strip())
        if match:
            return template.format(*match.groups())
    return message


def _frenchify_rich_help() -> None:
    from typer import rich_utils

    for name, value in _PANEL_TITLES.items():
        setattr(rich_utils, name, value)


def _french_help_option(option: Any) -> Any:
    if option is not None:
        option.help = HELP_OPTION_TEXT
    return option


class FrenchGroup(TyperGroup):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        _frenchify_rich_help()
        super().format_help(ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return _french_help_option(super().get_help_option(ctx))


class FrenchCommand(TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        _frenchify_rich_help()
        super().format_help(ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return _french_help_option(super().get_help_option(ctx))

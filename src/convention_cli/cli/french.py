"""French for typer's own words: help panels, the help option, usage errors, metavars.

typer vendors click, whose messages are English and not translatable through
gettext; the few that users meet are translated here. Applied lazily, when help
or an error is actually shown, so start-up pays nothing.

Every command reached through a ``FrenchGroup`` becomes French, whatever class it
was declared with (``FrenchGroup.get_command``): flags show no type placeholder,
values show a French metavar (``DATE``, ``ID``, ``FICHIER``, ``JOURS``…) taken from
one table by parameter name, docstrings are reflowed into paragraphs, and choices
and identifiers are read case-insensitively (identifiers are lower case by rule,
SCH006, so lowering them is never ambiguous).
"""

from __future__ import annotations

import inspect
import os
import re
from typing import Any

from typer._click.core import Command as ClickCommand
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
    (re.compile(r"^Option '(.+)' does not take a value\.$"), "l'option {0} ne prend pas de valeur"),
    (re.compile(r"^Option '(.+)' requires (\d+) arguments\.$"),
     "l'option {0} attend {1} valeurs"),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$"),
     "argument en trop : {0}"),
    (re.compile(r"^Invalid value for (.+?): (?:Value error, )?'(.*)' is not one of (.+)\.$"),
     "valeur « {1} » invalide pour {0} ; valeurs possibles : {2}"),
    (re.compile(r"^Invalid value for (.+?): (.+)$"), "valeur invalide pour {0} : {1}"),
)

_VALUE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Input should be greater than or equal to (\S+)$"),
     "un nombre supérieur ou égal à {0} est attendu"),
    (re.compile(r"^Input should be less than or equal to (\S+)$"),
     "un nombre inférieur ou égal à {0} est attendu"),
    (re.compile(r"^Input should be greater than (\S+)$"),
     "un nombre supérieur à {0} est attendu"),
    (re.compile(r"^Input should be less than (\S+)$"), "un nombre inférieur à {0} est attendu"),
    (re.compile(r"^Input should be a valid integer.*$"), "un nombre entier est attendu"),
    (re.compile(r"^Input should be a valid number.*$"), "un nombre est attendu"),
    (re.compile(r"^Input should be a valid boolean.*$"), "oui ou non (true, false) est attendu"),
    (re.compile(r"^Input should be (.+)$"), "valeurs possibles : {0}"),
    (re.compile(r"^(.+) is not in the range (.+)\.?$"), "{0} est hors de l'intervalle {1}"),
)


def _translate_value_message(message: str) -> str:
    """pydantic's and click's words about a bad value, in French."""
    text = message.strip().removeprefix("Value error, ")
    for pattern, template in _VALUE_PATTERNS:
        match = pattern.match(text)
        if match:
            return template.format(*match.groups())
    return text


def translate_usage_message(message: str) -> str:
    """The French version of a click usage message (unchanged when unknown)."""
    for pattern, template in _USAGE_PATTERNS:
        match = pattern.match(message.strip())
        if match:
            groups = list(match.groups())
            if template == "valeur invalide pour {0} : {1}":
                groups[1] = _translate_value_message(groups[1])
            return template.format(*groups)
    return message


_METAVARS = {
    # by parameter name (the Python name typer gives it); one table for every command
    "data": "DOSSIER", "dossier": "DOSSIER",
    "as_of": "DATE", "date": "DATE", "depuis": "DATE", "jusqu_au": "DATE",
    "signature": "DATE", "echeance": "DATE",
    "sortie": "FICHIER", "ics": "FICHIER",
    "ident": "ID", "engagement_id": "ID", "reunion_id": "ID", "action_id": "ID",
    "partie": "ID", "territoire": "ID", "objectif": "ID", "responsable": "ID",
    "groupe": "ID", "indicateur": "ID",
    "horizon": "JOURS", "alerte": "JOURS", "alerte_jours": "JOURS",
    "lignes": "NOMBRE", "duree": "ANNÉES", "annee": "ANNÉE",
    "trimestre": "AAAA-TN", "heure": "HH:MM", "instance": "INSTANCE", "statut": "STATUT",
    "texte": "TEXTE", "titre": "TEXTE", "lieu": "LIEU", "source": "SOURCE",
    "auteur": "NOM", "participants": "NOM", "preuve": "ADRESSE", "fichier": "NOM",
    "indicateur_id": "ID", "honore": "ID", "mission_locale": "ID", "echeance_id": "ID",
    "prorogation": "DATE", "url": "ADRESSE", "nom": "NOM", "fonction": "TEXTE",
    "contact": "CONTACT", "adresse_generique": "ADRESSE", "valeur": "VALEUR",
    "commentaire": "TEXTE", "objet": "TEXTE", "fonds": "TEXTE",
}
"""French placeholders for values; an explicit ``metavar=`` wins unless translated below."""

_TRANSLATED_METAVARS = {"AAAA-MM-JJ": "DATE", "DIR": "DOSSIER", "AAAA": "ANNÉE",
                        "PATH": "CHEMIN", "FILE": "FICHIER", "TEXT": "TEXTE",
                        "INTEGER": "NOMBRE"}

ID_PARAMETERS = frozenset({
    "ident", "engagement_id", "reunion_id", "action_id", "partie", "territoire", "objectif",
    "responsable", "groupe", "indicateur", "statut", "instance", "echeance_id",
    "indicateur_id", "honore", "mission_locale",
})
"""Parameters holding identifiers or enum keys: read in lower case (SCH006)."""


def french_metavar(param: Any) -> str | None:
    """The placeholder shown for a parameter's value; ``None`` for a flag."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    explicit: str | None = param.metavar
    if explicit is not None:
        return _TRANSLATED_METAVARS.get(explicit, explicit)
    if param.name in _METAVARS:
        return _METAVARS[param.name]
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None)
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices)
    annotation = getattr(descriptor, "annotation", None)
    if annotation is int:
        return "NOMBRE"
    if annotation is float:
        return "NOMBRE"
    if getattr(descriptor, "is_path", False):
        return "CHEMIN"
    return "TEXTE"


def reflow(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph, so that help wraps to the terminal.

    Lines that start a list item (``-``, ``•``, ``*``), are indented, or follow a
    ``\\b`` marker keep their line break."""
    paragraphs = []
    for paragraph in inspect.cleandoc(text).split("\n\n"):
        if paragraph.startswith("\b"):
            paragraphs.append(paragraph)
            continue
        lines: list[str] = []
        for line in paragraph.split("\n"):
            if lines and not line.startswith((" ", "-", "•", "*", "$")):
                lines[-1] = f"{lines[-1]} {line.strip()}"
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _polish_help(command: Any) -> None:
    """French placeholders and reflowed paragraphs, once per command, when help is shown."""
    if getattr(command, "_french_help_done", False):
        return
    if command.help:
        command.help = reflow(command.help)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = reflow(param.help)
    if getattr(command, "subcommand_metavar", None) == "COMMAND [ARGS]...":
        command.subcommand_metavar = "COMMANDE [ARGUMENTS]..."
    command._french_help_done = True


def _display_type(param: Any, ctx: Any) -> str | None:
    if param.param_type_name == "argument":
        return None  # the argument's name is its placeholder
    return french_metavar(param)


def _make_french(command: Any) -> Any:
    """Give a command declared without our classes the French behaviour."""
    if type(command) is TyperCommand:
        command.__class__ = FrenchCommand
    elif type(command) is TyperGroup:
        command.__class__ = FrenchGroup
    if not getattr(command, "_french_parsing_done", False):
        for param in command.params:
            descriptor = getattr(param, "type_descriptor", None)
            if descriptor is not None and descriptor.is_choice:
                descriptor.parameter_info.case_sensitive = False
            if param.param_type_name == "argument":  # its name is its placeholder
                param.metavar = _METAVARS.get(param.name or "") or (
                    _TRANSLATED_METAVARS.get(param.metavar, param.metavar) if param.metavar
                    else None)
        if os.environ.get("_CONVENTION_COMPLETE"):  # the shell asks for candidates
            from convention_cli.cli.completion import attach_completers

            attach_completers(command)
        command._french_parsing_done = True
    return command


def _lower_identifiers(ctx: Any) -> None:
    for name in ID_PARAMETERS & ctx.params.keys():
        value = ctx.params[name]
        if type(value) is str:  # not an enum member: those are read by typer
            ctx.params[name] = value.lower()


def _frenchify_rich_help() -> None:
    from typer import core, rich_utils

    for name, value in _PANEL_TITLES.items():
        setattr(rich_utils, name, value)
    rich_utils.RANGE_STRING = ""  # « [x>=0] »: the help sentence says it in French
    from convention_cli.cli.terminal import plain_requested

    if plain_requested():  # NO_COLOR: no colour, bold or frame in the help either
        from rich import box
        from rich.panel import Panel

        rich_utils.COLOR_SYSTEM = None

        def unframed(renderable: Any, **options: Any) -> Panel:
            return Panel(renderable, **{**options, "box": box.SIMPLE})

        rich_utils.Panel = unframed  # type: ignore[attr-defined,assignment]
    for cls in (core.TyperOption, core.TyperArgument):
        cls.display_type_rich = _display_type  # type: ignore[method-assign,assignment]


def _french_usage(usage: str) -> str:
    return usage.replace("Usage: ", "Utilisation : ", 1)


def _french_help_option(option: Any) -> Any:
    if option is not None:
        option.help = HELP_OPTION_TEXT
    return option


class CommandInterruptedError(Exception):
    """Ctrl-C while a command reads its arguments or runs. typer would turn a
    ``KeyboardInterrupt`` into a silent exit 130; carried under this name, it reaches
    ``cli.app.main``, which says so."""


class _FrenchHelp(ClickCommand):
    """French help, usage and identifiers for a command or a group (mixed in first; a
    click command itself, so that a plain command can become French in place)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _frenchify_rich_help()
        _polish_help(self)
        super().format_help(ctx, formatter)

    def get_usage(self, ctx: Any) -> str:
        return _french_usage(super().get_usage(ctx))

    def get_help_option(self, ctx: Any) -> Any:
        return _french_help_option(super().get_help_option(ctx))

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None,
                     **extra: Any) -> Any:
        """The arguments read (a subcommand's are read inside its group's ``invoke``)."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except KeyboardInterrupt as exc:
            raise CommandInterruptedError from exc

    def invoke(self, ctx: Any) -> Any:
        _lower_identifiers(ctx)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise CommandInterruptedError from exc


class FrenchGroup(_FrenchHelp, TyperGroup):
    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        return None if command is None else _make_french(command)


class FrenchCommand(_FrenchHelp, TyperCommand):
    pass

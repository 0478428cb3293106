"""Shell completion: scripts for bash, zsh and fish, and the registry's ids as candidates.

The shell calls ``convention`` back with ``_CONVENTION_COMPLETE=complete_<shell>`` (the
click/typer protocol). Nothing here is imported unless the shell asks or the user runs
``--show-completion``/``--install-completion``: ``--help`` and ``validate`` pay nothing.
Ids are read with the libyaml reader alone (no pydantic model, no check): completing
must answer fast even on a registry that does not validate. Only échéance ids, computed
from the rules of the agreement, need the validated registry.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

PROG_NAME = "convention"
COMPLETE_VAR = "_CONVENTION_COMPLETE"
SHELLS = ("bash", "zsh", "fish")

_SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    # kind: (data file, path to the list of items carrying an ``id``; "*" = every item)
    "parties": ("parties", ("parties",)),
    "operateurs": ("parties", ("operateurs",)),
    "territoires": ("territoires", ("territoires",)),
    "missions_locales": ("territoires", ("territoires", "*", "missions_locales")),
    "objectifs": ("convention", ("convention", "objectifs")),
    "engagements": ("engagements", ("engagements",)),
    "indicateurs": ("engagements", ("engagements", "*", "indicateurs")),
    "groupes": ("groupes_travail", ("groupes_travail",)),
    "reunions": ("reunions", ("reunions",)),
    "decisions": ("reunions", ("reunions", "*", "decisions")),
    "actions": ("reunions", ("reunions", "*", "actions")),
}

KIND_BY_PARAMETER = {
    "partie": "parties", "responsable": "parties", "operateur": "operateurs",
    "territoire": "territoires", "objectif": "objectifs",
    "engagement_id": "engagements", "engagement": "engagements",
    "indicateur": "indicateurs", "indicateur_id": "indicateurs",
    "groupe": "groupes", "gt": "groupes",
    "reunion_id": "reunions", "reunion": "reunions",
    "decision_id": "decisions", "action_id": "actions",
    "echeance_id": "echeances", "honore": "echeances",
    "mission_locale": "missions_locales",
}
"""Which ids a parameter takes, by its name: new commands complete by naming theirs so."""

KIND_BY_COMMAND_ARGUMENT = {"engagement": "engagements", "territoire": "territoires",
                            "gt": "groupes"}
"""The positional ``ident`` of the consultation commands."""


def _data_dir(ctx: Any) -> Path:
    from convention_cli.cli.options import default_data_dir

    while ctx is not None:
        value = ctx.params.get("data")
        if value:
            return Path(value)
        ctx = ctx.parent
    return default_data_dir()


def _items(node: Any, path: tuple[str, ...]) -> Iterator[Any]:
    if not path:
        if isinstance(node, list):
            yield from node
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for item in node if isinstance(node, list) else ():
            yield from _items(item, rest)
    elif isinstance(node, dict):
        yield from _items(node.get(head), rest)


def ids_of(data_dir: Path, kind: str) -> list[str]:
    """The ids of one kind in the registry at ``data_dir``; empty when unreadable."""
    if kind == "echeances":
        return _echeance_ids(data_dir)
    file_name, path = _SOURCES[kind]
    from convention_cli.load.yaml_reader import parse_yaml

    try:
        text = (data_dir / f"{file_name}.yaml").read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    parsed = parse_yaml(text, file_name)
    return [str(item["id"]) for item in _items(parsed.root, path)
            if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _echeance_ids(data_dir: Path) -> list[str]:
    from convention_cli.checks.pipeline import validate_registry
    from convention_cli.cli.options import resolve_as_of
    from convention_cli.domain.echeances import compute_echeances

    try:
        result = validate_registry(data_dir)
    except Exception:  # completion never fails loudly
        return []
    if result.has_errors:
        return []
    return [e.id for e in compute_echeances(result.registry, resolve_as_of(None))]


def _statuts() -> list[str]:
    from convention_cli.domain.queries import STATUT_FILTERS

    return list(STATUT_FILTERS)


def candidates(ctx: Any, param_name: str, incomplete: str) -> list[str]:
    """Values to offer for ``param_name`` that start with ``incomplete`` (any case)."""
    command = getattr(ctx.command, "name", None)
    if param_name == "ident":
        kind = KIND_BY_COMMAND_ARGUMENT.get(command or "")
    else:
        kind = KIND_BY_PARAMETER.get(param_name)
    values: Iterable[str]
    if kind is not None:
        values = ids_of(_data_dir(ctx), kind)
    elif param_name == "statut":
        values = _statuts()
    elif param_name == "instance":
        groups = ids_of(_data_dir(ctx), "groupes")
        values = ["commission", "referents", *(f"gt:{g}" for g in groups)]
    else:
        return []
    wanted = incomplete.lower()
    return [v for v in values if v.lower().startswith(wanted)]


def complete_parameter(ctx: Any, param: Any, incomplete: str) -> list[Any]:
    """The ``shell_complete`` hook set on id parameters."""
    from typer._click.shell_completion import CompletionItem

    return [CompletionItem(value) for value in candidates(ctx, param.name or "", incomplete)]


def attach_completers(command: Any) -> None:
    """Give the id parameters of ``command`` their completion from the registry; called
    only while the shell completes (cli/french.py), so other runs pay nothing."""
    names = {*KIND_BY_PARAMETER, "statut", "instance"}
    for param in command.params:
        if param.name == "ident" and command.name not in KIND_BY_COMMAND_ARGUMENT:
            continue
        if (param.name in names or param.name == "ident") and getattr(
                param, "_custom_shell_complete", None) is None:
            param._custom_shell_complete = complete_parameter


def prepare_protocol() -> None:
    """Register typer's bash/zsh/fish protocol classes before the shell's callback runs."""
    from typer._completion_classes import completion_init

    completion_init()


def _detect_shell() -> str:
    from typer._completion_shared import _get_shell_name

    from convention_cli.errors import UsageError

    try:
        name = _get_shell_name() or ""
    except Exception:  # no parent shell to find (CI, cron)
        name = ""
    if name not in SHELLS:
        raise UsageError("shell non reconnu : précisez bash, zsh ou fish "
                         "(par exemple --show-completion bash)")
    return str(name)


def _shell(value: str | None) -> str:
    from convention_cli.errors import UsageError

    if value is None:
        return _detect_shell()
    if value.lower() not in SHELLS:
        raise UsageError(f"shell « {value} » non pris en charge : bash, zsh ou fish")
    return value.lower()


def completion_script(shell: str) -> str:
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=PROG_NAME, complete_var=COMPLETE_VAR, shell=shell)


def run_completion_option(args: list[str]) -> int | None:
    """Handle ``--show-completion [SHELL]`` and ``--install-completion [SHELL]`` (the shell
    is optional, hence handled before typer parses the line); ``None`` if absent."""
    for option in ("--show-completion", "--install-completion"):
        if option in args[:1]:
            rest = args[1:]
            if len(rest) > 1:
                from convention_cli.errors import UsageError

                raise UsageError(f"{option} prend au plus un argument : bash, zsh ou fish")
            shell = _shell(rest[0] if rest else None)
            if option == "--show-completion":
                sys.stdout.write(completion_script(shell) + "\n")
                return 0
            from typer._completion_shared import install

            _, path = install(shell=shell, prog_name=PROG_NAME, complete_var=COMPLETE_VAR)
            sys.stdout.write(f"Complétion {shell} installée dans {path} ; elle prend effet "
                             "dans un nouveau terminal.\n")
            return 0
    return None

"""Documents as Jinja templates over already-computed view models.

One sandboxed environment with ``StrictUndefined`` (a typo in a template is an
error, never an empty string), French filters and Markdown escaping. Templates
ship inside the package (``convention_cli/templates``); a registry may override
any of them with a ``templates/`` folder next to its ``data/``.

A registry's templates are bounded (``BoundedSandbox``, ``bounded_rendering``): ``range``
gives at most ``TEMPLATE_LOOP_BUDGET`` iterations in all, ``*`` and ``**`` cannot build
huge values, the output stops at ``TEMPLATE_OUTPUT_LIMIT`` characters, a rendering from a
registry's ``templates/`` stops after ``TEMPLATE_TIME_LIMIT`` seconds (POSIX: a timer
signal), and recursion (recursive macro, self-include) stops at Python's recursion
limit. Every failure, run-time errors included (``{{ 1/0 }}``), becomes a French error
naming the template and its line: exit 1, nothing written.
"""

from __future__ import annotations

import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from convention_cli.defaults import (
    TEMPLATE_LOOP_BUDGET,
    TEMPLATE_OUTPUT_LIMIT,
    TEMPLATE_TIME_LIMIT,
)
from convention_cli.errors import UserError
from convention_cli.formats.markdown import cell, inline
from convention_cli.views.provenance import provenance_line
from convention_cli.vocab import date_or_dash, format_number, french_spacing, plural

PACKAGE_TEMPLATES = Path(__file__).parent.parent / "templates"


def _plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return plural(count, singular, plural_form)


def _idref(context: Any, value: str) -> str:
    """`` (`id`)`` after a label in an internal working copy (``--identifiants``); nothing in
    the document one sends."""
    return f" (`{value}`)" if context.get("ids") else ""


def _label(context: Any, value: str) -> str:
    """What stands for an identifier in a table cell: its label (and the id on request)."""
    labels = context.get("labels") or {}
    return cell(labels.get(value, value)) + _idref(context, value)


class TemplateLimitError(Exception):
    """A template went beyond a bound (loops, size, time)."""


def bounded_sandbox_class() -> Any:
    """``SandboxedEnvironment`` with bounds on work: a ``range`` that counts the
    iterations it gives in all, and ``*``/``**`` that cannot build huge values."""
    from jinja2.sandbox import SandboxedEnvironment

    class BoundedSandbox(SandboxedEnvironment):
        intercepted_binops = frozenset(("*", "**"))

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.loop_budget = TEMPLATE_LOOP_BUDGET
            self.globals["range"] = self.bounded_range

        def bounded_range(self, *args: int) -> range:
            values = range(*args)
            self.loop_budget -= len(values)
            if self.loop_budget < 0:
                raise TemplateLimitError(f"boucles trop longues (plus de {TEMPLATE_LOOP_BUDGET} "
                                         "tours de range au total)")
            return values

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**":
                if isinstance(right, int | float) and abs(right) > 1000:
                    raise TemplateLimitError("puissance trop grande (exposant > 1000)")
                return left ** right
            size = _repeat_size(left, right)
            if size > TEMPLATE_OUTPUT_LIMIT:
                raise TemplateLimitError("valeur trop grande (répétition par *)")
            return left * right

    return BoundedSandbox


def _repeat_size(left: Any, right: Any) -> int:
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple | bytes) and isinstance(count, int):
            return len(seq) * max(count, 0)
    return 0


def make_environment(override_dir: Path | None = None) -> Any:
    """The sandboxed Jinja environment; ``override_dir`` templates win over the package's."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, pass_context

    loaders = []
    if override_dir is not None and override_dir.is_dir():
        loaders.append(FileSystemLoader(str(override_dir)))
    loaders.append(FileSystemLoader(str(PACKAGE_TEMPLATES)))
    env = bounded_sandbox_class()(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: registry text goes through |md or |cell
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update({
        "date_fr": date_or_dash,
        "nombre_fr": format_number,
        "md": inline,
        "cell": cell,
        "pluriel": _plural,
        "provenance_line": provenance_line,
        # Both read the render's context: ``ids`` (--identifiants) and ``labels``.
        "idref": pass_context(_idref),
        "label": pass_context(_label),
    })
    return env


@contextmanager
def time_limit_guard(seconds: float | None) -> Iterator[None]:
    """Interrupt the rendering after ``seconds`` (POSIX main thread; else no timer)."""
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    assert seconds is not None

    def on_alarm(signum: int, frame: Any) -> None:
        raise TemplateLimitError(f"rendu trop long (plus de {seconds:g} s)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _template_line(exc: BaseException, name: str) -> tuple[str, int | None]:
    """The template and line where ``exc`` happened (Jinja rewrites tracebacks so that
    template frames carry the template's file and line)."""
    line = getattr(exc, "lineno", None)
    where = getattr(exc, "name", None) or getattr(exc, "filename", None)
    if line is not None:
        return _shown(where if isinstance(where, str) else name, name), line
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if f.filename.endswith((".j2", ".jinja", ".html", ".md", ".txt", ".xml"))]
    if frames:
        return _shown(frames[-1].filename, name), frames[-1].lineno
    return name, None


def _shown(filename: str, name: str) -> str:
    """The template as the user names it (``site/groupes.html.j2``), not its full path."""
    path = Path(filename).as_posix()
    return name if path == name or path.endswith("/" + name) else Path(filename).name


_REASONS: tuple[tuple[type[BaseException], str], ...] = (
    (RecursionError, "récursion sans fin (macro récursive ou modèle qui s'inclut lui-même)"),
    (ZeroDivisionError, "division par zéro"),
    (UnicodeDecodeError, "octets qui ne sont pas de l'UTF-8"),
    (MemoryError, "mémoire épuisée"),
    (OverflowError, "nombre ou intervalle trop grand"),
)


def template_failure(exc: BaseException, name: str) -> UserError:
    """A template's failure as a French error naming the template and its line."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    if isinstance(exc, TemplateNotFound):
        return UserError(f"modèle de document introuvable : {exc.name}")
    template, line = _template_line(exc, name)
    where = f", ligne {line}" if line else ""
    if isinstance(exc, TemplateLimitError):
        reason = str(exc)
    elif isinstance(exc, TemplateSyntaxError):
        reason = f"syntaxe : {exc.message}"
    else:
        reason = next((label for kind, label in _REASONS if isinstance(exc, kind)), None) or (
            f"{getattr(exc, 'message', None) or exc} ({exc.__class__.__name__})")
    return UserError(f"modèle « {template} »{where} : {reason} ; rien n'a été écrit")


def bounded_rendering(
    render: Callable[[], Iterator[str]], name: str, *, time_limit: float | None
) -> str:
    """Join what ``render`` generates, within the bounds; any failure of the template
    becomes ``template_failure``."""
    chunks: list[str] = []
    size = 0
    try:
        with time_limit_guard(time_limit):
            for chunk in render():
                size += len(chunk)
                if size > TEMPLATE_OUTPUT_LIMIT:
                    raise TemplateLimitError(f"document trop long (plus de "
                                             f"{TEMPLATE_OUTPUT_LIMIT} caractères)")
                chunks.append(chunk)
    except (UserError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a template may fail in any way: each is the template's fault
        raise template_failure(exc, name) from None
    return "".join(chunks)


def has_own_templates(override_dir: Path | None) -> bool:
    return override_dir is not None and override_dir.is_dir() and any(override_dir.iterdir())


def render_document(
    template: str, context: dict[str, Any], override_dir: Path | None = None,
    env: Any = None,
) -> str:
    """Render ``template`` with ``context``; template problems become French errors.
    ``env`` (from ``make_environment(override_dir)``) is reused by a caller that renders
    many documents: templates compiled once, and each rendering has its whole budget."""
    if env is None:
        env = make_environment(override_dir)
    else:
        env.loop_budget = TEMPLATE_LOOP_BUDGET
    limit = TEMPLATE_TIME_LIMIT if has_own_templates(override_dir) else None
    text = bounded_rendering(lambda: env.get_template(template).generate(**context),
                             template, time_limit=limit)
    # One trailing newline, no run of blank lines: stable, diff-friendly Markdown.
    lines = text.splitlines()
    cleaned: list[str] = []
    for line in lines:
        if line.strip() == "" and cleaned and cleaned[-1] == "":
            continue
        cleaned.append(line.rstrip())
    # French typography on the whole text: generated sentences and registry text alike get
    # their no-break spaces (nothing else of the registry's text changes).
    return french_spacing("\n".join(cleaned).strip("\n") + "\n")


def template_dir_for(data_dir: Path) -> Path:
    """Where a registry keeps its own templates: ``templates/`` next to ``data/``."""
    return data_dir.resolve().parent / "templates"

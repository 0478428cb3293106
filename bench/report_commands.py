"""Report helpers shared by every section (peak RSS cells, a command's first output), and
section 4 (commands against ``convention validate``) with its targets."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from fr import fr_bytes, fr_mib, fr_number, fr_ratio, fr_seconds, verdict
from harness import (
    Series,
)
from scenarios import (
    COMMANDS,
    Results,
    registry_key_label,
)


def rss_cell(series: Series) -> str:
    """Median peak RSS; a star when it may be the launcher's own (see LAUNCHER_CODE)."""
    return fr_mib(series.median_rss) + (" *" if series.rss_at_floor else "")


# --- Reading the tools' output --------------------------------------------------------------

_DIAGNOSTIC = re.compile(r": (erreur|avertissement) ([A-Z]+[0-9]+): ")


@dataclass
class Outcome:
    summary: str
    by_code: Counter[str]
    head: list[str]


def read_outcome(path: Path | None, head_lines: int = 12) -> Outcome:
    """Summary line, diagnostics per code and the first lines, read line by line."""
    by_code: Counter[str] = Counter()
    head: list[str] = []
    last = ""
    if path is None or not path.is_file():
        return Outcome("(aucune sortie)", by_code, head)
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            text = line.rstrip("\n")
            if len(head) < head_lines:
                head.append(text[:300])
            match = _DIAGNOSTIC.search(text)
            if match:
                by_code[f"{match.group(2)} ({match.group(1)})"] += 1
            if text.strip():
                last = text
    return Outcome(last[:300], by_code, head)


def output_block(series: Series) -> list[str]:
    outcome = read_outcome(series.first_output)
    lines = [f"- `{series.label}` : code de sortie {series.first_code} "
             f"(exécutions chronométrées : {sorted(series.codes)}) ; dernière ligne : "
             f"« {outcome.summary} »"]
    if outcome.by_code:
        detail = ", ".join(f"{code} × {count}" for code, count in outcome.by_code.most_common())
        lines.append(f"  - diagnostics : {detail}")
    if series.first_code not in (0, None):
        lines.append("  - début de la sortie :")
        lines.append("")
        lines.append("    ```text")
        lines.extend(f"    {line}" for line in outcome.head)
        lines.append("    ```")
    return lines


def render_commands(results: Results) -> list[str]:
    if not results.commands:
        return []
    out = [
        "## 4. Commandes face à `convention validate`",
        "",
        "Chaque commande (A) est appariée à `convention validate --data DIR` (B) sur le même "
        "registre, dans la même série : A B A B … ; sorties vers /dev/null (pas un terminal, "
        "`NO_COLOR=1`). Ratio = médiane des ratios A ÷ B de chaque paire (plus petit = mieux). "
        "Commandes :",
        "",
    ]
    out += [f"- `{spec.shown()}` (issue {spec.issue})" for spec in COMMANDS]
    out += [
        "",
        "Les données réelles sont copiées dans un dossier temporaire (hors de tout dépôt git : "
        "la provenance des documents n'y trouve pas de commit). L'édition tourne sur une copie "
        "à part, avec un texte différent à chaque exécution (chauffe comprise) pour que chaque "
        "exécution écrive vraiment ; le `validate` apparié lit cette même copie.",
        "",
    ]
    for section in results.commands:
        out += [
            f"### {section.title}",
            "",
            f"Registre : {section.origin} ; {fr_number(section.engagements, 0)} engagements, "
            f"{fr_bytes(section.total_bytes)} ; {section.runs} paire(s) par commande.",
            "",
            "| commande | exéc. | médiane | validate (médiane) | ratio apparié | cible "
            "| verdict | RSS commande | RSS validate |",
            "|---|---:|---:|---:|---:|---|---|---:|---:|",
        ]
        for res in section.results:
            target = "—" if res.target is None else f"≤ {fr_ratio(res.target)}"
            mark = "—" if res.ok is None else "✅" if res.ok else "❌"
            if not res.exit_ok:
                mark += " (code de sortie non nul)"
            elif not res.writes_ok:
                mark += " (écritures manquantes)"
            out.append(
                f"| `{res.spec.label}` | {len(res.command.runs)} "
                f"| {fr_seconds(res.command.median_wall)} "
                f"| {fr_seconds(res.validate.median_wall)} | {fr_ratio(res.ratio)} | {target} "
                f"| {mark} | {rss_cell(res.command)} | {rss_cell(res.validate)} |")
        out.append("")
        failed = [res for res in section.results if not res.exit_ok]
        if failed:
            out.append("Codes de sortie non nuls :")
            out.append("")
            for res in failed:
                out += output_block(res.command) + output_block(res.validate)
        else:
            out.append("Codes de sortie : 0 pour toutes les exécutions ✅")
        for res in section.results:
            if res.written is not None:
                found, expected = res.written
                out.append(f"Écritures de `{res.spec.label}` : {found} entrée(s) « mesure N » "
                           f"dans engagements.yaml pour {expected} exécution(s), chauffe comprise "
                           f"{'✅' if found == expected else '❌'}")
        out.append("")
    return out


def command_target_rows(results: Results) -> list[str]:
    measured = {(res.spec.label, res.key): res for section in results.commands
                for res in section.results}
    rows = []
    for spec in COMMANDS:
        for key, target in spec.targets.items():
            res = measured.get((spec.label, key))
            value = "—" if res is None else fr_ratio(res.ratio)
            if res is not None and not res.exit_ok:
                value += " (code de sortie non nul)"
            rows.append(f"| `{spec.label}` ≤ {fr_ratio(target)} × validate, "
                        f"{registry_key_label(key)} (issue {spec.issue}) | {value} "
                        f"| {verdict(None if res is None else res.ok)} |")
    return rows

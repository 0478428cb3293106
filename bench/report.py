"""The Markdown report: header (machine, versions, method), sections 1 to 5."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from datetime import UTC, datetime

from fr import MIB, fr_bytes, fr_mib, fr_number, fr_ratio, fr_seconds, verdict
from report_commands import command_target_rows, output_block, render_commands, rss_cell
from scenarios import (
    TARGET_LINEARITY,
    TARGET_RATIO,
    TARGET_RSS_1K_MIB,
    Results,
    registry_key_label,
)
from startup import (
    HEAVY_PREFIX,
    HEAVY_ROOTS,
    TARGET_HELP,
)

# --- Report ---------------------------------------------------------------------------------


def per_engagement(results: Results) -> tuple[float | None, dict[int, float]]:
    """Start-up time and, for each size, (t(N) - t(start-up)) / N in seconds."""
    reference = next((s for s in results.sizes if s.startup_reference), None)
    if reference is None:
        return None, {}
    t0 = reference.validate.median_wall
    costs = {s.registry.n: (s.validate.median_wall - t0) / s.registry.n
             for s in results.sizes if not s.startup_reference and s.registry.n > 0}
    return t0, costs


@dataclass(frozen=True)
class Linearity:
    big: int
    small: int
    ratio: float  # cost per engagement at ``big`` ÷ at ``small``

    @property
    def is_target(self) -> bool:
        return (self.big, self.small) == (10000, 1000)

    @property
    def label(self) -> str:
        return f"{fr_number(self.big, 0)} ÷ {fr_number(self.small, 0)}"


def linearity(costs: dict[int, float]) -> Linearity | None:
    """10,000 ÷ 1,000 when both were measured, else the two largest sizes."""
    if 1000 in costs and 10000 in costs:
        return Linearity(10000, 1000, costs[10000] / costs[1000])
    sizes = sorted(costs)
    if len(sizes) >= 2:
        big, small = sizes[-1], sizes[-2]
        return Linearity(big, small, costs[big] / costs[small])
    return None


VERSION_NAMES = ("convention-cli", "typer", "click", "rich", "pydantic", "pydantic-core",
                 "PyYAML", "ruamel.yaml", "ruamel.yaml.clib", "check-jsonschema", "jsonschema")


def render_header(results: Results) -> list[str]:
    v = results.versions
    clib = ("**oui** : check-jsonschema lit le YAML avec le parseur C (le pair « +clib » des "
            "cibles)" if v.get("clib_importable") else
            "**non** : check-jsonschema lit le YAML en Python pur ; les ratios seront bien plus "
            "favorables qu'avec le pair « +clib » des cibles")
    return [
        "# Mesures de performance de `convention`",
        "",
        f"- Date : {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine : {platform.platform()} ({platform.machine()}), {os.cpu_count()} "
        f"processeurs logiques, Python {platform.python_version()} "
        f"({platform.python_implementation()}) ; interpréteur des outils : "
        f"{results.tools['python']}",
        f"- Commande : `{results.command_line}`",
        "- Versions : " + ", ".join(f"{n} {v[n]}" for n in VERSION_NAMES if n in v)
        + f" ; libyaml pour PyYAML : {v.get('libyaml', '?')}",
        f"- `ruamel.yaml.clib` importable par check-jsonschema : {clib}",
        "- Méthode : processus entiers ; A et B lancés en alternance (A B A B …) ; médiane "
        "des temps et médiane des ratios appariés A/B ; pic de RSS (ru_maxrss) de chaque "
        "processus enfant via `os.wait4`, médiane des exécutions.",
        f"- Plancher de mesure du RSS : {fr_mib(results.rss_floor_kib)} (pic du petit "
        "processus lanceur, que le noyau reporte sur l'enfant qu'il lance par vfork) ; une "
        "étoile * marque un pic qui peut n'être que ce plancher.",
        "- Bytecode : `PYTHONDONTWRITEBYTECODE` retiré, cache dans `PYTHONPYCACHEPREFIX` "
        "(dossier temporaire, amorcé par une exécution non chronométrée de chaque commande), "
        "comme pour un outil installé ; l'arbre source n'est pas touché.",
        f"- Charge moyenne (1 min) : {results.load_before:.2f} au début, "
        f"{results.load_after:.2f} à la fin ({os.cpu_count()} processeurs) ; une charge "
        "élevée rend les temps absolus bruités, les ratios appariés le sont moins.",
        "",
    ]


def render_sizes(results: Results) -> list[str]:
    out = [
        "## 1. `convention validate` face à `check-jsonschema`",
        "",
        "B = `check-jsonschema --schemafile DIR/schemas/engagements.schema.json "
        "DIR/engagements.yaml` (schéma exporté par `convention schema --sortie`). "
        "`validate` lit et vérifie les six fichiers, check-jsonschema le seul "
        "`engagements.yaml`.",
        "",
        "| N | engagements.yaml | registre | exéc. | validate | check-jsonschema "
        "| validate ÷ cjs (apparié) | cible | RSS validate | RSS cjs |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for size in results.sizes:
        reg = size.registry
        label = fr_number(reg.n, 0) + (" (démarrage)" if size.startup_reference else "")
        target = None if size.startup_reference else TARGET_RATIO.get(reg.n)
        target_text = ("—" if target is None
                       else f"≤ {fr_ratio(target)} {verdict(size.ratio <= target)}")
        out.append(
            f"| {label} | {fr_bytes(reg.engagements_bytes)}, "
            f"{fr_number(reg.engagements_lines, 0)} lignes | {fr_bytes(reg.total_bytes)} "
            f"| {len(size.validate.runs)} | {fr_seconds(size.validate.median_wall)} "
            f"| {fr_seconds(size.peer.median_wall)} | {fr_ratio(size.ratio)} | {target_text} "
            f"| {rss_cell(size.validate)} | {rss_cell(size.peer)} |")
    out += ["", "Sorties (première exécution de chaque commande) :", ""]
    for size in results.sizes:
        out.append(f"- N = {fr_number(size.registry.n, 0)} — registre : {size.registry.origin}")
        out += ["  " + line if line else ""
                for line in (*output_block(size.validate), *output_block(size.peer))]
    out.append("")
    return out


def render_costs(results: Results) -> list[str]:
    out = ["## 2. Coût par engagement après le démarrage", ""]
    t0, costs = per_engagement(results)
    if t0 is None:
        return [*out, "Non mesuré (pas de registre de démarrage, voir --startup-n).", ""]
    out += [
        "Démarrage t₀ = médiane de `convention validate` sur le registre de démarrage = "
        f"{fr_seconds(t0)} (imports, modèles, convention, territoires, parties : tout ce qui "
        "ne dépend pas de N). Coût par engagement = (t(N) − t₀) ÷ N.",
        "",
        "| N | t(N) | t(N) − t₀ | par engagement |",
        "|---:|---:|---:|---:|",
    ]
    for size in results.sizes:
        if size.startup_reference:
            continue
        n = size.registry.n
        out.append(f"| {fr_number(n, 0)} | {fr_seconds(size.validate.median_wall)} "
                   f"| {fr_seconds(size.validate.median_wall - t0)} "
                   f"| {fr_number(costs[n] * 1e6, 0)} µs |")
    out.append("")
    lin = linearity(costs)
    if lin is not None:
        target = (f"cible ≤ {fr_ratio(TARGET_LINEARITY)} {verdict(lin.ratio <= TARGET_LINEARITY)}"
                  if lin.is_target else f"(la cible ≤ {fr_ratio(TARGET_LINEARITY)} porte sur "
                  "10 000 ÷ 1 000)")
        out += [f"**Linéarité** (coût par engagement {lin.label}) : **{fr_ratio(lin.ratio)}** ; "
                f"{target}", ""]
    return out


def render_startup(results: Results) -> list[str]:
    if not results.startup:
        return []
    out = [
        "## 3. Démarrage",
        "",
        f"App typer minimale : {len(results.command_names)} commandes comme `convention` "
        f"({', '.join(results.command_names)}), même rappel racine (`--version`, `--debug`), "
        "aucun import lourd ; lancée par le même interpréteur.",
        "",
        "| commande | exéc. | convention | app minimale | ratio apparié | cible "
        "| RSS convention | RSS app minimale |",
        "|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for st in results.startup:
        out.append(
            f"| `{' '.join(st.argv)}` | {len(st.convention.runs)} "
            f"| {fr_seconds(st.convention.median_wall)} | {fr_seconds(st.minimal.median_wall)} "
            f"| {fr_ratio(st.ratio)} | ≤ {fr_ratio(TARGET_HELP)} "
            f"{verdict(st.ratio <= TARGET_HELP)} | {rss_cell(st.convention)} "
            f"| {rss_cell(st.minimal)} |")
    out += [
        "",
        "Modules lourds présents dans `sys.modules` après la commande (racines "
        f"{', '.join(HEAVY_ROOTS)} et `{HEAVY_PREFIX}`), vérifié sans chronométrage :",
        "",
    ]
    for argv, found in results.heavy.items():
        if found is None:
            out.append(f"- `convention {argv}` : vérification impossible (échec du "
                       "sous-processus)")
        elif not found:
            out.append(f"- `convention {argv}` : aucun ✅")
        else:
            shown = ", ".join(f"`{m}`" for m in found[:15])
            more = f" … (+{len(found) - 15})" if len(found) > 15 else ""
            out.append(f"- `convention {argv}` : ❌ {len(found)} modules : {shown}{more}")
    out.append("")
    return out


def render_targets(results: Results) -> list[str]:
    out = ["## 5. Bilan des cibles", "",
           "| cible (perf-baselines.md ; issues 3 à 5) | mesure | verdict |",
           "|---|---:|---|"]
    by_n = {s.registry.n: s for s in results.sizes if not s.startup_reference}
    for n, target in TARGET_RATIO.items():
        measured = by_n.get(n)
        out.append(f"| validate ≤ {fr_ratio(target)} × check-jsonschema à N = {fr_number(n, 0)} "
                   f"| {fr_ratio(measured.ratio) if measured else '—'} "
                   f"| {verdict(measured.ratio <= target if measured else None)} |")
    lin = linearity(per_engagement(results)[1])
    lin = lin if lin is not None and lin.is_target else None
    out.append(f"| linéarité : coût par engagement 10 000 ÷ 1 000 ≤ "
               f"{fr_ratio(TARGET_LINEARITY)} | {fr_ratio(lin.ratio) if lin else '—'} "
               f"| {verdict(lin.ratio <= TARGET_LINEARITY if lin else None)} |")
    big = by_n.get(10000)
    out.append("| pic de RSS de validate à 10 000 ≤ celui de check-jsonschema | "
               + (f"{fr_mib(big.validate.median_rss)} / {fr_mib(big.peer.median_rss)}"
                  if big else "—")
               + f" | {verdict(big.validate.median_rss <= big.peer.median_rss if big else None)} |")
    small = by_n.get(1000)
    small_ok = small.validate.median_rss / MIB <= TARGET_RSS_1K_MIB if small else None
    out.append(f"| pic de RSS de validate à 1 000 ≤ {fr_number(TARGET_RSS_1K_MIB, 0)} Mio "
               f"| {fr_mib(small.validate.median_rss) if small else '—'} | {verdict(small_ok)} |")
    for st in results.startup:
        out.append(f"| `convention {' '.join(st.argv)}` ≤ {fr_ratio(TARGET_HELP)} × app typer "
                   f"minimale | {fr_ratio(st.ratio)} | {verdict(st.ratio <= TARGET_HELP)} |")
    help_modules = results.heavy.get("--help")
    out.append("| aucun module lourd après `convention --help` "
               f"| {'—' if help_modules is None else len(help_modules)} "
               f"| {verdict(None if help_modules is None else not help_modules)} |")
    out += command_target_rows(results)
    invalid = [s for s in results.sizes if s.validate.codes != {0} or s.peer.codes != {0}]
    if invalid:
        out += ["", "**Attention** : code de sortie non nul pour "
                + ", ".join(f"N = {fr_number(s.registry.n, 0)}" for s in invalid)
                + " : ces temps ne mesurent pas une validation réussie (voir les sorties, §1)."]
    failed = [f"`{res.spec.label}` ({registry_key_label(res.key)})"
              for section in results.commands for res in section.results
              if not res.exit_ok or not res.writes_ok]
    if failed:
        out += ["", "**Attention** : code de sortie non nul ou écriture manquante pour "
                + ", ".join(failed) + " (voir §4)."]
    out.append("")
    return out


def render(results: Results) -> str:
    return "\n".join([*render_header(results), *render_sizes(results), *render_costs(results),
                      *render_startup(results), *render_commands(results),
                      *render_targets(results)])

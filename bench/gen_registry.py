"""Generate a complete, valid synthetic registry for benchmarks (stdlib only, deterministic).

Usage::

    python bench/gen_registry.py OUTDIR -n 1000 [--missions-locales 450] [--seed 42]

Writes the six data files of a registry (``convention.yaml``, ``parties.yaml``,
``territoires.yaml``, ``engagements.yaml``, ``groupes_travail.yaml``, ``reunions.yaml``) in
the project's own schema, so that ``convention validate --data OUTDIR`` exits 0.

``engagements.yaml`` mirrors the file used for the measurements in
``perf-baselines.md`` (about 1.5 KB and 37 lines per engagement, a block comment every
5 entries, an inline comment on ``statut`` every 7 entries, quoted journal texts), so
that figures stay comparable. The same seed and arguments always give the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from gen_files import ENGAGING_CLAUSES, FILES, engagements_lines, groupes_file, reunions_file
from gen_frame import convention_file, parties_file, territoires_file
from gen_text import header, mapping

# --- Writing -----------------------------------------------------------------------------


def generate(out: Path, n: int, missions_locales: int, seed: int,
             schema_prefix: str = "schemas/") -> dict[str, tuple[int, int]]:
    """Write the registry into ``out``; return ``{file name: (bytes, lines)}``."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    titles = {
        "convention": "Convention : identité, périmètre, objectifs, clauses, règles, annexe.",
        "parties": "Parties signataires, co-signataires et opérateurs cités.",
        "territoires": "Territoires du périmètre et leurs missions locales.",
        "engagements": "Engagements des parties (section II), avec indicateurs et journal.",
        "groupes_travail": "Groupes de travail : un par thème de l'annexe.",
        "reunions": "Réunions : décisions et actions.",
    }
    bodies: dict[str, list[str]] = {
        "convention": ["convention:", *mapping(convention_file(missions_locales), 2)],
        "parties": mapping(parties_file(rng), 0),
        "territoires": mapping(territoires_file(rng, missions_locales), 0),
        "engagements": engagements_lines(rng, n),
        "groupes_travail": mapping(groupes_file(rng, n), 0),
        "reunions": mapping(reunions_file(rng, n), 0),
    }
    sizes: dict[str, tuple[int, int]] = {}
    for name in FILES:
        lines = [*header(name, schema_prefix, seed, n, titles[name]), *bodies[name]]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (out / f"{name}.yaml").write_bytes(data)
        sizes[name] = (len(data), len(lines))
    return sizes


def thousands(value: int) -> str:
    """``1234567`` → ``1 234 567`` (French digit grouping, plain spaces)."""
    return f"{value:,}".replace(",", " ")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Génère un registre synthétique valide (déterministe) pour les mesures.")
    parser.add_argument("outdir", type=Path, help="dossier de sortie (créé au besoin)")
    parser.add_argument("-n", type=int, default=1000, help="nombre d'engagements (défaut 1000)")
    parser.add_argument("--missions-locales", type=int, default=450,
                        help="nombre total de missions locales (défaut 450)")
    parser.add_argument("--seed", type=int, default=42, help="graine (défaut 42)")
    parser.add_argument("--schema-prefix", default="schemas/",
                        help="préfixe du chemin des schémas dans l'en-tête "
                        "yaml-language-server (défaut schemas/)")
    args = parser.parse_args(argv)
    if args.n < 0 or args.missions_locales < 0:
        parser.error("-n et --missions-locales doivent être positifs ou nuls")
    if args.n < len(ENGAGING_CLAUSES):
        print(f"attention : avec moins de {len(ENGAGING_CLAUSES)} engagements, des clauses "
              "engageantes restent sans engagement (erreurs COV001 attendues)", file=sys.stderr)
    sizes = generate(args.outdir, args.n, args.missions_locales, args.seed, args.schema_prefix)
    print(f"Registre synthétique écrit dans {args.outdir} "
          f"({args.n} engagements, {args.missions_locales} missions locales, "
          f"graine {args.seed}) :")
    for name in (*FILES, "total"):
        if name == "total":
            size = sum(s for s, _ in sizes.values())
            lines = sum(ln for _, ln in sizes.values())
            label = "total"
        else:
            size, lines = sizes[name]
            label = f"{name}.yaml"
        print(f"  {label:<22} {thousands(size):>12} octets {thousands(lines):>10} lignes")
    if args.n:
        size, lines = sizes["engagements"]
        print(f"  par engagement : {thousands(round(size / args.n))} octets et "
              f"{lines / args.n:.1f} lignes".replace(".", ","))
    return 0


if __name__ == "__main__":
    sys.exit(main())

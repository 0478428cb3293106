"""View models of the consultation commands: engagements, territories, working groups.

Pure: built from the registry and ``as_of`` (never the clock). Each view becomes JSON
(``*_to_json``, dates as ISO texts) or a format-neutral ``Tableau``/``Document``
(``convention_cli.views.blocks``) that the CLI prints and that ``presentation`` writes
as Markdown. ``commun`` holds the French formatting they share.
"""

"""Command-line interface: the only package that imports typer or rich."""

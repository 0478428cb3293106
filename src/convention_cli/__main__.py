"""Entry point for ``python -m convention_cli``."""

from convention_cli.cli.app import main

if __name__ == "__main__":
    main()

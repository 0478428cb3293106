"""One module per command; each command is thin and imports its work lazily."""

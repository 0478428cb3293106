"""Failures that stop a command, worded for people (in French).

The CLI maps them to exit codes: ``UsageError`` → 2, any other ``ConventionError`` → 1.
"""

from __future__ import annotations


class ConventionError(Exception):
    """Base of every error the tool reports to its user."""

    exit_code = 1


class UserError(ConventionError):
    """The user asked for something that cannot be done with the registry as it is."""


class UsageError(ConventionError):
    """Bad command line or unusable input path (exit code 2)."""

    exit_code = 2


class DataDirError(UsageError):
    """The ``--data`` folder is missing or is not a folder."""

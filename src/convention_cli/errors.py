"""Failures that stop a command, worded for people (in French).

The CLI maps them to exit codes: ``UsageError`` → 2, any other ``ConventionError`` → 1.
"""

from __future__ import annotations

import errno


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


class SystemRefusalError(UsageError):
    """The system refused: disk full, read-only file system, permission (exit code 2).
    Nothing was written."""


OS_ERROR_LABELS: dict[int, str] = {
    errno.ENOSPC: "disque plein",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EDQUOT: "quota de disque dépassé",
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EISDIR: "c'est un dossier",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EIO: "erreur d'entrée-sortie",
    errno.EFBIG: "fichier trop grand",
}


def os_error_label(exc: OSError) -> str:
    """An operating-system error in French (``disque plein``…), for messages."""
    label = OS_ERROR_LABELS.get(exc.errno or 0)
    return label or (exc.strerror or exc.__class__.__name__)

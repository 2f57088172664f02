"""Helpers shared by the subcommands: error lines and exit codes."""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_NO_RESULT = 1
EXIT_ERROR = 2


def fail(message: str) -> int:
    """Print one line on stderr (``qari: message``) and return the error exit code."""
    line = " ".join(str(message).split())
    print(f"qari: {line}", file=sys.stderr)
    return EXIT_ERROR

"""What every command shares: exit codes, the usage error, and printing the store's notices."""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A command-line argument that cannot be used; the message says why and what to do."""


def print_notices(notices: list[str]) -> None:
    """The store's notices (a hand edit merged, a backup kept) on stderr."""
    for notice in notices:
        print(notice, file=sys.stderr)

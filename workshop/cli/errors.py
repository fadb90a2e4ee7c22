"""What every command shares: exit codes, the usage error, and printing the store's notices."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

EXIT_OK = 0
EXIT_BAD_INPUT = 2

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]
    """What each command module adds itself to (argparse's name for it is private)."""
else:
    Commands = Any


class UsageError(Exception):
    """A command-line argument that cannot be used; the message says why and what to do (in the session's language)."""


COUNTED = {
    "stations": ("station", "stations"),
    "groups": ("group", "groups"),
    "rounds": ("round", "rounds"),
    "categories": ("category", "categories"),
    "notes": ("note", "notes"),
}
"""What the commands count: (the word for one, the word for several) in the catalogue."""


def counts(language: str, **numbers: int) -> str:
    """"3 stationer, 1 gruppe" / "3 stations, 1 group": each number with its noun, in ``language``."""
    from workshop.words import word

    parts = []
    for noun, number in numbers.items():
        one, several = COUNTED[noun]
        parts.append(f"{number} {word(one if number == 1 else several, language).lower()}")
    return ", ".join(parts)


def print_notices(notices: list[str]) -> None:
    """The store's notices (a hand edit merged, a backup kept) on stderr, in the session's language."""
    for notice in notices:
        print(notice, file=sys.stderr)

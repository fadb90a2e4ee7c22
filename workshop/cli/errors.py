"""What every command shares: exit codes, the usage error, printing (:func:`say`) and the store's notices."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_CRASH = 1
"""A bug in workshop (not the user's input): one line on stderr and the details in a log file."""

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]  # noqa: SLF001 - argparse names it privately
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
    """ "3 stationer, 1 gruppe" / "3 stations, 1 group": each number with its noun, in ``language``."""
    from workshop.words import word

    parts = []
    for noun, number in numbers.items():
        one, several = COUNTED[noun]
        parts.append(f"{number} {word(one if number == 1 else several, language).lower()}")
    return ", ".join(parts)


def refuse_unusable_new_file(path: Path, language: str) -> None:
    """A UsageError unless ``path`` can become a new session file: not there yet (not even as a link),
    in a folder that exists, named .toml. (``workshop new`` and ``workshop copy`` never replace a file.)"""
    import os

    from workshop.words import word

    if os.path.lexists(path):
        raise UsageError(word("new_exists", language, path=path))
    if not path.parent.is_dir():
        raise UsageError(word("new_no_folder", language, folder=path.parent))
    if path.suffix != ".toml":
        raise UsageError(word("new_not_toml", language, path=path))


class Drawn(str):
    """Lines the program drew itself, its own colours included (a QR code): :func:`say` prints them as they are."""


def say(*lines: str, error: bool = False, flush: bool = False) -> None:
    """Print ``lines`` (on stderr with ``error``): the one way a command prints.

    Each line is shown with its control characters escaped (``workshop.model.problems.shown``): a
    name holding an escape sequence is printed as ``\\x1b]0;title\\x07`` and never sets the
    terminal's title, clears the screen or writes the clipboard; bidi and zero-width characters
    are shown as ``\\u202e``. Only :class:`Drawn` text, which the program made, keeps its own.
    """
    from workshop.model.problems import shown

    stream: TextIO = sys.stderr if error else sys.stdout
    text = "\n".join(line if isinstance(line, Drawn) else shown(line) for line in lines)
    print(text, file=stream, flush=flush)


def print_notices(notices: list[str]) -> None:
    """The store's notices (a hand edit merged, a backup kept) on stderr, in the session's language."""
    for notice in notices:
        say(notice, error=True)


def crashed(command: str, error: BaseException, language: str | None = None) -> int:
    """Say in one line that ``workshop COMMAND`` met a bug, and where its details are; the exit code (1).

    The traceback goes to a log file readable by its owner only (it may quote the session), in
    the temporary folder; the user is asked to send it along with a report. The line is in
    ``language`` (the session's, where known; else guessed from ``LANG``).
    """
    import os
    import tempfile
    import time
    import traceback

    from workshop.model.problems import one_line
    from workshop.words import word

    details = "".join(traceback.format_exception(error))
    try:  # mkstemp: a new file of the owner's only, never one a link planted in the shared folder points at
        descriptor, log = tempfile.mkstemp(prefix=f"workshop-crash-{time.strftime('%Y%m%d-%H%M%S')}-", suffix=".log")
        with os.fdopen(descriptor, "w", encoding="utf-8", errors="replace") as handle:
            handle.write(details)
    except OSError:
        log = "-"
    summary = one_line(f"{type(error).__name__}: {error}")[:300]
    if language is None:
        language = "en" if os.environ.get("LANG", "").startswith("en") else "da"
    say(word("cli_crashed", language, command=command, summary=summary, log=log), error=True)
    return EXIT_CRASH

"""The command line's parser: argparse, with its complaints said in the session's language.

argparse words a bad argument in English ("argument --count: invalid int value: 'tre'") and
prints its usage block. Here the complaint is one line like every other refusal of the
commands: what is wrong and what to do, in the language of the session named on the command
line (Danish when there is none, or it cannot be read: the users' own), with exit code 2.
A complaint not known here keeps argparse's words, with the same pointer to ``--help``.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from workshop.cli.errors import EXIT_BAD_INPUT
from workshop.model.problems import DEFAULT_LANGUAGE, one_line
from workshop.words import word

_ARGUMENT = re.compile(r"^argument (?P<option>[^:]+): (?P<rest>.*)$", re.DOTALL)
_INVALID_VALUE = re.compile(r"^invalid (?P<type>\w+) value: (?P<value>.*)$", re.DOTALL)
_INVALID_CHOICE = re.compile(r"^invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$", re.DOTALL)
_REQUIRED = re.compile(r"^the following arguments are required: (?P<names>.*)$", re.DOTALL)
_UNRECOGNIZED = re.compile(r"^unrecognized arguments: (?P<names>.*)$", re.DOTALL)
_EXPECTED_ONE = re.compile(r"^expected one argument$")
_QUOTED = re.compile(r"""^(['"])(?P<inner>.*)\1$""", re.DOTALL)


class WorkshopParser(argparse.ArgumentParser):
    """An ArgumentParser whose complaints are one line in the session's language (its sub-parsers are too)."""

    arguments: Sequence[str] = ()
    """The command line being parsed: its session's language is looked up only when there is a complaint."""

    def error(self, message: str) -> NoReturn:
        language = language_of_arguments(self.arguments)
        said, fix = complaint(message, language)
        fix = fix or word("arg_fix_help", language, prog=self.prog)
        self.exit(EXIT_BAD_INPUT, one_line(f"{self.prog}: {said} - {fix}") + "\n")


def complaint(message: str, language: str) -> tuple[str, str]:
    """argparse's ``message`` as (what is wrong, what to do) in ``language``; the fix is "" when --help is it."""
    found = _ARGUMENT.match(message)
    option = found["option"] if found else ""
    rest = found["rest"] if found else message
    if option == "COMMAND":
        choice = _INVALID_CHOICE.match(rest)
        if choice:
            return (
                word("arg_no_command", language, value=_shown(choice["value"])),
                word("arg_fix_choice", language, choices=_listed(choice["choices"])),
            )
    if (invalid := _INVALID_VALUE.match(rest)) is not None:
        value = _shown(invalid["value"])
        if invalid["type"] == "int":
            return (
                word("arg_invalid_int", language, option=option, value=value),
                word("arg_fix_int", language, option=option),
            )
        return word("arg_invalid_value", language, option=option, value=value), ""
    if (choice := _INVALID_CHOICE.match(rest)) is not None:
        return (
            word("arg_invalid_choice", language, option=option, value=_shown(choice["value"])),
            word("arg_fix_choice", language, choices=_listed(choice["choices"])),
        )
    if _EXPECTED_ONE.match(rest):
        return word("arg_expected_one", language, option=option), word("arg_fix_value", language, option=option)
    if (required := _REQUIRED.match(rest)) is not None:
        return word("arg_required", language, names=required["names"]), ""
    if (unknown := _UNRECOGNIZED.match(rest)) is not None:
        return word("arg_unrecognized", language, names=unknown["names"]), ""
    return message, ""


def _shown(value: str) -> str:
    """argparse's repr of a value (``'tre'``) as the README writes one: ``"tre"``."""
    quoted = _QUOTED.match(value.strip())
    inner = quoted["inner"] if quoted else value.strip()
    return f'"{inner}"'


def _listed(choices: str) -> str:
    """argparse's ``'docx', 'cards'`` (or ``docx, cards``) as ``docx, cards``."""
    return ", ".join(part.strip().strip("'\"") for part in choices.split(","))


def language_of_arguments(arguments: Sequence[str]) -> str:
    """The language of the session the command line names (its first ``.toml``); Danish when none can be read.

    The file is read the way every command reads a session (never a pipe or a device, never
    more than a session's size); nothing is written.
    """
    from workshop.model.problems import SessionError, language_of_text
    from workshop.storage.session_file import read_text

    for argument in arguments:
        if argument.lower().endswith(".toml"):
            try:
                return language_of_text(read_text(Path(argument)))
            except (SessionError, ValueError):  # ValueError: a path with a NUL in it (only from Python)
                return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def parsing(arguments: Sequence[str]) -> None:
    """The command line every WorkshopParser (the sub-parsers too) is about to parse."""
    WorkshopParser.arguments = tuple(arguments)

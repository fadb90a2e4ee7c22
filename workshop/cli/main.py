"""The ``workshop`` command line: one module per command, each adding itself to the parser.

Every command turns bad input into a message on stderr that names the file, the place and
the fix (in the session's language), and exits with 2; nothing on disk is changed then.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from workshop.cli.arguments import WorkshopParser, parsing
from workshop.cli.errors import EXIT_BAD_INPUT, EXIT_OK, UsageError, crashed, say
from workshop.model.problems import SessionError, one_line

COMMANDS = ("run", "serve", "new", "check", "schedule", "groups", "note", "copy", "merge", "export", "series")
"""Each command, in the order ``workshop --help`` lists them; ``workshop.cli.<command>`` adds it."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, just that command's (a faster start: no other command is imported)."""
    parser = WorkshopParser(
        prog="workshop",
        description="Run station-round workshops: plan, run the evening, take notes, write the minutes.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS if only is None else (only,):
        module = importlib.import_module(f"workshop.cli.{name}")
        module.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` asks for (default: the program's arguments); the exit code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a name that is not UTF-8 is shown escaped, never a UnicodeEncodeError
            reconfigure(errors="backslashreplace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    first = arguments[0] if arguments else None
    parser = build_parser(first if first in COMMANDS else None)
    parsing(arguments)  # argparse's complaints in the language of the session it names
    args = parser.parse_args(arguments)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except SessionError as error:
        say(str(error), error=True)
        return EXIT_BAD_INPUT
    except UsageError as error:
        say(one_line(f"workshop {args.command}: {error}"), error=True)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK  # `workshop schedule ... | head`: the reader has what it wanted
    except Exception as error:  # noqa: BLE001 - a bug: one line and a log, never a wall of Python
        return crashed(args.command, error)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

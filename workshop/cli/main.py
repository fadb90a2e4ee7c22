"""The ``workshop`` command line: one module per command, each adding itself to the parser.

Every command turns bad input into a message on stderr that names the file, the place and
the fix, and exits with 2; nothing on disk is changed then.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from workshop.cli import check, export, groups, new, note, run, schedule
from workshop.cli.errors import EXIT_BAD_INPUT, UsageError
from workshop.model.problems import SessionError

COMMANDS = (run, new, check, schedule, groups, note, export)
"""Each command's module, in the order ``workshop --help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop",
        description="Run station-round workshops: plan, run the evening, take notes, write the minutes.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except SessionError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as error:
        print(f"workshop {args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

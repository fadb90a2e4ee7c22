"""``workshop new SESSION [--stations N] ...``: write a valid starting session."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.errors import EXIT_OK, Commands, UsageError, counts, refuse_unusable_new_file, say


def add_command(commands: Commands) -> None:
    """Add ``workshop new`` to the command line."""
    new = commands.add_parser("new", help="write a valid starting session")
    new.add_argument("session", type=Path)
    new.add_argument("--stations", type=int, default=3)
    new.add_argument("--groups", type=int, default=None, help="default: as many as stations")
    new.add_argument("--rounds", type=int, default=None, help="default: as many as stations")
    new.add_argument("--title", default=None)
    new.add_argument("--language", choices=["da", "en"], default="da")
    new.add_argument("--start", default="18:00", help='first item\'s clock time, e.g. "18:00"')
    new.add_argument("--date", default=None, help="the day, e.g. 2026-11-25")
    new.set_defaults(handler=cmd_new)


def cmd_new(args: argparse.Namespace) -> int:
    """Write the new session (never over an existing file, folder or link).

    The session speaks ``--language``, and so does this command.
    """
    from workshop.planning.starter import starter_session
    from workshop.storage import snapshot_file as snapshot
    from workshop.storage.atomic_file import write_new
    from workshop.storage.failures import problem_for
    from workshop.words import word

    path: Path = args.session
    language: str = args.language
    refuse_unusable_new_file(path, language)
    try:
        session = starter_session(
            stations=args.stations,
            groups=args.groups,
            rounds=args.rounds,
            title=args.title,
            language=language,
            start=args.start,
            date=args.date,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    try:
        write_new(path, snapshot.render(session, 0))
    except FileExistsError:
        raise UsageError(word("new_exists", language, path=path)) from None
    except OSError as error:
        problem = problem_for(error, path, language)
        raise UsageError(problem.render(path, language)) from None
    counted = counts(
        language, stations=len(session.stations), groups=len(session.groups), rounds=len(session.round_items())
    )
    say(word("new_wrote", language, path=path, counts=counted))
    return EXIT_OK

"""``workshop new SESSION [--stations N] ...``: write a valid starting session."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.errors import EXIT_OK, UsageError


def add_command(commands: argparse._SubParsersAction) -> None:
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
    from workshop.planning.starter import starter_session
    from workshop.storage import snapshot_file as snapshot

    path: Path = args.session
    if path.exists():
        raise UsageError(f"{path} exists already; choose another name (nothing was changed)")
    if not path.parent.is_dir():
        raise UsageError(f"the folder {path.parent} does not exist; create it first")
    if path.suffix != ".toml":
        raise UsageError(f"{path}: a session file ends in .toml")
    try:
        session = starter_session(
            stations=args.stations,
            groups=args.groups,
            rounds=args.rounds,
            title=args.title,
            language=args.language,
            start=args.start,
            date=args.date,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    snapshot.write(path, session, 0)
    print(
        f"wrote {path}: {len(session.stations)} stations, {len(session.groups)} groups, "
        f"{len(session.round_items())} rounds. Next: workshop run {path}"
    )
    return EXIT_OK

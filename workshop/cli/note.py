"""``workshop note SESSION --station ID --round N [...] TEXT``: add a note from a script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop.cli.errors import EXIT_OK, Commands, UsageError, print_notices


def add_command(commands: Commands) -> None:
    """Add ``workshop note`` to the command line."""
    note = commands.add_parser("note", help="add a note from a script")
    note.add_argument("session", type=Path)
    note.add_argument("--station", required=True, help="station id, e.g. s1")
    note.add_argument("--round", type=int, required=True, dest="round_number", help="round number from 1")
    note.add_argument("--group", default=None, help="group id (default: the one the rotation puts there)")
    note.add_argument(
        "--category", action="append", default=[], help="category name or id; a new name creates it"
    )
    note.add_argument("--author", default=None)
    note.add_argument("text", help="the note's text (use - to read it from standard input)")
    note.set_defaults(handler=cmd_note)


def cmd_note(args: argparse.Namespace) -> int:
    """Add the note, durably and safely beside running apps, and print its id."""
    from workshop.notes.codebook import category_for_name
    from workshop.storage.store import ChangeRefused, Store
    from workshop.words import word

    text = sys.stdin.read() if args.text == "-" else args.text
    store = Store.open(args.session, author=args.author, backup=False)
    language = store.language
    try:
        session = store.session
        if session.station(args.station) is None:
            known = ", ".join(s.id for s in session.stations)
            raise UsageError(word("note_no_station", language, station=args.station, known=known))
        rounds = len(session.round_items())
        if not 1 <= args.round_number <= rounds:
            raise UsageError(word("note_no_round", language, round=args.round_number, rounds=rounds))
        if args.group is not None and session.group(args.group) is None:
            known = ", ".join(g.id for g in session.groups)
            raise UsageError(word("note_no_group", language, group=args.group, known=known))
        categories = [category_for_name(store, name).id for name in args.category]
        note = store.add_note(args.station, args.round_number, text, group=args.group, categories=categories)
        store.fold()
        print(note.id)
    except ChangeRefused as error:
        raise UsageError(str(error)) from None
    finally:
        store.close()
        print_notices(store.notices)
    return EXIT_OK

"""``workshop note SESSION --station ID --round N [...] TEXT``: add a note from a script.

Every argument is checked against the session (opened read-only) before anything is written:
a refused note leaves no trace, no journal, no backup.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop.cli.errors import EXIT_OK, Commands, UsageError, print_notices, say


def add_command(commands: Commands) -> None:
    """Add ``workshop note`` to the command line."""
    note = commands.add_parser("note", help="add a note from a script")
    note.add_argument("session", type=Path)
    note.add_argument("--station", required=True, help="station id, e.g. s1")
    note.add_argument("--round", type=int, required=True, dest="round_number", help="round number from 1")
    note.add_argument("--group", default=None, help="group id (default: the one the rotation puts there)")
    note.add_argument("--category", action="append", default=[], help="category name or id; a new name creates it")
    note.add_argument("--author", default=None)
    note.add_argument("text", help="the note's text (use - to read it from standard input)")
    note.set_defaults(handler=cmd_note)


def cmd_note(args: argparse.Namespace) -> int:
    """Add the note, durably and safely beside running apps, and print its id."""
    from workshop.notes.codebook import category_for_name
    from workshop.storage.store import ChangeRefused, Store

    given: str | bytes = sys.stdin.buffer.read() if args.text == "-" else args.text
    with Store.open(args.session, author=args.author, backup=False, readonly=True) as looked:
        language = looked.language
        text = _text(given, language)
        _check_arguments(args, looked.session, text, language)
    store = Store.open(args.session, author=args.author, backup=False)
    try:
        categories = [category_for_name(store, name).id for name in args.category]
        note = store.add_note(args.station, args.round_number, text, group=args.group, categories=categories)
        store.fold()
        say(note.id)
    except ChangeRefused as error:
        raise UsageError(str(error)) from None
    finally:
        store.close()
        print_notices(store.notices)
    return EXIT_OK


def _text(given: str | bytes, language: str) -> str:
    """The note's text: the argument, or what standard input gave for ``-`` (UTF-8; anything else is refused)."""
    from workshop.notes.capture import clean_text
    from workshop.words import word

    if isinstance(given, str):
        text = given
    else:
        try:
            text = given.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UsageError(word("note_stdin_not_utf8", language, position=error.start + 1)) from None
    if not clean_text(text):  # the app refuses an empty note too
        raise UsageError(word("note_empty", language))
    return text


def _check_arguments(args: argparse.Namespace, session: object, text: str, language: str) -> None:
    """Refuse an argument the session cannot take (UsageError), before anything is written."""
    from workshop.model import limits
    from workshop.model.session import Session
    from workshop.words import word

    assert isinstance(session, Session)
    if session.station(args.station) is None:
        known = ", ".join(s.id for s in session.stations)
        raise UsageError(word("note_no_station", language, station=args.station, known=known))
    rounds = len(session.round_items())
    if not 1 <= args.round_number <= rounds:
        raise UsageError(word("note_no_round", language, round=args.round_number, rounds=rounds))
    if args.group is not None and session.group(args.group) is None:
        known = ", ".join(g.id for g in session.groups)
        raise UsageError(word("note_no_group", language, group=args.group, known=known))
    words = [text, args.author or "", *args.category]
    if any("\ud800" <= character <= "\udfff" for value in words for character in value):
        raise UsageError(word("note_not_utf8", language))
    if len(text) > limits.TEXT_LENGTH:
        raise UsageError(word("note_too_long", language, length=len(text), limit=limits.TEXT_LENGTH))
    for name in args.category:
        if not name.strip() or len(name) > limits.NAME_LENGTH:
            raise UsageError(word("note_bad_category", language, limit=limits.NAME_LENGTH))
    if args.author is not None and len(args.author) > limits.NAME_LENGTH:
        raise UsageError(word("note_bad_author", language, limit=limits.NAME_LENGTH))

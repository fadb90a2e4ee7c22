"""``workshop merge SESSION COPY [COPY ...] [--dry-run] [--author NAME] [--adopt]``: the evening without a network.

Where the venue has no network, each note-taker works in a copy of the session taken before the evening
(``cp sessions/aften.toml /media/usb/aften-s2.toml`` and
``cp sessions/aften.toml.journal /media/usb/aften-s2.toml.journal``,
then ``workshop run /media/usb/aften-s2.toml --station s2``);
afterwards this command merges the copies back into the session (see :mod:`workshop.storage.merge` for the
rules) and prints a report of each, in the session's language. The copies are only read. Every copy is read
and checked before anything is written: a copy that is missing, broken, the session itself or a copy of
another session is a one-line message and exit code 2, and nothing is written. ``--dry-run`` prints the
report and writes nothing at all.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.cli.errors import EXIT_OK, Commands, UsageError, print_notices, say

if TYPE_CHECKING:
    from workshop.storage.merge import Side


def add_command(commands: Commands) -> None:
    """Add ``workshop merge`` to the command line."""
    merge = commands.add_parser(
        "merge",
        help="merge note-takers' copies of a session back into it (an evening without a network)",
        description="Merge copies of SESSION, in which note-takers worked without a network, back into it: "
        "notes by id (the newer of two edits wins, the other stays in the history), categories by id and "
        "then by name; the rest stays SESSION's. Prints a report of every conflict. Merging twice changes nothing.",
    )
    merge.add_argument("session", type=Path, metavar="SESSION", help="the session to merge into")
    merge.add_argument("copies", type=Path, nargs="+", metavar="COPY", help="a copy of the session a note-taker used")
    merge.add_argument("--dry-run", action="store_true", help="print the report only; write nothing")
    merge.add_argument("--author", default=None, help="whose change the merge is in the history (default: you)")
    merge.add_argument(
        "--adopt",
        action="store_true",
        help="merge a copy whose id differs from the session's or is missing (a copy taken before the session had "
        "an id); only when you know it was copied from SESSION",
    )
    merge.set_defaults(handler=cmd_merge)


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge each copy into the session (or, with ``--dry-run``, say what merging would do) and print the report."""
    from workshop.storage.merge import identity, merge_into, plan_merge, read_side, report, simulate
    from workshop.storage.store import ChangeRefused, Store
    from workshop.words import word

    main: Path = args.session
    with Store.open(main, backup=False, readonly=True) as looked:
        print_notices(looked.notices)
        language = looked.language
        own = identity(looked)
        copies = [(path, _read_copy(path, main, own, language, args.adopt)) for path in args.copies]
        if args.dry_run:
            side = read_side(looked)
            for path, copy in copies:
                plan = plan_merge(side, copy)
                say(*report(plan, main, path, language, dry_run=True))
                side = simulate(side, plan)
            return EXIT_OK
    store = Store.open(main, author=args.author)
    try:
        for path, copy in copies:
            try:
                plan = merge_into(store, copy, source=path.name)
            except ChangeRefused as error:
                raise UsageError(word("merge_refused", language, copy=path, main=main, reason=error)) from None
            say(*report(plan, main, path, language))
        store.fold()
    finally:
        store.close()
        print_notices(store.notices)
    return EXIT_OK


def _read_copy(path: Path, main: Path, own: str, language: str, adopt: bool) -> Side:
    """One copy, read only and checked: not the session itself, and the same session (or ``adopt``)."""
    from workshop.model.problems import Problem, SessionError
    from workshop.storage.merge import identity, read_side
    from workshop.storage.store import Store
    from workshop.words import word

    def refused(where: Path, problem: Problem) -> SessionError:
        return SessionError(where, [problem], language)

    if _same_file(path, main):
        raise refused(
            path,
            Problem(
                word("merge_copy_is_main", language, main=main), word("fix_merge_copy_is_main", language, main=main)
            ),
        )
    with Store.open(path, backup=False, readonly=True) as copy:
        print_notices(copy.notices)
        found = identity(copy)
        place = ("workshop", "id")
        if not adopt and found and own and found != own:
            raise refused(
                path,
                Problem(
                    word("merge_other_session", language, found=found, own=own, main=main),
                    word("fix_merge_other_session", language, main=main),
                    place,
                ),
            )
        if not adopt and not (found and own):
            where = path if not found else main
            raise refused(
                where,
                Problem(
                    word("merge_no_identity", language, copy=path, main=main),
                    word("fix_merge_no_identity", language, copy=path, main=main),
                    place,
                ),
            )
        return read_side(copy)


def _same_file(one: Path, other: Path) -> bool:
    """Are the two paths one file (also through a link, or written differently)?"""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False

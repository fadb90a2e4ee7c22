"""``workshop check SESSION [--new-journal]``: validate a session and the changes in its journal.

``check`` only reads: it writes neither the session file nor the journal, and works on a
read-only folder. A journal that lost changes it had given (its mark says so: a ``-wal`` file
deleted, cut short or garbled after a crash, an older copy put back) is never "ok": check says
so, with the way out. ``--new-journal`` is the one exception to writing nothing, and the user's
decision when the journal is damaged, missing, behind the file, another session's or lost
changes: the old journal is set aside (never deleted), a new one starts from the file, and from
a damaged journal, or one that lost changes, the changes that can still be read are carried over.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.cli.errors import EXIT_OK, Commands, counts, print_notices, say

if TYPE_CHECKING:
    from workshop.model.session import Session


def add_command(commands: Commands) -> None:
    """Add ``workshop check`` to the command line."""
    chk = commands.add_parser(
        "check", help="validate a session (and the latest changes in its change log, SESSION.journal)"
    )
    chk.add_argument("session", type=Path)
    chk.add_argument(
        "--new-journal",
        action="store_true",
        help="when the change log beside the session (SESSION.journal) is damaged, missing, behind the file or "
        "another session's: keep the old one aside and start a new change log from the file, carrying over the "
        "changes that can still be read (close the apps on the session first)",
    )
    chk.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    """Print what the session holds when every check passes (a bad session raises SessionError)."""
    from workshop.storage.store import Store
    from workshop.words import word

    if args.new_journal:
        _new_journal(args.session)
    store = Store.open(args.session, backup=False, readonly=True, trust_cache=False)
    try:
        if store.lost is not None:  # the journal lost changes it had given: never "ok"
            from workshop.storage.failures import StorageError
            from workshop.storage.journal import journal_path

            raise StorageError(journal_path(args.session), [store.lost], store.language)
        session = store.session
        print_notices(store.notices)
        if session.series is not None:
            say(_series_counts(args.session, session))
            return EXIT_OK
        counted = counts(
            store.language,
            stations=len(session.stations),
            groups=len(session.groups),
            rounds=len(session.round_items()),
            categories=len(session.categories),
            notes=len(session.notes),
        )
        say(word("check_ok", store.language, counts=counted))
    finally:
        store.close()
    return EXIT_OK


def _series_counts(path: Path, session: Session) -> str:
    """ "ok: serie med 2 møder, 8 anbefalinger, 6 milepæle": a series is checked with its meetings."""
    from workshop.cli.series import series_view, unknown_ids
    from workshop.words import word

    view = series_view(path, session)
    language = session.workshop.language
    unknown_ids(view)
    numbers = {
        "meetings": len(view.meetings),
        "recommendations": len(view.histories),
        "milestones": len(view.series.milestones),
    }
    named = {
        f"{name}_word": word(f"series_{name[:-1]}_{'one' if count == 1 else 'many'}", language)
        for name, count in numbers.items()
    }
    return word("series_check_ok", language, **numbers, **named)


def _new_journal(path: Path) -> None:
    """Start a new journal when the old one cannot be used, and say what was done (on stderr)."""
    from workshop.model.problems import language_of_text
    from workshop.storage.recovery import HEALTHY, start_new_journal
    from workshop.storage.session_file import read_text
    from workshop.words import word

    recovery = start_new_journal(path)
    language = language_of_text(read_text(path))
    if recovery.state == HEALTHY:
        say(word("new_journal_not_needed", language, path=path), error=True)
        return
    say(
        word(
            f"new_journal_{recovery.state}",
            language,
            path=path,
            position=recovery.position,
            kept=recovery.kept or "-",
            carried=recovery.carried,
            lost=recovery.lost,
        ),
        error=True,
    )

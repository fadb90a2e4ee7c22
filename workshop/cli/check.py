"""``workshop check SESSION``: validate a session and the changes in its journal."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.errors import EXIT_OK, Commands, counts, print_notices


def add_command(commands: Commands) -> None:
    """Add ``workshop check`` to the command line."""
    chk = commands.add_parser("check", help="validate a session (and the changes in its journal)")
    chk.add_argument("session", type=Path)
    chk.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    """Print what the session holds when every check passes (a bad session raises SessionError)."""
    from workshop.storage.store import Store
    from workshop.words import word

    store = Store.open(args.session, backup=False, readonly=True, trust_cache=False)
    try:
        session = store.session
        print_notices(store.notices)
        counted = counts(
            store.language,
            stations=len(session.stations),
            groups=len(session.groups),
            rounds=len(session.round_items()),
            categories=len(session.categories),
            notes=len(session.notes),
        )
        print(word("check_ok", store.language, counts=counted))
    finally:
        store.close()
    return EXIT_OK

"""``workshop check SESSION``: validate a session and the changes in its journal."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.errors import EXIT_OK, print_notices


def add_command(commands: argparse._SubParsersAction) -> None:
    chk = commands.add_parser("check", help="validate a session (and the changes in its journal)")
    chk.add_argument("session", type=Path)
    chk.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from workshop.storage.store import Store

    store = Store.open(args.session, backup=False, readonly=True)
    try:
        session = store.session
        print_notices(store.notices)
        print(
            f"ok: {len(session.stations)} stations, {len(session.groups)} groups, "
            f"{len(session.round_items())} rounds, {len(session.categories)} categories, "
            f"{len(session.notes)} notes"
        )
    finally:
        store.close()
    return EXIT_OK

"""``workshop export SESSION [--format docx|cards|csv|all] [--out PATH] [--language da|en] [--anonymize]``.

The minutes (``docx``, the default), the route cards (``cards``), the quote table (``csv``) or
all three. The journal is folded into the session file first, so the file and the documents
agree. Each written file is printed with its path; bad input is a message and exit code 2.

:func:`add_command` registers the command on the ``workshop`` parser.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop.cli.errors import UsageError
from workshop.documents.registry import FORMATS, ExportError, export, target_path


def add_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export",
        help="write the minutes (.docx), route cards (.docx) or quote table (.csv)",
        description=(
            "Write the session's documents. docx: the minutes; cards: one route card per group; "
            "csv: every note as a row for Excel (UTF-8 with BOM, ';'); all: the three."
        ),
    )
    parser.add_argument("session", type=Path)
    parser.add_argument(
        "--format", choices=list(FORMATS), default="docx", help="which document (default: docx, the minutes)"
    )
    parser.add_argument(
        "--out", type=Path, default=None,
        help="the file to write, or a folder for the default names (default: the exports/ folder beside sessions/)",
    )
    parser.add_argument(
        "--language", choices=["da", "en"], default=None, help="the documents' language (default: the session's)"
    )
    parser.add_argument(
        "--anonymize", action="store_true",
        help="leave out the members and remove every participant's and author's name",
    )
    parser.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from workshop.documents.registry import snapshot_of
    from workshop.storage.store import Store

    kinds = FORMATS[args.format]
    out: Path | None = args.out
    if out is not None and len(kinds) > 1 and not out.is_dir():
        raise UsageError(f"--out {out}: with --format all, give an existing folder")
    store = Store.open(args.session, backup=False)
    try:
        store.fold()
        session = snapshot_of(store.session)
    finally:
        store.close()
        for notice in store.notices:
            print(notice, file=sys.stderr)
    language = args.language or session.workshop.language
    try:
        for kind in kinds:
            target = target_path(args.session, kind, language, anonymize=args.anonymize, out=out)
            done = export(
                session, kind, target, language=language, anonymize=args.anonymize, make_folder=out is None
            )
            print(f"wrote {done.path} ({done.kind.title}, {done.notes} notes)")
    except ExportError as error:
        raise UsageError(str(error)) from None
    return 0

"""``workshop copy SESSION COPY``: a copy of the session for a note-taker without a network.

The copy holds the session as it is now (the file and every change in its journal), carries the
session's identity so that ``workshop merge`` takes it back, and starts a journal of its own the
first time it is opened. The session itself is only read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.errors import EXIT_OK, Commands, UsageError, counts, print_notices, refuse_unusable_new_file, say


def add_command(commands: Commands) -> None:
    parser = commands.add_parser(
        "copy",
        help="copy the session for a note-taker without a network (merge it back with workshop merge)",
        description=(
            "Write COPY with the session as it is now and the session's identity; the note-taker runs "
            "`workshop run COPY --station ID`, and `workshop merge SESSION COPY` takes the notes back."
        ),
    )
    parser.add_argument("session", type=Path)
    parser.add_argument("copy", type=Path)
    parser.set_defaults(handler=cmd_copy)


def cmd_copy(args: argparse.Namespace) -> int:
    from workshop.storage import snapshot_file as snapshot
    from workshop.storage.atomic_file import write_new
    from workshop.storage.failures import problem_for
    from workshop.storage.store import Store
    from workshop.words import word

    with Store.open(args.session, backup=False, readonly=True) as store:
        session = store.session
        language = store.language
        print_notices(store.notices)
    target: Path = args.copy
    refuse_unusable_new_file(target, language)
    if not session.workshop.id:
        raise UsageError(word("copy_no_identity", language, path=args.session))
    try:
        write_new(target, snapshot.render(session, 0))
    except FileExistsError:
        raise UsageError(word("new_exists", language, path=target)) from None
    except OSError as error:
        raise UsageError(problem_for(error, target, language).render(target, language)) from None
    notes = counts(language, notes=len(session.notes))
    say(word("copy_wrote", language, path=target, notes=notes, session=args.session))
    return EXIT_OK

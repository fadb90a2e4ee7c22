"""``workshop run SESSION [--mode ...] [--station ID] [--author NAME]``: open the app on a session."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.cli.errors import EXIT_OK, Commands, UsageError, crashed, print_notices

if TYPE_CHECKING:
    from workshop.model.session import Session


def add_command(commands: Commands) -> None:
    """Add ``workshop run`` to the command line."""
    run = commands.add_parser("run", help="open the app on a session")
    run.add_argument("session", type=Path)
    run.add_argument(
        "--mode",
        choices=["facilitator", "notes", "secretariat", "comment"],
        default=None,
        help="start in this mode (default: facilitator, or notes with --station); comment: read the draft "
        "recommendations and comment on their sections, nothing else",
    )
    run.add_argument("--station", help="start as note-taker pinned to this station id")
    run.add_argument("--author", help="your name on the notes you write")
    run.add_argument(
        "--device",
        help="this device's id (workshop serve gives each browser its own): its name, undo and drafts are its own",
    )
    run.set_defaults(handler=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    """Open the app; when it ends, everything is folded into the file and the store's notices are printed.

    A ``--station`` the session does not have is refused before anything is written (no journal,
    no backup). The exit code is the app's: not 0 after a crash. A crash (an error the app did not
    handle) is said in one line once the session is saved, in the session's language, and its details
    are kept in a log file readable by the user only (exit code 1).
    """
    import gc

    gc.disable()  # while the app starts; its first screen turns the collector on again (tui.app)
    try:
        return _run(args)
    finally:
        gc.enable()


def _run_series(path: Path, session: Session) -> Path | None:
    """The series screen; the meeting the user chose to open (Enter), or None when they closed it."""
    from workshop.cli.series import series_view
    from workshop.tui.series_app import SeriesApp

    app = SeriesApp(series_view(path, session))
    app.run()
    if app.crash is not None:
        raise app.crash
    return app.chosen


def _run(args: argparse.Namespace) -> int:
    from workshop.storage.authors import is_device_id, release, remember_author, remembered_author, terminal_device
    from workshop.storage.store import Store
    from workshop.words import word

    station = args.station
    bad_device = args.device is not None and not is_device_id(args.device)
    if station is not None or bad_device:
        with Store.open(args.session, author=args.author, backup=False, readonly=True) as looked:
            if bad_device:
                raise UsageError(word("run_bad_device", looked.language, device=args.device))
            if station is not None and looked.session.station(station) is None:
                known = ", ".join(s.id for s in looked.session.stations)
                raise UsageError(
                    word("run_no_station", looked.language, station=station, path=args.session, known=known)
                )
    mode = args.mode or ("notes" if station else "facilitator")
    device = args.device or terminal_device(args.session, mode=mode, station=station, author=args.author)
    remembered = None if args.author else remembered_author(args.session, device)
    store = Store.open(args.session, author=args.author or remembered or "")
    store.device = device
    if args.author and args.device:  # a link's name (workshop serve): this device's name from now on
        with contextlib.suppress(OSError):  # not kept (a read-only folder): the link names it each time
            remember_author(args.session, device, args.author)
    if store.session.series is not None:  # a series file: the series screen, then the meeting chosen there
        series = store.session
        release(device)
        store.close()
        print_notices(store.notices)
        chosen = _run_series(args.session, series)
        if chosen is None:
            return EXIT_OK
        args.session = chosen
        return _run(args)
    from workshop.tui.app import WorkshopApp  # imported late: the commands that need no screen stay fast

    try:
        app = WorkshopApp(store, mode=mode, station=station, ask_author=not (args.author or remembered))
        _end_with_the_server(app.exit)
        app.run()
    finally:
        release(device)
        store.close()
        notices = list(store.notices)
        if store.stopped and store.stopped not in notices:  # shown in the app; said once more as it ends
            notices.append(store.stopped)
        print_notices(notices)
    if app.crash is not None:  # a bug: one line, in the session's language, naming the log of its details
        return crashed("run", app.crash, store.language)
    code = app.return_code
    return code if isinstance(code, int) and code != 0 else EXIT_OK


def _end_with_the_server(quit_app: Callable[[], object]) -> None:
    """In a browser (started by `workshop serve`): the app quits when its server has gone, even after kill -9."""
    import os

    from workshop.serving.lifeline import SERVER_PID, watch

    if SERVER_PID in os.environ:
        watch(quit_app)

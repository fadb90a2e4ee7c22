"""``workshop series new|add|show|decide``: a series of meetings, from meeting 1 to the decision and the follow-up.

* ``workshop series new SERIES --title T [--language da|en]`` writes a new series file;
* ``workshop series add SERIES SESSION [SESSION ...]`` adds meetings (in any order: the series
  orders them by their dates; the paths are kept relative to the series file);
* ``workshop series show SERIES`` prints the meetings in date order, the milestones with "now",
  and every recommendation with what changed and its status;
* ``workshop series decide SERIES RID --status adopted|prioritised|postponed|rejected --date
  YYYY-MM-DD [--by BODY]`` records the political decision on a recommendation.

A series file is a session file with a ``[series]`` table, kept through the same store and
journal (undo, hand edits). Bad input is one line in the series' language naming the file, the
place and the fix, exit 2, and nothing is written. ``workshop export SERIES`` writes its documents
(:func:`export_series`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.cli.errors import EXIT_OK, Commands, UsageError, print_notices, refuse_unusable_new_file, say

if TYPE_CHECKING:
    from workshop.model.session import Session
    from workshop.series.load import SeriesView
    from workshop.series.versions import History

STATUS_CHOICES = ("adopted", "prioritised", "postponed", "rejected")


def add_command(commands: Commands) -> None:
    """Add ``workshop series`` and its four commands to the command line."""
    series = commands.add_parser("series", help="a series of meetings: its meetings, timeline and decisions")
    actions = series.add_subparsers(dest="action", metavar="ACTION", required=True)

    new = actions.add_parser("new", help="write a new series file")
    new.add_argument("series", type=Path)
    new.add_argument("--title", required=True, help="the process's title")
    new.add_argument("--language", choices=["da", "en"], default="da", help="the series' language (default: da)")
    new.set_defaults(handler=cmd_new)

    add = actions.add_parser("add", help="add meetings' session files (any order: the series orders them by date)")
    add.add_argument("series", type=Path)
    add.add_argument("sessions", type=Path, nargs="+", metavar="SESSION")
    add.set_defaults(handler=cmd_add)

    show = actions.add_parser("show", help="the meetings, the milestones and every recommendation with its status")
    show.add_argument("series", type=Path)
    show.set_defaults(handler=cmd_show)

    decide = actions.add_parser("decide", help="record the political decision on a recommendation")
    decide.add_argument("series", type=Path)
    decide.add_argument("recommendation", metavar="RID")
    decide.add_argument("--status", required=True, choices=STATUS_CHOICES)
    decide.add_argument("--date", required=True, help="the day of the decision, YYYY-MM-DD")
    decide.add_argument("--by", default="", help='who decided ("Byrådet")')
    decide.set_defaults(handler=cmd_decide)


def _open_series(path: Path) -> tuple[Session, str]:
    """The series file's session, read only; a UsageError when the file is a meeting, not a series."""
    from workshop.storage.store import Store
    from workshop.words import word

    with Store.open(path, backup=False, readonly=True) as store:
        session = store.session
        print_notices(store.notices)
    language = session.workshop.language
    if session.series is None:
        raise UsageError(word("series_not_a_series", language, path=path))
    return session, language


def series_view(path: Path, session: Session) -> SeriesView:
    """The series with its meetings read; a meeting that cannot be read is one line naming it."""
    from workshop.model.problems import SessionError
    from workshop.series.load import view_of
    from workshop.words import word

    try:
        return view_of(path, session)
    except SessionError as error:
        language = session.workshop.language
        raise UsageError(word("series_meeting_unusable", language, path=path, problem=str(error))) from None


def unknown_ids(view: SeriesView) -> None:
    """A UsageError when a decision or follow-up names a recommendation no meeting of the series has."""
    from workshop.words import word

    known = {h.id for h in view.histories}
    for table in ("decisions", "follow_up"):
        for rid in getattr(view.series, table):
            if rid not in known:
                listed = known_ids(view, view.language)
                raise UsageError(
                    word("series_said_unknown_id", view.language, path=view.path, table=table, id=rid, known=listed)
                )


def known_ids(view: SeriesView, language: str) -> str:
    """The series' recommendation ids, for a line that refuses an unknown one ("none" when there is none)."""
    from workshop.words import word

    return ", ".join(h.id for h in view.histories) or word("none_defined", language)


def history_of(view: SeriesView, rid: str, path: Path, language: str) -> History:
    """The history of recommendation ``rid``; a UsageError naming the known ids when the series has no such one."""
    from workshop.words import word

    history = view.history(rid)
    if history is None:
        known = known_ids(view, language)
        raise UsageError(word("series_unknown_recommendation", language, path=path, id=rid, known=known))
    return history


def _write(path: Path, label: str, series_of: object) -> None:
    """Replace the ``[series]`` table through the store (journal, then the file), as one undoable change."""
    from workshop.storage.store import ChangeRefused, Store

    store = Store.open(path, backup=False)
    try:
        store.set_section("series", series_of, label)
        store.fold()
    except ChangeRefused as error:
        raise UsageError(str(error)) from None
    finally:
        store.close()
        print_notices(store.notices)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new, empty series (never over an existing file)."""
    from workshop.model.series import Series
    from workshop.model.session import Session, Workshop
    from workshop.storage import snapshot_file as snapshot
    from workshop.storage.atomic_file import write_new
    from workshop.storage.failures import problem_for
    from workshop.storage.store import new_session_id
    from workshop.words import word

    path: Path = args.series
    language: str = args.language
    refuse_unusable_new_file(path, language)
    title = " ".join(str(args.title).split())
    if not title:
        raise UsageError(word("series_no_title", language))
    workshop = Workshop.model_validate({"title": title, "language": language, "id": new_session_id()})
    session = Session(workshop=workshop, series=Series())
    try:
        write_new(path, snapshot.render(session, 0))
    except FileExistsError:
        raise UsageError(word("new_exists", language, path=path)) from None
    except OSError as error:
        raise UsageError(problem_for(error, path, language).render(path, language)) from None
    say(word("series_wrote", language, path=path, title=title))
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    """Add the meetings, keep them in date order, and say where each one stands."""
    from workshop.model.problems import SessionError
    from workshop.model.series import MEETINGS, Meeting
    from workshop.series.load import meeting_path, read_meeting
    from workshop.words import word

    path: Path = args.series
    session, language = _open_series(path)
    series = session.series
    assert series is not None
    dates: dict[str, dt.date | None] = {}
    for meeting in series.meetings:
        try:
            dates[meeting.file] = read_meeting(meeting_path(path, meeting.file)).workshop.date
        except SessionError:
            dates[meeting.file] = None
    added: list[str] = []
    for given in args.sessions:
        try:
            read = read_meeting(given)
        except SessionError as error:
            raise UsageError(word("series_meeting_unusable", language, path=given, problem=str(error))) from None
        if read.series is not None:
            raise UsageError(word("series_add_series", language, path=given))
        if given.resolve() == path.resolve():
            raise UsageError(word("series_add_itself", language, path=given))
        relative = Path(os.path.relpath(given.resolve(), path.resolve().parent)).as_posix()
        if relative in dates:
            continue
        dates[relative] = read.workshop.date
        added.append(relative)
    if not added:
        say(word("series_nothing_added", language, path=path))
        return EXIT_OK
    if len(dates) > MEETINGS:
        raise UsageError(word("series_too_many_meetings", language, path=path, limit=MEETINGS))
    order = {file: index for index, file in enumerate(dates)}
    files = sorted(dates, key=lambda f: (dates[f] is None, dates[f] or dt.date.max, order[f]))
    from workshop.storage.change_labels import change_label

    updated = series.model_copy(update={"meetings": [Meeting(file=f) for f in files]})
    _write(path, change_label("series_meetings_added", count=len(added)), updated)
    for file in files:
        day = dates[file]
        mark = "+" if file in added else " "
        say(f"{mark} {_day(day, language) if day else word('series_no_date', language)}  {file}")
    return EXIT_OK


def cmd_decide(args: argparse.Namespace) -> int:
    """Record the decision on one recommendation (an unknown id is refused with the known ones)."""
    from workshop.model.series import Decision
    from workshop.storage.change_labels import change_label
    from workshop.words import word

    path: Path = args.series
    session, language = _open_series(path)
    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        raise UsageError(word("series_bad_date", language, path=path, value=args.date)) from None
    view = series_view(path, session)
    rid: str = args.recommendation
    history = history_of(view, rid, path, language)
    by = " ".join(str(args.by).split())
    decision = Decision.model_validate({"status": args.status, "date": day, "by": by})
    decisions = dict(view.series.decisions)
    decisions[rid] = decision
    updated = view.series.model_copy(update={"decisions": decisions})
    _write(path, change_label("series_decided", id=rid), updated)
    number = view.number(rid)
    say(
        word(
            "series_decided_line",
            language,
            number=number,
            title=history.latest.title,
            status=word(f"status_{args.status}", language),
            date=_day(day, language),
        )
    )
    return EXIT_OK


def _day(day: dt.date, language: str) -> str:
    from workshop.series.timeline import written_day

    return written_day(day, language)


def cmd_show(args: argparse.Namespace) -> int:
    """Print the series: meetings, timeline with now, recommendations with changes and status."""
    from workshop.series.show import lines

    path: Path = args.series
    session, _ = _open_series(path)
    view = series_view(path, session)
    for line in lines(view):
        say(line)
    return EXIT_OK


def export_series(args: argparse.Namespace, session: Session) -> int:
    """``workshop export SERIES --format recommendations|changes|timeline|status|memo``: write one series document."""
    from workshop.documents.registry import ExportError
    from workshop.documents.series_documents import SERIES_OPTIONS, export_series_document, series_file_name
    from workshop.words import word

    path: Path = args.session
    speak = session.workshop.language
    language = args.language or speak
    option: str = args.format
    if option not in SERIES_OPTIONS:
        raise UsageError(
            word("series_format_unknown", speak, path=path, value=option, choices=", ".join(SERIES_OPTIONS))
        )
    if args.anonymize or args.hosts_as_roles:
        raise UsageError(word("series_no_anonymize", speak, path=path))
    view = series_view(path, session)
    rid: str | None = args.recommendation
    if option == "memo" and rid is None:
        raise UsageError(word("series_memo_needs_recommendation", speak, path=path))
    if rid is not None:
        history_of(view, rid, path, speak)
    out: Path | None = args.out
    name = series_file_name(path, option, language, rid)
    if out is None:
        from workshop.documents.registry import default_folder

        target = default_folder(path) / name
    elif out.is_dir():
        target = out / name
    elif out.suffix.lower() != ".docx":
        raise UsageError(word("series_out_docx", speak, out=out))
    else:
        target = out
    try:
        export_series_document(view, option, target, language=language, recommendation=rid, make_folder=out is None)
    except ExportError as error:
        raise UsageError(str(error)) from None
    say(word("series_export_wrote", speak, path=target))
    return EXIT_OK

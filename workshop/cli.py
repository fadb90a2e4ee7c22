"""The ``workshop`` command line.

Every command turns bad input into a message on stderr that names the file, the place and
the fix, and exits with 2; nothing on disk is changed then.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .problems import Problem, SessionError

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A command-line argument that cannot be used; the message says why and what to do."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop",
        description="Run station-round workshops: plan, run the evening, take notes, write the minutes.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = commands.add_parser("run", help="open the app on a session")
    run.add_argument("session", type=Path)
    run.add_argument(
        "--mode",
        choices=["facilitator", "notes", "secretariat"],
        default=None,
        help="start in this mode (default: facilitator, or notes with --station)",
    )
    run.add_argument("--station", help="start as note-taker pinned to this station id")
    run.add_argument("--author", help="your name on the notes you write")
    run.set_defaults(handler=cmd_run)

    new = commands.add_parser("new", help="write a valid starting session")
    new.add_argument("session", type=Path)
    new.add_argument("--stations", type=int, default=3)
    new.add_argument("--groups", type=int, default=None, help="default: as many as stations")
    new.add_argument("--rounds", type=int, default=None, help="default: as many as stations")
    new.add_argument("--title", default=None)
    new.add_argument("--language", choices=["da", "en"], default="da")
    new.add_argument("--start", default="18:00", help='first item\'s clock time, e.g. "18:00"')
    new.add_argument("--date", default=None, help="the day, e.g. 2026-11-25")
    new.set_defaults(handler=cmd_new)

    chk = commands.add_parser("check", help="validate a session (and the changes in its journal)")
    chk.add_argument("session", type=Path)
    chk.set_defaults(handler=cmd_check)

    schedule = commands.add_parser("schedule", help="print the rotation")
    schedule.add_argument("session", type=Path)
    schedule.add_argument("--json", action="store_true", help="print JSON instead of a table")
    schedule.add_argument(
        "--mode", choices=["groups", "remix"], default=None,
        help="groups rotate, or people re-mix (default: the session's [schedule] mode)",
    )
    schedule.add_argument(
        "--extra-groups", choices=["pause", "share"], default=None,
        help="with more groups than stations: groups wait in turn, or share stations",
    )
    schedule.add_argument("--williams", action="store_true", default=None, help="carry-over balance")
    schedule.add_argument("--seed", type=int, default=None, help="the re-mix's seed")
    schedule.set_defaults(handler=cmd_schedule)

    groups = commands.add_parser("groups", help="form balanced groups from the participants")
    groups.add_argument("session", type=Path)
    groups.add_argument("--count", type=int, required=True, help="how many groups")
    groups.add_argument("--balance", choices=["affiliation", "none"], default="affiliation")
    groups.add_argument("--apart", action="append", default=[], metavar="A,B", help="two people never together")
    groups.add_argument("--together", action="append", default=[], metavar="A,B", help="two people always together")
    groups.add_argument("--pin", action="append", default=[], metavar="NAME=GROUP", help="a person in group GROUP (1, 2, ...)")
    groups.add_argument("--seed", type=int, default=0)
    groups.add_argument("--write", action="store_true", help="save the groups into the session")
    groups.set_defaults(handler=cmd_groups)

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

    from .export_command import add_export_command

    add_export_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except SessionError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as error:
        print(f"workshop {args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _print_notices(notices: list[str]) -> None:
    for notice in notices:
        print(notice, file=sys.stderr)


# run -----------------------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    from .store import Store

    store = Store.open(args.session, author=args.author)
    station = args.station
    if station is not None and store.session.station(station) is None:
        known = ", ".join(s.id for s in store.session.stations)
        store.close()
        raise UsageError(f'--station "{station}": no such station in {args.session}; use one of {known}')
    mode = args.mode or ("notes" if station else "facilitator")
    from .tui.app import WorkshopApp  # imported late: the commands that need no screen stay fast

    app = WorkshopApp(store, mode=mode, station=station)
    try:
        app.run()
    finally:
        store.close()
        _print_notices(store.notices)
    return EXIT_OK


# new -----------------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    from .starter import starter_session
    from . import snapshot

    path: Path = args.session
    if path.exists():
        raise UsageError(f"{path} exists already; choose another name (nothing was changed)")
    if not path.parent.is_dir():
        raise UsageError(f"the folder {path.parent} does not exist; create it first")
    if path.suffix != ".toml":
        raise UsageError(f"{path}: a session file ends in .toml")
    try:
        session = starter_session(
            stations=args.stations,
            groups=args.groups,
            rounds=args.rounds,
            title=args.title,
            language=args.language,
            start=args.start,
            date=args.date,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    snapshot.write(path, session, 0)
    print(
        f"wrote {path}: {len(session.stations)} stations, {len(session.groups)} groups, "
        f"{len(session.round_items())} rounds. Next: workshop run {path}"
    )
    return EXIT_OK


# check ---------------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from .store import Store

    store = Store.open(args.session, backup=False, readonly=True)
    try:
        session = store.session
        _print_notices(store.notices)
        print(
            f"ok: {len(session.stations)} stations, {len(session.groups)} groups, "
            f"{len(session.round_items())} rounds, {len(session.categories)} categories, "
            f"{len(session.notes)} notes"
        )
    finally:
        store.close()
    return EXIT_OK


# schedule ------------------------------------------------------------------------------------


def cmd_schedule(args: argparse.Namespace) -> int:
    from .rotation import RotationError, plan, remixed, rotation
    from .store import Store
    from .timetable import clock, round_slots

    store = Store.open(args.session, backup=False, readonly=True)
    store.close()
    session = store.session
    overrides = {
        key: value
        for key, value in (
            ("mode", args.mode),
            ("extra_groups", args.extra_groups),
            ("williams", args.williams),
            ("seed", args.seed),
        )
        if value is not None
    }
    if overrides:
        session = session.model_copy(update={"schedule": session.schedule.model_copy(update=overrides)})
    remix_mode = session.schedule.mode == "remix" and not session.rotation
    try:
        rounds = rotation(session)
        costs = [] if session.rotation or remix_mode else plan(session).costs
        mixed = remixed(session) if remix_mode else None
    except RotationError as error:
        raise SessionError(
            args.session, [Problem(str(error), "change the counts or the [schedule], or add [[rotation]] tables")]
        ) from None
    slots = round_slots(session)
    if args.json:
        data: dict = {
            "rounds": [
                {
                    "round": number,
                    "start": clock(slots[number - 1].start, "en") if number <= len(slots) else None,
                    "end": clock(slots[number - 1].end, "en") if number <= len(slots) else None,
                    "stations": {s.id: list(r.get(s.id, [])) for s in session.stations},
                }
                for number, r in enumerate(rounds, start=1)
            ]
        }
        if mixed is not None:
            from .remix import contact_stats

            stats = contact_stats(mixed.rounds)
            data["contacts"] = {
                "distinct_pairs": stats.distinct_pairs, "min": stats.min, "mean": stats.mean, "max": stats.max,
            }
            data["gave_way"] = list(mixed.gave_way)
        if costs:
            data["costs"] = costs
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    from .schedule_table import render_rotation

    print(render_rotation(session, rounds, slots))
    for cost in costs:
        print(f"- {cost}")
    if mixed is not None:
        from .remix import contact_stats

        stats = contact_stats(mixed.rounds)
        print(
            f"people met: min {stats.min}, mean {stats.mean:.1f}, max {stats.max} "
            f"({stats.distinct_pairs} distinct pairs; {mixed.method})"
        )
        for sentence in mixed.gave_way:
            print(f"- {sentence}")
    return EXIT_OK


# groups --------------------------------------------------------------------------------------


def _pair(text: str, option: str) -> tuple[str, str]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(parts):
        raise UsageError(f'{option} "{text}": give two names separated by a comma, e.g. "Anna Berg,Bo Dam"')
    return parts[0], parts[1]


def cmd_groups(args: argparse.Namespace) -> int:
    from .grouping import GroupingError, Person
    from .labels import label
    from .regroup import propose, save_groups
    from .store import ChangeRefused, Store

    store = Store.open(args.session, backup=args.write, readonly=not args.write)
    try:
        session = store.session
        people = [Person(m.name, m.affiliation) for m in session.people()]
        names = {p.name for p in people}
        apart = [_pair(text, "--apart") for text in args.apart]
        together = [_pair(text, "--together") for text in args.together]
        pinned: dict[str, int] = {}
        for text in args.pin:
            name, _, number = text.rpartition("=")
            if not name or not number.strip().isdigit():
                raise UsageError(f'--pin "{text}": write NAME=GROUP, e.g. "Anna Berg=2"')
            pinned[name.strip()] = int(number)
        for name in [n for pair in apart + together for n in pair] + list(pinned):
            if name not in names:
                raise UsageError(f'"{name}" is not a participant of {args.session}')
        try:
            result = propose(
                session,
                args.count,
                balance=None if args.balance == "none" else "affiliation",
                apart=apart,
                together=together,
                pinned=pinned,
                seed=args.seed,
            )
        except GroupingError as error:
            raise UsageError(str(error)) from None
        language = session.workshop.language
        affiliation = {p.name: p.affiliation for p in people}
        for number, members in enumerate(result.groups, start=1):
            shown = ", ".join(f"{n} ({affiliation[n]})" if affiliation[n] else n for n in members)
            print(f"{label('group', language)} {number} ({len(members)}): {shown}")
        for sentence in result.gave_way:
            print(f"- gave way: {sentence}")
        if args.write:
            try:
                save_groups(store, result.groups)
            except ChangeRefused as error:
                raise UsageError(f"the groups were not saved: {error}") from None
            print(f"saved {len(result.groups)} groups in {args.session}")
    finally:
        store.close()
    return EXIT_OK


# note ----------------------------------------------------------------------------------------


def cmd_note(args: argparse.Namespace) -> int:
    from .codebook import category_for_name
    from .store import ChangeRefused, Store

    text = sys.stdin.read() if args.text == "-" else args.text
    store = Store.open(args.session, author=args.author, backup=False)
    try:
        session = store.session
        if session.station(args.station) is None:
            known = ", ".join(s.id for s in session.stations)
            raise UsageError(f'--station "{args.station}": no such station; use one of {known}')
        rounds = len(session.round_items())
        if not 1 <= args.round_number <= rounds:
            raise UsageError(f"--round {args.round_number}: the programme has rounds 1 to {rounds}")
        if args.group is not None and session.group(args.group) is None:
            known = ", ".join(g.id for g in session.groups)
            raise UsageError(f'--group "{args.group}": no such group; use one of {known}')
        categories = [category_for_name(store, name).id for name in args.category]
        note = store.add_note(args.station, args.round_number, text, group=args.group, categories=categories)
        store.fold()
        print(note.id)
    except ChangeRefused as error:
        raise UsageError(str(error)) from None
    finally:
        store.close()
        _print_notices(store.notices)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

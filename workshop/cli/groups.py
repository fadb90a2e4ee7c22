"""``workshop groups SESSION --count N [...]``: form balanced groups from the participants."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.errors import EXIT_OK, UsageError


def add_command(commands: argparse._SubParsersAction) -> None:
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


def _pair(text: str, option: str) -> tuple[str, str]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(parts):
        raise UsageError(f'{option} "{text}": give two names separated by a comma, e.g. "Anna Berg,Bo Dam"')
    return parts[0], parts[1]


def cmd_groups(args: argparse.Namespace) -> int:
    from workshop.scheduling.grouping import GroupingError, Person
    from workshop.scheduling.regroup import propose, save_groups
    from workshop.storage.store import ChangeRefused, Store
    from workshop.words import word

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
            print(f"{word('group', language)} {number} ({len(members)}): {shown}")
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

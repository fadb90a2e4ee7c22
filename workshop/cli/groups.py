"""``workshop groups SESSION --count N [...]``: form balanced groups from the participants.

Prints the groups and the wishes that gave way in the session's language; ``--write`` saves them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.errors import EXIT_OK, UsageError, print_notices, say


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``workshop groups`` on the ``workshop`` parser."""
    groups = commands.add_parser("groups", help="form balanced groups from the participants")
    groups.add_argument("session", type=Path)
    groups.add_argument("--count", type=int, required=True, help="how many groups")
    groups.add_argument("--balance", choices=["affiliation", "none"], default="affiliation")
    groups.add_argument("--apart", action="append", default=[], metavar="A,B", help="two people never together")
    groups.add_argument("--together", action="append", default=[], metavar="A,B", help="two people always together")
    groups.add_argument(
        "--pin", action="append", default=[], metavar="NAME=GROUP", help="a person in group GROUP (1, 2, ...)"
    )
    groups.add_argument("--seed", type=int, default=0)
    groups.add_argument("--write", action="store_true", help="save the groups into the session")
    groups.set_defaults(handler=cmd_groups)


def _pair(text: str, option: str, language: str) -> tuple[str, str]:
    """ "Anna Berg,Bo Dam" -> ("Anna Berg", "Bo Dam"); anything else is a usage error."""
    from workshop.words import word

    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(parts):
        raise UsageError(word("cost_option_pair", language, option=option, text=text))
    return parts[0], parts[1]


def cmd_groups(args: argparse.Namespace) -> int:
    """Form the groups, print them and what gave way, and save them with ``--write``.

    Every argument is checked with the session opened read-only; only then, and only with
    ``--write``, is anything written (a refused command leaves no journal and no backup).
    """
    from workshop.model import limits
    from workshop.planning.evening_guard import moves_people_during_the_evening
    from workshop.planning.setup import save_groups
    from workshop.scheduling.grouping import GroupingError
    from workshop.scheduling.regroup import propose
    from workshop.storage.store import ChangeRefused, Store
    from workshop.words import word
    from workshop.words.phrases import affiliation

    with Store.open(args.session, backup=False, readonly=True) as looked:
        session = looked.session
        language = session.workshop.language
        if not 1 <= args.count <= limits.GROUPS:
            raise UsageError(word("groups_bad_count", language, count=args.count, limit=limits.GROUPS))
        names = {m.name for m in session.people()}
        apart = [_pair(text, "--apart", language) for text in args.apart]
        together = [_pair(text, "--together", language) for text in args.together]
        pinned: dict[str, int] = {}
        for text in args.pin:
            name, _, number = text.rpartition("=")
            if not name or not number.strip().isdigit() or len(number.strip()) > 6:
                raise UsageError(word("cost_option_pin", language, text=text))
            pinned[name.strip()] = int(number)
        for name in [n for pair in apart + together for n in pair] + list(pinned):
            if name not in names:
                raise UsageError(word("cost_not_a_participant", language, name=name, session=args.session))
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
    affiliation_of = {m.name: affiliation(m.affiliation, language) for m in session.people()}
    for number, members in enumerate(result.groups, start=1):
        shown = ", ".join(f"{n} ({affiliation_of[n]})" if affiliation_of[n] else n for n in members)
        group = f"{word('group', language)} {number}"
        say(word("cost_group_line", language, group=group, count=len(members), members=shown))
    for sentence in result.gave_way:
        say(word("cost_gave_way_line", language, sentence=sentence))
    if args.write:
        with Store.open(args.session) as store:
            if moves_people_during_the_evening(store, lambda through: save_groups(through, result.groups)):
                # The app shows the rounds before and after and asks; a script cannot ask.
                raise UsageError(word("groups_evening_runs", language))
            try:
                save_groups(store, result.groups)
            except ChangeRefused as error:
                raise UsageError(word("cost_groups_not_saved", language, error=error)) from None
            print_notices(store.notices)
        say(word("cost_groups_saved", language, count=len(result.groups), path=args.session))
    return EXIT_OK

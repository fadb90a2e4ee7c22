"""``workshop schedule SESSION [--json] [--mode groups|remix] ...``: print the rotation."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workshop.cli.errors import EXIT_OK
from workshop.model.problems import Problem, SessionError


def add_command(commands: argparse._SubParsersAction) -> None:
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


def cmd_schedule(args: argparse.Namespace) -> int:
    from workshop.scheduling.rotation import RotationError, plan, remixed, rotation
    from workshop.scheduling.timetable import clock, round_slots
    from workshop.storage.store import Store

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
            from workshop.scheduling.remix import contact_stats

            stats = contact_stats(mixed.rounds)
            data["contacts"] = {
                "distinct_pairs": stats.distinct_pairs, "min": stats.min, "mean": stats.mean, "max": stats.max,
            }
            data["gave_way"] = list(mixed.gave_way)
        if costs:
            data["costs"] = costs
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    from workshop.scheduling.schedule_table import render_rotation

    print(render_rotation(session, rounds, slots))
    for cost in costs:
        print(f"- {cost}")
    if mixed is not None:
        from workshop.scheduling.remix import contact_stats

        stats = contact_stats(mixed.rounds)
        print(
            f"people met: min {stats.min}, mean {stats.mean:.1f}, max {stats.max} "
            f"({stats.distinct_pairs} distinct pairs; {mixed.method})"
        )
        for sentence in mixed.gave_way:
            print(f"- {sentence}")
    return EXIT_OK

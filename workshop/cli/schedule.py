"""``workshop schedule SESSION [--json] [--mode groups|remix] ...``: print the rotation.

The table fits the terminal's width; below it, what the shape costs ("2 grupper venter i hver
runde") or, re-mixing, who met whom, in the session's language.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path
from typing import Any

from workshop.cli.errors import EXIT_OK, say
from workshop.model.problems import Problem, SessionError, json_shown, one_line
from workshop.model.session import Session


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``workshop schedule`` on the ``workshop`` parser."""
    schedule = commands.add_parser("schedule", help="print the rotation")
    schedule.add_argument("session", type=Path)
    schedule.add_argument("--json", action="store_true", help="print JSON instead of a table")
    schedule.add_argument(
        "--mode",
        choices=["groups", "remix"],
        default=None,
        help="groups rotate, or people re-mix (default: the session's [schedule] mode)",
    )
    schedule.add_argument(
        "--extra-groups",
        choices=["pause", "share"],
        default=None,
        help="with more groups than stations: groups wait in turn, or share stations",
    )
    schedule.add_argument(
        "--williams",
        action="store_true",
        default=None,
        help="balanced order: every station follows every other equally often",
    )
    schedule.add_argument("--seed", type=int, default=None, help="the re-mix's seed")
    schedule.set_defaults(handler=cmd_schedule)


def cmd_schedule(args: argparse.Namespace) -> int:
    """Print the session's rotation as on the slide (or as JSON) and what it costs."""
    from workshop.model.validation import size_problems
    from workshop.scheduling.contacts import contact_stats
    from workshop.scheduling.regroup import costs
    from workshop.scheduling.rotation import RotationError, remixed, remixing, rotation
    from workshop.scheduling.timetable import clock, round_slots
    from workshop.storage.store import Store
    from workshop.words import word

    store = Store.open(args.session, backup=False, readonly=True)
    store.close()
    session = store.session
    language = session.workshop.language
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
        too_large = size_problems(session, language)  # e.g. --mode remix on more people than re-mixing takes
        if too_large:
            raise SessionError(args.session, too_large, language)
    try:
        rounds = rotation(session)
        sentences = costs(session)
        mixed = remixed(session) if remixing(session) else None
    except RotationError as error:
        problem = Problem(str(error), word("cost_fix_shape", language))
        raise SessionError(args.session, [problem], language) from None
    slots = round_slots(session)
    if args.json:
        data: dict[str, Any] = {
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
            stats = contact_stats(mixed.rounds)
            data["contacts"] = {
                "distinct_pairs": stats.distinct_pairs,
                "min": stats.min,
                "mean": stats.mean,
                "max": stats.max,
            }
            data["method"] = mixed.method
            data["gave_way"] = list(mixed.gave_way)
        elif sentences:
            data["costs"] = sentences
        say(json_shown(json.dumps(data, ensure_ascii=False, indent=2)))
        return EXIT_OK
    from workshop.scheduling.schedule_table import render_rotation, terminal_width

    width = terminal_width()
    say(render_rotation(names_shown(session), rounds, slots, width))
    for sentence in sentences:
        say(textwrap.fill(sentence, width, initial_indent="- ", subsequent_indent="  ", break_on_hyphens=False))
    return EXIT_OK


def names_shown(session: Session) -> Session:
    """The session with its stations' and groups' names as the table shows them: control, bidi and
    zero-width characters escaped before the columns are measured, so the table stays aligned."""
    stations = [s.model_copy(update={"name": one_line(s.name), "host": one_line(s.host)}) for s in session.stations]
    groups = [g.model_copy(update={"name": one_line(g.name)}) for g in session.groups]
    return session.model_copy(update={"stations": stations, "groups": groups})

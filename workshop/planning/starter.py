"""A valid starting session for ``workshop new``: a programme, stations, groups, a codebook."""

from __future__ import annotations

import datetime as dt

from workshop.model.session import (
    Category,
    Group,
    ProgramItem,
    Session,
    Station,
    Workshop,
    parse_clock,
)
from workshop.words import word

QUESTIONS = {
    "da": ["Er der noget vi har overset?", "Noget der mangler at blive beskrevet?", "Vil det skabe merværdi?"],
    "en": ["Have we overlooked anything?", "Is something missing from the description?", "Will it add value?"],
}


def starter_session(
    *,
    stations: int = 3,
    groups: int | None = None,
    rounds: int | None = None,
    title: str | None = None,
    language: str = "da",
    start: str = "18:00",
    date: str | None = None,
) -> Session:
    """A session with ``stations`` stations, groups and rounds (the cyclic rotation)."""
    groups = stations if groups is None else groups
    rounds = max(stations, groups) if rounds is None else rounds
    if stations < 1:
        raise ValueError("--stations must be 1 or more")
    if groups < 1 or rounds < 1:
        raise ValueError("--groups and --rounds must be 1 or more")
    if rounds > max(stations, groups):
        raise ValueError(
            f"--rounds {rounds}: with {stations} stations and {groups} groups every group has visited "
            f"every station after {max(stations, groups)} rounds"
        )
    try:
        start_time = parse_clock(start)
    except ValueError:
        raise ValueError(f'--start "{start}": give a clock time such as 18:00') from None
    try:
        day = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise ValueError(f'--date "{date}": give a date such as 2026-11-25') from None
    da = language == "da"
    program = [ProgramItem(title="Velkomst" if da else "Welcome", minutes=15, kind="plenary")]
    for number in range(1, rounds + 1):
        program.append(ProgramItem(title=f"{word('round', language)} {number}", minutes=30, kind="round"))
        if number == (rounds + 1) // 2 and rounds > 1:
            program.append(ProgramItem(title=word("break", language), minutes=15, kind="break"))
    program.append(ProgramItem(title=word("summary", language) + (" i plenum" if da else " in plenary"), minutes=20))
    return Session(
        workshop=Workshop(
            title=title or ("Workshop" if not da else "Værksted"),
            language=language,  # type: ignore[arg-type]
            start=start_time,
            date=day,
        ),
        program=program,
        stations=[
            Station(id=f"s{n}", name=f"{word('station', language)} {n}", questions=list(QUESTIONS[language]))
            for n in range(1, stations + 1)
        ],
        groups=[Group(id=f"g{n}", name=f"{word('group', language)} {n}") for n in range(1, groups + 1)],
        categories=[
            Category(id="c1", name="Idé" if da else "Idea", key=1, colour="#4e79a7"),
            Category(id="c2", name="Bekymring" if da else "Concern", key=2, colour="#e15759"),
        ],
    )

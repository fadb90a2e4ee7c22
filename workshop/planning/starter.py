"""A valid starting session for ``workshop new``: a programme, stations, groups, a codebook.

Its words (the programme's titles, the stations' questions, the categories) are in the new
session's language, from :mod:`workshop.words.cli`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from workshop.model import limits
from workshop.model.session import (
    LANGUAGES,
    Category,
    Group,
    Language,
    ProgramItem,
    Session,
    Station,
    Workshop,
    parse_clock,
)
from workshop.words import word

QUESTIONS = ("starter_question_1", "starter_question_2", "starter_question_3")
"""The questions every station of a new session starts with (catalogue keys)."""


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
    """A session with ``stations`` stations, groups and rounds (the cyclic rotation).

    Raises ValueError with a message in ``language`` that names the option to change.
    """
    session_language = _language(language)
    groups = stations if groups is None else groups
    rounds = max(stations, groups) if rounds is None else rounds
    if stations < 1:
        raise ValueError(word("new_too_few_stations", language))
    if groups < 1 or rounds < 1:
        raise ValueError(word("new_too_few", language))
    for option, count, limit in (
        ("--stations", stations, limits.STATIONS),
        ("--groups", groups, limits.GROUPS),
        ("--rounds", rounds, limits.ROUNDS),
    ):
        if count > limit:
            raise ValueError(word("new_too_many", language, option=option, count=count, limit=limit))
    if title is not None and not 0 < len(title.strip()) <= limits.NAME_LENGTH:
        raise ValueError(word("new_bad_title", language, limit=limits.NAME_LENGTH))
    if rounds > max(stations, groups):
        raise ValueError(
            word(
                "new_too_many_rounds",
                language,
                rounds=rounds,
                stations=stations,
                groups=groups,
                needed=max(stations, groups),
            )
        )
    try:
        start_time = parse_clock(start)
    except ValueError:
        raise ValueError(word("new_bad_start", language, value=start)) from None
    try:
        day = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise ValueError(word("new_bad_date", language, value=date)) from None
    if day is not None and not limits.FIRST_DATE <= day <= limits.LAST_DATE:
        raise ValueError(word("new_bad_date", language, value=date))
    program = [ProgramItem(title=word("starter_welcome", language), minutes=15, kind="plenary")]
    for number in range(1, rounds + 1):
        program.append(ProgramItem(title=f"{word('round', language)} {number}", minutes=30, kind="round"))
        if number == (rounds + 1) // 2 and rounds > 1:
            program.append(ProgramItem(title=word("break", language), minutes=15, kind="break"))
    program.append(ProgramItem(title=word("starter_plenary_summary", language), minutes=20))
    questions = [word(key, language) for key in QUESTIONS]
    return Session(
        workshop=Workshop(
            id=str(uuid.uuid4()),
            title=title.strip() if title else word("starter_title", language),
            language=session_language,
            start=start_time,
            date=day,
        ),
        program=program,
        stations=[
            Station(id=f"s{n}", name=f"{word('station', language)} {n}", questions=list(questions))
            for n in range(1, stations + 1)
        ],
        groups=[Group(id=f"g{n}", name=f"{word('group', language)} {n}") for n in range(1, groups + 1)],
        categories=[
            Category(id="c1", name=word("starter_idea", language), key=1, colour="#4e79a7"),
            Category(id="c2", name=word("starter_concern", language), key=2, colour="#e15759"),
        ],
    )


def _language(language: str) -> Language:
    """``language`` as the model's type; a language the app does not speak is a ValueError."""
    for known in LANGUAGES:
        if language == known:
            return known
    raise ValueError(f"--language {language}: use one of {', '.join(LANGUAGES)}")

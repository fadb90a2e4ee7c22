"""The largest session the app accepts: limits a real workshop never reaches.

A committee's evening has a handful of stations, a few dozen people and some hundred notes.
Far beyond that, a number is a typo or an attack (``minutes = 10**30``, ``workshop new
--stations 100000``), and every command must stay fast at the limit itself. Each limit is
checked with the usual message (where, what, the fix); the README's bad-input section lists them.
"""

from __future__ import annotations

import datetime as dt

STATIONS = 100
"""Stations in a session."""
GROUPS = 100
"""Groups in a session (and ``workshop groups --count``)."""
ROUNDS = 100
"""Rounds: round items in the programme, and ``[[rotation]]`` tables."""
PROGRAM_ITEMS = 200
"""Items in the programme, of every kind."""
PEOPLE = 1_000
"""People: the members of every group and the participants without one, together."""
REMIX_PEOPLE = 120
"""People when they re-mix (World Café): the search for the most new encounters is slow beyond this."""
REMIX_STATIONS = 30
"""Stations when people re-mix."""
CATEGORIES = 500
"""Categories in the codebook."""
NOTES = 20_000
"""Notes in a session (an evening gives some hundred)."""
QUESTIONS = 50
"""Questions of one station."""
RECOMMENDATIONS = 500
"""Recommendations and themes, each."""
APART = 1_000
"""Keep-apart pairs in ``[schedule]``."""

MINUTES = 1_440
"""Minutes of one programme item (a whole day)."""
EXTRA_MINUTES = 1_440
"""Minutes added to (or taken from) the running item."""
PAUSED_SECONDS = 7 * 24 * 60 * 60
"""Seconds the clock of one item may have been paused (a week)."""
SEED = 2**63 - 1
"""The largest seed of the re-mix (and the smallest is minus this)."""

ID_LENGTH = 200
"""Characters of an id (a station's "s1", a note's uuid)."""
NAME_LENGTH = 1_000
"""Characters of a name or title (a station's theme, a person, a category)."""
TEXT_LENGTH = 100_000
"""Characters of a long text: a note, a question, a description, a summary, a recommendation's section."""

FIRST_DATE = dt.date(1900, 1, 1)
"""The earliest date or time in a session."""
LAST_DATE = dt.date(2199, 12, 31)
"""The latest date or time in a session."""

DEPTH = 10
"""Tables and lists inside each other (a session needs five)."""
FILE_BYTES = 20_000_000
"""Bytes of a session file (10,000 notes take about 3.5 MB)."""

SECTION_SIZES: dict[str, int] = {
    "program": PROGRAM_ITEMS,
    "stations": STATIONS,
    "groups": GROUPS,
    "participants": PEOPLE,
    "categories": CATEGORIES,
    "rotation": ROUNDS,
    "notes": NOTES,
    "themes": RECOMMENDATIONS,
    "recommendations": RECOMMENDATIONS,
}
"""The most entries each top-level array of a session file may have."""

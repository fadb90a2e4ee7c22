"""Undo in its own lane: which part of the work a change belongs to, and which parts each role takes back.

Several people often run as one login on one machine (the facilitator's, the secretariat's and a
note-taker's app all as "root"), so the author alone cannot tell whose change is whose: ctrl+z in
the facilitator's screen once took back the secretariat's summary. Each change therefore belongs
to *lanes*, read from what it changes (its operations, so journals written before lanes existed
work the same):

* ``notes`` - notes and their coding: adding, editing, deleting a note, a category put on or taken off;
* ``codebook`` - the ``categories`` section (create, rename, merge, split, delete a category);
* ``summaries`` - the ``summary`` section (each station's summary and the overall one) and ``anonymizing``
  (the secretariat's decisions on words that are both a name and an ordinary word);
* ``recommendations`` - the ``recommendations``, ``themes``, ``agenda`` and ``series`` sections, and a note's
  link to a recommendation's section (a note whose only change is that link);
* ``comments`` - the ``comments`` section: the members' comments on the drafts between meetings, and the
  secretariat's marks that one is handled;
* ``setup`` - ``workshop``, ``program``, ``stations``, ``groups``, ``participants``, ``rotation``, ``schedule``;
* ``clock`` - the ``live`` section (the evening's clock; it has its own undo key, which never uses these lanes).

A change belongs to **every** lane it touches: merging two categories changes the codebook and the
notes that had them, so it is in both ``codebook`` and ``notes``; removing a station during the
evening changes the programme and the clock's minutes, so it is in ``setup`` and ``clock``. Undo in
a set of lanes takes back the author's newest change that touches **any** of them, so whoever made
a change across lanes can always take it back from the role that made it (the note-taker the merge,
the facilitator the station). No change the app makes mixes the lanes of two roles that do not share
one (setup never changes notes or summaries; the secretariat's and note-taker's changes never change
setup), which is what keeps the facilitator's undo away from the secretariat's summary.

A role is a set of lanes (:data:`ROLE_LANES`, by the app's mode): the note-taker takes back notes
and codebook changes, the secretariat summaries, recommendations, comments' handled marks, notes and the
codebook (the secretariat recodes), the facilitator the setup, a member in the comment mode their
comments. Redo keeps a stack per set of lanes: a new change in some lanes empties only the redo of the
lane sets that share one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

NOTES = "notes"
CODEBOOK = "codebook"
SUMMARIES = "summaries"
RECOMMENDATIONS = "recommendations"
COMMENTS = "comments"
SETUP = "setup"
CLOCK = "clock"

LANES: tuple[str, ...] = (NOTES, CODEBOOK, SUMMARIES, RECOMMENDATIONS, COMMENTS, SETUP, CLOCK)
"""Every lane, in the order the roles' work comes in an evening."""

SECTION_LANES: dict[str, str] = {
    "workshop": SETUP,
    "program": SETUP,
    "stations": SETUP,
    "groups": SETUP,
    "participants": SETUP,
    "rotation": SETUP,
    "schedule": SETUP,
    "categories": CODEBOOK,
    "summary": SUMMARIES,
    "recommendations": RECOMMENDATIONS,
    "themes": RECOMMENDATIONS,
    "agenda": RECOMMENDATIONS,
    "anonymizing": SUMMARIES,
    "series": RECOMMENDATIONS,
    "comments": COMMENTS,
    "live": CLOCK,
}
"""The lane of each section of the session (:data:`workshop.storage.operations.SECTION_NAMES`)."""

LINK_FIELDS = frozenset({"recommendation", "section"})
"""A note's fields that link it to a recommendation's section: the secretariat's recommendations work."""

NOTE_TAKER: frozenset[str] = frozenset({NOTES, CODEBOOK})
SECRETARIAT: frozenset[str] = frozenset({SUMMARIES, RECOMMENDATIONS, COMMENTS, NOTES, CODEBOOK})
FACILITATOR: frozenset[str] = frozenset({SETUP})
COMMENTER: frozenset[str] = frozenset({COMMENTS})

ROLE_LANES: dict[str, frozenset[str]] = {
    "facilitator": FACILITATOR,
    "notes": NOTE_TAKER,
    "secretariat": SECRETARIAT,
    "comment": COMMENTER,
}
"""What ctrl+z takes back in each of the app's modes."""


def lanes_for_mode(mode: str) -> frozenset[str]:
    """The lanes the person in this mode of the app (``facilitator``, ``notes``, ``secretariat``) undoes."""
    try:
        return ROLE_LANES[mode]
    except KeyError:
        raise ValueError(f"no mode {mode!r}; use one of {', '.join(ROLE_LANES)}") from None


def checked(lanes: Iterable[str] | None) -> frozenset[str] | None:
    """``lanes`` as a set, refusing a name that is not a lane (a mistake in the code, said plainly); None stays None."""
    if lanes is None:
        return None
    if isinstance(lanes, str):
        raise TypeError(f"lanes must be a set of lane names, not the string {lanes!r}: e.g. lanes_for_mode({lanes!r})")
    chosen = frozenset(lanes)
    unknown = sorted(chosen - set(LANES))
    if unknown:
        raise ValueError(f"no lane {', '.join(map(repr, unknown))}; the lanes are {', '.join(LANES)}")
    return chosen


def lanes_of(ops: Iterable[Any]) -> frozenset[str]:
    """The lanes a change belongs to, from its operations (as the journal keeps them)."""
    found: set[str] = set()
    for op in ops:
        if not isinstance(op, dict):
            continue
        if op.get("t") == "note":
            found.update(_note_lanes(op.get("before"), op.get("after")))
        elif op.get("t") == "section":
            name = op.get("name")
            lane = SECTION_LANES.get(name) if isinstance(name, str) else None
            if lane is not None:
                found.add(lane)
    return frozenset(found)


def _note_lanes(before: Any, after: Any) -> set[str]:
    """A note added or deleted is in ``notes``; an edit by the fields it changed (the link: ``recommendations``)."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return {NOTES}
    changed = {key for key in before.keys() | after.keys() if key != "updated" and before.get(key) != after.get(key)}
    if changed and changed <= LINK_FIELDS:
        return {RECOMMENDATIONS}
    lanes = {NOTES}
    if changed & LINK_FIELDS:
        lanes.add(RECOMMENDATIONS)
    return lanes


def in_lanes(event_lanes: frozenset[str], wanted: frozenset[str] | None) -> bool:
    """Does a change of ``event_lanes`` belong to the undo of ``wanted`` (None: every change)?"""
    return wanted is None or not event_lanes.isdisjoint(wanted)

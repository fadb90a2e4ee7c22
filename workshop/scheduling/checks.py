"""The whole check of a session: the model's own (references, ids, sizes) and whether its rotation can be made.

The model's check (:func:`workshop.model.validation.check`) knows nothing of the scheduler, which
sits above it; the rotation a session asks the scheduler to generate is checked here, one layer up.
Storage checks every session it reads, writes or merges with this one.
"""

from __future__ import annotations

from workshop.model import validation
from workshop.model.problems import Problem
from workshop.model.session import Session
from workshop.scheduling.rotation import shape_problem
from workshop.words import word


def check(session: Session, language: str | None = None) -> list[Problem]:
    """Every problem with the session; the fixes in ``language`` (default: the session's)."""
    language = language or session.workshop.language
    problems = validation.check(session, language)
    if _rotation_to_generate(session, language):
        shape = shape_problem(session)
        if shape:
            problems.append(Problem(shape, word("fix_shape", language), ("program",)))
    return problems


def _rotation_to_generate(session: Session, language: str) -> bool:
    """The scheduler is to make the rotation (no ``[[rotation]]``), and the session lets it be worked out.

    Not when a station or group id is there twice, nor when the session is larger than a workshop
    ever is: the model's check tells those, with their own fixes.
    """
    if session.series is not None or session.rotation or not session.stations:
        return False  # a series file holds meetings, not an evening; a written-out rotation is the model's
    stations = {s.id for s in session.stations}
    groups = {g.id for g in session.groups}
    if len(stations) < len(session.stations) or len(groups) < len(session.groups):
        return False
    return not validation.size_problems(session, language)

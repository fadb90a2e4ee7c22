"""What a session's ``[[comments]]`` may hold: the comment round's comments on the drafts' sections.

Each comment names a recommendation of the session and one of its parts ("intro" or one of
:data:`~workshop.model.recommendations.SECTION_NAMES`), and has an id of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.model.problems import Problem, said_unknown
from workshop.model.recommendations import SECTION_NAMES
from workshop.words import word

if TYPE_CHECKING:
    from workshop.model.session import Session

COMMENTED_PARTS: tuple[str, ...] = ("intro", *SECTION_NAMES)
"""What a comment may be on: a recommendation's introduction or one of its seven sections."""


def comment_problems(session: Session, language: str) -> list[Problem]:
    """Every problem with the comments: unique ids, a recommendation that exists, a known section."""
    problems: list[Problem] = []
    ids: set[str] = set()
    recommendation_ids = {r.id for r in session.recommendations}
    for index, comment in enumerate(session.comments):
        if comment.id in ids:
            problems.append(
                Problem(
                    word("comment_said_id_twice", language, id=comment.id),
                    word("comment_fix_id_twice", language),
                    ("comments", index, "id"),
                )
            )
        ids.add(comment.id)
        if comment.recommendation not in recommendation_ids:
            known = ", ".join(r.id for r in session.recommendations) or word("none_defined", language)
            problems.append(
                Problem(
                    said_unknown("recommendation", comment.recommendation, language),
                    word("comment_fix_recommendation", language, known=known),
                    ("comments", index, "recommendation"),
                )
            )
        if comment.section not in COMMENTED_PARTS:
            problems.append(
                Problem(
                    said_unknown("section", comment.section, language),
                    word("comment_fix_section", language, known=", ".join(COMMENTED_PARTS)),
                    ("comments", index, "section"),
                )
            )
    return problems

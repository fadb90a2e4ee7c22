"""The comment round between meetings: members comment on each section of the drafts, the secretariat handles them.

Every change goes through the session's writer (:meth:`~workshop.storage.writer.SessionWriter.change`: the
journal, undo, the device's own lane ``comments``): a comment added, a comment marked handled or not. The round's
deadline comes from the series that names the meeting (:func:`workshop.series.comments.comment_round`).
"""

from __future__ import annotations

from workshop.model.comments import COMMENTED_PARTS
from workshop.model.session import Comment, Session, now
from workshop.storage.change_labels import change_label
from workshop.storage.operations import Op, SectionChanged
from workshop.storage.writer import SessionWriter
from workshop.words import word


class CommentError(ValueError):
    """A comment that cannot be made or found; the message is in the session's language."""


def on_section(session: Session, recommendation_id: str, section: str) -> list[Comment]:
    """The comments on one section of one recommendation, oldest first."""
    found = [c for c in session.comments if c.recommendation == recommendation_id and c.section == section]
    return sorted(found, key=lambda c: c.created)


def counts(session: Session, recommendation_id: str) -> dict[str, tuple[int, int]]:
    """Per section of the recommendation: (comments, of them not handled yet)."""
    result: dict[str, tuple[int, int]] = {}
    for comment in session.comments:
        if comment.recommendation == recommendation_id:
            total, open_ = result.get(comment.section, (0, 0))
            result[comment.section] = (total + 1, open_ + (0 if comment.handled else 1))
    return result


def add(store: SessionWriter, recommendation_id: str, section: str, text: str) -> Comment:
    """Add the store's author's comment on ``section`` of the recommendation; :class:`CommentError` if it cannot be."""
    language = store.language
    text = text.strip()
    if not text:
        raise CommentError(word("comment_empty", language))
    if section not in COMMENTED_PARTS:
        raise CommentError(word("comment_no_section", language, section=section, known=", ".join(COMMENTED_PARTS)))
    comment = Comment(recommendation=recommendation_id, section=section, author=store.author, text=text, created=now())

    def build(session: Session) -> list[Op]:
        if not any(r.id == recommendation_id for r in session.recommendations):
            raise CommentError(word("recommendation_gone", language, id=recommendation_id))
        return [SectionChanged.of(session, "comments", [*session.comments, comment])]

    store.change(change_label("comment_added"), build)
    return comment


def set_handled(store: SessionWriter, comment_id: str, handled: bool) -> Comment:
    """Mark the comment handled (by the store's author) or not; :class:`CommentError` when it is gone."""
    language = store.language
    changed: list[Comment] = []

    def build(session: Session) -> list[Op]:
        comments = list(session.comments)
        for index, comment in enumerate(comments):
            if comment.id == comment_id:
                if comment.handled == handled:
                    changed.append(comment)
                    return []
                comments[index] = comment.model_copy(
                    update={"handled": handled, "handled_by": store.author if handled else ""}
                )
                changed.append(comments[index])
                return [SectionChanged.of(session, "comments", comments)]
        raise CommentError(word("comment_gone", language))

    store.change(change_label("comment_handled" if handled else "comment_reopened"), build)
    return changed[0]

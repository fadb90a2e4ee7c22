"""The members' comments on the section the secretariat is writing, beside it; h marks one handled (again: not).

Shown in the recommendations editor under the section's text: each comment with its author, time
and whether it is handled (and by whom). Marking is a change of the ``comments`` lane, which the
secretariat's ctrl+z takes back (only that mark: a comment made since stays).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workshop.model.recommendations import Recommendation
from workshop.model.session import Comment, Session
from workshop.notes import comments as round_comments
from workshop.notes import recommendations as recs
from workshop.words import word

from ..localise import localise_bindings
from ..session_view import SessionView


def part_title(part: str, language: str, *, short: bool = True) -> str:
    """ "Indledning", "Formål", ..., "Næste step" (not ``short``: "Næste step (efter politisk stillingtagen)")."""
    if part == "intro":
        return word("recommendation_intro", language)
    return recs.section_title(part, language, short=short)


def comment_line(comment: Comment, language: str) -> Text:
    """One comment as the screens show it: the handled mark, who, when, then the text."""
    text = Text()
    mark = word("comment_handled_mark", language) if comment.handled else word("comment_open_mark", language)
    text.append(f"{mark} ", style="green" if comment.handled else "yellow")
    when = comment.created.strftime("%d.%m.%Y %H:%M")
    text.append(f"{comment.author or word('comment_no_author', language)} · {when}", style="bold")
    if comment.handled and comment.handled_by:
        text.append(" · " + word("comment_handled_by", language, name=comment.handled_by), style="dim")
    text.append("\n  " + comment.text.replace("\n", "\n  "))
    return text


class SectionComments(SessionView, OptionList):
    """The comments on one section of one recommendation, oldest first; h marks the highlighted one handled."""

    BINDINGS = [
        Binding(
            "h,space",
            "handled",
            "Handled",
            id="comments.handled",
            tooltip="Mark the comment handled, or not handled again (ctrl+z takes it back)",
        ),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self._shape: tuple[object, ...] = ()

    def on_mount(self) -> None:
        localise_bindings(self, self.language)

    def show(self, session: Session, rec: Recommendation | None, part: str | None) -> str:
        """Show the comments on ``part`` of ``rec``; returns the title above the list."""
        language = session.workshop.language
        if rec is None or part is None:
            found = []
            title = ""
        else:
            found = round_comments.on_section(session, rec.id, part)
            section = part_title(part, language, short=False)
            if found:
                left = sum(1 for c in found if not c.handled)
                title = word("rec_comments_title", language, section=section, count=len(found), open=left)
            else:
                title = ""  # nothing said: nothing shown (the editor keeps its room)
        shape = (language, tuple(c.model_dump_json() for c in found))
        self.display = bool(found)
        if shape == self._shape:
            return title
        self._shape = shape
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(comment_line(c, language), id=c.id) for c in found])
        if found:
            self.highlighted = min(highlighted or 0, len(found) - 1)
        return title

    def highlighted_comment(self) -> str | None:
        """The id of the highlighted comment, if any."""
        if self.highlighted is None or not 0 <= self.highlighted < self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def action_handled(self) -> None:
        comment_id = self.highlighted_comment()
        if comment_id is None:
            return
        current = next((c for c in self.session.comments if c.id == comment_id), None)
        if current is None:
            return
        app = self.workshop_app
        try:
            changed = app.attempt(lambda: round_comments.set_handled(self.store, comment_id, not current.handled))
        except round_comments.CommentError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if changed is not None:
            done = "rec_comment_handled_now" if changed.handled else "rec_comment_reopened_now"
            self.notify(word(done, self.language), markup=False)

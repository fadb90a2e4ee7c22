"""The comment mode: a member reads the drafts section by section and comments on them, and can do nothing else.

Opened by ``workshop run SESSION --mode comment`` and by ``workshop serve``'s comment link. Left, the
drafts: each recommendation ("Anbefaling 1: ...") with its introduction and seven sections; right,
the section under the cursor as the secretariat wrote it, the comments already made on it (who,
when, whether handled) and a line to write one (Enter saves it). The screen never edits a note, a
recommendation or anything else, and the app opened in this mode has no other mode (no F2-F4).

When the meeting's series has a comment round (a milestone of kind "comments") that covers today,
its last day is shown; after the series' last round has ended the screen says the round is closed
and takes no new comments (what was said can still be read).
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from workshop.model.comments import COMMENTED_PARTS
from workshop.model.session import Session
from workshop.notes import comments as round_comments
from workshop.notes import recommendations as recs
from workshop.series.comments import OPEN, CommentRound, comment_round
from workshop.series.timeline import written_day
from workshop.words import word

from ..components.author_prompt import ask_who_writes
from ..components.key_footer import KeyFooter
from ..components.section_comments import comment_line, part_title
from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import SessionView


class CommentScreen(SessionView, Screen[None]):
    """Read the drafts section by section and comment on the section under the cursor."""

    CSS_PATH = "comment.tcss"

    BINDINGS = [
        Binding("escape", "focus_list", "Sections", id="comment.sections", tooltip="Back to the list of sections"),
        Binding(
            "ctrl+e",
            "write",
            "Comment",
            id="comment.write",
            tooltip="Write a comment on the section under the cursor (Enter saves it)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.part: tuple[str, str] | None = None
        """(recommendation id, part) under the cursor."""
        self.round: CommentRound = OPEN
        self._keys: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="comment-round", markup=False)
        with Horizontal(id="comment-body"):
            yield OptionList(id="comment-parts")
            with Vertical(id="comment-side"):
                yield Static("", id="comment-heading", markup=False)
                with VerticalScroll(id="comment-scroll"):
                    yield Static("", id="comment-draft", markup=False)
                    yield Static("", id="comment-list", markup=False)
                yield Input(id="comment-input")
        yield KeyFooter()

    def on_mount(self) -> None:
        localise_bindings(self, self.language)
        self.round = self._round()
        self.query_one("#comment-input", Input).placeholder = word("comment_placeholder", self.language)
        self.redraw()
        self.query_one("#comment-parts", OptionList).focus()
        self.call_after_refresh(self.ask_author)

    def _round(self) -> CommentRound:
        today: dt.date = self.workshop_app.clock().date()
        return comment_round(self.store.path, today)

    # The name on the comments ------------------------------------------------------------------
    def ask_author(self) -> None:
        """Without ``--author``: the member's name, asked once and remembered for this device."""
        language = self.language
        ask_who_writes(
            self,
            who="comment_who",
            hint="comment_who_hint",
            signed="comment_signed_as",
            unnamed=lambda: word("unnamed_comment", language),
        )

    # Showing -------------------------------------------------------------------------------------
    def on_session_changed(self, message: SessionChanged) -> None:
        self.redraw()

    def redraw(self) -> None:
        session, language = self.session, self.language
        self.query_one("#comment-round", Static).update(self._round_text())
        self.query_one("#comment-input", Input).disabled = self.round.closed
        parts = self.query_one("#comment-parts", OptionList)
        options: list[Option] = []
        keys: list[str] = []
        for number, rec in recs.numbered(session):
            heading = word("recommendation_numbered", language, number=number, title=rec.title)
            options.append(Option(Text(heading, style="bold", no_wrap=True, overflow="ellipsis"), disabled=True))
            keys.append("")
            counted = round_comments.counts(session, rec.id)
            for part in COMMENTED_PARTS:
                label = f"  {part_title(part, language)}"
                if part in counted:
                    label += f" ({counted[part][0]})"
                options.append(Option(Text(label, no_wrap=True, overflow="ellipsis"), id=f"{rec.id}:{part}"))
                keys.append(f"{rec.id}:{part}")
        if keys != self._keys or not options:
            highlighted = parts.highlighted
            parts.clear_options()
            if options:
                parts.add_options(options)
            else:
                parts.add_option(Option(word("comment_no_drafts", language), disabled=True))
            self._keys = keys
            wanted = f"{self.part[0]}:{self.part[1]}" if self.part else None
            if wanted in keys:
                parts.highlighted = keys.index(wanted)
            elif highlighted is not None and highlighted < len(keys) and keys[highlighted]:
                parts.highlighted = highlighted
            elif any(keys):
                parts.highlighted = next(i for i, k in enumerate(keys) if k)
        else:
            for index, key in enumerate(keys):
                if key:
                    rec_id, part = key.split(":", 1)
                    count = round_comments.counts(session, rec_id).get(part)
                    label = f"  {part_title(part, language)}" + (f" ({count[0]})" if count else "")
                    parts.replace_option_prompt_at_index(index, Text(label, no_wrap=True, overflow="ellipsis"))
        self._show_part(session)

    def _round_text(self) -> Text:
        language, current = self.language, self.round
        if current.closed:
            assert current.deadline is not None
            return Text(word("comment_round_closed", language, day=written_day(current.deadline, language)), "bold red")
        if current.deadline is not None:
            return Text(word("comment_round_open_until", language, day=written_day(current.deadline, language)), "bold")
        return Text(word("comment_round_open", language))

    def _show_part(self, session: Session) -> None:
        language = self.language
        heading = self.query_one("#comment-heading", Static)
        draft = self.query_one("#comment-draft", Static)
        listed = self.query_one("#comment-list", Static)
        parts = self.query_one("#comment-parts", OptionList)
        index = parts.highlighted
        key = self._keys[index] if index is not None and index < len(self._keys) else ""
        rec = recs.find(session, key.split(":", 1)[0]) if key else None
        if rec is None:
            self.part = None
            heading.update("")
            draft.update(word("comment_no_drafts", language) if not self._keys else "")
            listed.update("")
            return
        part = key.split(":", 1)[1]
        self.part = (rec.id, part)
        number = next((n for n, r in recs.numbered(session) if r.id == rec.id), 0)
        title = word("recommendation_numbered", language, number=number, title=rec.title)
        heading.update(Text(f"{title} – {part_title(part, language)}"))
        written = str(getattr(rec, part)).strip()
        draft.update(Text(written) if written else Text(word("comment_section_empty", language), style="dim italic"))
        comments = round_comments.on_section(session, rec.id, part)
        if not comments:
            listed.update(Text("\n" + word("comment_none_yet", language), style="dim"))
            return
        text = Text("\n" + word("comment_heading", language, count=len(comments)) + "\n", style="bold")
        for comment in comments:
            text.append("\n")
            text.append_text(comment_line(comment, language))
        listed.update(text)

    # Reacting ---------------------------------------------------------------------------------------
    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """On the comment line its keys are said above it (Enter saves, Esc goes back to the sections)."""
        line = self.query_one("#comment-input", Input)
        line.border_title = word("comment_line_keys", self.language) if event.widget is line else ""

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "comment-input":
            self.query_one("#comment-input", Input).border_title = ""

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_part(self.session)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_write()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "comment-input":
            return
        event.stop()
        self.save(event.value)

    def save(self, text: str) -> bool:
        """Add ``text`` as the member's comment on the section under the cursor; False when it is refused."""
        language = self.language
        self.round = self._round()
        if self.round.closed:
            self.redraw()
            self.notify(self._round_text().plain, severity="error", markup=False)
            return False
        if self.part is None:
            self.notify(word("comment_choose_section", language), severity="warning", markup=False)
            return False
        if not text.strip():
            self.notify(word("comment_empty", language), severity="warning", markup=False)
            return False
        rec_id, part = self.part
        try:
            made = self.workshop_app.attempt(lambda: round_comments.add(self.store, rec_id, part, text))
        except round_comments.CommentError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        if made is None:
            return False
        self.query_one("#comment-input", Input).value = ""
        self.notify(word("comment_saved", language), markup=False)
        self.redraw()
        return True

    def action_write(self) -> None:
        if self.round.closed:
            self.notify(self._round_text().plain, severity="warning", markup=False)
            return
        self.query_one("#comment-input", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#comment-parts", OptionList).focus()

    def on_leaving(self) -> list[str]:
        """Quitting: a comment typed and not saved is saved (when the round is open)."""
        typed = self.query_one("#comment-input", Input).value
        if typed.strip() and self.save(typed):
            return [word("comment_saved", self.language)]
        return []

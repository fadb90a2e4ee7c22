"""The station's draft recommendation on the note-taker's screen, folded to a few lines or unfolded in full.

At the evening each station "unfolds and qualifies" the secretariat's draft: the note-taker
sees its title and sections (folded: one short line per written section; unfolded with ctrl+o:
every section in full) and can link a note to the section it qualifies. Hidden when the station
has no draft. Text is shown as written, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workshop.model.recommendations import SECTION_NAMES, Recommendation
from workshop.notes import recommendations as recs
from workshop.words import word

FOLDED_LINES = 3
"""Folded, at most this many sections show under the title (the rest: "ctrl+o viser hele udkastet")."""


def one_line(drafts: list[tuple[int, Recommendation]], language: str, width: int) -> Text:
    """The drafts' numbers and titles on one line, cut to ``width`` columns with "…" (a short screen)."""
    text = Text("  ·  ").join(
        Text(word("recommendation_numbered", language, number=number, title=rec.title), style="bold")
        for number, rec in drafts
    )
    text.no_wrap = True
    text.truncate(max(width, 10), overflow="ellipsis")
    return text


def draft_text(
    drafts: list[tuple[int, Recommendation]],
    language: str,
    width: int,
    unfolded: bool,
    folded: bool = False,
    touch: bool = False,
) -> Text:
    """The drafts as the note-taker reads them: one line, folded to ``width`` columns, or every section in full.

    ``touch``: the hint under a folded draft says to tap it, not to press ctrl+o (a phone has no ctrl).
    """
    if folded and not unfolded:
        return one_line(drafts, language, width)
    text = Text()
    for index, (number, rec) in enumerate(drafts):
        if index:
            text.append("\n")
        text.append(word("recommendation_numbered", language, number=number, title=rec.title), style="bold")
        if unfolded:
            if rec.intro.strip():
                text.append("\n" + rec.intro.strip(), style="italic")
            for section in SECTION_NAMES:
                body = str(getattr(rec, section)).strip()
                if not body:
                    continue
                text.append(f"\n{recs.section_title(section, language, short=True)}", style="bold underline")
                for bullet, block in recs.bullets_of(body):
                    text.append(("\n  • " if bullet else "\n  ") + block)
            continue
        lines = recs.folded(rec, language, max(width, 20))[1:]
        for line in lines[:FOLDED_LINES]:
            text.append("\n" + line)
        hidden = len(lines) - FOLDED_LINES
        if hidden > 0 or rec.intro.strip():
            text.append("\n" + word("draft_more_touch" if touch else "draft_more", language), style="dim italic")
    return text


class DraftRecommendation(Static):
    """Redraw with :meth:`show` whenever the session changes or the note-taker folds or unfolds it."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self.unfolded = False
        """True while every section shows in full (ctrl+o)."""
        self._shown: Text | None = None

    def show(
        self, drafts: list[tuple[int, Recommendation]], language: str, folded: bool = False, touch: bool = False
    ) -> None:
        """Show these drafts (none: the panel hides); ``folded``: on one line (a short screen);
        ``touch``: a phone, where a tap on the panel unfolds it: its hint says so (not ctrl+o)."""
        self.set_class(bool(drafts), "-shown")
        self.set_class(folded and not self.unfolded, "-folded")
        width = (self.size.width or self.app.size.width) - 4
        text = draft_text(drafts, language, width, self.unfolded, folded, touch)
        if text != self._shown:
            self._shown = text
            self.update(text)

"""Under the notes: which digit codes which category, and what "." repeats, on as many lines as it takes."""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color, ColorParseError
from rich.text import Text
from textual.widgets import Static

from workshop.model.session import Session
from workshop.words import word

from ..session_view import workshop_app


@lru_cache(maxsize=256)
def category_style(colour: str, extra: str = "bold") -> str:
    """A Rich style for a category's colour; an unknown colour is left out (never a crash)."""
    try:
        Color.parse(colour)
    except ColorParseError:
        return extra
    return f"{extra} {colour}".strip()


def keys_line(session: Session, last: str | None, width: int | None = None) -> Text:
    """ "1 Ledelse  2 Uddannelse ...  . Ledelse" in the categories' colours.

    With a ``width``, the legend goes on over more lines rather than cutting a category off; a
    key and its name always stay together.
    """
    parts: list[Text] = []
    keyed = sorted((c for c in session.categories if c.key is not None), key=lambda c: c.key or 0)
    for category in keyed:
        part = Text()
        part.append(f" {category.key} ", style="reverse bold")
        part.append(f" {category.name}  ", style=category_style(category.colour, ""))
        parts.append(part)
    last_category = session.category(last) if last else None
    if last_category is not None:
        part = Text()
        part.append(" . ", style="reverse bold")
        part.append(f" {last_category.name}")
        parts.append(part)
    if not parts:
        return Text(word("no_category", session.workshop.language), style="italic")
    text = Text()
    used = 0
    for part in parts:
        if width is not None and used and used + len(part.plain.rstrip()) > width:
            text.rstrip()
            text.append("\n")
            used = 0
        text.append_text(part)
        used += len(part.plain)
    text.rstrip()
    return text


class CategoryKeys(Static):
    """The key legend; redraw with :meth:`show` (it lays itself out again when the terminal is resized)."""

    _shown: Text | None = None
    _last: str | None = None

    def show(self, session: Session, last: str | None) -> None:
        self._last = last
        width = (self.size.width or self.app.size.width) - 2  # the padding
        text = keys_line(session, last, max(width, 10))
        if text != self._shown:  # unchanged keys need no new layout
            self._shown = text
            self.update(text)

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(workshop_app(self).store.session, self._last)

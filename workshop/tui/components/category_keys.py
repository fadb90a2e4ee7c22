"""One line under the notes: which digit codes which category, and what "." repeats."""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color, ColorParseError
from rich.text import Text
from textual.widgets import Static

from workshop.model.session import Session
from workshop.words import word


@lru_cache(maxsize=256)
def category_style(colour: str, extra: str = "bold") -> str:
    """A Rich style for a category's colour; an unknown colour is left out (never a crash)."""
    try:
        Color.parse(colour)
    except ColorParseError:
        return extra
    return f"{extra} {colour}".strip()


def keys_line(session: Session, last: str | None) -> Text:
    """"1 Ledelse  2 Uddannelse ...  . Ledelse" in the categories' colours."""
    text = Text(no_wrap=True, overflow="ellipsis")
    keyed = sorted((c for c in session.categories if c.key is not None), key=lambda c: c.key or 0)
    for category in keyed:
        text.append(f" {category.key} ", style="reverse bold")
        text.append(f" {category.name}  ", style=category_style(category.colour, ""))
    last_category = session.category(last) if last else None
    if last_category is not None:
        text.append(" . ", style="reverse bold")
        text.append(f" {last_category.name}")
    if not keyed and last_category is None:
        text.append(word("no_category", session.workshop.language), style="italic")
    return text


class CategoryKeys(Static):
    """The key legend; redraw with :meth:`show`."""

    DEFAULT_CSS = """
    CategoryKeys { height: 1; padding: 0 1; }
    """

    def show(self, session: Session, last: str | None) -> None:
        text = keys_line(session, last)
        if text != getattr(self, "_shown", None):  # unchanged keys need no new layout
            self._shown = text
            self.update(text)

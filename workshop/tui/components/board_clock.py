"""Digits drawn in block letters that grow with the space they get (for the projector board).

Textual's ``Digits`` are always three lines high; read from the back of a room, the time left
should fill what the terminal offers, so this draws a 3x5 block font scaled by a whole factor.
"""

from __future__ import annotations

from typing import Any

from textual.widget import Widget

FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    ".": (".", ".", ".", ".", "#"),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..", "..", "..", "..", ".."),
}
HEIGHT = 5


def width_of(text: str, scale: int) -> int:
    """Columns ``text`` needs at ``scale`` (a pixel is two columns wide, one row high)."""
    glyphs = [FONT.get(ch, FONT[" "]) for ch in text]
    if not glyphs:
        return 0
    return sum(len(g[0]) * 2 * scale for g in glyphs) + (len(glyphs) - 1) * scale


def render_big(text: str, scale: int) -> list[str]:
    """The lines of ``text`` in block letters at ``scale``."""
    glyphs = [FONT.get(ch, FONT[" "]) for ch in text]
    lines: list[str] = []
    for row in range(HEIGHT):
        parts = []
        for glyph in glyphs:
            pixels = glyph[row]
            parts.append("".join(("█" if p == "#" else " ") * 2 * scale for p in pixels))
        line = (" " * scale).join(parts)
        lines.extend([line] * scale)
    return lines


def best_scale(text: str, width: int, height: int, largest: int = 6) -> int:
    """The largest scale at which ``text`` fits ``width`` x ``height`` (0: not even at 1)."""
    for scale in range(largest, 0, -1):
        if width_of(text, scale) <= width and HEIGHT * scale <= height:
            return scale
    return 0


class BoardClock(Widget):
    """Big block digits, as large as the widget's size allows (plain text when tiny)."""

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.value = value

    def update(self, value: str) -> None:
        if value != self.value:
            self.value = value
            self.refresh()

    def render(self) -> str:
        size = self.content_size
        scale = best_scale(self.value, size.width, size.height)
        if scale == 0:
            return self.value
        return "\n".join(render_big(self.value, scale))

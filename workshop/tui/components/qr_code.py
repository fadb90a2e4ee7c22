"""A join link as a QR code on the screen, dark on light with its quiet zone, for a phone to scan.

The code is drawn by :func:`workshop.serving.qr.lines` (the same drawing ``workshop serve`` prints):
compact, one character per module across and two modules per line down, or ``large``, twice the
size for a projector seen from afar. A block stands for a dark module, so the widget is black on
white whatever the theme: a phone reads a code only with light around it.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from workshop.serving import qr


def code_size(link: str, large: bool) -> tuple[int, int]:
    """Columns and lines the code of ``link`` takes, its quiet zone included."""
    modules = len(qr.matrix(link))
    return (modules * 2, modules) if large else (modules, (modules + 1) // 2)


class QRCode(Widget):
    """One link's QR code, as big as asked (``large``), never cut: it is shown whole or not at all."""

    def __init__(self, link: str = "", *, large: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.link = link
        self.large = large
        self._lines: list[str] = qr.lines(link, large=large) if link else []

    def show(self, link: str, large: bool) -> None:
        """Draw ``link``'s code, compact or large (redraws only when either changed)."""
        if link != self.link or large != self.large:
            self.link = link
            self.large = large
            self._lines = qr.lines(link, large=large) if link else []
            self.refresh(layout=True)

    @property
    def lines(self) -> list[str]:
        """The code's lines as drawn (a block for each dark module)."""
        return list(self._lines)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(self._lines[0]) if self._lines else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)

    def render(self) -> Text:
        return Text("\n".join(self._lines), no_wrap=True)

"""Reading a screen as a user does: the characters on it, line by line, from a screenshot."""

from __future__ import annotations

import html
import re
from typing import Any

from textual.app import App

SVG_TEXT = re.compile(
    r'<text [^>]*?x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)" clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>',
    re.S,
)


def svg_text(svg: str) -> str:
    """The characters on the screen, line by line, from a screenshot (as a user reads them)."""
    lines: dict[int, dict[int, str]] = {}
    for x, length, line, raw in SVG_TEXT.findall(svg):
        text = html.unescape(raw).replace("\xa0", " ")
        width = float(length) / max(len(text), 1)
        column = round(float(x) / width) if width else 0
        row = lines.setdefault(int(line), {})
        for offset, character in enumerate(text):
            row[column + offset] = character
    return "\n".join("".join(row.get(i, " ") for i in range(max(row) + 1)).rstrip() for _, row in sorted(lines.items()))


def screen_text(app: App[Any]) -> str:
    """What the app shows now (the screen on top and what shows through behind a dialog)."""
    return svg_text(app.export_screenshot())


def line_with(text: str, part: str) -> str:
    """The first line of the screen holding ``part`` ("" when none does)."""
    return next((line for line in text.splitlines() if part in line), "")

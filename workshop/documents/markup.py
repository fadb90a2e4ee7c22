"""The simple markup of long texts (summaries, recommendations, the agenda item), read into blocks.

What the secretariat types in the editor, and how the Word documents show it:

* ``**bold**`` and ``*italic*`` (``***both***``); a ``*`` with a space on either side stays a
  star ("5 * 3"), and ``\\*`` is a star too;
* a line starting with ``- ``, ``* ``, ``• `` or ``– `` is a bullet; ``1. `` or ``1) `` starts a
  numbered list and ``a. `` / ``a) `` a lettered one (a lettered item needs to stand in a list
  or be indented, and a list starts at 1 or a: "19. april mødtes udvalget" stays a sentence);
* a list item indented deeper than the one before is nested under it (any number of spaces; a
  tab counts as four), up to :data:`MAX_LEVEL`;
* lines next to each other form one paragraph with line breaks; a blank line starts a new one;
  an indented line right after a list item continues that item.

Nothing here knows Word: :func:`blocks` gives :class:`Block` values that the writer renders
(:meth:`workshop.documents.docx_writer.DocxWriter.rich`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MAX_LEVEL = 3
"""The deepest nesting of a list (0 is the outermost): deeper items stay at this level."""


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph with its own formatting."""

    text: str
    bold: bool = False
    italic: bool = False


Content = str | Run | Sequence[str | Run]
"""What a paragraph or a table cell holds: text, a run, or several runs."""

BlockKind = Literal["paragraph", "bullet", "number", "letter"]


@dataclass(frozen=True)
class Block:
    """A paragraph or a list item of a long text."""

    kind: BlockKind
    runs: tuple[Run, ...]
    level: int = 0
    """The list item's nesting (0: outermost); 0 for a paragraph."""
    restart: bool = False
    """A numbered or lettered item that starts its list anew (at 1 or a)."""


_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[-*•–]|\d{1,3}[.)]|[a-zæøå][.)])[ \t]+(?P<text>\S.*)$")
_EMPHASIS = re.compile(r"(?<!\\)(\*{1,3})(?=\S)(.+?)(?<=\S)(?<!\\)\1(?!\*)", re.DOTALL)


def _width(indent: str) -> int:
    return sum(4 if character == "\t" else 1 for character in indent)


def inline(text: str) -> list[Run]:
    """``**bold**`` and ``*italic*`` as runs; the stars themselves are gone, ``\\*`` is a star."""
    runs: list[Run] = []
    position = 0
    for found in _EMPHASIS.finditer(text):
        stars, inner = found.group(1), found.group(2)
        if found.start() > position:
            runs.append(Run(text[position : found.start()]))
        bold, italic = len(stars) >= 2, len(stars) != 2
        for piece in inline(inner):
            runs.append(Run(piece.text, bold=bold or piece.bold, italic=italic or piece.italic))
        position = found.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    merged: list[Run] = []
    for run in runs:
        run = Run(run.text.replace("\\*", "*"), run.bold, run.italic)
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        elif run.text:
            merged.append(run)
    return merged


def plain(text: str) -> str:
    """The text without its markup: what a reader sees, without bold and italic ("**Mål**" -> "Mål")."""
    return "".join(run.text for run in inline(text))


def _kind(mark: str) -> BlockKind:
    if mark in ("-", "*", "•", "–"):
        return "bullet"
    return "number" if mark[0].isdigit() else "letter"


def _starts(mark: str) -> bool:
    return mark[:-1] in ("1", "a")


def _ordinal(mark: str) -> int:
    """1 for "1." and "a)", 2 for "2." and "b." ...; 0 for a bullet."""
    value = mark[:-1]
    if value.isdigit():
        return int(value)
    return ord(value) - ord("a") + 1 if len(value) == 1 and "a" <= value <= "z" else 0


def blocks(text: str) -> list[Block]:
    """The text's paragraphs and list items, in order (see the module's description of the markup)."""
    result: list[Block] = []
    paragraph: list[str] = []
    indents: list[int] = []  # the indent of the open list's item at each level
    last = 0  # the highest number or letter of the open list's items
    item: tuple[BlockKind, int, bool, list[str]] | None = None

    def close() -> None:
        nonlocal item
        if paragraph:
            result.append(Block("paragraph", tuple(inline("\n".join(paragraph)))))
            paragraph.clear()
        if item is not None:
            kind, level, restart, lines = item
            result.append(Block(kind, tuple(inline("\n".join(lines))), level, restart))
            item = None

    for raw in text.replace("\r\n", "\n").split("\n"):
        found = _ITEM.match(raw)
        in_list = bool(indents)
        if found is not None:
            mark, indent = found.group("mark"), _width(found.group("indent"))
            kind = _kind(mark)
            if kind != "bullet" and not _starts(mark) and not (in_list and _ordinal(mark) <= last + 1):
                found = None  # "19. april ..." opening a paragraph is a sentence, not item 19
            elif kind == "letter" and not (in_list or indent > 0):
                found = None
        if found is None:
            stripped = raw.strip()
            if not stripped:
                close()
                continue
            if item is not None and _width(raw[: len(raw) - len(raw.lstrip())]) > 0:
                item[3].append(stripped)  # an indented line goes on with the item above
                continue
            if item is not None:
                close()
            indents.clear()
            last = 0
            paragraph.append(stripped)
            continue
        close()
        mark, indent = found.group("mark"), _width(found.group("indent"))
        kind = _kind(mark)
        if not indents:
            indents.append(indent)
        elif indent > indents[-1]:
            if len(indents) <= MAX_LEVEL:
                indents.append(indent)
        else:
            while len(indents) > 1 and indent < indents[-1]:
                indents.pop()
        level = len(indents) - 1
        restart = kind != "bullet" and _starts(mark)
        last = max(last, _ordinal(mark)) if kind != "bullet" else last
        item = (kind, level, restart, [found.group("text").strip()])
    close()
    return result

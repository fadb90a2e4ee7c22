"""Find the line of a field in a TOML text, so that messages can point at it.

``tomllib`` does not report positions of values, so this reads the text the way a person
does: table headers (``[workshop]``, ``[[notes]]``) and ``key =`` lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workshop.model.problems import Loc

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=""")


def _key_name(raw: str) -> str:
    return raw[1:-1] if raw[:1] in "\"'" else raw


def _places(text: str) -> Iterator[tuple[int, Loc, bool]]:
    """Each table header and ``key =`` line outside multi-line strings: (line from 1, its path, is a header).

    An array table's path carries its index: the second ``[[notes]]`` is ``("notes", 1)``.
    """
    counters: dict[tuple[str, ...], int] = {}
    table: Loc = ()
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_multiline:
            if quotes % 2 == 1:
                in_multiline = False
            continue
        header = _HEADER.match(line)
        if header:
            names = tuple(_key_name(p.strip()) for p in header[2].split("."))
            if header[1] == "[[":
                counters[names] = counters.get(names, -1) + 1
                table = (*names, counters[names])
            else:
                table = names
            yield number, table, True
            continue
        key = _KEY.match(line)
        if key:
            yield number, (*table, _key_name(key[1])), False
        if quotes % 2 == 1:
            in_multiline = True


def index_lines(text: str) -> dict[Loc, int]:
    """Map every table, array item and key path to the line (from 1) where it starts."""
    found: dict[Loc, int] = {}
    for number, path, _header in _places(text):
        found.setdefault(path, number)
    return found


def line_of(text: str, loc: Loc, index: dict[Loc, int] | None = None) -> int | None:
    """The line of ``loc`` or of the nearest enclosing key or table that is in the text."""
    index = index if index is not None else index_lines(text)
    for end in range(len(loc), 0, -1):
        line = index.get(tuple(loc[:end]))
        if line is not None:
            return line
    return None


def repeated_key_line(text: str) -> int | None:
    """The line of the first key given a value a second time in its table (the parser says only that one is)."""
    seen: set[Loc] = set()
    for number, path, header in _places(text):
        if header:
            continue
        if path in seen:
            return number
        seen.add(path)
    return None

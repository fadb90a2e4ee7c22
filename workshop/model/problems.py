"""Problems found in a session file, worded for the person who has to fix them.

A problem says where it is (the line, and the field as the TOML names it), what is wrong and
what to do about it, all in the session's language; field names, ids and values are quoted
as the TOML writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from workshop.words import word

Loc = tuple[str | int, ...]

DEFAULT_LANGUAGE = "da"
"""The language of a problem when the session's own is not known: the users' own."""

_ENGLISH = re.compile(r"""^\s*language\s*=\s*["']en["']""", re.MULTILINE)
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f"  # control characters: ESC starts a terminal's escape sequences (title, clear, clipboard)
    r"\u2028\u2029\ud800-\udfff"  # line and paragraph separators, lone surrogates
    r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks and overrides: text shown in another order
    r"\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]"  # soft hyphen and zero-width characters: invisible
)
"""What a line shown to a person never holds as it is: shown as ``\\x1b``, ``\\u202e`` instead."""
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` on one printable line: a newline in an id becomes ``\\n``, other control characters ``\\x1b``.

    A message is one line per problem (scripts read them line by line), and a terminal must not
    take a user's escape sequence for its own.
    """
    return _UNPRINTABLE.sub(_escaped, text)


def shown(text: str) -> str:
    """``text`` as a command prints it: each line through :func:`one_line`, the line breaks kept.

    Every line a command prints goes through here (``workshop.cli.errors.say``): an escape sequence
    in a station's or a person's name is shown as ``\\x1b[2J`` and never clears the screen, sets the
    terminal's title or writes its clipboard; bidi and zero-width characters are shown as ``\\u202e``.
    """
    return "\n".join(one_line(line) for line in text.split("\n"))


def json_shown(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with what :func:`one_line` escapes as JSON's ``\\u`` escapes.

    Such characters only stand inside JSON strings (the line breaks of its indentation are kept), so the
    text stays the same JSON, Danish letters as they are.
    """
    return _UNPRINTABLE.sub(lambda found: "\n" if found[0] == "\n" else f"\\u{ord(found[0]):04x}", text)


def _escaped(match: re.Match[str]) -> str:
    character = match[0]
    code = ord(character)
    return _ESCAPES.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def language_of_text(text: str) -> str:
    """The language of a session file that cannot be read as a session: "en" when it says so, else Danish."""
    return "en" if _ENGLISH.search(text) else DEFAULT_LANGUAGE


def said_unknown(thing: str, value: str, language: str) -> str:
    """'ukendt station "s9"': a reference to a ``thing`` (station, group, category, item, section,
    recommendation) the session does not have, in ``language``."""
    return word("said_unknown", language, what=word(f"thing_{thing}", language), value=value)


@dataclass
class Problem:
    """One thing wrong with a session: where, what, and how to fix it."""

    message: str
    """What is wrong, in plain words."""
    fix: str = ""
    """What to do about it, in the session's language."""
    loc: Loc = ()
    """The field path inside the session, e.g. ("notes", 3, "station")."""
    line: int | None = None
    """The line in the file, when known."""
    column: int | None = None
    """The column in the file, when known."""

    def where(self, language: str = DEFAULT_LANGUAGE) -> str:
        """ "line 17, column 3: [[program]] #2, minutes" (the line in the session's language)."""
        parts: list[str] = []
        if self.line is not None:
            place = word("where_line", language, line=self.line)
            if self.column:
                place += ", " + word("where_column", language, column=self.column)
            parts.append(place)
        if self.loc:
            parts.append(describe_loc(self.loc))
        return ": ".join(parts)

    def render(self, path: Path | str | None = None, language: str = DEFAULT_LANGUAGE) -> str:
        """The problem on one line: the file, where, what is wrong " - " what to do."""
        head = f"{path}: " if path else ""
        where = self.where(language)
        text = f"{head}{where + ': ' if where else ''}{self.message}"
        if self.fix:
            text += f" - {self.fix}"
        return one_line(text)


def describe_loc(loc: Loc) -> str:
    """("notes", 3, "station") -> "[[notes]] #4, station" (counting from 1 like people do)."""
    if not loc:
        return ""
    head, *rest = loc
    if rest and isinstance(rest[0], int):
        text = f"[[{head}]] #{rest[0] + 1}"
        rest = rest[1:]
    else:
        text = f"[{head}]"
    if rest:
        text += ", " + ".".join(str(part + 1) if isinstance(part, int) else part for part in rest)
    return one_line(text)


@dataclass
class SessionError(Exception):
    """A session file that cannot be used as it is. Every problem is listed."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    language: str = DEFAULT_LANGUAGE
    """The session's language (the words of where each problem is)."""

    def __str__(self) -> str:
        return "\n".join(p.render(self.path, self.language) for p in self.problems)

"""Problems found in a session file, worded for the person who has to fix them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Loc = tuple[str | int, ...]


@dataclass
class Problem:
    """One thing wrong with a session: where, what, and how to fix it."""

    message: str
    """What is wrong, in plain words."""
    fix: str = ""
    """What to do about it."""
    loc: Loc = ()
    """The field path inside the session, e.g. ("notes", 3, "station")."""
    line: int | None = None
    """The line in the file, when known."""
    column: int | None = None
    """The column in the file, when known."""

    def where(self) -> str:
        parts: list[str] = []
        if self.line is not None:
            parts.append(f"line {self.line}" + (f", column {self.column}" if self.column else ""))
        if self.loc:
            parts.append(describe_loc(self.loc))
        return ": ".join(parts)

    def render(self, path: Path | str | None = None) -> str:
        head = f"{path}: " if path else ""
        where = self.where()
        text = f"{head}{where + ': ' if where else ''}{self.message}"
        if self.fix:
            text += f" - {self.fix}"
        return text


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
    return text


@dataclass
class SessionError(Exception):
    """A session file that cannot be used as it is. Every problem is listed."""

    path: Path
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(p.render(self.path) for p in self.problems)

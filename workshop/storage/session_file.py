"""Reading and writing the session's TOML file.

Reading turns every kind of bad input into a :class:`SessionError` whose problems name the
file, the line and the fix. Writing is atomic: a temporary file, fsync, rename, fsync of the
folder, so the file on disk is always either the old or the new version.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from workshop.model.problems import Problem, SessionError
from workshop.model.session import SECTIONS, Session
from workshop.model.validation import check
from workshop.storage.toml_lines import index_lines, line_of


def read_text(path: Path) -> str:
    """The file's text, or a SessionError that says why it cannot be read."""
    if not path.exists():
        raise SessionError(
            path, [Problem("no such file", "check the path, or create it with: workshop new " + str(path))]
        )
    if path.is_dir():
        raise SessionError(
            path, [Problem("this is a folder, not a session file", "give the path of a .toml file inside it")]
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SessionError(path, [Problem(f"cannot be read ({error.strerror})", "check its permissions")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise SessionError(
            path,
            [
                Problem(
                    "the file is not UTF-8 text",
                    "save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)",
                    line=line,
                    column=column,
                )
            ],
        ) from None


def parse(text: str, path: Path) -> Session:
    """Parse and validate a session's text; raise SessionError with every problem found."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        text_of_error = str(error)
        found = re.search(r"\(at line (\d+), column (\d+)\)", text_of_error)
        line = getattr(error, "lineno", None) or (int(found[1]) if found else None)
        column = getattr(error, "colno", None) or (int(found[2]) if found else None)
        message = getattr(error, "msg", None) or re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", text_of_error)
        fix = "correct the syntax at that place"
        if line is None and "end of document" in text_of_error:
            # The file ended inside something still open: point at its last line.
            line = max(1, len(text.rstrip("\n").split("\n")))
            message += " at the end of the file"
            fix = "close what is still open there (a [ ], { } or quotes) or finish the value"
        raise SessionError(
            path,
            [Problem(f"this is not valid TOML ({message})", fix, line=line, column=column)],
        ) from None
    return from_dict(raw, text, path)


def from_dict(raw: dict[str, Any], text: str, path: Path) -> Session:
    """Validate parsed TOML data (``text`` is used to find line numbers)."""
    try:
        session = Session.model_validate(raw)
    except ValidationError as error:
        index = index_lines(text)
        problems = [_problem(e, raw, text, index) for e in error.errors()]
        raise SessionError(path, problems) from None
    return checked(session, text, path)


def checked(session: Session, text: str, path: Path) -> Session:
    """The session if its references hold; else a SessionError with every problem and its line."""
    problems = check(session)
    if problems:
        index = index_lines(text)
        for problem in problems:
            problem.line = line_of(text, problem.loc, index)
        raise SessionError(path, problems)
    return session


def _problem(error: Any, raw: dict[str, Any], text: str, index: dict) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    line = line_of(text, loc, index)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        if len(loc) == 1:
            close = difflib.get_close_matches(name, SECTIONS, n=1)
            hint = f'did you mean "{close[0]}"? ' if close else ""
            return Problem(
                f'unknown section "{name}"',
                f"{hint}remove it or use one of: {', '.join(SECTIONS)}",
                (name,),
                line,
            )
        return Problem(f'unknown field "{name}"', "remove it or check the spelling", loc, line)
    if kind == "missing":
        return Problem(f'"{loc[-1]}" is missing', f'add {loc[-1]} = ...', loc, line)
    value = error.get("input")
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    message = error["msg"].removeprefix("Value error, ")
    fix = _FIXES.get(kind.split("_")[0], "correct the value")
    if "more than zero" in message:
        fix = "write a number of minutes above 0, e.g. 30"
    elif "clock time" in message:
        fix = 'write it as "18:00"'
    return Problem(f"{message} (found {shown})", fix, loc, line)


_FIXES = {
    "int": "write a whole number without quotes, e.g. 30",
    "bool": "write true or false",
    "string": 'write text in quotes, e.g. "Gruppe 1"',
    "list": 'write a list in brackets, e.g. ["a", "b"]',
    "dict": "write a table",
    "model": "write a table",
    "literal": "use one of the values named",
    "date": "write a date such as 2026-11-25",
    "datetime": "write a date and time such as 2026-11-25 18:30:00",
    "greater": "use a larger number",
    "less": "use a smaller number",
}


def load(path: Path | str) -> tuple[Session, str]:
    """Read and validate a session file; returns the session and the text it came from."""
    path = Path(path)
    text = read_text(path)
    return parse(text, path), text


# Writing ------------------------------------------------------------------------------------


def to_dict(session: Session) -> dict[str, Any]:
    """The session as plain TOML data, leaving out what is empty so the file stays readable."""
    data = session.model_dump(mode="python", exclude_none=True)
    for group in data.get("groups", []):
        group["members"] = [m["name"] if set(m) == {"name"} else m for m in group["members"]]
    data["participants"] = [m["name"] if set(m) == {"name"} else m for m in data.get("participants", [])]
    for note in data.get("notes", []):
        if not note.get("categories"):
            note.pop("categories", None)
    for station in data.get("stations", []):
        if not station.get("questions"):
            station.pop("questions", None)
    schedule = {k: v for k, v in data.get("schedule", {}).items() if v != Session.model_fields["schedule"].default.model_dump().get(k)}
    data["schedule"] = schedule
    live = {k: v for k, v in data.get("live", {}).items() if v not in (None, [], {}, 0, False)}
    data["live"] = live
    data["summary"]["stations"] = data["summary"].get("stations") or {}
    summary = {k: v for k, v in data["summary"].items() if v}
    data["summary"] = summary
    for category in data.get("categories", []):
        for key in ("colour", "description"):
            if not category.get(key):
                category.pop(key, None)
    for item in data.get("program", []):
        if not item.get("description"):
            item.pop("description", None)
    return {k: v for k, v in data.items() if v not in ([], {}, None)}


def dumps(session: Session) -> str:
    """The session as TOML text."""
    header = "# A workshop session. Open it with: workshop run <this file>\n"
    return header + tomli_w.dumps(to_dict(session), multiline_strings=True)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash leaves either the old or the new file."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)

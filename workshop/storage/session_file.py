"""Reading and writing the session's TOML file.

Reading turns every kind of bad input into a :class:`SessionError` whose problems name the
file, the line and the fix (in the session's language; in Danish when the file is too broken
to tell). Writing goes through :mod:`workshop.storage.atomic_file`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workshop.model.problems import Problem, SessionError, language_of_text
from workshop.model.pydantic_problems import problems_from
from workshop.model.session import LANGUAGES, SECTIONS, Schedule, Session
from workshop.model.validation import check
from workshop.storage.toml_lines import index_lines, line_of
from workshop.words import word


def read_text(path: Path) -> str:
    """The file's text, or a SessionError that says why it cannot be read."""
    language = "da"  # nothing of the file is known yet: the users' own language
    if not path.exists():
        problem = Problem(word("problem_no_such_file", language), word("fix_no_such_file", language, path=path))
        raise SessionError(path, [problem], language)
    if path.is_dir():
        raise SessionError(path, [Problem(word("problem_folder", language), word("fix_folder", language))], language)
    try:
        data = path.read_bytes()
    except OSError as error:
        problem = Problem(word("problem_unreadable", language, reason=error.strerror), word("fix_unreadable", language))
        raise SessionError(path, [problem], language) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        language = language_of_text(data.decode("utf-8", errors="replace"))
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problem = Problem(
            word("problem_not_utf8", language), word("fix_not_utf8", language), line=line, column=column
        )
        raise SessionError(path, [problem], language) from None


def language_of(raw: dict[str, Any], text: str) -> str:
    """The language a session's problems are told in: its ``[workshop] language`` when that is usable."""
    table = raw.get("workshop")
    written = table.get("language") if isinstance(table, dict) else None
    return written if written in LANGUAGES else language_of_text(text)


def parse(text: str, path: Path) -> Session:
    """Parse and validate a session's text; raise SessionError with every problem found."""
    import tomllib  # here, not at the top: a start from the store's cache reads no TOML

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SessionError(path, [_syntax_problem(error, text)], language_of_text(text)) from None
    return from_dict(raw, text, path)


def _syntax_problem(error: ValueError, text: str) -> Problem:
    """The TOML parser's complaint, with its line and column (the parser's own words stay English)."""
    language = language_of_text(text)
    text_of_error = str(error)
    found = re.search(r"\(at line (\d+), column (\d+)\)", text_of_error)
    line = getattr(error, "lineno", None) or (int(found[1]) if found else None)
    column = getattr(error, "colno", None) or (int(found[2]) if found else None)
    detail = getattr(error, "msg", None) or re.sub(
        r"\s*\(at (line \d+, column \d+|end of document)\)", "", text_of_error
    )
    if line is None and "end of document" in text_of_error:
        # The file ended inside something still open: point at its last line.
        line = max(1, len(text.rstrip("\n").split("\n")))
        return Problem(
            word("problem_not_toml_at_end", language, detail=detail), word("fix_close_open", language), line=line
        )
    return Problem(
        word("problem_not_toml", language, detail=detail), word("fix_syntax", language), line=line, column=column
    )


def from_dict(raw: dict[str, Any], text: str, path: Path) -> Session:
    """Validate parsed TOML data (``text`` is used to find line numbers)."""
    try:
        session = Session.model_validate(raw)
    except ValidationError as error:
        language = language_of(raw, text)
        index = index_lines(text)
        problems = problems_from(
            error, language, sections=SECTIONS, line_of=lambda loc: line_of(text, loc, index)
        )
        raise SessionError(path, problems, language) from None
    return checked(session, text, path)


def checked(session: Session, text: str, path: Path) -> Session:
    """The session if its references hold; else a SessionError with every problem and its line."""
    problems = check(session)
    if problems:
        index = index_lines(text)
        for problem in problems:
            problem.line = line_of(text, problem.loc, index)
        raise SessionError(path, problems, session.workshop.language)
    return session


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
    defaults = Schedule().model_dump()
    data["schedule"] = {k: v for k, v in data.get("schedule", {}).items() if v != defaults.get(k)}
    live = {k: v for k, v in data.get("live", {}).items() if v not in (None, [], {}, 0, False)}
    data["live"] = live
    data["summary"]["stations"] = data["summary"].get("stations") or {}
    summary = {k: v for k, v in data["summary"].items() if v}
    data["summary"] = summary
    for category in data.get("categories", []):
        for key in ("colour", "description", "guid"):
            if not category.get(key):
                category.pop(key, None)
    for item in data.get("program", []):
        if not item.get("description"):
            item.pop("description", None)
    if not data["workshop"].get("template"):
        data["workshop"].pop("template", None)
    for recommendation in data.get("recommendations", []):
        for key in [k for k, v in recommendation.items() if v in ("", [], None) and k not in ("id", "title")]:
            recommendation.pop(key)
    data["agenda"] = {k: v for k, v in data.get("agenda", {}).items() if v}
    return {k: v for k, v in data.items() if v not in ([], {}, None)}


def dumps(session: Session) -> str:
    """The session as TOML text."""
    import tomli_w  # here, not at the top: only writing needs it

    header = "# A workshop session. Open it with: workshop run <this file>\n"
    return header + tomli_w.dumps(to_dict(session), multiline_strings=True)

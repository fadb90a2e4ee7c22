"""Reading and writing the session's TOML file.

Reading turns every kind of bad input into a :class:`SessionError` whose problems name the
file, the line and the fix (in the session's language; in Danish when the file is too broken
to tell). Writing goes through :mod:`workshop.storage.atomic_file`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workshop.model import limits
from workshop.model.problems import Loc, Problem, SessionError, language_of_text
from workshop.model.pydantic_problems import problems_from
from workshop.model.session import LANGUAGES, SECTIONS, Schedule, Session
from workshop.model.validation import too_many
from workshop.scheduling.checks import check
from workshop.storage.toml_lines import index_lines, line_of, repeated_key_line
from workshop.words import word


def refuse(where: Path, key: str, fix: str, language: str = "da", **values: object) -> SessionError:
    """A session file that cannot be used, for one reason with its fix (the catalogue's words)."""
    problem = Problem(word(key, language, **values), word(fix, language, **values))
    return SessionError(where, [problem], language)


def read_text(path: Path) -> str:
    """The file's text, or a SessionError that says why it cannot be read.

    Only a regular file is opened: a pipe, a device or a socket given as the session would make
    every command wait for ever, so it is refused by what ``stat`` says, before it is opened.
    """
    language = "da"  # nothing of the file is known yet: the users' own language
    try:
        info = os.stat(path)
    except OSError as error:
        raise _unreachable(path, error, language) from None
    if stat.S_ISDIR(info.st_mode):
        raise refuse(path, "problem_folder", "fix_folder", language)
    if not stat.S_ISREG(info.st_mode):
        raise refuse(path, "problem_not_a_file", "fix_not_a_file", language, kind=_kind_word(info.st_mode, language))
    if info.st_size > limits.FILE_BYTES:
        megabytes = limits.FILE_BYTES // 1_000_000
        raise refuse(path, "problem_file_too_large", "fix_file_too_large", language, megabytes=megabytes)
    try:
        # O_NONBLOCK: should the file become a pipe between the look and the opening, it is not waited on.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise refuse(path, "problem_not_a_file", "fix_not_a_file", language, kind="?")
            data = handle.read(limits.FILE_BYTES + 1)
    except OSError as error:
        problem = Problem(
            word("problem_unreadable", language, reason=_reason(error, language)), word("fix_unreadable", language)
        )
        raise SessionError(path, [problem], language) from None
    if len(data) > limits.FILE_BYTES:
        megabytes = limits.FILE_BYTES // 1_000_000
        raise refuse(path, "problem_file_too_large", "fix_file_too_large", language, megabytes=megabytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        language = language_of_text(data.decode("utf-8", errors="replace"))
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problem = Problem(word("problem_not_utf8", language), word("fix_not_utf8", language), line=line, column=column)
        raise SessionError(path, [problem], language) from None


def _unreachable(path: Path, error: OSError, language: str) -> SessionError:
    """Why ``stat`` could not see the session: no such file, a loop of links, no permission, ..."""
    if error.errno == errno.ELOOP:
        return refuse(path, "problem_link_loop", "fix_link_loop", language)
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            return refuse(path, "problem_dangling_link", "fix_dangling_link", language, target=os.readlink(path))
        return refuse(path, "problem_no_such_file", "fix_no_such_file", language, path=path)
    if error.errno == errno.ENAMETOOLONG:
        return refuse(path, "problem_name_too_long", "fix_name_too_long", language)
    problem = Problem(
        word("problem_unreadable", language, reason=_reason(error, language)), word("fix_unreadable", language)
    )
    return SessionError(path, [problem], language)


def _reason(error: OSError, language: str) -> str:
    """The operating system's reason, in the catalogue's words where it has them."""
    key = {errno.EACCES: "reason_permission", errno.EPERM: "reason_permission", errno.EIO: "reason_io"}.get(
        error.errno or 0
    )
    return word(key, language) if key else (error.strerror or type(error).__name__)


def _kind_word(mode: int, language: str) -> str:
    """What a path that is not a regular file is: a pipe, a device or a socket."""
    if stat.S_ISFIFO(mode):
        return word("kind_pipe", language)
    if stat.S_ISSOCK(mode):
        return word("kind_socket", language)
    return word("kind_device", language)


def language_of(raw: dict[str, Any], text: str) -> str:
    """The language a session's problems are told in: its ``[workshop] language`` when that is usable."""
    table = raw.get("workshop")
    written = table.get("language") if isinstance(table, dict) else None
    return written if written in LANGUAGES else language_of_text(text)


def parse(text: str, path: Path) -> Session:
    """Parse and validate a session's text; raise SessionError with every problem found."""
    import tomllib  # here, not at the top: a start from the store's cache reads no TOML

    language = language_of_text(text)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SessionError(path, [_syntax_problem(error, text)], language) from None
    except RecursionError:
        problem = Problem(
            word("problem_too_deep", language, limit=limits.DEPTH),
            word("fix_too_deep", language),
            line=_deepest_line(text),
        )
        raise SessionError(path, [problem], language) from None
    except ValueError:  # an integer of more than 4,300 digits
        problem = Problem(
            word("problem_number_too_long", language),
            word("fix_number_too_long", language),
            line=_longest_number_line(text),
        )
        raise SessionError(path, [problem], language) from None
    if not raw:
        problem = Problem(word("problem_empty_file", language), word("fix_empty_file", language, path=path), line=1)
        raise SessionError(path, [problem], language)
    problems = _shape_problems(raw, language_of(raw, text))
    if problems:
        index = index_lines(text)
        for problem in problems:
            problem.line = line_of(text, problem.loc, index)
        raise SessionError(path, problems, language_of(raw, text))
    return from_dict(raw, text, path)


def _shape_problems(raw: dict[str, Any], language: str) -> list[Problem]:
    """Nesting deeper and arrays longer than any workshop's, found before the model reads the data.

    A 5,000-level list or a million stations would take the validator (and every message about
    them) far too long or too deep; a session needs five levels and the limits of
    :mod:`workshop.model.limits`.
    """
    problems = [
        too_many((name,), len(value), limits.SECTION_SIZES[name], f"count_{name}", language)
        for name, value in raw.items()
        if name in limits.SECTION_SIZES and isinstance(value, list) and len(value) > limits.SECTION_SIZES[name]
    ]
    stack: list[tuple[Any, Loc, int]] = [(raw, (), 1)]
    while stack:
        value, loc, depth = stack.pop()
        if depth > limits.DEPTH:
            problems.append(
                Problem(word("problem_too_deep", language, limit=limits.DEPTH), word("fix_too_deep", language), loc)
            )
            break
        if isinstance(value, dict):
            stack.extend((item, (*loc, str(key)), depth + 1) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*loc, number), depth + 1) for number, item in enumerate(value))
    return problems


def _deepest_line(text: str) -> int | None:
    """The line where brackets and braces nest deepest (outside strings and comments): the place to look."""
    depth = deepest = 0
    line = found = 1
    quote: str | None = None
    escaped = False
    comment = False
    for character in text:
        if character == "\n":
            line += 1
            comment = False
            continue
        if comment:
            continue
        if quote is not None:
            if escaped:
                escaped = False
            elif character == "\\" and quote == '"':
                escaped = True
            elif character == quote:
                quote = None
            continue
        if character in "\"'":
            quote = character
        elif character == "#":
            comment = True
        elif character in "[{":
            depth += 1
            if depth > deepest:
                deepest, found = depth, line
        elif character in "]}":
            depth = max(depth - 1, 0)
    return found


def _longest_number_line(text: str) -> int | None:
    """The line of the longest run of digits."""
    runs = list(re.finditer(r"\d{100,}", text))
    if not runs:
        return None
    longest = max(runs, key=lambda match: match.end() - match.start())
    return text.count("\n", 0, longest.start()) + 1


_KEY_TUPLE = re.compile(r"\(((?:'(?:[^'\\]|\\.)*'(?:, )?)+),?\)")
_TIME_LIKE = re.compile(r"=\s*(\d{1,2}:\d{1,2}(?::\d{1,2})?(?:\.\d+)?)\s*(?:#.*)?$")
_DATE_LIKE = re.compile(r"=\s*(\d{4}-\d{1,2}-\d{1,2}(?:[T ]\S*)?)\s*(?:#.*)?$")


def _dotted(match: re.Match[str]) -> str:
    """``('groups', 'members')`` (the parser's Python) as TOML writes it: ``groups.members``."""
    return ".".join(re.findall(r"'((?:[^'\\]|\\.)*)'", match[1]))


_TOML_DETAILS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"^Invalid statement$", "toml_invalid_statement"),
        (r"^Expected newline or end of document after a statement$", "toml_expected_newline"),
        (r"^Unclosed array$", "toml_unclosed_array"),
        (r"^Unclosed inline table$", "toml_unclosed_table"),
        (r"^Unterminated string$", "toml_unterminated_string"),
        (r"^Invalid value$", "toml_invalid_value"),
        (r"^Invalid initial character for a key part$", "toml_invalid_key"),
        (r"^Invalid hex value$", "toml_invalid_hex"),
        (r"^Invalid date or datetime$", "toml_invalid_date"),
        (r'^Expected "\]\]" at the end of an array declaration$', "toml_expected_array_end"),
        (r'^Expected "\]" at the end of a table declaration$', "toml_expected_table_end"),
        (r'^Expected "=" after a key in a key/value pair$', "toml_expected_equals"),
        (r"^Escaped character is not a Unicode scalar value$", "toml_bad_escape"),
        (r'^Unescaped "\\" in a string$', "toml_unescaped_backslash"),
        # a text left open at the end of its line
        (r'^(?:Illegal|Found invalid) character "\\n"$', "toml_unterminated_string"),
        (r"^(?:Illegal|Found invalid) character (?P<char>.+)$", "toml_bad_character"),
        (r"^Duplicate inline table key (?P<key>.+)$", "toml_duplicate_inline_key"),
        (r"^Cannot redefine namespace (?P<name>.+)$", "toml_redefined_table"),
        (r"^Expected (?P<expected>.+)$", "toml_expected"),
    )
)
"""The TOML parser's complaints (Python's tomllib, in English), each with its words in the catalogue."""


def _toml_detail(detail: str, language: str) -> str:
    """The TOML parser's complaint in ``language``; one not known here stays as the parser said it."""
    for pattern, key in _TOML_DETAILS:
        found = pattern.match(detail)
        if found:
            return word(key, language, **found.groupdict())
    return detail


def _syntax_problem(error: ValueError, text: str) -> Problem:
    """The TOML parser's complaint, with its line and column, in the file's language."""
    language = language_of_text(text)
    text_of_error = str(error)
    found = re.search(r"\(at line (\d+), column (\d+)\)", text_of_error)
    line = getattr(error, "lineno", None) or (int(found[1]) if found else None)
    column = getattr(error, "colno", None) or (int(found[2]) if found else None)
    detail = getattr(error, "msg", None) or re.sub(
        r"\s*\(at (line \d+, column \d+|end of document)\)", "", text_of_error
    )
    detail = _KEY_TUPLE.sub(_dotted, detail).replace("'", '"')
    lines = text.split("\n")
    source = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    declared = re.match(r"Cannot declare (.+) twice", detail)
    if declared:
        name = declared[1]
        return Problem(
            word("problem_table_twice", language, name=name), word("fix_table_twice", language, name=name), line=line
        )
    if detail.startswith("Cannot overwrite a value") or detail.startswith("Cannot mutate"):
        where = repeated_key_line(text) or line
        return Problem(word("problem_key_twice", language), word("fix_key_twice_toml", language), line=where)
    time_like = _TIME_LIKE.search(source)
    if time_like:
        value = time_like[1]
        key = source.split("=", 1)[0].strip() or "start"
        hour, minute = (int(part) for part in value.split(":")[:2])
        problem = "problem_clock_unquoted" if hour < 24 and minute < 60 else "problem_bad_clock"
        shown = f"{hour:02d}:{minute:02d}" if problem == "problem_clock_unquoted" else "18:00"
        return Problem(
            word(problem, language, value=value), word("fix_bad_clock", language, key=key, clock=shown), line=line
        )
    date_like = _DATE_LIKE.search(source)
    if date_like and ("date" in detail or "Expected newline" in detail):
        value = date_like[1]
        return Problem(word("problem_bad_date", language, value=value), word("fix_bad_date", language), line=line)
    detail = _toml_detail(detail, language)
    if line is None and "end of document" in text_of_error:
        # The file ended inside something still open: point at its last line.
        line = max(1, len(text.rstrip("\n").split("\n")))
        return Problem(
            word("problem_not_toml_at_end", language, detail=detail), word("fix_close_open", language), line=line
        )
    return Problem(
        word("problem_not_toml", language, detail=detail), word("fix_syntax", language), line=line, column=column
    )


TOP_COMMENT = "# A workshop session. Open it with: workshop run <this file>\n"
"""The line the store writes at the top of every session file (below its header line)."""


def from_dict(raw: dict[str, Any], text: str, path: Path) -> Session:
    """Validate parsed TOML data (``text`` is used to find line numbers)."""
    try:
        session = Session.model_validate(raw)
    except ValidationError as error:
        language = language_of(raw, text)
        index = index_lines(text)
        problems = problems_from(error, language, sections=SECTIONS, line_of=lambda loc: line_of(text, loc, index))
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
    if data["workshop"].get("report_appendix") == "off":
        data["workshop"].pop("report_appendix")
    for recommendation in data.get("recommendations", []):
        for key in [k for k, v in recommendation.items() if v in ("", [], None) and k not in ("id", "title")]:
            recommendation.pop(key)
    data["agenda"] = {k: v for k, v in data.get("agenda", {}).items() if v}
    if "series" in data:
        data["series"] = _without_empty(data["series"]) or {"meetings": []}
        if session.series is not None and not session.stations:  # a series file: no evening's clock time
            data["workshop"] = {
                k: v for k, v in data["workshop"].items() if v != "" and not (k == "start" and str(v)[:5] == "18:00")
            }
    return {k: v for k, v in data.items() if v not in ([], {}, None)}


def _without_empty(value: Any) -> Any:
    """A table without its empty texts, lists and tables (a series file stays short)."""
    if isinstance(value, dict):
        kept = {k: _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ("", [], {}, None)}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value


def dumps(session: Session) -> str:
    """The session as TOML text, in the form the README shows and people write by hand.

    ``[workshop]`` first, then each list of tables as ``[[program]]``, ``[[stations]]``, ...
    blocks (not one long inline array), then the other tables; a value inside such a block that is
    itself a table (a rotation's ``stations``) is written inline.
    """
    import tomli_w  # here, not at the top: only writing needs it

    data = to_dict(session)
    loose = {k: v for k, v in data.items() if not isinstance(v, dict) and not _is_table_list(v)}
    parts = [tomli_w.dumps(loose, multiline_strings=True)] if loose else []
    if "workshop" in data:
        parts.append(tomli_w.dumps({"workshop": data["workshop"]}, multiline_strings=True))
    for name, value in data.items():
        if name == "workshop" or name in loose:
            continue
        if _is_table_list(value):
            parts.extend(_table_block(name, item) for item in value)
        else:
            parts.append(tomli_w.dumps({name: value}, multiline_strings=True))
    return TOP_COMMENT + "\n".join(part.rstrip("\n") + "\n" for part in parts)


def _is_table_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _table_block(name: str, item: dict[str, Any]) -> str:
    """One ``[[name]]`` block: its plain values as they are, a table (or a list holding one) inline."""
    import tomli_w

    lines = [f"[[{name}]]"]
    for key, value in item.items():
        if _holds_table(value):
            lines.append(f"{_key(key)} = {_inline(value)}")
        else:
            lines.append(tomli_w.dumps({key: value}, multiline_strings=True).rstrip("\n"))
    return "\n".join(lines) + "\n"


def _holds_table(value: object) -> bool:
    """Whether a value is, or contains, a table: tomli-w would write it as a table of its own."""
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(_holds_table(item) for item in value)


def _key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, quoted otherwise."""
    import tomli_w

    return tomli_w.dumps({key: 0}).rsplit(" = ", 1)[0]


def _inline(value: object) -> str:
    """A value on one line: ``{ s1 = ["g1"], s2 = ["g2"] }``, ``[{ name = "Anna" }]``.

    Written here rather than by tomli-w, whose choice between an inline table and a table of its own
    depends on the value and on its version; inside a ``[[...]]`` block only the inline form is valid.
    """
    import tomli_w

    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    return tomli_w.dumps({"v": value}).rstrip("\n")[len("v = ") :]

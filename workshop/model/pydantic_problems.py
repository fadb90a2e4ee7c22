"""pydantic's complaints about a session, turned into problems a person can fix (one place for all).

Reading a session file and every change the setup screen makes check their values with the
models of :mod:`workshop.model.session`; when pydantic refuses one, :func:`problems_from`
words each complaint: the field as the TOML names it, what is wrong (showing the value as it
would be written in TOML, never a Python repr) and the fix in the session's language.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from workshop.model.problems import Loc, Problem
from workshop.words import word

LONGEST_VALUE = 60
"""Characters of a value shown in a message; a longer one is cut with "…"."""
SHOWN_ITEMS = 10
"""Items of a list or table shown in a message (the value is cut anyway)."""

_BOUNDED: dict[str, tuple[str, str, str]] = {
    # error type: (what is wrong, what to do, the ctx entry holding the bound)
    "greater_than_equal": ("said_at_least", "fix_at_least", "ge"),
    "greater_than": ("said_above", "fix_above", "gt"),
    "less_than_equal": ("said_at_most", "fix_at_most", "le"),
    "less_than": ("said_below", "fix_below", "lt"),
    "string_too_short": ("said_text_short", "fix_not_empty", "min_length"),
    "string_too_long": ("said_text_long", "fix_text_too_long", "max_length"),
    "too_short": ("said_list_short", "fix_value", "min_length"),
    "too_long": ("said_list_long", "fix_list_too_long", "max_length"),
}

_PLAIN: dict[str, tuple[str, str]] = {
    # error type: (what is wrong, what to do)
    # the custom errors of workshop.model.session
    "minutes_not_positive": ("said_minutes", "fix_minutes"),
    "clock_time": ("said_clock", "fix_clock"),
    "colour_format": ("said_colour", "fix_colour"),
    "not_utf8": ("said_not_utf8", "fix_text_not_utf8"),
    # pydantic's own; a type not listed takes the fix of its family's "<family>_type"
    "int_type": ("said_int", "fix_int"),
    "int_parsing": ("said_int", "fix_int"),
    "int_from_float": ("said_int_fraction", "fix_int"),
    "int_parsing_size": ("said_int_size", "fix_int"),
    "float_type": ("said_number", "fix_value"),
    "float_parsing": ("said_number", "fix_value"),
    "bool_type": ("said_bool", "fix_bool"),
    "bool_parsing": ("said_bool", "fix_bool"),
    "string_type": ("said_string", "fix_string"),
    "list_type": ("said_list", "fix_list"),
    "dict_type": ("said_table", "fix_table"),
    "model_type": ("said_table", "fix_table"),
    "model_attributes_type": ("said_table", "fix_table"),
    "date_type": ("said_date", "fix_date"),
    "date_parsing": ("said_date", "fix_date"),
    "date_from_datetime_parsing": ("said_date", "fix_date"),
    "date_from_datetime_inexact": ("said_date", "fix_date"),
    "datetime_type": ("said_datetime", "fix_datetime"),
    "datetime_parsing": ("said_datetime", "fix_datetime"),
    "datetime_from_date_parsing": ("said_datetime", "fix_datetime"),
    "time_type": ("said_time", "fix_clock"),
    "time_parsing": ("said_time", "fix_clock"),
}


def problems_from(
    error: ValidationError,
    language: str,
    *,
    prefix: Loc = (),
    sections: Sequence[str] = (),
    line_of: Callable[[Loc], int | None] | None = None,
) -> list[Problem]:
    """One problem for each of pydantic's complaints in ``error``.

    ``prefix`` is where the validated value sits in the session (("program", 2) for one
    programme item); ``sections`` are the top-level tables a session may have, offered when an
    unknown one is found; ``line_of`` finds the line of a field in the file, when there is one.
    """
    return [_problem(details, language, prefix, sections, line_of) for details in error.errors()]


def _problem(
    details: ErrorDetails,
    language: str,
    prefix: Loc,
    sections: Sequence[str],
    line_of: Callable[[Loc], int | None] | None,
) -> Problem:
    loc: Loc = prefix + tuple(details["loc"])
    kind = details["type"]
    line = line_of(loc) if line_of is not None else None
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        if len(loc) == 1 and sections:
            close = difflib.get_close_matches(name, sections, n=1)
            hint = word("did_you_mean", language, name=close[0]) if close else ""
            fix = word("fix_unknown_section", language, hint=hint, sections=", ".join(sections))
            return Problem(word("said_unknown_table", language, name=name), fix, loc, line)
        return Problem(word("said_unknown_field", language, name=name), word("fix_unknown_field", language), loc, line)
    if kind == "missing":
        return Problem(word("said_missing", language, name=name), word("fix_missing", language, name=name), loc, line)
    if kind == "too_long" and isinstance(details.get("input"), str):
        # A text whose limit sits beside other validators is "Value should have at most N items": say characters.
        kind = "string_too_long"
    said, fix = _worded(kind, details.get("ctx") or {}, language)
    message = said or details["msg"].removeprefix("Value error, ")
    found = word("found_value", language, value=toml_value(details.get("input"), language))
    return Problem(f"{message} ({found})", fix, loc, line)


def _worded(kind: str, context: Mapping[str, Any], language: str) -> tuple[str | None, str]:
    """(What is wrong, what to do) about a complaint of pydantic type ``kind``, in ``language``.

    What is wrong is None for a kind not worded here (the caller keeps pydantic's own words).
    """
    if kind in _BOUNDED:
        said, fix, bound = _BOUNDED[kind]
        limit = context.get(bound, "")
        return word(said, language, limit=limit), word(fix, language, limit=limit)
    if kind == "date_range":
        first, last = context.get("first", ""), context.get("last", "")
        return (
            word("said_date_range", language, first=first, last=last),
            word("fix_date_range", language, first=first, last=last),
        )
    if kind == "literal_error":
        values = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        if values:
            quoted = [f"'{value}'" if language == "en" else f'"{value}"' for value in values]
            listed = quoted[-1]
            if len(quoted) > 1:
                listed = ", ".join(quoted[:-1]) + f" {word('said_or', language)} {listed}"
            fix_values = ", ".join(f'"{value}"' for value in values)
            return word("said_one_of", language, values=listed), word("fix_one_of", language, values=fix_values)
    if kind in _PLAIN:
        said, fix = _PLAIN[kind]
        return word(said, language), word(fix, language)
    family = _PLAIN.get(f"{kind.split('_')[0]}_type")
    return None, word(family[1] if family is not None else "fix_value", language)


def toml_value(value: object, language: str) -> str:
    """``value`` as it is written in a TOML file: "Gruppe 1" in quotes, 30, true, 2026-11-25 18:30:00."""
    text = _toml(value, language)
    if len(text) > LONGEST_VALUE:
        text = text[: LONGEST_VALUE - 1] + "…"
    return text


def _toml(value: object, language: str) -> str:
    if value is None:
        return word("value_nothing", language)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and value.bit_length() > 64:
        return word("value_big_number", language, digits=int(value.bit_length() * 0.30103) + 1)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        if len(value) > LONGEST_VALUE:
            value = value[:LONGEST_VALUE]  # a 50 MB text is not shown whole only to be cut
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        pairs = list(value.items())
        inner = ", ".join(f"{key} = {_toml(item, language)}" for key, item in pairs[:SHOWN_ITEMS])
        inner += ", …" if len(pairs) > SHOWN_ITEMS else ""
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple):
        shown = ", ".join(_toml(item, language) for item in value[:SHOWN_ITEMS])
        return "[" + shown + (", …" if len(value) > SHOWN_ITEMS else "") + "]"
    return type(value).__name__

"""The kinds of text a session holds, and the one place text is cleaned on its way in.

Every text field of the model is one of these types, so a note, a station's name or a
recommendation's section is cleaned once, where it enters (a file, a form, the journal, a
script), by one rule: Windows line ends become plain ones (TOML cannot keep them apart anyway),
half characters from a terminal that was not UTF-8 are refused, and a name or title is trimmed
(``"   "`` is no name). Text is made fit for a document or a terminal once more where it leaves
(:mod:`workshop.documents.printable`), never in between.
"""

# Annotations are read as written, not postponed: see workshop/model/base.py.

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from workshop.model import limits

# The constraints (Field) come before the validators in each type below: so pydantic checks them on
# the string itself and names the error for a text ("at least 1 character"), not for a list.


def _newlines(value: object) -> object:
    """Windows line ends become plain ones."""
    if isinstance(value, str) and "\r\n" in value:
        return value.replace("\r\n", "\n")
    return value


def _trimmed(value: object) -> object:
    """A name without the spaces around it; line ends inside it become plain ones."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


_HALF_CHARACTER = re.compile("[\ud800-\udfff]")


def _whole_characters(value: str) -> str:
    """Text read from a terminal or a pipe that was not UTF-8 holds half characters; they cannot be saved."""
    if not value.isascii() and _HALF_CHARACTER.search(value):
        raise PydanticCustomError("not_utf8", "the text holds bytes that are not UTF-8")
    return value


Id = Annotated[str, Field(min_length=1, max_length=limits.ID_LENGTH)]
"""An id a person may type ("s1", "g2"): not empty, not endless. Never changed: others refer to it."""
Name = Annotated[
    str,
    Field(min_length=1, max_length=limits.NAME_LENGTH),
    BeforeValidator(_trimmed),
    AfterValidator(_whole_characters),
]
"""A name or title that must be there: trimmed, so spaces alone are no name."""
ShortText = Annotated[
    str,
    Field(max_length=limits.NAME_LENGTH),
    BeforeValidator(_trimmed),
    AfterValidator(_whole_characters),
]
"""A short text that may be empty (a subtitle, a host), trimmed like a name."""
LongText = Annotated[
    str,
    Field(max_length=limits.TEXT_LENGTH),
    BeforeValidator(_newlines),
    AfterValidator(_whole_characters),
]
"""A long text (a question, a description, a summary, a section): its lines kept as typed."""
NoteText = LongText
"""What a note-taker typed: a long text."""

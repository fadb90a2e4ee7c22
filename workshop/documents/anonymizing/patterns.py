"""The shapes of personal data that are not names: e-mail addresses, phone and CPR numbers, profile links.

Written as Danes write them in notes, including the forms that slipped through before: a number
glued to its label ("tlf.12345678", "cpr.010203-1234"), two phone numbers with a slash
("8612 3456/2345 6789"), a CPR number with an en dash ("010203–1234"), and a link to a person's
profile ("linkedin.com/in/fornavn-efternavn", "facebook.com/fornavn.efternavn").
"""

from __future__ import annotations

import re

LETTERS = r"[^\W\d_]"

EMAIL = re.compile(r"(?<![\w.+%-])[\w.+%-]++@[\w-]++(?:\.[\w-]++)+", re.UNICODE)
"""An e-mail address; like every shape here it starts only where a word starts, so a long text is read once."""

_BEFORE_NUMBER = rf"(?:(?<={LETTERS}\.)|(?<=\d/)|(?<![\w+/.,-]))"
"""A number starts after a label's dot ("tlf.", "cpr."), after another number and a slash, or after no word at all."""
_AFTER_NUMBER = r"(?!\w|[.,]\d|/(?![ ]?\d))"
"""...and ends before no word and no decimals; a slash only when another number follows."""

_DASHES = r"[ \-\u2010\u2011\u2012\u2013\u2014]"
"""Between a CPR number's date and serial: a space, a hyphen, or any dash a word processor puts there."""
CPR = re.compile(_BEFORE_NUMBER + r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d" + _DASHES + r"?\d{4}" + _AFTER_NUMBER)
PHONE = re.compile(
    _BEFORE_NUMBER + r"(?:(?:\+|00)[ ]?45[ -]?)?"
    r"(?:\d{8}|\d\d(?:[ ]\d\d){3}|\d\d(?:-\d\d){3}|\d\d(?:\.\d\d){3}|[2-9]\d{3}[ ]\d{4})" + _AFTER_NUMBER
)
DIGIT = re.compile(r"\d")

PROFILE = re.compile(
    r"(?:https?://)?(?:www\.|m\.|[a-z]{2}\.)?"
    r"(?:linkedin\.com/(?:in|pub|profile)|facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com"
    r"|tiktok\.com|threads\.net|github\.com|bsky\.app/profile|youtube\.com/(?:c|user))"
    r"/@?[\w.%\-]++/?(?:\?[^\s<>\"')\]]*+)?",
    re.IGNORECASE,
)
"""A link to a profile on a social platform: it names a person, whatever it is built from."""
LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]++|(?<![\w.-])[\w-]++(?:\.[\w-]++)++/[^\s<>\"')\]]*+")
"""Any other web address (a host and a path): replaced when a person's name is part of it. The
quantifiers never give back (``++``), so no text makes them slow."""

HYPHEN_BREAK = re.compile(rf"(?<!{LETTERS})({LETTERS}++)(?:-[ \t]*\r?\n[ \t]*|\u00ad\s*)({LETTERS}+)")
"""A word split at a line's end ("Søren-⏎sen", text pasted from a PDF) or by a soft hyphen."""

SPACES = re.compile(r"[ \t\u00a0]+")
RUN_GAP = re.compile(r"[ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*")
"""What may stand between two parts of one name: spaces and at most one line break (not a blank line)."""


def fold(text: str) -> str:
    """A name part as it is compared: in lower case, "aa" as "å" (Søgaard = Søgård, Aase = Åse)."""
    return text.casefold().replace("aa", "å")

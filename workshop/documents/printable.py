"""Text as a document can show it: any string the store holds becomes printable text.

Word documents are XML, and XML 1.0 forbids most control characters; python-docx raises
ValueError on \\x00, \\x0b, \\x0c, \\x1b and U+FFFE. Text pasted from Word carries \\x0b (a line
break) and \\x0c (a page break). So, before anything goes into a document or a quote table:

* line and page breaks of every kind (\\r\\n, \\r, \\x0b, \\x0c, U+0085, U+2028, U+2029) become \\n;
* terminal escape sequences (colours such as ``\\x1b[31m``, titles, cursor moves), pasted from a
  terminal, are removed whole, not left behind as "[31m";
* what cannot be shown (other C0 and C1 controls, lone surrogates, U+FFFE, U+FFFF) is dropped;
* tabs, letters of every script, emoji, æ ø å, § and – stay as they are.
"""

from __future__ import annotations

import re

_BREAKS = "\x0b\x0c\r\x85\u2028\u2029"

_UNPRINTABLE = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Anything outside the printable XML 1.0 characters, the C1 controls and DEL, and U+2028/9."""

_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves (ESC [ 31 m)
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC: window titles, links
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]"  # two- and three-character escapes (ESC c, ESC ( B)
)
"""A terminal escape sequence, whole (ECMA-48)."""


def printable(text: str) -> str:
    """``text`` with line breaks normalised to \\n and unshowable characters dropped."""
    if _UNPRINTABLE.search(text) is None:
        return text
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPES.sub("", text)
    return _UNPRINTABLE.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return "\n" if match.group() in _BREAKS else ""

"""Taking people's names out of exported text (``--anonymize``).

Every participant's and every note author's name is removed wherever it stands: in the notes,
the summaries, a host's cell, the file's properties. A name is found word by word, so "Åse",
"Lund", "Åse Lund", "ÅSE LUND" and the genitive "Åses" all go; a word that is only written
like a surname in lower case ("skov", "sand") stays, because it is then an ordinary word.
Consecutive names become one placeholder: "Åse Lund mente" -> "[navn] mente".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workshop.model.session import Session

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_PARTS = re.compile(r"[\s\-'’.,]+")


def names_to_hide(session: Session) -> list[str]:
    """Every participant's name and every note author's name, longest first."""
    names = {m.name.strip() for m in session.people()}
    names.update(note.author.strip() for note in session.notes)
    return sorted((n for n in names if n), key=lambda n: (-len(n), n))


class Redactor:
    """A text filter that replaces the given names with a placeholder."""

    def __init__(self, names: Iterable[str], placeholder: str = "[navn]") -> None:
        self.placeholder = placeholder
        exact: set[str] = set()
        for name in names:
            name = name.strip()
            if not name:
                continue
            for word in _WORD.findall(name):
                exact.add(word)
                for part in _PARTS.split(word):
                    if len(part) >= 2:
                        exact.add(part)
        self.exact = exact
        self.folded = {word.casefold() for word in exact}
        run = re.escape(placeholder)
        self._joined = re.compile(rf"{run}(?:[ \t\u00a0]+{run})+")

    def is_name(self, word: str) -> bool:
        """Whether a word of the text is (part of) a name to hide, its genitive included."""
        for candidate in (word, _genitive(word)):
            if not candidate:
                continue
            if candidate in self.exact:
                return True
            if candidate.casefold() in self.folded and not candidate.islower():
                return True
        return False

    def __call__(self, text: str) -> str:
        if not self.exact or not text:
            return text
        changed = False

        def replace(match: re.Match[str]) -> str:
            nonlocal changed
            word = match.group()
            if self.is_name(word):
                changed = True
                return self.placeholder
            return word

        result = _WORD.sub(replace, text)
        if changed:
            result = self._joined.sub(self.placeholder, result)
        return result


def _genitive(word: str) -> str:
    """"Åses" -> "Åse", "Lund's" -> "Lund" (the possessive of a name is still the name)."""
    for suffix in ("'s", "’s", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return ""


def redactor_for(session: Session, placeholder: str = "[navn]") -> Redactor:
    """The filter that hides every participant's and author's name of the session."""
    return Redactor(names_to_hide(session), placeholder)

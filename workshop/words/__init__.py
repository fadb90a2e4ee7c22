"""Every word a user reads, in Danish and English: one catalogue for the screens, the CLI and the documents.

``word("round", "da")`` -> "Runde"; ``word("created_category", "en", name="Tid", key=5)`` fills
in ``{name}`` and ``{key}``. The catalogue is one namespace, kept in one section module per part
of the app (``common``, ``documents``, ``facilitator``, ``notes``, ``schedule``, ...) so a reader
finds a screen's words beside each other; a key may stand in only one section (checked here,
once, at import). Key descriptions in Danish are in :mod:`workshop.words.keys`, by binding id.

An unknown key is a programming error (``KeyError``), never shown to a user:
``tests/test_words.py`` finds every key the code asks for and checks it is here in both languages.
"""

from __future__ import annotations

from workshop.words import (
    app,
    cli,
    comments,
    common,
    complaints,
    costs,
    documents,
    facilitator,
    merging,
    model,
    notes,
    recommendations,
    schedule,
    secretariat,
    series,
    serving,
    storage,
)
from workshop.words.keys import KEYS

LANGUAGES = ("da", "en")
"""The languages of a session: Danish first (the users' own), English."""

SECTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "common": common.WORDS,
    "documents": documents.WORDS,
    "file": documents.FILE_WORDS,
    "affiliation": documents.AFFILIATIONS,
    "facilitator": facilitator.WORDS,
    "notes": notes.WORDS,
    "schedule": schedule.WORDS,
    "costs": costs.WORDS,
    "secretariat": secretariat.WORDS,
    "app": app.WORDS,
    "cli": cli.WORDS,
    "model": model.WORDS,
    "complaints": complaints.WORDS,
    "storage": storage.WORDS,
    "recommendations": recommendations.WORDS,
    "serving": serving.WORDS,
    "merging": merging.WORDS,
    "series": series.WORDS,
    "comments": comments.WORDS,
}


def _merge(sections: dict[str, dict[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name, table in sections.items():
        prefix = "" if name not in ("file", "affiliation") else f"{name}."
        for key, pair in table.items():
            full = prefix + key
            if full in merged:
                raise ValueError(f"the word {full!r} is in two sections of the catalogue (second: {name})")
            merged[full] = pair
    return merged


CATALOGUE: dict[str, tuple[str, str]] = _merge(SECTIONS)
"""key -> (Danish, English), every section together."""


def word(key: str, language: str, /, **values: object) -> str:
    """The word for ``key`` in ``language`` ("da" or "en"), with ``{names}`` filled in from ``values``."""
    danish, english = CATALOGUE[key]
    text = danish if language == "da" else english
    return text.format(**values) if values else text


def has_word(key: str) -> bool:
    return key in CATALOGUE


def key_words(binding_id: str, language: str) -> tuple[str, str] | None:
    """A key's description and tooltip in ``language``; None where the binding's own English stands."""
    if language != "da":
        return None
    return KEYS.get(binding_id)


__all__ = ["CATALOGUE", "KEYS", "LANGUAGES", "has_word", "key_words", "word"]

"""What a change did, as the journal keeps it and as a person reads it ("Fortrudt: note tilføjet").

A change's label is a catalogue key (``workshop.words.storage``, keys ``change_*``) and the
values its words need, kept together in one string in the journal: ``change_label("category_created",
name="Tid")`` -> ``'change_category_created {"name": "Tid"}'``. :func:`describe_change` turns it
into words in the session's language. Labels written before this (plain English such as
"note added") are shown as they are. The label is read here, once (:func:`change_kind`): whoever
needs to know what a change was asks its event (``event.kind.key``, ``event.kind.value("seq")``),
never parses the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from workshop.words import has_word, word

_UNDO_PREFIXES = ("undo: ", "redo: ")


def change_label(key: str, /, **values: str | int) -> str:
    """The label the journal keeps for a change: the catalogue key ``change_<key>`` and its values."""
    full = f"change_{key}"
    if not has_word(full):
        raise KeyError(f"no words for the change {key!r}: add {full!r} to workshop/words/storage.py")
    if not values:
        return full
    return f"{full} {json.dumps(values, ensure_ascii=False, sort_keys=True)}"


@dataclass(frozen=True)
class ChangeKind:
    """What a change was, read from its label once, here: the catalogue key (without ``change_``) and its values.

    ``key`` is empty for a label written before catalogue labels ("note added"), or one that is not a
    catalogue label; an undo's or redo's label gives the original change's key and values.
    """

    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def value(self, name: str) -> Any:
        """One of the values (None when the label has none by that name)."""
        return self.values.get(name)


def change_kind(label: str) -> ChangeKind:
    """What the change labelled ``label`` was (see :class:`ChangeKind`)."""
    for prefix in _UNDO_PREFIXES:
        if label.startswith(prefix):
            label = label.removeprefix(prefix)
    key, _, raw = label.partition(" ")
    if not key.startswith("change_"):
        return ChangeKind("")
    try:
        values = json.loads(raw) if raw else {}
    except ValueError:
        return ChangeKind("")
    if not isinstance(values, dict):
        return ChangeKind("")
    return ChangeKind(key.removeprefix("change_"), values)


def describe_change(label: str, language: str) -> str:
    """The change in words: "note tilføjet", "kategori «Tid» oprettet"."""
    for prefix in _UNDO_PREFIXES:  # an undo's or redo's label is the original's, behind this prefix
        if label.startswith(prefix):
            label = label.removeprefix(prefix)
    kind = change_kind(label)
    key = f"change_{kind.key}"
    if not kind.key or not has_word(key):
        return label
    try:
        return word(key, language, **kind.values)
    except (KeyError, IndexError, ValueError):
        return label

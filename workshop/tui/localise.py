"""Key descriptions in the session's language: the footer, F1 and the palette speak Danish too.

Bindings are declared once, in English, with an ``id``; their Danish words are in the one
catalogue (:mod:`workshop.words.keys`), by binding id. Textual has no public way to change a
node's bindings, so the swap goes through :mod:`workshop.tui.textual_compat`; the English
original is kept so the language can change back.
"""

from __future__ import annotations

import dataclasses
from weakref import WeakKeyDictionary

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from workshop.tui.textual_compat import add_binding, node_bindings, replace_bindings, translated_bindings
from workshop.words import key_words

_english: WeakKeyDictionary[DOMNode, BindingsMap] = WeakKeyDictionary()
"""Each localised node's bindings as declared, in English."""


def localise_bindings(node: DOMNode, language: str) -> None:
    """Show ``node``'s own key descriptions (and tooltips) in ``language``."""
    original = _english.setdefault(node, node_bindings(node))
    if language != "da":
        replace_bindings(node, original)
    else:

        def danish(binding: Binding) -> tuple[str, str] | None:
            found = key_words(binding.id or "", language)
            if found is None:
                return None
            description, tooltip = found
            return description, tooltip or description

        replace_bindings(node, translated_bindings(original, danish))
    if node.is_attached:
        node.refresh_bindings()


def show_keys(node: DOMNode, ids: set[str] | frozenset[str], shown: bool) -> None:
    """Show ``node``'s keys with these binding ids in the footer, or leave them out (they work either way)."""
    changed = BindingsMap()
    for _key, binding in node_bindings(node):
        if binding.id in ids and binding.show != shown:
            binding = dataclasses.replace(binding, show=shown)
        add_binding(changed, binding)
    replace_bindings(node, changed)
    if node.is_attached:
        node.refresh_bindings()

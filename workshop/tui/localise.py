"""Key descriptions in the session's language: the footer, F1 and the palette speak Danish too.

Bindings are declared once, in English, with an ``id``; their Danish words are in the one
catalogue (:mod:`workshop.words.keys`), by binding id. Textual keeps a node's bindings in the private ``_bindings`` map (no
public setter in 8.2.8, which is pinned); the English original is kept so the language can
change back.
"""

from __future__ import annotations

import dataclasses

from textual.binding import BindingsMap
from textual.dom import DOMNode

from workshop.words import key_words


def localise_bindings(node: DOMNode, language: str) -> None:
    """Show ``node``'s own key descriptions (and tooltips) in ``language``."""
    original: BindingsMap = getattr(node, "_english_bindings", None) or node._bindings
    node._english_bindings = original  # type: ignore[attr-defined]
    if language != "da":
        node._bindings = original
    else:
        translated = BindingsMap()
        for _key, binding in original:
            danish = key_words(binding.id or "", language)
            if danish is not None:
                description, tooltip = danish
                binding = dataclasses.replace(binding, description=description, tooltip=tooltip or description)
            translated._add_binding(binding)
        node._bindings = translated
    if node.is_attached:
        node.refresh_bindings()

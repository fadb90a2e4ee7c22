"""Words of what a schedule costs: groups waiting, stations missed, people met."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
}

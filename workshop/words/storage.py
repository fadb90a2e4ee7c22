"""Words of the store: notices about hand edits, backups and the journal, and what a change did (undo, redo)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
}

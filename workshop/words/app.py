"""Words of the app as a whole: undo and redo, saving, the help screen, the palette, notices."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
}

"""Words of the command line: what each command prints and its usage errors."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
}

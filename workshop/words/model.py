"""Words of the session's checks: the fix each problem suggests."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
}

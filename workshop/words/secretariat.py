"""Words of the secretariat's screen: summaries and exports."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
}

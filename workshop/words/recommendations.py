"""Words of the recommendations: the template's sections, the report and the agenda item."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
}

"""The small pieces of the schedule's sentences, in the session's language: lists, spans, counts.

"g1, g2 and g3" / "g1, g2 og g3"; "1 to 2" / "1 til 2"; "4-5"; "1 group" / "2 groups"; "12,4";
the contact statistics of a re-mix as one sentence. The
sentences themselves are catalogue words (``workshop/words/costs.py``, keys ``cost_*``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from workshop.words import word

if TYPE_CHECKING:  # only a type here: the statistics module loads with a re-mix, not with every schedule
    from workshop.scheduling.contacts import ContactStats


def names_text(items: Sequence[str], language: str) -> str:
    """'a', 'a and b', 'a, b and c' (Danish: 'a, b og c')."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word('cost_and', language)} " + items[-1]


def numbers_text(values: Sequence[int]) -> str:
    """'1, 3' (the rounds in which something happens)."""
    return ", ".join(map(str, values))


def span_text(values: Sequence[int], language: str) -> str:
    """'2' when all are equal, else '1 to 2' (Danish: '1 til 2')."""
    low, high = min(values), max(values)
    return str(low) if low == high else word("cost_span", language, low=low, high=high)


def span_sentence(values: Sequence[int], key: str, language: str, **more: object) -> str:
    """``cost_<key>_one`` when every value is 1 ("1 station is idle in each round"), else ``cost_<key>_many``
    with ``{span}`` ("2 to 3 stations are idle in each round")."""
    if min(values) == max(values) == 1:
        return word(f"cost_{key}_one", language, **more)
    return word(f"cost_{key}_many", language, span=span_text(values, language), **more)


def bounds_text(bounds: tuple[int, int]) -> str:
    """'4' or '4-5': the ideal count, within one."""
    low, high = bounds
    return str(low) if low == high else f"{low}-{high}"


def counted(count: int, key: str, language: str) -> str:
    """'1 group', '2 groups': ``cost_<key>_one`` or ``cost_<key>_many`` with the count."""
    return word(f"cost_{key}_{'one' if count == 1 else 'many'}", language, count=count)


def decimal(value: float, language: str) -> str:
    """'12,4' in Danish, '12.4' in English (one decimal)."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "da" else text


def people_met(stats: ContactStats, method: str, language: str) -> str:
    """ "people met: min 10, mean 12.4, max 14 (135 distinct pairs; affine plane over GF(3))"."""
    return word(
        "cost_people_met",
        language,
        min=stats.min,
        mean=decimal(stats.mean, language),
        max=stats.max,
        pairs=stats.distinct_pairs,
        method=method,
    )

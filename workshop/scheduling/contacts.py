"""Who met whom: the contact statistics of any rounds in which people move between stations.

Two people *meet* when they are at the same station in the same round. The figures here are
what re-mixing is for ("people met: min 10, mean 12.4, max 14") and what the benchmarks compare.
Pure functions on plain values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

Round = dict[str, list[str]]
"""Station id -> the names of the people there in one round."""


@dataclass(frozen=True)
class ContactStats:
    """Distinct pairs met and distinct people met per person (min, mean, max)."""

    distinct_pairs: int
    min: int
    mean: float
    max: int


def _met(rounds: Iterable[Mapping[str, Sequence[str]]]) -> tuple[list[str], set[tuple[str, str]]]:
    """Everyone in the rounds (first appearance order) and the pairs that met."""
    seen: dict[str, None] = {}
    pairs: set[tuple[str, str]] = set()
    for rnd in rounds:
        for names in rnd.values():
            for name in names:
                seen.setdefault(name, None)
            ordered = sorted(names)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    if a != b:
                        pairs.add((a, b))
    return list(seen), pairs


def distinct_pairs(rounds: Iterable[Mapping[str, Sequence[str]]]) -> int:
    """How many different pairs of people share a station in at least one round."""
    return len(_met(rounds)[1])


def contacts_per_person(rounds: Iterable[Mapping[str, Sequence[str]]]) -> dict[str, int]:
    """Name -> how many different people the person met (in order of first appearance)."""
    people, pairs = _met(rounds)
    count = dict.fromkeys(people, 0)
    for a, b in pairs:
        count[a] += 1
        count[b] += 1
    return count


def contact_stats(rounds: Iterable[Mapping[str, Sequence[str]]]) -> ContactStats:
    """Distinct pairs and the min / mean / max of distinct people met per person."""
    listed = list(rounds)
    per = list(contacts_per_person(listed).values())
    if not per:
        return ContactStats(0, 0, 0.0, 0)
    return ContactStats(distinct_pairs(listed), min(per), sum(per) / len(per), max(per))

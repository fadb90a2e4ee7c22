"""Forming balanced groups from a participant list.

Pure functions on plain values; no session model, no UI.

Public API
----------
``Person(name, affiliation=None)`` (frozen dataclass)
    A participant; ``affiliation`` (e.g. "unions", "administration") or None.

``form_groups(people, count, *, balance="affiliation", apart=(), together=(),
pinned=None, seed=0, hosts=(), language="en") -> GroupingResult``
    Splits the people into ``count`` groups. When the wishes can all hold:

    - every group has floor or ceil of len(people) / count members (always holds);
    - each affiliation has floor or ceil of its ideal count (members / count) in every
      group (``balance="affiliation"``; ``balance=None`` switches this off; people
      without an affiliation are not counted);
    - the names of each ``apart`` pair are in different groups;
    - the names of each ``together`` pair are in the same group (pairs chain into blocks);
    - ``pinned`` maps a name to a group number (from 1) and the person is there;
    - the same input and ``seed`` give the same groups (random.Random(seed); no set or
      hash order is used).

    ``hosts``: names that stay at their stations and are never placed in a group (they
    are dropped from ``people``).

    When the wishes cannot all hold, the weaker one gives way, in this order of
    strength: group sizes (never give way) > pins > keep-apart > keep-together >
    affiliation balance. Each wish that gave way is named in ``GroupingResult.gave_way``,
    in ``language`` (the sentences are catalogue words, ``workshop/words/costs.py``).

``GroupingResult`` (frozen dataclass)
    ``groups``: list of ``count`` lists of names (each in input order);
    ``gave_way``: one sentence per wish that could not hold.

``GroupingError`` (a ``ValueError``)
    Input that is wrong rather than unsatisfiable (no groups, unknown or repeated names,
    a pin to a group that does not exist, an unknown balance key).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from workshop.scheduling.wording import bounds_text, names_text
from workshop.words import word

BALANCE_KEYS = ("affiliation",)
"""What ``balance`` may name (or None)."""

_RESTARTS = 6
"""Local-search restarts (each from a fresh greedy start) before a wish gives way."""


class GroupingError(ValueError):
    """The input is wrong (not merely unsatisfiable); the message says what to fix."""


@dataclass(frozen=True)
class Person:
    """A participant: a name and an optional affiliation."""

    name: str
    affiliation: str | None = None


@dataclass(frozen=True)
class GroupingResult:
    """The groups (lists of names, in input order) and the wishes that gave way."""

    groups: list[list[str]]
    gave_way: list[str]


def ideal_range(total: int, count: int) -> tuple[int, int]:
    """(floor, ceil) of total / count: the bounds 'within one of the ideal'."""
    low, rest = divmod(total, count)
    return low, low + (1 if rest else 0)


# --------------------------------------------------------------------------- input


def _pairs(kind: str, pairs: Iterable[Sequence[str]], index: Mapping[str, int], language: str) -> list[tuple[int, int]]:
    """Pairs of names as index pairs; unknown or self pairs are input errors (``kind``: apart or together)."""
    wish = word(f"cost_wish_{kind}", language)
    found: list[tuple[int, int]] = []
    for pair in pairs:
        if len(pair) != 2:
            raise GroupingError(word("cost_error_wish_pair", language, wish=wish, pair=repr(pair)))
        a, b = pair
        for name in (a, b):
            if name not in index:
                raise GroupingError(word("cost_error_wish_unknown", language, wish=wish, name=repr(name)))
        if a == b:
            raise GroupingError(word("cost_error_wish_twice", language, wish=wish, name=repr(a)))
        found.append((index[a], index[b]))
    return found


class _Blocks:
    """Union-find over people: keep-together pairs chain into blocks."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members = [[i] for i in range(n)]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] = sorted(self.members[ra] + self.members[rb])
        self.members[rb] = []


# --------------------------------------------------------------------------- search


class _State:
    """Blocks placed in groups, with sizes, affiliation counts and the cost kept current."""

    def __init__(
        self,
        count: int,
        blocks: list[list[int]],
        aff: list[int],
        aff_bounds: list[tuple[int, int]],
        apart: list[list[int]],
        size_bounds: tuple[int, int, int],
    ) -> None:
        self.count = count
        self.blocks = blocks
        self.aff = aff
        self.aff_bounds = aff_bounds
        self.apart = apart
        self.low, self.high, self.big_allowed = size_bounds
        # one keep-apart pair in a group outweighs any affiliation imbalance (at most 2n)
        self.apart_weight = 2 * len(aff) + 1
        self.block_of = [0] * len(aff)
        for b, members in enumerate(blocks):
            for i in members:
                self.block_of[i] = b
        self.where = [-1] * len(blocks)
        self.size = [0] * count
        self.big = 0
        self.counts = [[0] * len(aff_bounds) for _ in range(count)]
        # empty groups lack the minimum of every affiliation; placing people pays it off
        self.cost = count * sum(low for low, _ in aff_bounds)

    def group_of(self, i: int) -> int:
        """The group person i is in (-1: not placed yet)."""
        return self.where[self.block_of[i]]

    def _aff_penalty(self, c: int, a: int) -> int:
        low, high = self.aff_bounds[a]
        return max(0, c - high) + max(0, low - c)

    def fits(self, g: int, extra: int) -> bool:
        """Whether group g can take `extra` more people and all sizes can still end valid
        (at most `high`, and no more groups above `low` than the total allows)."""
        old = self.size[g]
        new = old + extra
        if new > self.high:
            return False
        if self.high == self.low:
            return True
        was_big, is_big = old > self.low, new > self.low
        return not is_big or was_big or self.big < self.big_allowed

    def place(self, b: int, g: int) -> None:
        """Put block b (not placed) into group g, updating the cost."""
        members = self.blocks[b]
        for i in members:
            for j in self.apart[i]:
                if self.where[self.block_of[j]] == g:
                    self.cost += self.apart_weight
            a = self.aff[i]
            if a >= 0:
                c = self.counts[g][a]
                self.cost += self._aff_penalty(c + 1, a) - self._aff_penalty(c, a)
                self.counts[g][a] = c + 1
        old = self.size[g]
        self.size[g] = old + len(members)
        self.big += (self.size[g] > self.low) - (old > self.low)
        self.where[b] = g

    def remove(self, b: int) -> int:
        """Take block b out of its group, updating the cost; returns the group."""
        g = self.where[b]
        self.where[b] = -1
        members = self.blocks[b]
        for i in members:
            for j in self.apart[i]:
                if self.where[self.block_of[j]] == g:
                    self.cost -= self.apart_weight
            a = self.aff[i]
            if a >= 0:
                c = self.counts[g][a]
                self.cost += self._aff_penalty(c - 1, a) - self._aff_penalty(c, a)
                self.counts[g][a] = c - 1
        old = self.size[g]
        self.size[g] = old - len(members)
        self.big += (self.size[g] > self.low) - (old > self.low)
        return g

    def cost_if_placed(self, b: int, g: int) -> int:
        """The cost change of placing block b (not placed) into group g."""
        self.place(b, g)
        after = self.cost
        self.remove(b)
        return after - self.cost


def _greedy(state: _State, order: list[int], rng: random.Random) -> list[int]:
    """Place blocks in order, each where it adds least cost; those that fit nowhere come back."""
    unplaced: list[int] = []
    for b in order:
        size = len(state.blocks[b])
        options = [g for g in range(state.count) if state.fits(g, size)]
        if not options:
            unplaced.append(b)
            continue
        rng.shuffle(options)
        best = min(options, key=lambda g: (state.cost_if_placed(b, g), state.size[g]))
        state.place(b, best)
    return unplaced


def _improve(state: _State, movable: list[int], rng: random.Random, steps: int) -> None:
    """Local search: move a block or swap two of one size, keeping sizes valid.

    A step is kept when it does not raise the cost (sideways steps let it cross plateaus).
    """
    if not movable or state.count < 2:
        return
    for _ in range(steps):
        if state.cost == 0:
            return
        b = movable[rng.randrange(len(movable))]
        g1 = state.where[b]
        before = state.cost
        if rng.random() < 0.5:
            c = movable[rng.randrange(len(movable))]
            g2 = state.where[c]
            if g2 == g1 or len(state.blocks[c]) != len(state.blocks[b]):
                continue
            state.remove(b)
            state.remove(c)
            state.place(b, g2)
            state.place(c, g1)
            if state.cost > before:
                state.remove(b)
                state.remove(c)
                state.place(b, g1)
                state.place(c, g2)
            continue
        g2 = rng.randrange(state.count - 1)
        if g2 >= g1:
            g2 += 1
        state.remove(b)
        if state.fits(g2, len(state.blocks[b])):
            state.place(b, g2)
            if state.cost > before:
                state.remove(b)
                state.place(b, g1)
        else:
            state.place(b, g1)


# --------------------------------------------------------------------------- main


def form_groups(
    people: list[Person],
    count: int,
    *,
    balance: str | None = "affiliation",
    apart: Iterable[Sequence[str]] = (),
    together: Iterable[Sequence[str]] = (),
    pinned: Mapping[str, int] | None = None,
    seed: int = 0,
    hosts: Collection[str] = (),
    language: str = "en",
) -> GroupingResult:
    """Split people into ``count`` balanced groups honouring the wishes; see the module doc."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise GroupingError(word("cost_error_group_count", language, count=repr(count)))
    if balance is not None and balance not in BALANCE_KEYS:
        raise GroupingError(word("cost_error_balance", language, balance=repr(balance)))
    host_names = set(hosts)
    people = [p for p in people if p.name not in host_names]
    names = [p.name for p in people]
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in index:
            raise GroupingError(word("cost_error_listed_twice", language, name=repr(name)))
        index[name] = i
    pins = dict(pinned or {})
    for name in pins:
        if name in host_names:
            raise GroupingError(word("cost_error_host_pinned", language, name=repr(name)))
    apart_pairs = _pairs("apart", (p for p in apart if not host_names.intersection(p)), index, language)
    together_pairs = _pairs("together", (p for p in together if not host_names.intersection(p)), index, language)
    pin = [-1] * len(names)
    for name, group in pins.items():
        if name not in index:
            raise GroupingError(word("cost_error_pin_unknown", language, name=repr(name)))
        if isinstance(group, bool) or not isinstance(group, int) or not 1 <= group <= count:
            raise GroupingError(word("cost_error_pin_group", language, name=repr(name), group=repr(group), count=count))
        pin[index[name]] = group - 1

    n = len(names)
    low, high = ideal_range(n, count)
    big_allowed = n - low * count
    gave_way: list[str] = []

    # affiliations as small integers, in order of first appearance
    aff_ids: dict[str, int] = {}
    aff = [-1] * n
    if balance == "affiliation":
        for i, p in enumerate(people):
            if p.affiliation is not None:
                aff[i] = aff_ids.setdefault(p.affiliation, len(aff_ids))
    aff_totals = [0] * len(aff_ids)
    for a in aff:
        if a >= 0:
            aff_totals[a] += 1
    aff_bounds = [ideal_range(t, count) for t in aff_totals]

    apart_of: list[list[int]] = [[] for _ in range(n)]
    apart_set: set[tuple[int, int]] = set()
    for a, b in apart_pairs:
        key = (min(a, b), max(a, b))
        if key not in apart_set:
            apart_set.add(key)
            apart_of[a].append(b)
            apart_of[b].append(a)

    # keep-together pairs chain into blocks unless that breaks a stronger wish
    blocks = _Blocks(n)
    for a, b in together_pairs:
        ra, rb = blocks.find(a), blocks.find(b)
        if ra == rb:
            continue
        merged = blocks.members[ra] + blocks.members[rb]
        clash = next(((i, j) for i in merged for j in apart_of[i] if j in merged), None)
        pinned_to = sorted({pin[i] for i in merged if pin[i] >= 0})
        pair = {"a": names[a], "b": names[b]}
        if clash:
            gave_way.append(
                word("cost_together_gave_way_apart", language, **pair, c=names[clash[0]], d=names[clash[1]])
            )
        elif len(pinned_to) > 1:
            gave_way.append(
                word("cost_together_gave_way_pins", language, **pair, first=pinned_to[0] + 1, second=pinned_to[1] + 1)
            )
        elif len(merged) > high:
            gave_way.append(word("cost_together_gave_way_size", language, **pair, count=len(merged), high=high))
        else:
            blocks.union(a, b)

    block_list = [m for m in blocks.members if m]
    block_pin = [next((pin[i] for i in m if pin[i] >= 0), -1) for m in block_list]
    bounds = (low, high, big_allowed)

    # pinned blocks first; a pin that would overfill its group gives way
    state = _State(count, block_list, aff, aff_bounds, apart_of, bounds)
    for b in range(len(block_list)):
        g = block_pin[b]
        if g < 0:
            continue
        if state.fits(g, len(block_list[b])):
            state.place(b, g)
        else:
            who = names_text([names[i] for i in block_list[b] if pin[i] >= 0], language)
            gave_way.append(word("cost_pin_gave_way", language, who=who, group=g + 1, sizes=bounds_text((low, high))))
            block_pin[b] = -1
    pinned_now = [(b, state.where[b]) for b in range(len(block_list)) if state.where[b] >= 0]

    rng = random.Random(seed)
    best: tuple[int, int, _State, list[str]] | None = None
    for _attempt in range(_RESTARTS):
        work = [list(m) for m in block_list]
        trial = _State(count, work, aff, aff_bounds, apart_of, bounds)
        for b, g in pinned_now:
            trial.place(b, g)
        free = [b for b in range(len(work)) if trial.where[b] < 0]
        rng.shuffle(free)
        free.sort(key=lambda b: (-len(work[b]), _scarcity(work[b], aff, aff_totals)))
        broken: list[str] = []
        unplaced = _greedy(trial, free, rng)
        while unplaced:
            # the sizes cannot take this block whole: split the biggest into single people
            b = max(unplaced, key=lambda b: len(work[b]))
            unplaced.remove(b)
            members = work[b]
            broken.append(
                word(
                    "cost_together_gave_way_blocks",
                    language,
                    who=names_text([names[i] for i in members], language),
                    sizes=bounds_text((low, high)),
                )
            )
            work[b] = [members[0]]
            work.extend([i] for i in members[1:])
            placed = trial.where
            trial = _State(count, work, aff, aff_bounds, apart_of, bounds)
            for c, g in enumerate(placed):
                if g >= 0:
                    trial.place(c, g)
            unplaced = _greedy(trial, [*unplaced, b, *range(len(placed), len(work))], rng)
        pinned_blocks = {b for b, _ in pinned_now}
        movable = [b for b in range(len(work)) if b not in pinned_blocks]
        _improve(trial, movable, rng, 400 + 60 * n)
        key = (len(broken), trial.cost)
        if best is None or key < best[:2]:
            best = (key[0], key[1], trial, broken)
        if best[:2] == (0, 0):
            break
    assert best is not None
    final, broken = best[2], best[3]
    gave_way.extend(broken)
    groups: list[list[str]] = [[] for _ in range(count)]
    for i in range(n):
        groups[final.group_of(i)].append(names[i])
    gave_way.extend(_unmet_wishes(final, names, aff_ids, apart_set, aff_totals, language))
    return GroupingResult(groups, gave_way)


def _scarcity(members: list[int], aff: list[int], totals: list[int]) -> int:
    """Sort key: blocks whose affiliations are rare go first (they are hardest to spread)."""
    sizes = [totals[aff[i]] for i in members if aff[i] >= 0]
    return min(sizes) if sizes else 10**9


def _unmet_wishes(
    state: _State,
    names: list[str],
    aff_ids: dict[str, int],
    apart_set: set[tuple[int, int]],
    totals: list[int],
    language: str,
) -> list[str]:
    """Sentences for the keep-apart pairs and affiliation bounds that do not hold."""
    found: list[str] = []
    for a, b in sorted(apart_set):
        if state.group_of(a) == state.group_of(b):
            found.append(
                word("cost_apart_gave_way_group", language, a=names[a], b=names[b], group=state.group_of(a) + 1)
            )
    for label, a in aff_ids.items():
        bounds = state.aff_bounds[a]
        for g in range(state.count):
            c = state.counts[g][a]
            if not bounds[0] <= c <= bounds[1]:
                found.append(
                    word(
                        "cost_affiliation_gave_way_group",
                        language,
                        affiliation=repr(label),
                        group=g + 1,
                        count=c,
                        total=totals[a],
                        ideal=bounds_text(bounds),
                    )
                )
    return found

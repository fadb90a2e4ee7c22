"""World-Cafe re-mixing: people, not groups, move between stations from round to round.

Pure functions on plain values; no session model, no UI.

Each person visits each station exactly once (so there are as many rounds as stations),
every station holds floor or ceil of (people / stations) people in every round, and
people meet as many different others as possible (two people *meet* when they are at the
same station in the same round).

Public API
----------
``remix(people, stations, *, affiliations=None, apart=(), fixed_rounds=None, seed=0,
hosts=()) -> RemixResult``
    The rounds, as station id -> names. Options:

    - ``affiliations``: name -> affiliation; each affiliation then has floor or ceil of
      (its members / stations) people at every station in every round;
    - ``apart``: pairs of names that never meet;
    - ``fixed_rounds``: the rounds already held (someone arrived late or left): they are
      kept as given and the rounds from ``len(fixed_rounds)`` on are re-solved for the
      current ``people``; each person visits the stations they have not yet visited,
      once each, where the remaining rounds allow (late arrivals miss some: see
      ``RemixResult.missing``);
    - ``seed``: the same input and seed give the same rounds;
    - ``hosts``: names that stay at their stations and are never moved (dropped).

``RemixResult`` (frozen dataclass)
    ``rounds`` (list of station id -> names, every station a key), ``gave_way`` (one
    sentence per wish that could not hold), ``missing`` (name -> stations never visited,
    only names that miss some), ``method`` (how the rounds were made, in words).

``distinct_pairs(rounds) -> int``, ``contacts_per_person(rounds) -> dict[str, int]``,
``contact_stats(rounds) -> ContactStats`` (distinct pairs, min / mean / max distinct
people met per person): contact statistics of any rounds.

``fixed_groups(people, stations)`` and ``random_assignment(people, stations, seed=0)``:
the two baselines (groups that never mix; a random balanced schedule).

How
---
With k stations and k a prime power, the affine plane over GF(k) gives k - 1 "classes"
of k routes each: route (a, b) visits station a*r + b in round r (a != 0). Within a class
the k routes fill every round's stations exactly once (a Latin square); two routes of
different classes share exactly one station-round (the classes are mutually orthogonal
Latin squares), two routes of one class never meet. People are dealt to routes in
blocks of k, block j to class j mod (k - 1), so every station holds floor/ceil people.
A pair of people then meets exactly once when in different classes, never when on
different routes of one class, and k times when on the same route.

Why 135 for 21 people and 3 stations is the most: the routes are the 6 permutations
of 3; two routes meet iff they are equal or differ by a transposition, so people on
different routes of one parity (even: the 3 rotations; odd: the 3 reflections) never
meet. Every (round, station) cell is hit by exactly one even and one odd route, so
balanced loads of 7 force a people on every even route and b on every odd one with
a + b = 7, and the pairs that never meet number 3a^2 + 3b^2 >= 75 (a, b = 3, 4):
at most 210 - 75 = 135 pairs meet. The plane reaches it (blocks alternate the two
classes: 4 people on each route of one, 3 on each of the other). For 40 people and 5
stations everyone meets their route partner and the 30 people of the other 3 classes:
31 distinct people each (fixed groups of 8: 7).

With affiliations, each affiliation is split into "layers" of k people (one per offset,
spread evenly in any class) and a remainder, and the remainders are packed so that each
lies whole in one class: then each affiliation has floor or ceil of its ideal share at
every station and round (guaranteed: the search below never trades that away). Several
such layouts are scored and the best is kept.

For station counts without an affine plane (6, 10, ...) and to honour keep-apart pairs,
a local search (simulated annealing with a fixed number of tries, no clock) swaps two
people's stations along a closed chain of rounds, which keeps every route a permutation
and every station's load; a wish (keep-apart, affiliation balance) outweighs every pair.
If a keep-apart pair still meets, the layout with a single class (routes that never
meet each other) is searched as well and the better result is kept. Re-solving after a
late change uses the same search, which may then also move one person alone.
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from workshop.scheduling.shapes import ScheduleError

Round = dict[str, list[str]]
"""Station id -> the names of the people there in one round."""

_FIELD_LIMIT = 256
"""Largest order for which a finite field (affine plane) is built."""

STEPS_WITH_PLANE = 100
"""Local-search tries per person when an affine plane gave the start (only run for wishes)."""

STEPS_WITHOUT_PLANE = 200
"""Local-search tries per person for station counts without an affine plane (6, 10, ...)."""

_LAYOUTS = 24
"""Layouts tried (the best one is searched) when there are affiliations or keep-apart pairs."""

_TEMPERATURE = 0.5
"""Starting temperature of the annealing (in distinct pairs); it falls linearly to 0."""


@dataclass(frozen=True)
class RemixResult:
    """Re-mixed rounds and what they could not honour.

    rounds: per round, station id -> names (every station is a key).
    gave_way: one plain-English sentence per wish that could not hold.
    missing: name -> stations the person never visits (late arrivals; only those).
    method: how the rounds were made, e.g. "affine plane over GF(5)".
    """

    rounds: list[Round]
    gave_way: list[str]
    missing: dict[str, list[str]]
    method: str


@dataclass(frozen=True)
class ContactStats:
    """Distinct pairs met and distinct people met per person (min, mean, max)."""

    distinct_pairs: int
    min: int
    mean: float
    max: int


# --------------------------------------------------------------------------- statistics


def _met(rounds: Iterable[Mapping[str, list[str]]]) -> tuple[list[str], set[tuple[str, str]]]:
    """Everyone in the rounds (first appearance order) and the pairs that met."""
    seen: dict[str, None] = {}
    pairs: set[tuple[str, str]] = set()
    for rnd in rounds:
        for names in rnd.values():
            for name in names:
                seen.setdefault(name, None)
            ordered = sorted(names)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    if a != b:
                        pairs.add((a, b))
    return list(seen), pairs


def distinct_pairs(rounds: Iterable[Mapping[str, list[str]]]) -> int:
    """How many different pairs of people share a station in at least one round."""
    return len(_met(rounds)[1])


def contacts_per_person(rounds: Iterable[Mapping[str, list[str]]]) -> dict[str, int]:
    """Name -> how many different people the person met (in order of first appearance)."""
    people, pairs = _met(rounds)
    count = dict.fromkeys(people, 0)
    for a, b in pairs:
        count[a] += 1
        count[b] += 1
    return count


def contact_stats(rounds: Iterable[Mapping[str, list[str]]]) -> ContactStats:
    """Distinct pairs and the min / mean / max of distinct people met per person."""
    rounds = list(rounds)
    per = list(contacts_per_person(rounds).values())
    if not per:
        return ContactStats(0, 0, 0.0, 0)
    return ContactStats(distinct_pairs(rounds), min(per), sum(per) / len(per), max(per))


# --------------------------------------------------------------------------- finite fields


def _prime_power(q: int) -> tuple[int, int] | None:
    """(p, m) with q = p**m for a prime p, or None."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    m = 0
    while q % p == 0:
        q //= p
        m += 1
    return (p, m) if q == 1 else None


def _poly_mod(f: list[int], g: list[int], p: int) -> list[int]:
    """f mod g over GF(p); g monic; coefficients from the constant term up."""
    f = list(f)
    d = len(g) - 1
    for i in range(len(f) - 1, d - 1, -1):
        c = f[i] % p
        if c:
            for j in range(d + 1):
                f[i - d + j] = (f[i - d + j] - c * g[j]) % p
    return [c % p for c in f[:d]]


def _irreducible(p: int, m: int) -> list[int]:
    """The first monic irreducible polynomial of degree m over GF(p) (trial division)."""
    for tail in product(range(p), repeat=m):
        if tail[0] == 0:
            continue
        f = list(tail) + [1]
        if all(
            any(_poly_mod(f, list(low) + [1], p))
            for d in range(1, m // 2 + 1)
            for low in product(range(p), repeat=d)
        ):
            return f
    raise AssertionError(f"no irreducible polynomial of degree {m} over GF({p})")  # pragma: no cover


@lru_cache(maxsize=32)
def _field(q: int) -> tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]] | None:
    """Addition and multiplication tables of GF(q) on 0..q-1, or None if q is no prime power.

    For q = p**m an element is the polynomial whose coefficients are its base-p digits.
    """
    found = _prime_power(q)
    if found is None or q > _FIELD_LIMIT:
        return None
    p, m = found
    if m == 1:
        add = tuple(tuple((a + b) % p for b in range(p)) for a in range(p))
        mul = tuple(tuple((a * b) % p for b in range(p)) for a in range(p))
        return add, mul
    f = _irreducible(p, m)
    digits = [[(e // p**i) % p for i in range(m)] for e in range(q)]

    def number(coefficients: list[int]) -> int:
        return sum(c * p**i for i, c in enumerate(coefficients))

    add = tuple(
        tuple(number([(x + y) % p for x, y in zip(digits[a], digits[b])]) for b in range(q)) for a in range(q)
    )
    rows = []
    for a in range(q):
        row = []
        for b in range(q):
            prod = [0] * (2 * m - 1)
            for i, x in enumerate(digits[a]):
                if x:
                    for j, y in enumerate(digits[b]):
                        prod[i + j] += x * y
            row.append(number(_poly_mod(prod, f, p)))
        rows.append(tuple(row))
    return add, tuple(rows)


def _classes(k: int, rng: random.Random) -> tuple[list[list[list[int]]], bool]:
    """Route classes for k stations: classes[c][b][r] = station of route b of class c in round r.

    Each class is a Latin square (in every round its k routes are at k different
    stations). Second value: whether the classes are mutually orthogonal (affine plane).
    Without a field the classes are random shifted permutations (to be improved by search).
    """
    if k == 1:
        return [[[0]]], True
    field = _field(k)
    if field is not None:
        add, mul = field
        return [[[add[mul[a][r]][b] for r in range(k)] for b in range(k)] for a in range(1, k)], True
    classes = []
    for _ in range(k - 1):
        base = list(range(k))
        rng.shuffle(base)
        classes.append([[(base[r] + b) % k for r in range(k)] for b in range(k)])
    return classes, False


# --------------------------------------------------------------------------- layout


def _layout(order: list[int], aff: list[int], k: int, count: int) -> list[list[int]]:
    """People per class (row-major: the i-th person of a class takes offset i mod k).

    Every class but at most one holds a multiple of k people (so every station holds
    floor/ceil people in every round). With affiliations (aff >= 0), each affiliation's
    members form layers of k (spread anywhere) and one remainder that lies whole in one
    class, and every chunk is contiguous and at most k long, so it covers distinct offsets:
    each affiliation then has floor/ceil of its ideal share at every station and round.
    """
    n = len(order)
    if all(a < 0 for a in aff):
        classes: list[list[int]] = [[] for _ in range(count)]
        for j in range(0, n, k):
            classes[(j // k) % count].extend(order[j:j + k])
        return classes
    members: dict[int, list[int]] = {}
    singles: list[int] = []
    for p in order:
        if aff[p] < 0:
            singles.append(p)
        else:
            members.setdefault(aff[p], []).append(p)
    layers: list[list[int]] = []
    rests: list[list[int]] = []
    for group in members.values():
        whole, rest = divmod(len(group), k)
        layers.extend(group[i * k:(i + 1) * k] for i in range(whole))
        if rest:
            rests.append(group[whole * k:])
    rests.sort(key=len, reverse=True)
    chunks: list[list[list[int]]] = [[] for _ in range(count)]
    residue = n % k
    used = 0  # singles handed out so far
    partial_done = False
    c = 0
    while rests:
        left = len(singles) - used
        chosen = None if c == count - 1 else _choose([len(r) for r in rests], k, left)
        if chosen is None:
            # the last class (or no clean subset): take all remainders, pad to the residue
            take = rests
            pad = (residue - sum(len(r) for r in take)) % k
            partial_done = True
            rests = []
        else:
            take = [rests[i] for i in chosen]
            rests = [r for i, r in enumerate(rests) if i not in chosen]
            pad = -sum(len(r) for r in take) % k
        chunks[c].extend(take)
        if pad:
            chunks[c].append(singles[used:used + pad])
            used += pad
        c += 1
        if c >= count and rests:  # pragma: no cover - _choose never leaves this
            raise AssertionError("remainders left after the last class")
    size = [sum(len(ch) for ch in cl) for cl in chunks]
    if residue and not partial_done:
        target = min(range(count), key=lambda i: size[i])
        chunks[target].append(singles[used:used + residue])
        size[target] += residue
        used += residue
    units = layers + [singles[i:i + k] for i in range(used, len(singles), k)]
    for unit in units:
        target = min(range(count), key=lambda i: size[i])
        chunks[target].append(unit)
        size[target] += len(unit)
    return [[p for ch in cl for p in ch] for cl in chunks]


def _choose(items: list[int], k: int, singles: int) -> list[int] | None:
    """Indices of remainders for one class (the first always in) whose sum padded with at
    most `singles` unaffiliated people is the smallest multiple of k; None if none is."""
    reach: dict[int, list[int]] = {items[0]: [0]}
    for i in range(1, len(items)):
        for total, picked in list(reach.items()):
            reach.setdefault(total + items[i], picked + [i])
    top = sum(items)
    for base in range(k, top + k, k):
        fits = [s for s in reach if s <= base and base - s <= singles]
        if fits:
            return reach[max(fits)]
    return None


# --------------------------------------------------------------------------- search


class _Engine:
    """Local search on who is where in the open rounds, with the objective kept current.

    x[p][r]: station of person p in round r (-1: absent). Rounds in `active` may change;
    the others are fixed. `broken` counts apart pairs that met, affiliation excess and
    (with free_loads) station-load excess; the cost is big * broken - pair_weight *
    distinct pairs. A move is kept when it lowers the cost, or raises it by d with
    probability exp(-d / T) (simulated annealing; T = 0 is plain descent).
    """

    def __init__(
        self,
        k: int,
        x: list[list[int]],
        active: list[int],
        aff: list[int],
        apart: list[set[int]],
        allowed: list[list[bool]],
        rng: random.Random,
        *,
        pair_weight: int = 1,
        free_loads: bool = False,
    ) -> None:
        self.k, self.x, self.active, self.aff, self.apart = k, x, active, aff, apart
        self.allowed, self.rng, self.pair_weight = allowed, rng, pair_weight
        self.free_loads = free_loads
        n = self.n = len(x)
        self.big = n * n + 1
        totals: dict[int, int] = {}
        for a in aff:
            if a >= 0:
                totals[a] = totals.get(a, 0) + 1
        self.aff_bounds = {a: (t // k, -(-t // k)) for a, t in totals.items()}
        self.size_bounds = (n // k, -(-n // k))
        self.meet = [[0] * n for _ in range(n)]
        self.cells: list[list[list[int]]] = [[[] for _ in range(k)] for _ in range(k)]
        for p in range(n):
            for r in range(k):
                s = x[p][r]
                if s >= 0:
                    self.cells[r][s].append(p)
        self.pairs = 0
        self.broken = 0
        for r in range(k):
            for cell in self.cells[r]:
                for i, p in enumerate(cell):
                    for o in cell[i + 1:]:
                        self.meet[p][o] += 1
                        self.meet[o][p] += 1
        for p in range(n):
            for o in range(p + 1, n):
                if self.meet[p][o]:
                    self.pairs += 1
                    if o in apart[p]:
                        self.broken += 1
        self.counts: list[list[dict[int, int]]] = [[{} for _ in range(k)] for _ in range(k)]
        for r in active:
            for s in range(k):
                for p in self.cells[r][s]:
                    if aff[p] >= 0:
                        self.counts[r][s][aff[p]] = self.counts[r][s].get(aff[p], 0) + 1
                for a, bounds in self.aff_bounds.items():
                    self.broken += _excess(self.counts[r][s].get(a, 0), bounds)
                self.broken += _excess(len(self.cells[r][s]), self.size_bounds)
        self.pos = [[-1] * k for _ in range(n)]
        for p in range(n):
            self._repos(p)

    @property
    def cost(self) -> int:
        return self.big * self.broken - self.pair_weight * self.pairs

    def _repos(self, p: int) -> None:
        row = self.pos[p]
        for s in range(self.k):
            row[s] = -1
        for r in self.active:
            row[self.x[p][r]] = r

    def _move(self, p: int, r: int, s: int) -> None:
        """Person p goes to station s in round r (no checks; everything kept current)."""
        a = self.x[p][r]
        old, new = self.cells[r][a], self.cells[r][s]
        if self.free_loads:
            bounds = self.size_bounds
            self.broken -= _excess(len(old), bounds) + _excess(len(new), bounds)
        old.remove(p)
        meet, mp, apart = self.meet, self.meet[p], self.apart[p]
        for o in old:
            v = mp[o] - 1
            mp[o] = v
            meet[o][p] = v
            if v == 0:
                self.pairs -= 1
                if o in apart:
                    self.broken -= 1
        for o in new:
            v = mp[o] + 1
            mp[o] = v
            meet[o][p] = v
            if v == 1:
                self.pairs += 1
                if o in apart:
                    self.broken += 1
        new.append(p)
        if self.free_loads:
            self.broken += _excess(len(old), bounds) + _excess(len(new), bounds)
        g = self.aff[p]
        if g >= 0:
            bounds = self.aff_bounds[g]
            ca, cs = self.counts[r][a], self.counts[r][s]
            before = _excess(ca.get(g, 0), bounds) + _excess(cs.get(g, 0), bounds)
            ca[g] = ca.get(g, 0) - 1
            cs[g] = cs.get(g, 0) + 1
            self.broken += _excess(ca[g], bounds) + _excess(cs[g], bounds) - before
        self.x[p][r] = s

    def _chain(self, p: int, q: int, r: int) -> list[int] | None:
        """The rounds p and q must swap stations in (from round r on) so both still visit
        distinct stations; None if a swap would send one to a station not allowed."""
        xp, xq, pp, pq = self.x[p], self.x[q], self.pos[p], self.pos[q]
        chain = [r]
        i = 0
        while i < len(chain):
            u = chain[i]
            i += 1
            w = pp[xq[u]]
            if w >= 0 and w not in chain:
                chain.append(w)
            w = pq[xp[u]]
            if w >= 0 and w not in chain:
                chain.append(w)
        ap, aq = self.allowed[p], self.allowed[q]
        for u in chain:
            if not ap[xq[u]] or not aq[xp[u]]:
                return None
        return chain

    def _swap_delta(self, p: int, q: int, chain: list[int]) -> int:
        """The cost change if p and q swapped stations in the chain's rounds (read only)."""
        xp, xq, cells = self.x[p], self.x[q], self.cells
        dp: dict[int, int] = {}
        dq: dict[int, int] = {}
        broken = 0
        gp, gq = self.aff[p], self.aff[q]
        for u in chain:
            a, b = xp[u], xq[u]
            if a == b:
                continue
            for o in cells[u][a]:
                if o != p:
                    dp[o] = dp.get(o, 0) - 1
                    dq[o] = dq.get(o, 0) + 1
            for o in cells[u][b]:
                if o != q:
                    dp[o] = dp.get(o, 0) + 1
                    dq[o] = dq.get(o, 0) - 1
            if gp != gq:
                ca, cb = self.counts[u][a], self.counts[u][b]
                for g, sign in ((gp, -1), (gq, 1)):
                    if g >= 0:
                        bounds = self.aff_bounds[g]
                        va, vb = ca.get(g, 0), cb.get(g, 0)
                        broken += (_excess(va + sign, bounds) - _excess(va, bounds)
                                   + _excess(vb - sign, bounds) - _excess(vb, bounds))
        pairs = 0
        for who, changes in ((p, dp), (q, dq)):
            row, apart = self.meet[who], self.apart[who]
            for o, d in changes.items():
                if d:
                    old = row[o]
                    if old == 0 or old + d == 0:
                        step = 1 if old == 0 else -1
                        pairs += step
                        if o in apart:
                            broken += step
        return self.big * broken - self.pair_weight * pairs

    def _swap(self, p: int, q: int, rounds: list[int]) -> None:
        xp, xq = self.x[p], self.x[q]
        for u in rounds:
            a, b = xp[u], xq[u]
            if a != b:
                self._move(p, u, b)
                self._move(q, u, a)
        self._repos(p)
        self._repos(q)

    def run(self, steps: int, *, temperature: float = 0.0, accept_all: bool = False) -> None:
        """Try `steps` moves, the temperature falling linearly from `temperature` to 0.

        Moves: p and q swap stations along a chain of rounds (loads unchanged); now and
        then p and q swap whole routes; with free_loads also p alone changes station or
        swaps two of its rounds (loads change; for re-solving). accept_all keeps every move.
        """
        rng, k, active, n = self.rng, self.k, self.active, self.n
        if n < 2 or not active or k < 2:
            return
        x, cells, pos, allowed = self.x, self.cells, self.pos, self.allowed
        for step in range(steps):
            heat = temperature * (1 - step / steps)
            p = rng.randrange(n)
            r = active[rng.randrange(len(active))]
            pick = rng.random()
            if self.free_loads and pick < 0.3:
                before = self.cost
                u = active[rng.randrange(len(active))]
                if pick < 0.15:
                    if u == r:
                        continue
                    # p visits its stations of rounds r and u the other way round
                    a, b = x[p][r], x[p][u]
                    self._move(p, r, b)
                    self._move(p, u, a)
                    self._repos(p)
                    if not accept_all and not _accept(self.cost - before, heat, rng):
                        self._move(p, r, a)
                        self._move(p, u, b)
                        self._repos(p)
                    continue
                s = rng.randrange(k)
                if pos[p][s] >= 0 or not allowed[p][s]:
                    continue
                a = x[p][r]
                self._move(p, r, s)
                self._repos(p)
                if not accept_all and not _accept(self.cost - before, heat, rng):
                    self._move(p, r, a)
                    self._repos(p)
                continue
            s = rng.randrange(k - 1)
            if s >= x[p][r]:
                s += 1
            cell = cells[r][s]
            if not cell:
                continue
            q = cell[rng.randrange(len(cell))]
            if pick < 0.92:
                chain = self._chain(p, q, r)
            elif all(allowed[p][x[q][u]] and allowed[q][x[p][u]] for u in active):
                chain = [u for u in active if x[p][u] != x[q][u]]
            else:
                chain = None
            if chain is None:
                continue
            if accept_all or _accept(self._swap_delta(p, q, chain), heat, rng):
                self._swap(p, q, chain)


def _excess(value: int, bounds: tuple[int, int]) -> int:
    """How far value lies outside [low, high]."""
    low, high = bounds
    return low - value if value < low else (value - high if value > high else 0)


def _accept(delta: int, heat: float, rng: random.Random) -> bool:
    """Keep a move that does not raise the cost; one that does with chance exp(-delta/heat)."""
    if delta <= 0:
        return True
    if heat <= 0:
        return False
    return rng.random() < math.exp(-delta / heat)


# --------------------------------------------------------------------------- input


def _check(people: list[str], stations: list[str]) -> None:
    if not stations:
        raise ScheduleError("there are no stations: add at least one station")
    for kind, ids in (("station", stations), ("person", people)):
        seen: set[str] = set()
        for item in ids:
            if not isinstance(item, str) or not item.strip():
                raise ScheduleError(f"every {kind} needs a non-empty name (got {item!r})")
            if item in seen:
                raise ScheduleError(f"the {kind} {item!r} appears twice: names must be unique")
            seen.add(item)


def _rounds_out(x: list[list[int]], names: list[str], stations: list[str], rounds: range) -> list[Round]:
    out: list[Round] = []
    for r in rounds:
        rnd: Round = {s: [] for s in stations}
        for p, name in enumerate(names):
            if x[p][r] >= 0:
                rnd[stations[x[p][r]]].append(name)
        out.append(rnd)
    return out


def _report(engine: _Engine, names: list[str], affiliation_of: list[str | None], stations: list[str]) -> list[str]:
    """Sentences for wishes that do not hold in the engine's state."""
    found: list[str] = []
    for p in range(engine.n):
        for o in sorted(engine.apart[p]):
            if o > p and engine.meet[p][o]:
                rounds = [r + 1 for r in range(engine.k) if engine.x[p][r] >= 0 and engine.x[p][r] == engine.x[o][r]]
                found.append(f"keep apart {names[p]} and {names[o]} gave way: they meet in round "
                             f"{', '.join(map(str, rounds))}")
    for r in engine.active:
        for s in range(engine.k):
            for a, bounds in engine.aff_bounds.items():
                c = engine.counts[r][s].get(a, 0)
                if _excess(c, bounds):
                    label = next(affiliation_of[p] for p in range(engine.n) if engine.aff[p] == a)
                    ideal = str(bounds[0]) if bounds[0] == bounds[1] else f"{bounds[0]}-{bounds[1]}"
                    found.append(f"affiliation balance for {label!r} gave way: station {stations[s]} has {c} "
                                 f"in round {r + 1} (ideal {ideal})")
            size = len(engine.cells[r][s])
            if _excess(size, engine.size_bounds):
                lo, hi = engine.size_bounds
                found.append(f"balanced numbers gave way: station {stations[s]} has {size} people in round "
                             f"{r + 1} (ideal {lo if lo == hi else f'{lo}-{hi}'})")
    return found


# --------------------------------------------------------------------------- remix


def remix(
    people: list[str],
    stations: list[str],
    *,
    affiliations: Mapping[str, str | None] | None = None,
    apart: Iterable[tuple[str, str]] = (),
    fixed_rounds: list[Mapping[str, list[str]]] | None = None,
    seed: int = 0,
    hosts: Collection[str] = (),
) -> RemixResult:
    """Rounds in which every person visits every station once and meets as many others
    as possible; see the module docstring for the options and guarantees."""
    host_names = set(hosts)
    people = [p for p in people if p not in host_names]
    _check(people, stations)
    k = len(stations)
    fixed = [dict(r) for r in (fixed_rounds or [])]
    if len(fixed) > k:
        raise ScheduleError(f"{len(fixed)} rounds are fixed, but there are only {k} rounds (one per station)")
    station_index = {s: i for i, s in enumerate(stations)}
    for number, rnd in enumerate(fixed, start=1):
        for s in rnd:
            if s not in station_index:
                raise ScheduleError(f"fixed round {number} names station {s!r}, which is not a station")
    index = {name: i for i, name in enumerate(people)}
    departed = {name for rnd in fixed for names in rnd.values() for name in names} - set(index)
    n = len(people)
    affiliation_of = [(affiliations or {}).get(name) for name in people]
    labels: dict[str, int] = {}
    aff = [-1 if a is None else labels.setdefault(a, len(labels)) for a in affiliation_of]
    apart_of: list[set[int]] = [set() for _ in range(n)]
    for pair in apart:
        a, b = pair
        if host_names.intersection(pair) or departed.intersection(pair):
            continue
        for name in (a, b):
            if name not in index:
                raise ScheduleError(f"keep-apart names {name!r}, who is not among the people")
        if a == b:
            raise ScheduleError(f"keep-apart names {a!r} twice: name two different people")
        apart_of[index[a]].add(index[b])
        apart_of[index[b]].add(index[a])
    rng = random.Random(seed)
    if fixed:
        return _resolve(people, stations, fixed, aff, affiliation_of, apart_of, rng)
    if n == 0:
        return RemixResult([{s: [] for s in stations} for _ in range(k)], [], {}, "nobody to place")

    classes, orthogonal = _classes(k, rng)
    method = f"affine plane over GF({k})" if orthogonal else f"shifted Latin squares of order {k}"
    wishes = bool(any(apart_of) or labels)
    full = max(1, min(len(classes), -(-n // k)))
    best: tuple[tuple[int, int], list[list[int]], _Engine | None] | None = None
    # the best of several layouts over all classes (the packing of affiliations and who
    # sits on which route vary), searched; if a wish still fails, the same with one class
    # only (groups that never meet unless the search mixes them), which always keeps
    # affiliations balanced and lets keep-apart pairs sit on different routes
    for count in (full, 1) if full > 1 else (full,):
        if best is not None and best[0][0] == 0:
            break
        layouts = [_place(order, classes, aff, k, count) for order in _orders(n, _LAYOUTS if wishes else 1, rng)]
        x = layouts[0] if len(layouts) == 1 else min(layouts, key=lambda x: _score(x, k, apart_of))
        engine = None
        if wishes or not orthogonal:
            engine = _Engine(k, x, list(range(k)), aff, apart_of, [[True] * k for _ in range(n)], rng)
            start = ([list(row) for row in x], engine.broken, engine.pairs)
            engine.run(_steps(n, orthogonal), temperature=_TEMPERATURE)
            if (engine.broken, -engine.pairs) > start[1:]:
                # the search ended worse than its start (annealing wanders): keep the start
                x = start[0]
                engine = _Engine(k, x, list(range(k)), aff, apart_of, [[True] * k for _ in range(n)], rng)
        score = (engine.broken, -engine.pairs) if engine else (0, 0)
        if best is None or score < best[0]:
            best = (score, x, engine)
    assert best is not None
    _, x, engine = best
    if engine is not None:
        method += " + local search"
    gave_way = _report(engine, people, affiliation_of, stations) if engine else []
    return RemixResult(_rounds_out(x, people, stations, range(k)), gave_way, {}, method)


def _orders(n: int, count: int, rng: random.Random) -> Iterable[list[int]]:
    """`count` random orders of the people (the first decides the layout without wishes)."""
    for _ in range(count):
        order = list(range(n))
        rng.shuffle(order)
        yield order


def _place(order: list[int], classes: list[list[list[int]]], aff: list[int], k: int, count: int) -> list[list[int]]:
    """Routes per person from a layout over the first `count` classes."""
    x = [[-1] * k for _ in range(len(order))]
    for c, members in enumerate(_layout(order, aff, k, count)):
        for i, p in enumerate(members):
            x[p] = list(classes[c][i % k])
    return x


def _score(x: list[list[int]], k: int, apart: list[set[int]]) -> tuple[int, int]:
    """(keep-apart pairs that meet, minus distinct pairs): lower is better."""
    met: set[tuple[int, int]] = set()
    for r in range(k):
        cells: dict[int, list[int]] = {}
        for p, row in enumerate(x):
            cells.setdefault(row[r], []).append(p)
        for cell in cells.values():
            for i, p in enumerate(cell):
                for o in cell[i + 1:]:
                    met.add((p, o))
    broken = sum(1 for p, o in met if o in apart[p])
    return broken, -len(met)


def _steps(n: int, orthogonal: bool) -> int:
    """The local-search budget: a fixed number of tries (no clock), larger without a plane."""
    return (STEPS_WITH_PLANE if orthogonal else STEPS_WITHOUT_PLANE) * n


def _resolve(
    people: list[str],
    stations: list[str],
    fixed: list[dict[str, list[str]]],
    aff: list[int],
    affiliation_of: list[str | None],
    apart_of: list[set[int]],
    rng: random.Random,
) -> RemixResult:
    """Keep the fixed rounds; re-solve the rest for the present people."""
    k, n = len(stations), len(people)
    index = {name: i for i, name in enumerate(people)}
    station_index = {s: i for i, s in enumerate(stations)}
    start = len(fixed)
    active = list(range(start, k))
    x = [[-1] * k for _ in range(n)]
    for r, rnd in enumerate(fixed):
        for s, names in rnd.items():
            for name in names:
                if name in index:
                    x[index[name]][r] = station_index[s]
    visited = [[False] * k for _ in range(n)]
    for p in range(n):
        for r in range(start):
            if x[p][r] >= 0:
                visited[p][x[p][r]] = True
    allowed = []
    for p in range(n):
        fresh = [not v for v in visited[p]]
        # someone who already visited a station twice must revisit one: allow all then
        allowed.append(fresh if sum(fresh) >= len(active) else [True] * k)
    # greedy start: round by round, least flexible people first, to the emptiest station
    for r in active:
        left = k - r
        load = [0] * k
        order = list(range(n))
        rng.shuffle(order)
        order.sort(key=lambda p: sum(1 for s in range(k) if allowed[p][s] and s not in x[p][start:r]) - left)
        for p in order:
            used = x[p][start:r]
            options = [s for s in range(k) if allowed[p][s] and s not in used]
            s = min(options, key=lambda s: load[s])
            x[p][r] = s
            load[s] += 1
    gave_way: list[str] = []
    engine = None
    if active and n:
        engine = _Engine(k, x, active, aff, apart_of, allowed, rng, free_loads=True)
        engine.run(_steps(n, False), temperature=_TEMPERATURE)
        gave_way = _report(engine, people, affiliation_of, stations)
    rounds = [{s: list(rnd.get(s, [])) for s in stations} for rnd in fixed]
    rounds += _rounds_out(x, people, stations, range(start, k))
    missing: dict[str, list[str]] = {}
    for p, name in enumerate(people):
        seen = {x[p][r] for r in range(k)}
        lost = [stations[s] for s in range(k) if s not in seen]
        if lost:
            missing[name] = lost
    return RemixResult(rounds, gave_way, missing, f"re-solved from round {start + 1}")


# --------------------------------------------------------------------------- baselines


def fixed_groups(people: list[str], stations: list[str]) -> list[Round]:
    """The baseline without mixing: people dealt into one group per station, groups rotate."""
    _check(people, stations)
    k = len(stations)
    x = [[(p % k + r) % k for r in range(k)] for p in range(len(people))]
    return _rounds_out(x, people, stations, range(k))


def random_assignment(people: list[str], stations: list[str], seed: int = 0) -> list[Round]:
    """The random baseline: each person a random route (a permutation of the stations),
    then routes re-ordered at random until every station holds floor/ceil people."""
    _check(people, stations)
    k, n = len(stations), len(people)
    rng = random.Random(seed)
    x = []
    for _ in range(n):
        route = list(range(k))
        rng.shuffle(route)
        x.append(route)
    engine = _Engine(k, x, list(range(k)), [-1] * n, [set() for _ in range(n)], [[True] * k for _ in range(n)],
                     rng, pair_weight=0, free_loads=True)
    for _ in range(200):
        if engine.broken == 0:
            break
        engine.run(20 * n)
    return _rounds_out(x, people, stations, range(k))

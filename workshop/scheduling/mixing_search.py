"""The local search of re-mixing: people trade stations until as many pairs as possible meet.

Used where the routes of :mod:`workshop.scheduling.routes` are not enough: for station counts
without an affine plane (6, 10, ...), to honour keep-apart pairs and affiliation balance, and to
re-solve the rounds left after a late change.

* :class:`Wishes`: what the search must honour besides meeting people.
* :class:`Placement`: who is where in each round, with what that costs kept current as people move.
* :func:`swap_chain` and :func:`swap_cost`: two people trading stations along a closed chain of
  rounds, which keeps both routes visiting distinct stations and every station's load.
* :func:`anneal`: simulated annealing over such moves, with a fixed number of tries (no clock),
  so the same seed always gives the same rounds.

The cost is ``big * broken - pair_weight * pairs``: ``broken`` counts keep-apart pairs that met,
affiliation counts outside their bounds and (with free loads) station loads outside theirs, and
``big`` outweighs every pair, so a wish is never traded for more meetings.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from workshop.scheduling.routes import Routes

Bounds = tuple[int, int]
"""(low, high): the counts within one of the ideal."""


@dataclass(frozen=True)
class Wishes:
    """What the search honours besides meeting as many people as possible."""

    aff: list[int]
    """The affiliation (a small number) of each person; -1 for none."""
    apart: list[set[int]]
    """The people each person must never meet."""
    allowed: list[list[bool]]
    """allowed[p][s]: whether person p may be sent to station s (re-solving: not twice)."""
    pair_weight: int = 1
    """What a distinct pair that met is worth (0: only the wishes count)."""
    free_loads: bool = False
    """Whether one person may move alone, so station loads change (re-solving), and loads count as wishes."""


def excess(value: int, bounds: Bounds) -> int:
    """How far value lies outside [low, high]."""
    low, high = bounds
    return low - value if value < low else (value - high if value > high else 0)


class Placement:
    """Who is where in the open rounds, with who met whom and what it costs kept current.

    x[p][r]: station of person p in round r (-1: absent). Rounds in ``active`` may change;
    the others are fixed. ``pairs`` counts the distinct pairs that met; ``broken`` the wishes
    that do not hold (see the module docstring).
    """

    def __init__(self, k: int, x: Routes, active: list[int], wishes: Wishes) -> None:
        self.k, self.x, self.active = k, x, active
        self.aff, self.apart, self.allowed = wishes.aff, wishes.apart, wishes.allowed
        self.pair_weight, self.free_loads = wishes.pair_weight, wishes.free_loads
        n = self.n = len(x)
        self.big = n * n + 1
        totals: dict[int, int] = {}
        for a in self.aff:
            if a >= 0:
                totals[a] = totals.get(a, 0) + 1
        self.aff_bounds: dict[int, Bounds] = {a: (t // k, -(-t // k)) for a, t in totals.items()}
        self.size_bounds: Bounds = (n // k, -(-n // k))
        self.meet = [[0] * n for _ in range(n)]
        self.cells: list[list[list[int]]] = [[[] for _ in range(k)] for _ in range(k)]
        for p in range(n):
            for r in range(k):
                s = x[p][r]
                if s >= 0:
                    self.cells[r][s].append(p)
        self.pairs = 0
        self.broken = 0
        self._count_meetings()
        self.counts: list[list[dict[int, int]]] = [[{} for _ in range(k)] for _ in range(k)]
        self._count_affiliations_and_loads()
        self.pos = [[-1] * k for _ in range(n)]
        for p in range(n):
            self.refresh_route(p)

    def _count_meetings(self) -> None:
        n, apart = self.n, self.apart
        for r in range(self.k):
            for cell in self.cells[r]:
                for i, p in enumerate(cell):
                    for o in cell[i + 1 :]:
                        self.meet[p][o] += 1
                        self.meet[o][p] += 1
        for p in range(n):
            for o in range(p + 1, n):
                if self.meet[p][o]:
                    self.pairs += 1
                    if o in apart[p]:
                        self.broken += 1

    def _count_affiliations_and_loads(self) -> None:
        aff = self.aff
        for r in self.active:
            for s in range(self.k):
                for p in self.cells[r][s]:
                    if aff[p] >= 0:
                        self.counts[r][s][aff[p]] = self.counts[r][s].get(aff[p], 0) + 1
                for a, bounds in self.aff_bounds.items():
                    self.broken += excess(self.counts[r][s].get(a, 0), bounds)
                self.broken += excess(len(self.cells[r][s]), self.size_bounds)

    @property
    def cost(self) -> int:
        """What the search lowers: the wishes broken (each outweighs every pair), minus the pairs met."""
        return self.big * self.broken - self.pair_weight * self.pairs

    def refresh_route(self, p: int) -> None:
        """Note again in which open round person p visits each station (pos[p][s], -1: none)."""
        row = self.pos[p]
        for s in range(self.k):
            row[s] = -1
        for r in self.active:
            row[self.x[p][r]] = r

    def move(self, p: int, r: int, s: int) -> None:
        """Person p goes to station s in round r (no checks; everything but ``pos`` kept current)."""
        a = self.x[p][r]
        old, new = self.cells[r][a], self.cells[r][s]
        bounds = self.size_bounds
        if self.free_loads:
            self.broken -= excess(len(old), bounds) + excess(len(new), bounds)
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
            self.broken += excess(len(old), bounds) + excess(len(new), bounds)
        g = self.aff[p]
        if g >= 0:
            bounds = self.aff_bounds[g]
            ca, cs = self.counts[r][a], self.counts[r][s]
            before = excess(ca.get(g, 0), bounds) + excess(cs.get(g, 0), bounds)
            ca[g] = ca.get(g, 0) - 1
            cs[g] = cs.get(g, 0) + 1
            self.broken += excess(ca[g], bounds) + excess(cs[g], bounds) - before
        self.x[p][r] = s

    def swap(self, p: int, q: int, rounds: list[int]) -> None:
        """p and q trade stations in these rounds."""
        xp, xq = self.x[p], self.x[q]
        for u in rounds:
            a, b = xp[u], xq[u]
            if a != b:
                self.move(p, u, b)
                self.move(q, u, a)
        self.refresh_route(p)
        self.refresh_route(q)


def swap_chain(placement: Placement, p: int, q: int, r: int) -> list[int] | None:
    """The rounds p and q must trade stations in (from round r on) so both still visit
    distinct stations; None if a trade would send one to a station not allowed."""
    xp, xq, pp, pq = placement.x[p], placement.x[q], placement.pos[p], placement.pos[q]
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
    ap, aq = placement.allowed[p], placement.allowed[q]
    for u in chain:
        if not ap[xq[u]] or not aq[xp[u]]:
            return None
    return chain


def swap_cost(placement: Placement, p: int, q: int, chain: list[int]) -> int:
    """The cost change if p and q traded stations in the chain's rounds (nothing moves)."""
    xp, xq, cells = placement.x[p], placement.x[q], placement.cells
    dp: dict[int, int] = {}
    dq: dict[int, int] = {}
    broken = 0
    gp, gq = placement.aff[p], placement.aff[q]
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
            ca, cb = placement.counts[u][a], placement.counts[u][b]
            for g, sign in ((gp, -1), (gq, 1)):
                if g >= 0:
                    bounds = placement.aff_bounds[g]
                    va, vb = ca.get(g, 0), cb.get(g, 0)
                    broken += (
                        excess(va + sign, bounds) - excess(va, bounds) + excess(vb - sign, bounds) - excess(vb, bounds)
                    )
    pairs = 0
    for who, changes in ((p, dp), (q, dq)):
        row, apart = placement.meet[who], placement.apart[who]
        for o, d in changes.items():
            if d:
                old = row[o]
                if old == 0 or old + d == 0:
                    step = 1 if old == 0 else -1
                    pairs += step
                    if o in apart:
                        broken += step
    return placement.big * broken - placement.pair_weight * pairs


def accept(delta: int, heat: float, rng: random.Random) -> bool:
    """Keep a move that does not raise the cost; one that does with chance exp(-delta/heat)."""
    if delta <= 0:
        return True
    if heat <= 0:
        return False
    return rng.random() < math.exp(-delta / heat)


def anneal(
    placement: Placement, rng: random.Random, steps: int, *, temperature: float = 0.0, accept_all: bool = False
) -> None:
    """Try ``steps`` moves, the temperature falling linearly from ``temperature`` to 0.

    Moves: p and q trade stations along a chain of rounds (loads unchanged); now and then p
    and q trade whole routes; with free loads also p alone changes station or visits two of
    its stations the other way round (loads change; for re-solving). A move is kept when it
    does not raise the cost, or raises it by d with chance exp(-d / T); accept_all keeps every move.
    """
    k, active, n = placement.k, placement.active, placement.n
    if n < 2 or not active or k < 2:
        return
    for step in range(steps):
        heat = temperature * (1 - step / steps)
        p = rng.randrange(n)
        r = active[rng.randrange(len(active))]
        pick = rng.random()
        if placement.free_loads and pick < 0.3:
            _move_alone(placement, rng, p, r, pick, heat, accept_all)
        else:
            _trade_with_someone(placement, rng, p, r, pick, heat, accept_all)


def _move_alone(
    placement: Placement, rng: random.Random, p: int, r: int, pick: float, heat: float, accept_all: bool
) -> None:
    """p alone visits its stations of two rounds the other way round, or goes to a station it has not seen."""
    x, active = placement.x, placement.active
    before = placement.cost
    u = active[rng.randrange(len(active))]
    if pick < 0.15:
        if u == r:
            return
        a, b = x[p][r], x[p][u]
        placement.move(p, r, b)
        placement.move(p, u, a)
        placement.refresh_route(p)
        if not accept_all and not accept(placement.cost - before, heat, rng):
            placement.move(p, r, a)
            placement.move(p, u, b)
            placement.refresh_route(p)
        return
    s = rng.randrange(placement.k)
    if placement.pos[p][s] >= 0 or not placement.allowed[p][s]:
        return
    a = x[p][r]
    placement.move(p, r, s)
    placement.refresh_route(p)
    if not accept_all and not accept(placement.cost - before, heat, rng):
        placement.move(p, r, a)
        placement.refresh_route(p)


def _trade_with_someone(
    placement: Placement, rng: random.Random, p: int, r: int, pick: float, heat: float, accept_all: bool
) -> None:
    """p trades with someone at another station in round r: along a chain of rounds, or now and then whole routes."""
    x, allowed, active = placement.x, placement.allowed, placement.active
    s = rng.randrange(placement.k - 1)
    if s >= x[p][r]:
        s += 1
    cell = placement.cells[r][s]
    if not cell:
        return
    q = cell[rng.randrange(len(cell))]
    chain: list[int] | None
    if pick < 0.92:
        chain = swap_chain(placement, p, q, r)
    elif all(allowed[p][x[q][u]] and allowed[q][x[p][u]] for u in active):
        chain = [u for u in active if x[p][u] != x[q][u]]
    else:
        chain = None
    if chain is None:
        return
    if accept_all or accept(swap_cost(placement, p, q, chain), heat, rng):
        placement.swap(p, q, chain)

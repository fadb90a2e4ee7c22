"""Routes through the stations, and dealing people onto them so every station stays balanced.

A *route* visits every one of the k stations once, one per round. Routes come in *classes*:
within a class the k routes fill every round's stations exactly once (a Latin square).

With k a prime power, the affine plane over GF(k) gives k - 1 classes: route (a, b) visits
station a*r + b in round r (a != 0). Two routes of different classes share exactly one
station-round (the classes are mutually orthogonal Latin squares); two routes of one class
never meet. Without such a field the classes are random shifted permutations, which the local
search (:mod:`workshop.scheduling.mixing_search`) then improves.

People are dealt to routes in blocks of k, block j to class j mod (number of classes), so every
station holds floor/ceil people; with affiliations the dealing also keeps each affiliation's
share at every station within one (see :func:`deal`). Pure functions on indices.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from workshop.scheduling.finite_fields import field

Routes = list[list[int]]
"""x[p][r]: the station (index) of person p in round r; -1 while the person is absent."""

RouteClass = list[list[int]]
"""route_class[b][r]: the station of route b in round r (a Latin square)."""


def route_classes(k: int, rng: random.Random) -> tuple[list[RouteClass], bool]:
    """The route classes for k stations, and whether they are mutually orthogonal (an affine plane).

    Without a field the classes are random shifted permutations (to be improved by search).
    """
    if k == 1:
        return [[[0]]], True
    tables = field(k)
    if tables is not None:
        add, mul = tables
        return [[[add[mul[a][r]][b] for r in range(k)] for b in range(k)] for a in range(1, k)], True
    classes = []
    for _ in range(k - 1):
        base = list(range(k))
        rng.shuffle(base)
        classes.append([[(base[r] + b) % k for r in range(k)] for b in range(k)])
    return classes, False


def shuffled_orders(n: int, count: int, rng: random.Random) -> Iterable[list[int]]:
    """``count`` random orders of the people (the first decides the layout without wishes)."""
    for _ in range(count):
        order = list(range(n))
        rng.shuffle(order)
        yield order


def place_on_routes(order: list[int], classes: list[RouteClass], aff: list[int], k: int, count: int) -> Routes:
    """Each person's route, from dealing the people (in ``order``) over the first ``count`` classes."""
    x = [[-1] * k for _ in range(len(order))]
    for c, members in enumerate(deal(order, aff, k, count)):
        for i, p in enumerate(members):
            x[p] = list(classes[c][i % k])
    return x


def deal(order: list[int], aff: list[int], k: int, count: int) -> list[list[int]]:
    """People per class (row-major: the i-th person of a class takes route i mod k).

    Every class but at most one holds a multiple of k people (so every station holds
    floor/ceil people in every round). With affiliations (aff >= 0), each affiliation's
    members form layers of k (spread anywhere) and one remainder that lies whole in one
    class, and every chunk is contiguous and at most k long, so it covers distinct routes:
    each affiliation then has floor/ceil of its ideal share at every station and round.
    """
    n = len(order)
    if all(a < 0 for a in aff):
        classes: list[list[int]] = [[] for _ in range(count)]
        for j in range(0, n, k):
            classes[(j // k) % count].extend(order[j : j + k])
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
        layers.extend(group[i * k : (i + 1) * k] for i in range(whole))
        if rest:
            rests.append(group[whole * k :])
    rests.sort(key=len, reverse=True)
    chunks: list[list[list[int]]] = [[] for _ in range(count)]
    residue = n % k
    used = 0  # singles handed out so far
    partial_done = False
    c = 0
    while rests:
        left = len(singles) - used
        chosen = None if c == count - 1 else _remainders_for_class([len(r) for r in rests], k, left)
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
            chunks[c].append(singles[used : used + pad])
            used += pad
        c += 1
        if c >= count and rests:  # pragma: no cover - _remainders_for_class never leaves this
            raise AssertionError("remainders left after the last class")
    size = [sum(len(ch) for ch in cl) for cl in chunks]
    if residue and not partial_done:
        target = min(range(count), key=lambda i: size[i])
        chunks[target].append(singles[used : used + residue])
        size[target] += residue
        used += residue
    units = layers + [singles[i : i + k] for i in range(used, len(singles), k)]
    for unit in units:
        target = min(range(count), key=lambda i: size[i])
        chunks[target].append(unit)
        size[target] += len(unit)
    return [[p for ch in cl for p in ch] for cl in chunks]


def _remainders_for_class(items: list[int], k: int, singles: int) -> list[int] | None:
    """Indices of remainders for one class (the first always in) whose sum padded with at
    most ``singles`` unaffiliated people is the smallest multiple of k; None if none is."""
    reach: dict[int, list[int]] = {items[0]: [0]}
    for i in range(1, len(items)):
        for total, picked in list(reach.items()):
            reach.setdefault(total + items[i], [*picked, i])
    top = sum(items)
    for base in range(k, top + k, k):
        fits = [s for s in reach if s <= base and base - s <= singles]
        if fits:
            return reach[max(fits)]
    return None


def layout_score(x: Routes, k: int, apart: list[set[int]]) -> tuple[int, int]:
    """(keep-apart pairs that meet, minus distinct pairs): lower is better."""
    met: set[tuple[int, int]] = set()
    for r in range(k):
        cells: dict[int, list[int]] = {}
        for p, row in enumerate(x):
            cells.setdefault(row[r], []).append(p)
        for cell in cells.values():
            for i, p in enumerate(cell):
                for o in cell[i + 1 :]:
                    met.add((p, o))
    broken = sum(1 for p, o in met if o in apart[p])
    return broken, -len(met)

"""The finite field GF(q) as addition and multiplication tables, for the affine planes of re-mixing.

With k stations and k a prime power (2, 3, 4, 5, 7, 8, 9, 11, ...), the affine plane over GF(k)
gives routes that meet each other at most once (:mod:`workshop.scheduling.routes`). For a prime
p the field is arithmetic mod p; for q = p**m an element is a polynomial of degree below m
over GF(p), written as the number whose base-p digits are its coefficients, and products are
taken modulo the first irreducible polynomial of degree m. Pure functions; tables are cached.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

FIELD_LIMIT = 256
"""Largest order for which a finite field (affine plane) is built."""

Table = tuple[tuple[int, ...], ...]
"""table[a][b]: the sum or product of the field elements a and b (numbered 0..q-1)."""


def prime_power(q: int) -> tuple[int, int] | None:
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


def irreducible(p: int, m: int) -> list[int]:
    """The first monic irreducible polynomial of degree m over GF(p) (trial division)."""
    for tail in product(range(p), repeat=m):
        if tail[0] == 0:
            continue
        f = [*tail, 1]
        if all(any(_poly_mod(f, [*low, 1], p)) for d in range(1, m // 2 + 1) for low in product(range(p), repeat=d)):
            return f
    raise AssertionError(f"no irreducible polynomial of degree {m} over GF({p})")  # pragma: no cover


@lru_cache(maxsize=32)
def field(q: int) -> tuple[Table, Table] | None:
    """Addition and multiplication tables of GF(q) on 0..q-1, or None if q is no prime power."""
    found = prime_power(q)
    if found is None or q > FIELD_LIMIT:
        return None
    p, m = found
    if m == 1:
        add = tuple(tuple((a + b) % p for b in range(p)) for a in range(p))
        mul = tuple(tuple((a * b) % p for b in range(p)) for a in range(p))
        return add, mul
    f = irreducible(p, m)
    digits = [[(e // p**i) % p for i in range(m)] for e in range(q)]

    def number(coefficients: list[int]) -> int:
        return sum(c * p**i for i, c in enumerate(coefficients))

    add = tuple(
        tuple(number([(x + y) % p for x, y in zip(digits[a], digits[b], strict=True)]) for b in range(q))
        for a in range(q)
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

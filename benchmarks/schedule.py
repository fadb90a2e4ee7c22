"""Figures for the scheduler (issue 6): run with `python benchmarks/schedule.py`.

For each re-mixing case it prints the figure reached, the time taken, and the same
figure for fixed groups and for a random balanced assignment measured in the same run;
then the rotation and grouping timings. Times are the best of several runs (wall clock,
this machine); the figures are deterministic (fixed seeds).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workshop.scheduling.grouping import Person, form_groups  # noqa: E402
from workshop.scheduling.remix import (  # noqa: E402
    contact_stats,
    fixed_groups,
    random_assignment,
    remix,
)
from workshop.scheduling.shapes import plan_rotation  # noqa: E402

AFFILIATIONS = ["politicians", "administration", "staff", "unions", "education partners"]
RANDOM_SEEDS = range(5)


def names(count: int) -> list[str]:
    return [f"Person {i:03d}" for i in range(1, count + 1)]


def stations(count: int) -> list[str]:
    return [f"s{i}" for i in range(1, count + 1)]


def best_time(run: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
    """(the fastest of `repeat` runs in ms, the last result)."""
    fastest, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest * 1000, result


def figure(rounds, kind: str) -> float:
    stats = contact_stats(rounds)
    return float(stats.distinct_pairs) if kind == "pairs" else stats.mean


def remix_row(label: str, n: int, k: int, kind: str, target: str, **options) -> list[str]:
    people, ids = names(n), stations(k)
    ms, result = best_time(lambda: remix(people, ids, **options))
    reached = figure(result.rounds, kind)
    fixed = figure(fixed_groups(people, ids), kind)
    randoms = [figure(random_assignment(people, ids, seed=s), kind) for s in RANDOM_SEEDS]
    fmt = "{:.0f}" if kind == "pairs" else "{:.2f}"
    unit = "distinct pairs" if kind == "pairs" else "mean people met"
    return [
        label,
        unit,
        fmt.format(reached),
        target,
        f"{ms:.1f} ms",
        fmt.format(fixed),
        fmt.format(statistics.mean(randoms)) + f" (max {fmt.format(max(randoms))})",
        "; ".join(result.gave_way) or "-",
    ]


def late_row() -> list[str]:
    people, ids = names(40), stations(5)
    before = remix(people, ids).rounds
    now = [*people[2:], "Late 1", "Late 2"]
    ms, result = best_time(lambda: remix(now, ids, fixed_rounds=before[:2]))
    stats = contact_stats(result.rounds)
    return [
        "40 people, 5 stations: 2 leave, 2 arrive after round 2",
        "mean people met",
        f"{stats.mean:.2f}",
        "-",
        f"{ms:.1f} ms",
        "-",
        "-",
        "; ".join(result.gave_way) or "-",
    ]


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths))  # noqa: E731
    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)])


def main() -> None:
    affiliated_40 = {p: AFFILIATIONS[i % 5] for i, p in enumerate(names(40))}
    rows = [
        remix_row("21 people, 3 stations", 21, 3, "pairs", "135 (proven max)"),
        remix_row("40 people, 5 stations", 40, 5, "mean", ">= 31.0"),
        remix_row("36 people, 6 stations (local search)", 36, 6, "mean", "beat random"),
        remix_row("30 people, 6 stations (local search)", 30, 6, "mean", "beat random"),
        remix_row(
            "40 people, 5 stations, 5 affiliations x 8, 2 apart",
            40,
            5,
            "mean",
            "balanced",
            affiliations=affiliated_40,
            apart=[(names(40)[0], names(40)[1]), (names(40)[2], names(40)[3])],
        ),
        late_row(),
    ]
    print("Re-mixing people (World Cafe); random = mean over", len(RANDOM_SEEDS), "random balanced assignments")
    print(table(["case", "figure", "reached", "target", "time", "fixed groups", "random", "gave way"], rows))
    print()

    shapes = []
    for label, n_s, n_g, mode in [
        ("30 groups x 30 stations (square)", 30, 30, "pause"),
        ("30 groups x 10 stations, pause", 10, 30, "pause"),
        ("30 groups x 10 stations, share", 10, 30, "share"),
        ("10 groups x 30 stations (idle)", 30, 10, "pause"),
    ]:
        ms, plan = best_time(lambda: plan_rotation(stations(n_s), [f"g{i}" for i in range(n_g)], mode=mode), 20)
        shapes.append(
            [
                label,
                f"{len(plan.rounds)} rounds",
                f"{ms:.2f} ms",
                "<= 50 ms" if n_s == n_g == 30 else "-",
                (plan.costs[0] if plan.costs else "no costs"),
            ]
        )
    ms, _ = best_time(lambda: plan_rotation(stations(30), [f"g{i}" for i in range(30)], williams=True), 20)
    shapes.append(["30 groups x 30 stations, Williams", "30 rounds", f"{ms:.2f} ms", "-", "carry-over balanced"])
    print("Rotations")
    print(table(["case", "size", "time", "target", "first cost"], shapes))
    print()

    people = [Person(p, AFFILIATIONS[i % 5] if i % 7 else None) for i, p in enumerate(names(40))]
    groups = []
    for label, kwargs in [
        ("40 people into 5 groups, balanced", {}),
        (
            "40 people into 6 groups, 4 apart + 4 together + 2 pins",
            {
                "apart": [(people[i].name, people[i + 1].name) for i in range(0, 8, 2)],
                "together": [(people[i].name, people[i + 1].name) for i in range(10, 18, 2)],
                "pinned": {people[20].name: 1, people[21].name: 2},
            },
        ),
    ]:
        count = 5 if "5 groups" in label else 6
        ms, result = best_time(lambda: form_groups(people, count, **kwargs))
        sizes = sorted(len(g) for g in result.groups)
        groups.append([label, f"sizes {sizes[0]}-{sizes[-1]}", f"{ms:.1f} ms", "; ".join(result.gave_way) or "-"])
    print("Forming groups")
    print(table(["case", "result", "time", "gave way"], groups))


if __name__ == "__main__":
    main()

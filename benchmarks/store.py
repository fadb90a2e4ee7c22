"""How fast the store saves and opens, beside the naive whole-file rewrite, in one run.

    python benchmarks/store.py [--saves N]

Targets (issue 2): note save p50 <= 5 ms at 1,000 notes and <= 10 ms at 10,000;
open <= 150 ms at 1,000 and <= 1 s at 10,000.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from benchmarks.sessions import make_session  # noqa: E402
from workshop.model.session import Note  # noqa: E402
from workshop.storage.atomic_file import write_atomic  # noqa: E402
from workshop.storage.session_file import dumps, load  # noqa: E402
from workshop.storage.store import Store  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure_saves(path: Path, saves: int) -> list[float]:
    store = Store.open(path, author="Benchmark", backup=False)
    times = []
    for number in range(saves):
        started = time.perf_counter()
        store.add_note("s1", 1, f"Måling nr. {number} – æøå")
        times.append(time.perf_counter() - started)
    store.close()
    return times


def measure_naive_saves(path: Path, saves: int) -> list[float]:
    """Rewrite the whole TOML (tomli-w, fsync, rename) on every save."""
    session, _ = load(path)
    times = []
    for number in range(saves):
        started = time.perf_counter()
        session.notes.append(Note(station="s1", round=1, text=f"Naiv nr. {number}"))
        write_atomic(path, dumps(session))
        times.append(time.perf_counter() - started)
    return times


def measure_open(path: Path, repeats: int = 5) -> tuple[float, float]:
    """(first open, which parses the TOML; median of later opens, from the journal's cache)."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        store = Store.open(path, author="Benchmark", backup=False)
        times.append(time.perf_counter() - started)
        store.journal.close()  # no fold: measure opening only
    return times[0], statistics.median(times[1:])


def measure_open_unfolded(folder: Path, notes: int) -> float:
    """Open when every note is still only in the journal (as after a crash before any fold)."""
    path = make_session(folder, 0)
    target = folder / f"journal-{notes}.toml"
    path.rename(target)
    store = Store.open(target, author="Benchmark", backup=False)
    for number in range(notes):
        store.add_note("s2", 2, f"Kun i journalen {number}")
    store.journal.close()
    started = time.perf_counter()
    again = Store.open(target, author="Benchmark", backup=False)
    elapsed = time.perf_counter() - started
    assert len(again.session.notes) == notes
    again.journal.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--sizes", default="100,1000,10000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"store benchmark: {args.saves} saves per size (naive: {max(args.saves // 10, 10)})")
    print(
        f"{'notes':>7} | {'save p50':>11} {'save p95':>11} | {'naive p50':>11} | "
        f"{'first open':>11} {'open':>11} | {'open, journal only':>18}"
    )
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for size in sizes:
            path = make_session(folder, size)
            first, opened = measure_open(path)
            saves = measure_saves(path, args.saves)
            naive_path = make_session(folder / "naive", size)
            naive = measure_naive_saves(naive_path, max(args.saves // 10, 10))
            unfolded = measure_open_unfolded(folder / "unfolded", size)
            print(
                f"{size:>7} | {ms(statistics.median(saves))} {ms(percentile(saves, 0.95))} | "
                f"{ms(statistics.median(naive))} | {ms(first)} {ms(opened)} | {ms(unfolded):>18}"
            )
    print("first open parses the TOML (then caches it in the journal); open is a later open, from that cache")
    print("naive: rewrite the whole TOML with tomli-w (fsync, rename) on every save; journal only: nothing folded yet")
    print("targets: save p50 <= 5 ms at 1,000 and <= 10 ms at 10,000; open <= 150 ms at 1,000, <= 1 s at 10,000")


if __name__ == "__main__":
    main()

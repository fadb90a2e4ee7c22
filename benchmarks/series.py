"""How fast a series of meetings is shown and exported, beside the naive way, in one run.

    python benchmarks/series.py [--meetings 10] [--recommendations 50] [--notes 20000] [--repeats 3]

Target (issue 20): a series of 10 meetings with 50 recommendations and 20,000 notes in all:
``workshop series show`` and each export (recommendations, changes, timeline, status, memo)
within 1 s. Each meeting is a copy of meeting 3 on its own day, holding every recommendation
(a random third of them changed in a random part, each change qualified by linked notes) and its
share of the notes. "warm": the meetings were last written by the store (as the app leaves them:
its journal keeps the parsed session); "cold": only hand-written TOML files, parsed on every read.
"naive" computes the versions by looking, for every recommendation at every meeting, through
that meeting's whole list of recommendations and notes.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from benchmarks.sessions import WORDS  # noqa: E402
from workshop.cli.main import main  # noqa: E402
from workshop.model.recommendations import SECTION_NAMES, Recommendation  # noqa: E402
from workshop.model.series import Decision, FollowUp, Meeting, Series  # noqa: E402
from workshop.model.session import Note, Session, Workshop  # noqa: E402
from workshop.series import SERIES_OPTIONS  # noqa: E402
from workshop.series.load import meeting_path, read_meeting  # noqa: E402
from workshop.series.versions import COMPARED, MeetingSession, in_date_order, part  # noqa: E402
from workshop.storage import snapshot_file as snapshot  # noqa: E402
from workshop.storage.session_file import load  # noqa: E402
from workshop.storage.store import Store  # noqa: E402

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "sessions" / "meeting-3.toml"
FORMATS = SERIES_OPTIONS
"""Each series document, in the order ``workshop export SERIES --format`` lists them."""


def make_series(folder: Path, meetings: int, recommendations: int, notes: int, seed: int = 1) -> Path:
    """Write ``meetings`` meeting files and ``series.toml`` into ``folder``."""
    chance = random.Random(seed)
    base, _ = load(EXAMPLE)
    words = lambda count: " ".join(chance.choice(WORDS) for _ in range(count))  # noqa: E731
    current = [
        Recommendation(id=f"r{n}", title=f"Anbefaling om {words(3)}", **{s: words(40) for s in SECTION_NAMES})
        for n in range(1, recommendations + 1)
    ]
    files = []
    per_meeting = notes // meetings
    moment = dt.datetime(2023, 1, 1, 18, 20)
    for index in range(meetings):
        day = dt.date(2023, 1, 9) + dt.timedelta(weeks=2 * index)
        changed = chance.sample(range(recommendations), recommendations // 3)
        links: list[tuple[str, str]] = []
        for position in changed:
            section = chance.choice(SECTION_NAMES)
            current[position] = current[position].model_copy(update={section: words(40)})
            links.append((current[position].id, section))
        session = base.model_copy(
            update={
                "workshop": base.workshop.model_copy(update={"date": day, "subtitle": f"Møde {index + 1}"}),
                "recommendations": list(current),
                "notes": [
                    Note(
                        id=f"m{index}-n{number}",
                        station=f"s{number % 3 + 1}",
                        round=number % 3 + 1,
                        text=words(chance.randint(6, 30)),
                        created=moment,
                        updated=moment,
                        **(link(links[number % len(links)]) if number % 4 == 0 else {}),
                    )
                    for number in range(per_meeting)
                ],
            }
        )
        name = f"meeting-{index + 1:02d}.toml"
        snapshot.write(folder / name, session, 0)
        files.append(name)
    chance.shuffle(files)  # the series orders them by date
    series = Series(
        meetings=[Meeting(file=f) for f in files],
        decisions={"r1": Decision(status="adopted", date=dt.date(2023, 6, 20), by="Byrådet")},
        follow_up={"r1": FollowUp(year=2025, baseline=words(10), measure=words(10), progress=words(20))},
    )
    path = folder / "series.toml"
    snapshot.write(path, Session(workshop=Workshop(title="Udvalget", language="da"), series=series), 0)
    return path


def link(target: tuple[str, str]) -> dict[str, str]:
    """A note's link to a recommendation's section."""
    return {"recommendation": target[0], "section": target[1]}


def warm(folder: Path) -> None:
    """Open and close every meeting through the store, as the app leaves a meeting it worked on."""
    for path in sorted(folder.glob("meeting-*.toml")):
        Store.open(path, author="Benchmark", backup=False).close()


def timed(action, repeats: int) -> tuple[float, float]:
    """The medians of ``repeats`` runs: wall-clock seconds, and this process's CPU seconds (what a shared
    machine's other work does not add to)."""
    walls, cpus = [], []
    for _ in range(repeats):
        started, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def quiet(arguments: list[str]) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(arguments)
    if code != 0:
        raise SystemExit(f"workshop {' '.join(arguments)} exited with {code}")


def naive_versions(path: Path) -> int:
    """Every version the slow way: for each recommendation and meeting, a search through the meeting's lists."""
    series = Store.open(path, backup=False, readonly=True).session.series
    assert series is not None
    meetings = in_date_order(
        [MeetingSession(m.file, read_meeting(meeting_path(path, m.file)), i) for i, m in enumerate(series.meetings)]
    )
    ids = list(dict.fromkeys(r.id for m in meetings for r in m.session.recommendations))
    found = 0
    for rid in ids:
        previous = None
        for meeting in meetings:
            now = next((r for r in meeting.session.recommendations if r.id == rid), previous)
            for section in COMPARED:
                if part(previous, section) != part(now, section):
                    found += sum(1 for n in meeting.session.notes if n.recommendation == rid and n.section == section)
            previous = now
    return found


def main_(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10)
    parser.add_argument("--recommendations", type=int, default=50)
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "sessions"
        folder.mkdir()
        path = make_series(folder, args.meetings, args.recommendations, args.notes)
        out = Path(temporary) / "exports"
        out.mkdir()
        print(f"{args.meetings} meetings, {args.recommendations} recommendations, {args.notes:,} notes in all")
        print(f"{'':34} {'cold wall':>10} {'cold CPU':>10} {'warm wall':>10} {'warm CPU':>10}")
        results: dict[str, list[tuple[float, float]]] = {}
        cases = [("series show", ["series", "show", str(path)])]
        for option in FORMATS:
            extra = ["--recommendation", "r1"] if option == "memo" else []
            cases.append(
                (f"export --format {option}", ["export", str(path), "--format", option, "--out", str(out), *extra])
            )
        cases.append(("naive versions (no document)", []))
        for state in ("cold", "warm"):
            if state == "warm":
                warm(folder)
            for name, arguments in cases:
                action = (lambda: naive_versions(path)) if not arguments else (lambda a=arguments: quiet(a))
                results.setdefault(name, []).append(timed(action, args.repeats))
        for name, ((cold, cold_cpu), (hot, hot_cpu)) in results.items():
            print(f"{name:34} {cold:9.3f}s {cold_cpu:9.3f}s {hot:9.3f}s {hot_cpu:9.3f}s")
        print("target: series show and each export <= 1 s (warm: the meetings as the app leaves them)")


if __name__ == "__main__":
    main_()

"""Note-takers in browsers on one session at once, through `workshop serve` (issues 10, 17 and 23).

    python benchmarks/serve.py [--notetakers 12] [--notes 50] [--pace 0.1] [--no-baseline]
    python benchmarks/serve.py --room [--sizes 1,12,30] [--capacity 30,40,50,60] [--seconds 10] [--no-cold]
                                     [--starting 2,4]

The room (issue 23, ``--room``, described at :func:`room_main`): a room that opens its links at once,
with the warm parent and, beside it in the same run, today's cold start (``workshop serve --cold``);
then the capacity (issue 17): more and more browsers typing, and where echo p95 passes 100 ms. With
each, the CPU of each process of the chain (this benchmark's browsers, the server, the warm parent,
the apps) per screen and per key; ``--starting`` runs the largest room again with fewer apps
building a screen at once. ``WORKSHOP_PROFILE_DIR=FOLDER`` in the environment: each forked app
writes its cProfile there as it ends.
The small size for CI: ``--room --sizes 1,2 --capacity 2,3 --seconds 1``.

Issue 10's case (without ``--room``):

Starts `workshop serve` on a copy of meeting 3 (loopback only, a free port) and connects
``--notetakers`` simulated browsers over textual-serve's websocket protocol, spread over the
stations, each with its own name. Each types ``--notes`` notes at a fast typist's pace (a key
every ``--pace`` seconds: 10 characters a second) and saves each with ctrl+s. While they type,
late joiners open a station's link one after another. Then it measures:

- notes lost: every note typed must be in the session, once, with its author (must be 0);
- keystroke to echo, p50/p95: from a key sent to the first output frame that shows it;
- a saved note to its appearance in the other browsers at the same station, p95;
- opening a link to the first full screen (the station's title and the note field), all at once
  at the start and one at a time while the others type;
- memory per browser session: the resident size (RSS, from /proc) of each app process.

Beside it, the same typists on a bare minimal Textual app (a TextArea) served the same way (the
same server, one process per browser): the floor that textual-serve itself sets. Targets (issue 10,
on this 2-core machine): 0 lost, echo p95 <= 100 ms, visibility p95 <= 1 s, first screen <= 1.5 s,
<= 100 MB per browser session. Bounded: about (notes x 3 s) plus half a minute; --notetakers 3
--notes 5 for a quick look.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workshop.serving.client import Browser  # noqa: E402
from workshop.serving.warm_parent import STARTING, STARTING_VARIABLE  # noqa: E402
from workshop.storage.store import Store  # noqa: E402
from workshop.words import word  # noqa: E402
from workshop.words.phrases import station_label  # noqa: E402

MEETING = ROOT / "sessions" / "meeting-3.toml"
TOKEN = "benchmark-token-benchmark-token"
LETTERS = "abcdefghijklmnoprstuvyæøå"
"""The typed text: random letters (æ, ø, å too), so that a few typed characters name one place on the screen."""
ON_SCREEN = 8
"""The notes of a station that fit in the capture screen's table in a 100 x 30 browser without scrolling."""
TAIL = 5
"""How many of the last typed characters an echo must show."""
MARKER = len("N00-00 ")
"""Each note starts with its marker; echo is measured after it (the marker's start repeats in the table)."""
TARGETS = {"lost": 0, "echo_p95": 0.100, "visible_p95": 1.0, "first_screen": 1.5, "rss_mb": 100.0}

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Label, TextArea


class Minimal(App):
    def compose(self):
        yield Label("Ny note")
        yield TextArea()


Minimal().run()
"""


@dataclass
class Key:
    """One keystroke: when it was sent, what the screen must show for its echo, and the frame count then."""

    sent: float
    tail: str
    frame: int


@dataclass
class Saved:
    """One note saved: its text, its station, who saved it and when ctrl+s was sent."""

    text: str
    station: str
    taker: int
    sent: float


@dataclass
class Typist:
    number: int
    station: str
    name: str
    browser: Browser
    keys: list[Key] = field(default_factory=list)
    sent: int = 0
    """Keys sent (every character and ctrl+s)."""
    saved: list[Saved] = field(default_factory=list)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def rollup_mb(pid: int, *fields: str) -> float | None:
    """The sum of ``fields`` of /proc/PID/smaps_rollup, in MB; None when the process has gone."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    found = [int(line.split()[1]) for line in lines if line.split(":")[0] in fields]
    return sum(found) / 1024 if found else None


def pss_mb(pid: int) -> float | None:
    """The process's proportional set size (its own pages, plus its share of the ones it shares), in MB."""
    return rollup_mb(pid, "Pss")


def uss_mb(pid: int) -> float | None:
    """The process's unique set size: the pages no other process has (they go when it ends), in MB."""
    return rollup_mb(pid, "Private_Clean", "Private_Dirty")


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user + system) ``pid`` has used so far, from /proc/PID/stat; None when it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """This benchmark's own CPU time (its browsers: websocket clients reading every output frame)."""
    times = os.times()
    return times.user + times.system


def command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return b""


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
            if parent == pid:
                found.append(int(entry.name))
    return found


def stations_and_screens(session: Path) -> tuple[list[str], dict[str, list[str]]]:
    """The session's station ids, and what each station's full screen shows: its title at the top and the
    note field ("Station 2 – Uddannelse", "Ny note")."""
    store = Store.open(session, readonly=True)
    try:
        language = store.language
        ready = {
            s.id: [station_label(number, s.name, language)[:24], word("new_note", language)]
            for number, s in enumerate(store.session.stations, start=1)
        }
    finally:
        store.close()
    return list(ready), ready


def start_server(argv: list[str], extra: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], str]:
    """Start a server process (``extra``: more environment); (the process, the base address it printed)."""
    env = dict(os.environ) | (extra or {})
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: Python keeps its compiled copies
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert process.stdout is not None
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        found = re.search(r"(https?://\S+?)/\?token=", line)
        if found:
            return process, found.group(1)
    process.kill()
    raise SystemExit(f"the server did not start: {' '.join(argv)}")


def stop_server(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


async def first_screen(link: str, ready: list[str]) -> tuple[Browser, float]:
    """Open ``link``; the browser and the seconds from opening to a screen showing every text of ``ready``."""
    browser = Browser(link, width=100, height=30)
    started = time.perf_counter()
    await browser.open()
    deadline = started + 60
    while True:
        text = browser.text()
        if all(marker in text for marker in ready):
            return browser, browser.frames[-1].at - started
        if time.perf_counter() > deadline or browser.closed.is_set():
            raise SystemExit(f"no full screen within 60 s on {link.split('?')[0]}")
        await asyncio.sleep(0.01)


def note_text(rng: random.Random, taker: int, number: int) -> str:
    words = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(5)]
    return f"N{taker:02d}-{number:02d} " + " ".join(words)


async def type_notes(typist: Typist, notes: int, pace: float, rng: random.Random, save: bool = True) -> None:
    """Type ``notes`` notes at one key every ``pace`` seconds, each saved with ctrl+s."""
    browser = typist.browser
    next_key = time.perf_counter()
    for number in range(notes):
        text = note_text(rng, typist.number, number)
        for index, character in enumerate(text):
            await asyncio.sleep(max(0.0, next_key - time.perf_counter()))
            frame = len(browser.frames)
            sent = await browser.send(character)
            if index >= MARKER + TAIL - 1 and character != " ":
                typist.keys.append(Key(sent, text[index - TAIL + 1 : index + 1], frame))
            next_key = sent + pace
        await asyncio.sleep(max(0.0, next_key - time.perf_counter()))
        if save:
            sent = await browser.send("\x13")
            typist.saved.append(Saved(text, typist.station, typist.number, sent))
        else:
            sent = await browser.send("\n")
        next_key = sent + pace


def echoes(typist: Typist) -> tuple[list[float], int]:
    """(each key's echo time, keys never echoed) from the frames the typist's browser got."""
    frames = typist.browser.frames
    found: list[float] = []
    missing = 0
    for key in typist.keys:
        for frame in frames[key.frame :]:
            if frame.at >= key.sent and key.tail in frame.text:
                found.append(frame.at - key.sent)
                break
        else:
            missing += 1
    return found, missing


def visibility(typists: list[Typist], on_screen: int) -> tuple[list[float], list[float], int]:
    """From each save to the note's first showing in each other browser at its station.

    (the first ``on_screen`` notes of each station, which fit in the table without scrolling;
    all the others; pairs never shown). A later note lands below the table's last visible row; the
    table follows it when it was at the bottom, as a note-taker's table is while they write.
    """
    first: list[float] = []
    later: list[float] = []
    missing = 0
    times = {other.number: [f.at for f in other.browser.frames] for other in typists}
    saves = sorted((note for typist in typists for note in typist.saved), key=lambda note: note.sent)
    counted: dict[str, int] = {}
    for note in saves:
        place = counted[note.station] = counted.get(note.station, 0) + 1
        for other in typists:
            if other.number == note.taker or other.station != note.station:
                continue
            frames = other.browser.frames
            start = bisect.bisect_left(times[other.number], note.sent)
            seen = next((f.at for f in frames[start:] if note.text[:20] in f.text), None)
            if seen is None:
                missing += 1
            else:
                (first if place <= on_screen else later).append(seen - note.sent)
    return first, later, missing


async def watch_session(session: Path, texts: dict[str, float], stop: asyncio.Event) -> None:
    """Note when each note is in the session as another instance reads it (the store, polled every 20 ms)."""
    store = Store.open(session, readonly=True)
    try:
        while not stop.is_set():
            store.refresh()
            now = time.perf_counter()
            for note in store.session.notes:
                texts.setdefault(note.text, now)
            await asyncio.sleep(0.02)
    finally:
        store.close()


async def run_typists(
    base: str,
    stations: list[str],
    count: int,
    notes: int,
    pace: float,
    ready: dict[str, list[str]],
    save: bool,
    late: int,
    server_pid: int,
    session: Path,
) -> dict[str, object]:
    """Open a browser per note-taker, let them type, then work out the figures from what each browser got.

    ``ready``: for each station, the texts that make its screen full.
    """
    rng = random.Random(10)
    chosen = [stations[i % len(stations)] for i in range(count)]
    links = [
        f"{base}/?token={TOKEN}&station={station}&name=Notetager%20{i + 1:02d}" for i, station in enumerate(chosen)
    ]
    opened = await asyncio.gather(*(first_screen(link, ready[station]) for link, station in zip(links, chosen)))
    typists = [Typist(i, chosen[i], f"Notetager {i + 1:02d}", browser) for i, (browser, _) in enumerate(opened)]
    rss: dict[int, float] = {}

    async def sample_memory() -> None:
        while True:
            for pid in children(server_pid):
                size = rss_mb(pid)
                if size is not None:
                    rss[pid] = max(rss.get(pid, 0.0), size)
            await asyncio.sleep(1.0)

    late_times: list[float] = []

    async def late_joiners() -> None:
        for number in range(late):
            await asyncio.sleep(2.0)
            station = stations[number % len(stations)]
            link = f"{base}/?token={TOKEN}&station={station}&name=Sen%20{number + 1}"
            browser, seconds = await first_screen(link, ready[station])
            late_times.append(seconds)
            await browser.close()

    sampler = asyncio.create_task(sample_memory())
    in_session: dict[str, float] = {}
    stop_watching = asyncio.Event()
    watcher = asyncio.create_task(watch_session(session, in_session, stop_watching)) if save else None
    started = time.perf_counter()
    typing = [type_notes(t, notes, pace, random.Random(rng.random()), save) for t in typists]
    await asyncio.gather(*typing, late_joiners())
    typed = time.perf_counter() - started
    await asyncio.sleep(2.0)  # the last saves reach every browser
    sampler.cancel()
    stop_watching.set()
    if watcher is not None:
        await watcher
    for typist in typists:
        await typist.browser.close()
    echo: list[float] = []
    never = 0
    for typist in typists:
        found, missing = echoes(typist)
        echo += found
        never += missing
    visible, later, unseen = visibility(typists, ON_SCREEN) if save else ([], [], 0)
    stored = [in_session[n.text] - n.sent for t in typists for n in t.saved if n.text in in_session]
    return {
        "typists": typists,
        "first_all": [seconds for _, seconds in opened],
        "first_late": late_times,
        "echo": echo,
        "echo_missing": never,
        "visible": visible,
        "visible_later": later,
        "visible_missing": unseen,
        "stored": stored,
        "rss": list(rss.values()),
        "typed": typed,
    }


def lost_notes(session: Path, typists: list[Typist]) -> tuple[int, int]:
    """(notes typed that are not in the session with their author, notes that are there twice)."""
    store = Store.open(session, readonly=True)
    try:
        there = [(n.author, n.text) for n in store.session.notes]
    finally:
        store.close()
    expected = [(t.name, note.text) for t in typists for note in t.saved]
    lost = sum(1 for item in expected if item not in there)
    twice = sum(count - 1 for count in (there.count(item) for item in set(expected)) if count > 1)
    return lost, twice


def serve_minimal(session: Path, app: Path) -> None:
    """The baseline's server (its own process): the same server, each browser on the minimal app."""
    from workshop.serving.server import WorkshopServer

    server = WorkshopServer(session, token=TOKEN, port=0, argv_for=lambda _s, _l: [sys.executable, str(app)])
    asyncio.run(server.run(ready=lambda started: print(started.links.join(), flush=True)))


def show(label: str, ours: str, naive: str = "", target: str = "") -> None:
    print(f"  {label:<50} {ours:>16} {naive:>16} {target:>12}")


def ms(values: list[float], share: float) -> str:
    return f"{percentile(values, share) * 1000:.0f} ms" if values else "-"


# The room (issue 23) ---------------------------------------------------------------------------------

ROOM_TARGETS = {"ratio": 4.0, "echo_p95": 0.100, "pss_mb": 25.0}


def app_pids(server_pid: int) -> tuple[list[int], list[int]]:
    """(the apps' processes, the warm parents'): the server's children, and the warm parents' children."""
    apps: list[int] = []
    warm: list[int] = []
    for pid in children(server_pid):
        if b"workshop.cli.warm" in command_line(pid):
            warm.append(pid)
            apps += children(pid)
        else:
            apps.append(pid)
    return apps, warm


CpuSnapshot = dict[str, dict[int, float]]
ROLES = ("browsers (this benchmark)", "server (aiohttp relay)", "warm parent", "apps")


def cpu_snapshot(server_pid: int) -> CpuSnapshot:
    """The CPU seconds used so far by each process in the chain, by role (the benchmark's browsers as pid 0)."""
    apps, warm = app_pids(server_pid)
    snapshot: CpuSnapshot = {role: {} for role in ROLES}
    snapshot[ROLES[0]][0] = own_cpu_seconds()
    for role, pids in ((ROLES[1], [server_pid]), (ROLES[2], warm), (ROLES[3], apps)):
        for pid in pids:
            used = cpu_seconds(pid)
            if used is not None:
                snapshot[role][pid] = used
    return snapshot


def cpu_spent(before: CpuSnapshot, after: CpuSnapshot, *, new_ones: bool = False) -> dict[str, float]:
    """CPU seconds used between two snapshots, by role: by the processes there at both (``new_ones``: and
    those started since, from their start)."""
    return {
        role: sum(
            used - before[role].get(pid, 0.0) for pid, used in after[role].items() if new_ones or pid in before[role]
        )
        for role in ROLES
    }


def serve_argv(session: Path, limit: int, cold: bool) -> list[str]:
    argv = [sys.executable, "-m", "workshop", "serve", str(session), "--port", "0", "--token", TOKEN]
    return [*argv, "--max", str(limit), "--no-qr", *(["--cold"] if cold else [])]


async def type_until(typist: Typist, stop: asyncio.Event, after: float, pace: float, rng: random.Random) -> None:
    """Type notes (each saved with ctrl+s) at one key every ``pace`` s until ``after`` s past ``stop``."""
    browser = typist.browser
    next_key = time.perf_counter()
    number = 0
    stop_at: float | None = None
    while True:
        text = note_text(rng, typist.number, number)
        number += 1
        for index, character in enumerate(text):
            if stop.is_set():
                stop_at = stop_at or time.perf_counter() + after
                if time.perf_counter() >= stop_at:
                    return
            await asyncio.sleep(max(0.0, next_key - time.perf_counter()))
            frame = len(browser.frames)
            sent = await browser.send(character)
            typist.sent += 1
            if index >= MARKER + TAIL - 1 and character != " ":
                typist.keys.append(Key(sent, text[index - TAIL + 1 : index + 1], frame))
            next_key = sent + pace
        await asyncio.sleep(max(0.0, next_key - time.perf_counter()))
        sent = await browser.send("\x13")
        typist.sent += 1
        typist.saved.append(Saved(text, typist.station, typist.number, sent))
        next_key = sent + pace


def echo_split(typists: list[Typist], moment: float) -> tuple[list[float], list[float]]:
    """Each key's echo time: (keys sent before ``moment``, keys sent after it)."""
    before: list[float] = []
    after: list[float] = []
    for typist in typists:
        frames = typist.browser.frames
        for key in typist.keys:
            for frame in frames[key.frame :]:
                if frame.at >= key.sent and key.tail in frame.text:
                    (before if key.sent < moment else after).append(frame.at - key.sent)
                    break
    return before, after


@dataclass
class Room:
    """What one room showed: first screens, echo while joining and after, memory."""

    size: int
    cold: bool
    first: list[float] = field(default_factory=list)
    echo_joining: list[float] = field(default_factory=list)
    echo_after: list[float] = field(default_factory=list)
    pss: list[float] = field(default_factory=list)
    warm_pss: float | None = None
    uss: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    cpu_joining: dict[str, float] = field(default_factory=dict)
    """CPU seconds by role from the links opening to the last first screen."""
    cpu_typing: dict[str, float] = field(default_factory=dict)
    """CPU seconds by role while everyone types after joining."""
    keys_typing: int = 0


async def join_room(
    base: str,
    stations: list[str],
    ready: dict[str, list[str]],
    room: Room,
    seconds: float,
    pace: float,
    server_pid: int,
) -> None:
    """``room.size`` browsers open their links at once; each types as soon as its screen is there."""
    rng = random.Random(23)
    joined = asyncio.Event()
    started = time.perf_counter()
    typists: list[Typist] = []
    typing: list[asyncio.Task[None]] = []
    before_joining = cpu_snapshot(server_pid)

    async def arrive(number: int) -> None:
        station = stations[number % len(stations)]
        link = f"{base}/?token={TOKEN}&station={station}&name=Deltager%20{number + 1:02d}"
        browser, _ = await first_screen(link, ready[station])
        room.first.append(browser.frames[-1].at - started)
        typist = Typist(number, station, f"Deltager {number + 1:02d}", browser)
        typists.append(typist)
        typing.append(asyncio.create_task(type_until(typist, joined, seconds, pace, random.Random(rng.random()))))

    await asyncio.gather(*(arrive(number) for number in range(room.size)))
    all_in = time.perf_counter()
    joined.set()
    at_all_in = cpu_snapshot(server_pid)
    keys_at_all_in = sum(typist.sent for typist in typists)
    room.cpu_joining = cpu_spent(before_joining, at_all_in, new_ones=True)
    await asyncio.sleep(min(seconds, 2.0))
    apps, warm = app_pids(server_pid)
    room.pss = [size for size in map(pss_mb, apps) if size is not None]
    room.uss = [size for size in map(uss_mb, apps) if size is not None]
    room.rss = [size for size in map(rss_mb, apps) if size is not None]
    room.warm_pss = sum(size for size in map(pss_mb, warm) if size is not None) if warm else None
    await asyncio.gather(*typing)
    room.cpu_typing = cpu_spent(at_all_in, cpu_snapshot(server_pid))
    room.keys_typing = sum(typist.sent for typist in typists) - keys_at_all_in
    await asyncio.sleep(0.5)
    room.echo_joining, room.echo_after = echo_split(typists, all_in)
    await asyncio.gather(*(typist.browser.close() for typist in typists))


Step = tuple[int, list[float], dict[str, float]]
"""Browsers typing at once, their echo times, the CPU milliseconds per key by role."""


async def grow(
    base: str,
    stations: list[str],
    ready: dict[str, list[str]],
    steps: list[int],
    seconds: float,
    pace: float,
    server_pid: int,
) -> list[Step]:
    """Browsers join step by step (``steps``: how many are in at each); at each step all type for ``seconds``."""
    rng = random.Random(17)
    typists: list[Typist] = []
    figures: list[Step] = []
    for count in steps:
        for number in range(len(typists), count):
            station = stations[number % len(stations)]
            link = f"{base}/?token={TOKEN}&station={station}&name=Deltager%20{number + 1:02d}"
            browser, _ = await first_screen(link, ready[station])
            typists.append(Typist(number, station, f"Deltager {number + 1:02d}", browser))
        for typist in typists:
            typist.keys.clear()
        stop = asyncio.Event()
        stop.set()
        before, keys = cpu_snapshot(server_pid), sum(t.sent for t in typists)
        await asyncio.gather(*(type_until(t, stop, seconds, pace, random.Random(rng.random())) for t in typists))
        spent = cpu_spent(before, cpu_snapshot(server_pid))
        keys = sum(t.sent for t in typists) - keys
        await asyncio.sleep(0.5)
        _, after = echo_split(typists, 0.0)
        figures.append((count, after, {role: 1000 * used / max(1, keys) for role, used in spent.items()}))
    await asyncio.gather(*(typist.browser.close() for typist in typists))
    return figures


def room_main(args: argparse.Namespace) -> None:
    """A room that opens its links at once (issue 23), warm beside cold; then how many browsers one laptop carries.

    For each size (``--sizes``, default 1, 12 and 30): a fresh ``workshop serve`` on a copy of meeting 3,
    given three seconds to start (its warm parent imports meanwhile); then that many browsers open
    their station's link in the same moment, through the websocket protocol, and each types at 10
    characters a second (``--pace``) as soon as its screen is full, until ``--seconds`` after the last
    screen. Figures: the slowest first screen, its ratio to one browser in the same run (the size-1
    room of the same way; and to one cold browser), echo p50/p95 of the keys typed while the room
    joins, and the memory each app adds: PSS (its own pages plus its share of shared ones, from
    /proc/PID/smaps_rollup), with the warm parent's PSS once. The same with ``workshop serve --cold``
    (each app a fresh Python, today's way) unless ``--no-cold``.

    Then the capacity (issue 17, ``--capacity``, default 30, 40, 50, 60): browsers join until each
    count is in, all typing for ``--seconds``: echo p95 at each count, and the first count at which it
    passes 100 ms.
    """
    sizes = [int(n) for n in args.sizes.split(",") if n]
    steps = [int(n) for n in args.capacity.split(",") if n]
    folder = Path(tempfile.mkdtemp(prefix="serve-room-"))
    rooms: dict[tuple[bool, int], Room] = {}
    gates = [int(n) for n in args.starting.split(",") if n]
    gated: dict[int, Room] = {}
    capacity: list[Step] = []
    try:
        stations, ready = stations_and_screens(MEETING)
        limit = max([*sizes, *steps, 1]) + 2
        print(
            f"the room: {', '.join(map(str, sizes))} browsers opening at once, then typing "
            f"{1 / args.pace:.0f} characters a second for {args.seconds:g} s; {os.cpu_count()} cores, loopback only"
        )
        for cold in [False] if args.no_cold else [False, True]:
            for size in sizes:
                session = folder / f"room-{size}-{'cold' if cold else 'warm'}.toml"
                shutil.copy(MEETING, session)
                server, base = start_server(serve_argv(session, limit, cold))
                try:
                    time.sleep(3.0)  # the facilitator shows the codes a moment after starting
                    room = Room(size, cold)
                    asyncio.run(join_room(base, stations, ready, room, args.seconds, args.pace, server.pid))
                    rooms[(cold, size)] = room
                finally:
                    stop_server(server)
                print(
                    f"  {'cold' if cold else 'warm'} room of {size}: slowest first screen {max(room.first):.2f} s",
                    flush=True,
                )
        largest = max(sizes, default=0)
        for starting in gates if largest else []:
            session = folder / f"room-{largest}-starting-{starting}.toml"
            shutil.copy(MEETING, session)
            server, base = start_server(serve_argv(session, limit, False), {STARTING_VARIABLE: str(starting)})
            try:
                time.sleep(3.0)
                room = Room(largest, False)
                asyncio.run(join_room(base, stations, ready, room, args.seconds, args.pace, server.pid))
                gated[starting] = room
            finally:
                stop_server(server)
            slowest = max(room.first)
            print(f"  warm room of {largest}, {starting} building at once: slowest first screen {slowest:.2f} s")
        if steps:
            session = folder / "capacity.toml"
            shutil.copy(MEETING, session)
            server, base = start_server(serve_argv(session, limit, False))
            try:
                time.sleep(3.0)
                capacity = asyncio.run(grow(base, stations, ready, steps, args.seconds, args.pace, server.pid))
            finally:
                stop_server(server)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print_room(rooms, sizes, capacity, gated)


def short_roles() -> str:
    return " / ".join(role.split(" (")[0] for role in ROLES)


def print_cpu(rooms: dict[tuple[bool, int], Room], sizes: list[int]) -> None:
    """Where the CPU goes: by process role, per first screen while joining and per key while typing."""
    print()
    print(f"  CPU by process ({short_roles()}); the benchmark's browsers share the server's cores,")
    print("  a room's real browsers are on their own devices:")
    for cold in (False, True):
        for size in sizes:
            room = rooms.get((cold, size))
            if room is None or not room.cpu_typing:
                continue
            label = f"{'cold' if cold else 'warm'}, {size} at once"
            joining = " / ".join(f"{room.cpu_joining[role]:.2f}" for role in ROLES)
            per_key = " / ".join(f"{1000 * room.cpu_typing[role] / max(1, room.keys_typing):.2f}" for role in ROLES)
            print(f"    {label:<18} joining: {joining} s;  typing: {per_key} ms per key ({room.keys_typing} keys)")


def print_room(
    rooms: dict[tuple[bool, int], Room], sizes: list[int], capacity: list[Step], gated: dict[int, Room]
) -> None:
    def mean(values: list[float]) -> str:
        return f"{statistics.mean(values):.1f} MB" if values else "-"

    one_warm = rooms.get((False, 1))
    one_cold = rooms.get((True, 1))
    print()
    print(
        f"  {'':<34} {'slowest':>8} {'x one':>6} {'x one':>6} {'echo while joining':>19} {'echo after':>12}"
        f" {'PSS per':>9} {'USS per':>9} {'RSS per':>9}"
    )
    print(
        f"  {'':<34} {'screen':>8} {'same':>6} {'cold':>6} {'p50 / p95':>19} {'p95':>12}"
        f" {'browser':>9} {'browser':>9} {'browser':>9}"
    )

    def row(label: str, room: Room, same: Room | None) -> None:
        """One room's line: its slowest first screen, beside one browser (the same way, and cold)."""
        slowest = max(room.first)
        ratio = f"{slowest / max(same.first):.1f}x" if same else "-"
        to_cold = f"{slowest / max(one_cold.first):.1f}x" if one_cold else "-"
        joining = f"{ms(room.echo_joining, 0.5)} / {ms(room.echo_joining, 0.95)}" if room.echo_joining else "-"
        print(
            f"  {label:<34} {slowest:>7.2f}s {ratio:>6} {to_cold:>6} {joining:>19}"
            f" {ms(room.echo_after, 0.95):>12} {mean(room.pss):>9} {mean(room.uss):>9} {mean(room.rss):>9}"
        )

    for cold in (False, True):
        for size in sizes:
            room = rooms.get((cold, size))
            if room is not None:
                way = "cold (--cold)" if cold else "warm parent"
                row(f"{way}: {size} at once", room, one_cold if cold else one_warm)
    if gated:
        print(f"  (the warm parent's rows above: at most {STARTING} apps build a screen at once, its default)")
    for starting, room in gated.items():
        row(f"  {starting} building at once: {room.size}", room, one_warm)
    warm_parent = [room.warm_pss for (cold, _), room in rooms.items() if not cold and room.warm_pss is not None]
    if warm_parent:
        print(f"  the warm parent itself, once per server (PSS): {max(warm_parent):.0f} MB")
    print_cpu(rooms, sizes)
    passed = None
    if capacity:
        print()
        print(f"  browsers typing at once (warm parent)    echo p50     echo p95   CPU ms per key: {short_roles()}")
        for count, echo, per_key in capacity:
            shares = " / ".join(f"{per_key[role]:.2f}" for role in ROLES)
            print(f"  {count:>5} {'':<34} {ms(echo, 0.5):>8} {ms(echo, 0.95):>12}   {shares}")
            if passed is None and echo and percentile(echo, 0.95) > ROOM_TARGETS["echo_p95"]:
                passed = count
        most = capacity[-1][0]
        print(f"  echo p95 passes 100 ms at: {passed if passed is not None else f'more than {most}'} browsers")
    if not sizes:
        return
    largest = max(sizes)
    room = rooms.get((False, largest))
    if room is None or one_warm is None:
        return
    ratio = max(room.first) / max(one_cold.first if one_cold else one_warm.first)
    failed = [
        name
        for name, bad in (
            (f"{largest} at once within 4x one (cold) browser", ratio > ROOM_TARGETS["ratio"]),
            (
                "echo p95 while joining",
                bool(room.echo_joining) and percentile(room.echo_joining, 0.95) > ROOM_TARGETS["echo_p95"],
            ),
            ("PSS per browser", bool(room.pss) and statistics.mean(room.pss) > ROOM_TARGETS["pss_mb"]),
        )
        if bad
    ]
    print()
    print("targets (issue 23): 30 at once within 4x one browser, echo p95 <= 100 ms while joining, PSS <= 25 MB")
    print("every room target met" if not failed else f"missed: {', '.join(failed)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notetakers", type=int, default=12)
    parser.add_argument("--notes", type=int, default=50)
    parser.add_argument("--pace", type=float, default=0.1, help="seconds between keys (0.1: 10 characters a second)")
    parser.add_argument("--late", type=int, default=3, help="late joiners opening a link while the others type")
    parser.add_argument("--no-baseline", action="store_true", help="leave out the minimal Textual app")
    parser.add_argument("--serve-minimal", nargs=2, metavar=("SESSION", "APP"), help=argparse.SUPPRESS)
    parser.add_argument("--room", action="store_true", help="the room joining at once (issue 23), warm beside cold")
    parser.add_argument("--sizes", default="1,12,30", help="with --room: browsers opening at once, per room")
    parser.add_argument("--capacity", default="30,40,50,60", help="with --room: browsers typing at once, step by step")
    parser.add_argument("--seconds", type=float, default=10.0, help="with --room: seconds of typing after joining")
    parser.add_argument("--no-cold", action="store_true", help="with --room: leave out today's cold start")
    parser.add_argument(
        "--starting",
        default="",
        help="with --room: the largest room again with at most N apps building a screen at once (e.g. 2,4)",
    )
    args = parser.parse_args()
    if args.room:
        room_main(args)
        return
    if args.serve_minimal:
        serve_minimal(Path(args.serve_minimal[0]), Path(args.serve_minimal[1]))
        return

    folder = Path(tempfile.mkdtemp(prefix="serve-bench-"))
    try:
        session = folder / "meeting-3.toml"
        shutil.copy(MEETING, session)
        stations, ready = stations_and_screens(session)
        print(
            f"{args.notetakers} note-takers x {args.notes} notes at {1 / args.pace:.0f} characters a second, "
            f"{len(stations)} stations, {os.cpu_count()} cores; loopback only"
        )

        server, base = start_server(
            [
                sys.executable,
                "-m",
                "workshop",
                "serve",
                str(session),
                "--port",
                "0",
                "--token",
                TOKEN,
                "--max",
                str(args.notetakers + args.late + 2),
                "--no-qr",
            ]
        )
        try:
            ours = asyncio.run(
                run_typists(
                    base, stations, args.notetakers, args.notes, args.pace, ready, True, args.late, server.pid, session
                )
            )
        finally:
            stop_server(server)
        typists = ours["typists"]
        assert isinstance(typists, list)
        lost, twice = lost_notes(session, typists)

        naive: dict[str, object] = {}
        if not args.no_baseline:
            app = folder / "minimal.py"
            app.write_text(MINIMAL_APP, encoding="utf-8")
            baseline_session = folder / "baseline.toml"
            shutil.copy(MEETING, baseline_session)
            minimal, minimal_base = start_server(
                [sys.executable, __file__, "--serve-minimal", str(baseline_session), str(app)]
            )
            try:
                naive = asyncio.run(
                    run_typists(
                        minimal_base,
                        stations,
                        args.notetakers,
                        max(1, min(args.notes, 5)),
                        args.pace,
                        {s: ["Ny note"] for s in stations},
                        False,
                        0,
                        minimal.pid,
                        baseline_session,
                    )
                )
            finally:
                stop_server(minimal)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def get(result: dict[str, object], key: str) -> list[float]:
        value = result.get(key, [])
        return value if isinstance(value, list) else []

    print()
    show("", "workshop serve", "minimal app" if naive else "", "target")
    expected = sum(len(t.saved) for t in typists)
    show("notes saved / lost / twice", f"{expected} / {lost} / {twice}", "", "0 lost")
    echo = get(ours, "echo")
    show("keystroke to echo p50", ms(echo, 0.5), ms(get(naive, "echo"), 0.5))
    show("keystroke to echo p95", ms(echo, 0.95), ms(get(naive, "echo"), 0.95), "<= 100 ms")
    show(
        "keys echoed / never echoed",
        f"{len(echo)} / {ours['echo_missing']}",
        f"{len(get(naive, 'echo'))} / {naive.get('echo_missing', '-')}" if naive else "",
    )
    stored = get(ours, "stored")
    show("saved note in the session (read by another) p95", ms(stored, 0.95))
    visible = get(ours, "visible")
    later = get(ours, "visible_later")
    show("saved note on another browser's screen p50 *", ms(visible, 0.5))
    show("saved note on another browser's screen p95 *", ms(visible, 0.95), "", "<= 1000 ms")
    show("  later notes, below the table's last row, p50", ms(later, 0.5))
    show("  later notes, below the table's last row, p95", ms(later, 0.95))
    show("  (note, browser) pairs seen * / later / never", f"{len(visible)} / {len(later)} / {ours['visible_missing']}")
    first_all = get(ours, "first_all")
    show(
        f"first full screen, {args.notetakers} opening at once (max)",
        f"{max(first_all):.2f} s",
        f"{max(get(naive, 'first_all')):.2f} s" if naive else "",
    )
    late = get(ours, "first_late")
    show("first full screen while the others type (max)", f"{max(late):.2f} s" if late else "-", "", "<= 1.5 s")
    rss = get(ours, "rss")
    naive_rss = get(naive, "rss")
    show(
        "memory per browser session (RSS, mean)",
        f"{statistics.mean(rss):.0f} MB" if rss else "-",
        f"{statistics.mean(naive_rss):.0f} MB" if naive_rss else "",
    )
    show(
        "memory per browser session (RSS, max)",
        f"{max(rss):.0f} MB" if rss else "-",
        f"{max(naive_rss):.0f} MB" if naive_rss else "",
        "<= 100 MB",
    )
    show("typing took", f"{ours['typed']:.0f} s")
    failed = [
        name
        for name, bad in (
            ("notes lost", lost > 0),
            ("echo p95", percentile(echo, 0.95) > TARGETS["echo_p95"]),
            ("visibility p95", percentile(visible, 0.95) > TARGETS["visible_p95"]),
            ("first screen", bool(late) and max(late) > TARGETS["first_screen"]),
            ("memory", bool(rss) and max(rss) > TARGETS["rss_mb"]),
        )
        if bad
    ]
    print()
    print(f"* the first {ON_SCREEN} notes of each station: they land in the capture table's visible rows. A later")
    print("  note lands below them; the table follows it there when it was showing its newest row.")
    print("every target met" if not failed else f"missed: {', '.join(failed)}")


if __name__ == "__main__":
    main()

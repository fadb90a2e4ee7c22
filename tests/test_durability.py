"""Real processes: kill -9 at random moments loses nothing acknowledged; four writers lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from workshop.storage.session_file import load
from workshop.storage.store import Store

ROOT = Path(__file__).parents[1]


def writer(session: Path, name: str, count: int, ack: Path | None = None) -> subprocess.Popen:
    args = [sys.executable, "-m", "tests.workers.writer", str(session), name, str(count)]
    if ack is not None:
        args.append(str(ack))
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_acks(ack: Path, at_least: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ack.exists() and ack.read_text().count("\n") >= at_least:
            return
        time.sleep(0.01)
    raise AssertionError(f"the writer acknowledged fewer than {at_least} notes in {timeout} s")


def test_kill_9_at_random_moments_loses_no_acknowledged_note(session_path: Path, tmp_path: Path):
    ack = tmp_path / "acknowledged.txt"
    chance = random.Random(20230419)
    for attempt in range(6):
        before = ack.read_text().count("\n") if ack.exists() else 0
        process = writer(session_path, f"Skriver {attempt}", 1_000_000, ack)
        wait_for_acks(ack, before + 1)
        time.sleep(chance.uniform(0.0, 0.3))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        # Reopening after each crash must work and hold every acknowledged note so far.
        store = Store.open(session_path, author="Kontrol", backup=False)
        present = {n.id for n in store.session.notes}
        acknowledged = ack.read_text().split()
        assert acknowledged and set(acknowledged) <= present
        if attempt % 2:
            store.close()  # fold sometimes, so crashes happen both before and after a fold
        else:
            store.journal.close()
    final = Store.open(session_path, backup=False)
    final.close()
    session, _ = load(session_path)  # the folded TOML alone holds everything
    assert set(ack.read_text().split()) <= {n.id for n in session.notes}


def test_four_writers_at_once_lose_no_note(session_path: Path):
    processes = [writer(session_path, f"Skriver {letter}", 250) for letter in "ABCD"]
    for process in processes:
        _, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
    session, _ = load(session_path)
    assert len(session.notes) == 1000
    assert len({n.id for n in session.notes}) == 1000
    by_author = {}
    for note in session.notes:
        by_author[note.author] = by_author.get(note.author, 0) + 1
    assert by_author == {f"Skriver {letter}": 250 for letter in "ABCD"}

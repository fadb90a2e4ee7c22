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


# A full disk: nothing acknowledged is lost, nothing half-written is left, and every command says so --------


import errno  # noqa: E402
import shutil  # noqa: E402

import pytest  # noqa: E402

from workshop.cli.main import main  # noqa: E402
from workshop.storage import atomic_file, snapshot_file  # noqa: E402
from workshop.storage.journal import Journal  # noqa: E402
from workshop.storage.store import WriteFailed  # noqa: E402


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> list[Journal]:
    """Every journal opened from now on is as full as the disk: SQLite refuses to grow it (SQLITE_FULL)."""
    opened: list[Journal] = []
    real_open = Journal.open.__func__  # type: ignore[attr-defined]

    def full(cls: type[Journal], *args: object, **kwargs: object) -> Journal | None:
        journal = real_open(cls, *args, **kwargs)
        if journal is not None and not journal.readonly:
            pages = journal.db.execute("PRAGMA page_count").fetchone()[0]
            journal.db.execute(f"PRAGMA max_page_count = {pages}")
            opened.append(journal)
        return journal

    monkeypatch.setattr(Journal, "open", classmethod(full))
    return opened


def no_space(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_note_on_a_full_disk_is_refused_and_nothing_is_lost(
    session_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    assert main(["note", str(session_path), "--station", "s1", "--round", "1", "Gemt før disken blev fuld"]) == 0
    capsys.readouterr()
    fill_the_disk(monkeypatch)
    monkeypatch.setattr(atomic_file, "_fsync_file", no_space)
    code = main(["note", str(session_path), "--station", "s2", "--round", "1", "Lang note " * 2000])
    err = capsys.readouterr().err
    assert code == 2
    assert "disken er fuld" in err and "frigør plads" in err and "Traceback" not in err
    code = main(["check", str(session_path)])
    out, err = capsys.readouterr()
    assert code == 0 and out.strip().endswith("1 note") and err == ""
    session, _ = load(session_path)
    assert [n.text for n in session.notes] == ["Gemt før disken blev fuld"]
    assert [p.name for p in session_path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_the_app_on_a_full_disk_keeps_everything_and_goes_on_when_there_is_room(
    session_path: Path, monkeypatch: pytest.MonkeyPatch
):
    opened = fill_the_disk(monkeypatch)
    store = Store.open(session_path, author="Karen Mose")
    with pytest.raises(WriteFailed) as refused:
        for number in range(100):
            store.add_note("s1", 1, f"Note nr. {number} " + "ord " * 500)
    assert "disken er fuld" in str(refused.value)
    saved = [n.text for n in store.session.notes]  # the notes that were acknowledged
    monkeypatch.setattr(atomic_file, "_fsync_file", no_space)
    assert store.fold() is False
    assert any("kunne ikke skrives" in notice and "ændringsloggen" in notice for notice in store.notices)
    assert [p.name for p in session_path.parent.iterdir() if p.name.endswith(".tmp")] == []
    # Room again: the next change and the fold go through, and nothing acknowledged is missing.
    monkeypatch.undo()
    opened[0].db.execute("PRAGMA max_page_count = 1073741823")
    store.add_note("s2", 1, "Efter oprydningen")
    store.close()
    session, _ = load(session_path)
    assert [n.text for n in session.notes] == [*saved, "Efter oprydningen"]


def test_no_half_backup_is_kept_or_counted_when_the_disk_is_full(session_path: Path, monkeypatch: pytest.MonkeyPatch):
    for number in range(5):
        with Store.open(session_path) as store:
            store.add_note("s1", 1, f"Note nr. {number}")
    folder = session_path.parent / ".backups"
    kept = sorted(p.name for p in folder.glob("evening-2*.toml"))

    def half_then_full(source: object, target: object) -> None:
        Path(str(target)).write_bytes(Path(str(source)).read_bytes()[:100])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(shutil, "copyfile", half_then_full)
    store = Store.open(session_path, author="Karen Mose")
    assert any("der kunne ikke tages en sikkerhedskopi" in n and "disken er fuld" in n for n in store.notices)
    store.journal.close()
    assert sorted(p.name for p in folder.glob("evening-2*.toml")) == kept  # the five good ones, and no half one
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    assert snapshot_file.BACKUPS_KEPT == 5

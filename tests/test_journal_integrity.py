"""The journal's integrity: a loss is told, a damaged journal gives back what it still holds, a linked
session is written through its link, and a copy kept beside a session has a journal of its own.

Real processes where a crash matters: a writer is killed with SIGKILL while its changes are only in
the journal's write-ahead log, and the log is then deleted, cut short or garbled, or an older copy
of the journal is put back.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.cli.main import main
from workshop.model.validation import check
from workshop.storage.journal import journal_path, salvage
from workshop.storage.session_file import load
from workshop.storage.store import Store

ROOT = Path(__file__).parents[1]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def note(path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run(["note", str(path), "--station", "s1", "--round", "1", text], capsys)


def texts(path: Path) -> list[str]:
    """The notes the file alone holds (it must parse back and validate)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    session, _ = load(path)
    assert check(session) == []
    return [n.text for n in session.notes]


def folder_state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# A copy kept beside the session ---------------------------------------------------------------------------


def test_the_journal_is_named_after_the_whole_file_name(session_path: Path, capsys: pytest.CaptureFixture[str]):
    assert note(session_path, "Første", capsys)[0] == 0
    assert journal_path(session_path) == session_path.parent / "evening.toml.journal"
    assert (session_path.parent / "evening.toml.journal").is_file()
    assert not (session_path.parent / "evening.journal").exists()


def test_a_note_on_a_copy_kept_beside_the_session_never_lands_in_the_session(
    session_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert note(session_path, "I sessionen", capsys)[0] == 0
    old = session_path.with_name("evening.old")
    shutil.copy(session_path, old)  # cp evening.toml evening.old
    before = folder_state(session_path.parent)
    code, out, err = note(old, "På kopien", capsys)
    assert code == 2 and out == ""
    assert "evening.old.journal" in err and "--new-journal" in err  # its own journal is missing: said, not shared
    assert folder_state(session_path.parent) == before
    code, _, err = run(["check", str(old), "--new-journal"], capsys)
    assert code == 0 and "ny ændringslog startet" in err
    assert note(old, "På kopien", capsys)[0] == 0
    assert texts(session_path) == ["I sessionen"]
    assert texts(old) == ["I sessionen", "På kopien"]
    with Store.open(session_path, backup=False, readonly=True) as store:
        assert [n.text for n in store.session.notes] == ["I sessionen"]


def test_a_journal_named_the_old_way_is_still_the_sessions_own(session_path: Path, capsys: pytest.CaptureFixture[str]):
    assert note(session_path, "Før opdateringen", capsys)[0] == 0
    legacy = session_path.parent / "evening.journal"
    os.replace(journal_path(session_path), legacy)  # as an older workshop named it
    store = Store.open(session_path, author="Karen Mose", backup=False)
    store.add_note("s2", 1, "Kun i journalen")
    store.journal.close()  # a crash: the change is only in the journal named the old way
    assert note(session_path, "Efter opdateringen", capsys)[0] == 0
    assert texts(session_path) == ["Før opdateringen", "Kun i journalen", "Efter opdateringen"]
    assert legacy.is_file() and not (session_path.parent / "evening.toml.journal").exists()
    old = session_path.with_name("evening.old")  # a copy beside it does not take the old-named journal
    shutil.copy(session_path, old)
    assert journal_path(old) == session_path.parent / "evening.old.journal"


# A session that is a link ----------------------------------------------------------------------------------


@pytest.mark.parametrize("relative", [True, False])
def test_a_session_that_is_a_link_is_written_through_the_link(
    relative: bool, session_path: Path, capsys: pytest.CaptureFixture[str]
):
    usb = session_path.parent.parent / "usb"
    usb.mkdir()
    target = usb / "aften.toml"
    os.replace(session_path, target)
    session_path.symlink_to(Path("..") / "usb" / "aften.toml" if relative else target)
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s1", 1, "Gennem linket")
    assert note(session_path, "Fra et script", capsys)[0] == 0
    assert session_path.is_symlink()  # the link stays a link ...
    assert texts(target) == ["Gennem linket", "Fra et script"]  # ... and the file it points to has the changes
    assert sorted(p.name for p in usb.iterdir()) == ["aften.toml"]  # no temporary file left beside it
    code, out, _ = run(["check", str(session_path)], capsys)
    assert code == 0 and "2 noter" in out


# --new-journal carries over what can still be read --------------------------------------------------------


def unfolded_notes(session_path: Path, count: int = 20) -> Path:
    """``count`` notes only in the journal (as after a crash), put into the journal file itself (no -wal)."""
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s1", 1, "I filen")
    store = Store.open(session_path, author="Karen Mose", backup=False)
    for number in range(count):
        store.add_note("s2", 1, f"Kun i journalen nr. {number} " + "ord " * (400 if number % 5 == 0 else 10))
    store.journal.close()
    journal = journal_path(session_path)
    db = sqlite3.connect(journal)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return journal


def sql(journal: Path, *statements: str) -> None:
    db = sqlite3.connect(journal)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def garble_header(journal: Path) -> None:
    data = bytearray(journal.read_bytes())
    data[:100] = bytes((index * 37 + 11) % 256 for index in range(100))
    journal.write_bytes(bytes(data))


SALVAGE = {
    "one change with bad JSON": (lambda j: sql(j, "UPDATE events SET ops = '[{\"t\": ' WHERE seq = 7"), 19),
    "a change numbered 2**63-1": (
        lambda j: sql(
            j,
            "INSERT INTO events (seq, at, author, instance, action, target, label, undoable, ops)"
            f" SELECT {2**63 - 1}, at, author, instance, action, target, label, undoable, ops"
            " FROM events WHERE seq = 5",
        ),
        20,
    ),
    "a renamed events table": (lambda j: sql(j, "ALTER TABLE events RENAME TO old_events"), 20),
    "a garbled file header": (garble_header, 20),
}


@pytest.mark.parametrize("damage", sorted(SALVAGE))
def test_new_journal_carries_over_every_intact_change(
    damage: str, session_path: Path, capsys: pytest.CaptureFixture[str]
):
    journal = unfolded_notes(session_path)
    spoil, intact = SALVAGE[damage]
    spoil(journal)
    before = folder_state(session_path.parent)
    code, _, err = note(session_path, "Efter skaden", capsys)
    assert code == 2 and "er beskadiget" in err and "--new-journal" in err
    assert "disk" not in err  # a number no store gives is damage, not a full disk
    assert folder_state(session_path.parent) == before
    code, out, err = run(["check", str(session_path), "--new-journal"], capsys)
    assert code == 0, err
    assert "ok: 3 stationer" in out
    assert "ny ændringslog startet" in err and f"{intact} ændring(er) ført over" in err
    assert "i orden" not in err
    assert list(session_path.parent.glob("evening.toml.journal.damaged-*"))  # the damaged one is kept
    assert note(session_path, "Efter reparationen", capsys)[0] == 0  # writing works again
    carried = texts(session_path)
    assert carried[0] == "I filen" and carried[-1] == "Efter reparationen"
    assert len(carried) == 1 + intact + 1
    assert len(set(carried)) == len(carried)


# Losses are told ----------------------------------------------------------------------------------------------


def crashed_writer(session: Path, ack: Path, at_least: int = 20) -> list[str]:
    """A real writer adds notes until killed with SIGKILL: its changes are only in the journal's -wal."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.workers.writer", str(session), "Skriver", "1000000", str(ack)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        while not (ack.exists() and ack.read_text().count("\n") >= at_least):
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            os.sched_yield()
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    return ack.read_text().split()


def cut_wal(journal: Path) -> None:
    wal = Path(f"{journal}-wal")
    with open(wal, "r+b") as handle:
        handle.truncate(wal.stat().st_size // 3)


def garble_wal(journal: Path) -> None:
    wal = Path(f"{journal}-wal")
    data = bytearray(wal.read_bytes())
    start = len(data) // 4
    for offset in range(start, start + 6000):
        data[offset] = (offset * 7919 + 13) % 256
    wal.write_bytes(bytes(data))


LOSSES = {
    "the -wal deleted": lambda j: Path(f"{j}-wal").unlink(),
    "the -wal and -shm deleted": lambda j: [Path(f"{j}{s}").unlink() for s in ("-wal", "-shm")],
    "the -wal cut short": cut_wal,
    "the -wal garbled": garble_wal,
}


def unchanged(folder: Path) -> dict[str, bytes]:
    """The files a refused command must leave alone (SQLite's -shm index aside)."""
    return {name: data for name, data in folder_state(folder).items() if not name.endswith("-shm")}


@pytest.mark.parametrize("loss", sorted(LOSSES))
def test_a_journal_that_lost_changes_after_a_crash_is_told_never_ok(
    loss: str, session_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    acknowledged = crashed_writer(session_path, tmp_path / "ack.txt")
    journal = journal_path(session_path)
    LOSSES[loss](journal)
    before = unchanged(session_path.parent)
    code, out, err = run(["check", str(session_path)], capsys)
    assert code == 2 and "ok:" not in out
    assert "har mistet" in err and f"workshop check {session_path} --new-journal" in err
    assert len(err.strip().splitlines()) == 1
    for command in (["note", "--station", "s1", "--round", "1", "Efter tabet"], ["run"]):
        code, _, err = run([command[0], str(session_path), *command[1:]], capsys)
        assert code == 2 and "har mistet" in err and "åbnes ikke for at skrive" in err and "--new-journal" in err
    assert run(["schedule", str(session_path)], capsys)[0] == 0  # what is left can still be read
    assert unchanged(session_path.parent) == before
    code, out, err = run(["check", str(session_path), "--new-journal"], capsys)
    assert code == 0 and "ny ændringslog startet" in err and "var tabt fra den" in err and "ok:" in out
    assert note(session_path, "Efter reparationen", capsys)[0] == 0
    kept = texts(session_path)
    assert kept[-1] == "Efter reparationen"
    with Store.open(session_path, backup=False, readonly=True) as store:
        ids = [n.id for n in store.session.notes]
        assert not store.notices
    # What came back was acknowledged (or committed as the writer was killed, before it could say so).
    assert len(set(ids[:-1]) - set(acknowledged)) <= 1
    assert all(text.startswith("Skriver nr. ") for text in kept[:-1])
    assert run(["check", str(session_path)], capsys)[0] == 0


def test_an_older_copy_of_the_journal_put_back_is_told(
    session_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    for number in range(3):
        assert note(session_path, f"Foldet nr. {number}", capsys)[0] == 0
    journal = journal_path(session_path)
    older = tmp_path / "kopi.journal"
    shutil.copy(journal, older)  # a copy taken now ...
    crashed_writer(session_path, tmp_path / "ack.txt")
    with Store.open(session_path, backup=False, readonly=True) as store:
        assert len(store.session.notes) > 20 and not store.notices
    for suffix in ("-wal", "-shm"):
        Path(f"{journal}{suffix}").unlink(missing_ok=True)
    shutil.copy(older, journal)  # ... put back after the crash
    code, out, err = run(["check", str(session_path)], capsys)
    assert code == 2 and "ok:" not in out
    assert "har mistet" in err and "rækker nu kun til 3" in err
    code, _, err = note(session_path, "Efter tabet", capsys)
    assert code == 2 and "har mistet" in err
    code, out, err = run(["check", str(session_path), "--new-journal"], capsys)
    assert code == 0 and "var tabt fra den" in err and "ok:" in out
    assert note(session_path, "Igen", capsys)[0] == 0
    assert texts(session_path) == ["Foldet nr. 0", "Foldet nr. 1", "Foldet nr. 2", "Igen"]


def test_a_journal_without_losses_is_never_told_so(session_path: Path, tmp_path: Path, capsys):
    """The mark never cries wolf: after a crash, with other writers, after a fold and with the journal deleted."""
    acknowledged = crashed_writer(session_path, tmp_path / "ack.txt", at_least=5)
    code, out, err = run(["check", str(session_path)], capsys)
    assert code == 0 and err == "" and "ok:" in out
    assert note(session_path, "Efter nedbruddet", capsys)[0] == 0
    session, _ = load(session_path)
    assert set(acknowledged) <= {n.id for n in session.notes}
    for suffix in ("", "-wal", "-shm"):  # the journal deleted after everything was folded: nothing lost
        Path(f"{journal_path(session_path)}{suffix}").unlink(missing_ok=True)
    code, _, err = run(["check", str(session_path)], capsys)
    assert code == 0 and "har mistet" not in err


# Hostile bytes: salvage never invents a change and never fails ------------------------------------------------


@pytest.fixture(scope="module")
def intact_journal(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, dict[int, Any]]:
    """A journal of 21 changes (some long enough to need overflow pages), and its changes by number."""
    folder = tmp_path_factory.mktemp("intact") / "sessions"
    folder.mkdir()
    session = folder / "evening.toml"
    shutil.copy(Path(__file__).parent / "data" / "evening.toml", session)
    journal = unfolded_notes(session)
    events, _ = salvage(journal)
    assert len(events) == 21  # the folded note and the 20 only in the journal
    return journal.read_bytes(), {event.seq: event for event in events}


def _record(held: Any) -> bytes:
    """A change's texts as they stand side by side in its SQLite record (NULL and 0/1 take no bytes there)."""
    texts = [held.at, held.author, held.instance, held.action, held.label, json.dumps(held.ops, ensure_ascii=False)]
    return "".join(texts).encode()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    spoils=st.lists(
        st.tuples(st.floats(0, 1), st.integers(1, 5000), st.binary(min_size=1, max_size=8)), min_size=1, max_size=4
    ),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_salvage_of_hostile_bytes_never_fails_and_never_invents_a_change(
    intact_journal: tuple[bytes, dict[int, Any]],
    tmp_path: Path,
    spoils: list[tuple[float, int, bytes]],
    cut: float | None,
):
    data, original = intact_journal
    assert all(_record(held) in data for held in original.values())  # so a made-up change can be told below
    spoiled = bytearray(data)
    for where, length, pattern in spoils:
        start = int(where * len(spoiled))
        for offset in range(start, min(start + length, len(spoiled))):
            spoiled[offset] = pattern[offset % len(pattern)]
    if cut is not None:
        del spoiled[int(cut * len(spoiled)) :]
    journal = tmp_path / "evening.toml.journal"
    journal.write_bytes(bytes(spoiled))
    events, highest = salvage(journal)
    for event in events:  # every change found is one the journal held, as it held it ...
        assert event.seq in original
        if event != original[event.seq]:
            # ... unless the bytes of that very row were spoiled: a journal keeps no checksum per change, so a
            # byte changed inside a note's text reads as that text. Where the row's bytes are intact, it must match.
            held = original[event.seq]
            assert _record(held) not in spoiled, f"change {event.seq} was made up: {event} != {held}"
    assert highest <= 10**15


def test_a_garbled_wal_header_still_gives_back_the_committed_changes(
    session_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    acknowledged = crashed_writer(session_path, tmp_path / "ack.txt")
    wal = Path(f"{journal_path(session_path)}-wal")
    data = bytearray(wal.read_bytes())
    data[:32] = b"\xff" * 32  # SQLite now ignores the whole -wal: every change in it is lost to it
    wal.write_bytes(bytes(data))
    code, _, err = run(["check", str(session_path)], capsys)
    assert code == 2 and "har mistet" in err
    code, _, err = run(["check", str(session_path), "--new-journal"], capsys)
    assert code == 0, err
    with Store.open(session_path, backup=False, readonly=True) as store:
        found = {n.id for n in store.session.notes}
    assert set(acknowledged) <= found  # read from the raw frames


def test_a_journal_deleted_before_anything_was_folded_is_told(
    session_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    crashed_writer(session_path, tmp_path / "ack.txt", at_least=3)
    for suffix in ("", "-wal", "-shm"):  # the whole journal gone; the file never had a change folded into it
        Path(f"{journal_path(session_path)}{suffix}").unlink(missing_ok=True)
    code, _, err = run(["check", str(session_path)], capsys)
    assert code == 2 and "har mistet" in err and "rækker nu kun til 0" in err
    code, _, err = note(session_path, "Efter tabet", capsys)
    assert code == 2 and "har mistet" in err
    assert not journal_path(session_path).exists()  # the refused note made no journal
    code, _, err = run(["check", str(session_path), "--new-journal"], capsys)
    assert code == 0 and "ny ændringslog startet" in err and "ligger i -" in err
    assert note(session_path, "Igen", capsys)[0] == 0
    assert texts(session_path) == ["Igen"]

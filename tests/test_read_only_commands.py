"""Read-only commands never write: not the session file, not the journal, no backup, nothing beside them.

The loss they caused (issue 14): with an app open and changes not yet folded, a hand edit of the
file, then ``workshop check`` or ``schedule``, folded the journal into the file under the store's
own header, and the app took the edit for another instance's fold: the edit was gone. Now they
only read, and the app merges the edit and keeps it.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.cli.main import main
from workshop.storage.session_file import load
from workshop.storage.store import Store

ROOT = Path(__file__).parents[1]


def folder_state(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file below ``folder``: its mode, its modification time and its bytes.

    A ``-shm`` file that is there already is SQLite's shared memory between the processes on a
    journal (every reader marks where it reads in it): its bytes are not compared, only that it is there.
    """
    return {
        str(p.relative_to(folder)): (p.stat().st_mode, 0, b"")
        if p.name.endswith("-shm")
        else (p.stat().st_mode, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def workshop(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m workshop ARGS`` as its own process, as a user types it."""
    return subprocess.run(
        [sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


@pytest.mark.parametrize("command", [["check"], ["schedule"], ["schedule", "--json"]])
def test_a_hand_edit_survives_a_read_only_command_beside_the_app(session_path: Path, command: list[str]):
    app = Store.open(session_path, author="Karen Mose")
    app.fold()
    app.add_note("s1", 1, "Noten fra appen")  # in the journal, not yet in the file
    edited = session_path.read_text(encoding="utf-8").replace('host = "Bodil"', 'host = "Bodil Ravn"')
    session_path.write_text(edited, encoding="utf-8")
    before = folder_state(session_path.parent)

    result = workshop(command[0], str(session_path), *command[1:])

    assert result.returncode == 0, result.stderr
    assert folder_state(session_path.parent) == before  # not a byte written, nothing made
    assert app.poll() is True
    assert any("rettet i hånden" in notice for notice in app.notices)
    app.add_note("s2", 1, "Og en til")
    app.close()
    session, _ = load(session_path)
    assert session.station("s1").host == "Bodil Ravn"
    assert sorted(n.text for n in session.notes) == ["Noten fra appen", "Og en til"]


def test_check_counts_the_journal_without_touching_it(session_path: Path, capsys: pytest.CaptureFixture[str]):
    writer = Store.open(session_path, author="Karen Mose")
    writer.add_note("s1", 1, "Første")
    writer.close()
    writer = Store.open(session_path, author="Karen Mose", backup=False)
    writer.add_note("s2", 1, "Anden, kun i journalen")
    writer.journal.close()  # the process dies: the note is only in the journal
    before = folder_state(session_path.parent)
    assert main(["check", str(session_path)]) == 0
    assert capsys.readouterr().out.strip() == "ok: 3 stationer, 3 grupper, 3 runder, 4 kategorier, 2 noter"
    assert main(["schedule", str(session_path)]) == 0
    assert folder_state(session_path.parent) == before  # no -wal, no -shm, no fold, no backup


def test_a_read_only_open_beside_a_writer_in_this_process_sees_its_changes(session_path: Path):
    writer = Store.open(session_path, author="Karen Mose")
    writer.add_note("s1", 1, "Synlig med det samme")
    with Store.open(session_path, readonly=True) as reader:
        assert [n.text for n in reader.session.notes] == ["Synlig med det samme"]
    writer.add_note("s1", 1, "Og bagefter")  # the writer's locks are intact
    writer.close()
    session, _ = load(session_path)
    assert len(session.notes) == 2


def test_a_fold_landing_while_a_read_only_command_opens_is_not_taken_for_a_foreign_journal(
    session_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """CI caught ``workshop note`` refusing the session beside two apps: it read the file, a fold
    then gave the file its id and marked the id written, and the journal looked foreign to the old text."""
    from workshop.storage import store as store_module

    writer = Store.open(session_path, author="Karen Mose")  # the file has no id yet; the journal has one
    writer.add_note("s1", 1, "Før folden")
    real_open = store_module.Journal.open

    def open_then_fold(*args, **kwargs):
        journal = real_open(*args, **kwargs)
        if kwargs.get("readonly"):
            assert writer.fold()  # another process's fold lands just after the reader read the file
        return journal

    monkeypatch.setattr(store_module.Journal, "open", open_then_fold)
    with Store.open(session_path, readonly=True) as reader:
        assert [n.text for n in reader.session.notes] == ["Før folden"]
        assert reader.session.workshop.id == writer.session_id
        assert reader.notices == []
    writer.close()


def test_check_beside_a_running_writer_process(session_path: Path, tmp_path: Path):
    ack = tmp_path / "acknowledged.txt"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.workers.writer", str(session_path), "Skriver", "1000000", str(ack)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not (ack.exists() and ack.read_text().count("\n") >= 3):
            assert time.monotonic() < deadline, "the writer acknowledged nothing"
            time.sleep(0.02)
        file_before = session_path.read_bytes()
        for _ in range(3):
            result = workshop("check", str(session_path))
            assert result.returncode == 0, result.stderr
            assert "ok: 3 stationer" in result.stdout
        assert session_path.read_bytes() == file_before  # only the writer writes, and it has not folded
    finally:
        process.kill()
        process.wait()
    with Store.open(session_path, backup=False) as store:
        assert set(ack.read_text().split()) <= {n.id for n in store.session.notes}


@contextlib.contextmanager
def unwritable(*paths: Path) -> Iterator[None]:
    """Make files and folders read-only for this process: by their mode, or (for root, whom modes do not stop)
    with the immutable attribute."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    subprocess.run(["chattr", "+i", *map(str, paths)], check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True, capture_output=True)


def test_a_read_only_folder_can_be_checked_but_not_written(session_path: Path, capsys: pytest.CaptureFixture[str]):
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s1", 1, "Gemt før mappen blev låst")
    journal = session_path.with_name(f"{session_path.name}.journal")
    folder = session_path.parent
    before = folder_state(folder)
    with unwritable(folder, session_path, journal):
        assert main(["check", str(session_path)]) == 0
        assert "1 note" in capsys.readouterr().out
        assert main(["schedule", str(session_path), "--json"]) == 0
        capsys.readouterr()
        assert main(["note", str(session_path), "--station", "s1", "--round", "1", "Afvist"]) == 2
        err = capsys.readouterr().err
        assert "skrivebeskyttet" in err and "chmod u+w" in err and "Traceback" not in err
        assert main(["run", str(session_path)]) == 2
        assert "skrivebeskyttet" in capsys.readouterr().err
    assert folder_state(folder) == before


def test_a_read_only_journal_is_refused_for_writing_with_its_name(
    session_path: Path, capsys: pytest.CaptureFixture[str]
):
    Store.open(session_path).close()
    journal = session_path.with_name(f"{session_path.name}.journal")
    with unwritable(journal):
        assert main(["note", str(session_path), "--station", "s1", "--round", "1", "Afvist"]) == 2
    err = capsys.readouterr().err
    assert "evening.toml.journal er skrivebeskyttet" in err
    assert not Path(f"{journal}-wal").exists() and not Path(f"{journal}-shm").exists()

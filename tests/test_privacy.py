"""People's names on a shared machine: the session, its journal and backups are their owner's only,
an existing file keeps its mode, and temporary files cannot be hijacked or left lying about."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workshop.cli.main import main
from workshop.storage.session_file import load
from workshop.storage.store import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def shared_umask():
    """The usual umask (022), under which files would be readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_session_and_its_journal_are_the_owners_only(tmp_path: Path, shared_umask: None):
    path = tmp_path / "aften.toml"
    assert main(["new", str(path)]) == 0
    assert mode(path) == 0o600
    writer = Store.open(path, author="Karen Mose")
    writer.add_note("s1", 1, "Navne og holdninger")
    journal = Path(f"{path}.journal")
    for side in (journal, Path(f"{journal}-wal"), Path(f"{journal}-shm")):
        assert mode(side) == 0o600, side
    writer.close()
    assert mode(path) == 0o600
    backups = tmp_path / ".backups"
    assert mode(backups) == 0o700
    assert all(mode(copy) == 0o600 for copy in backups.iterdir())


def test_a_hand_written_session_gets_a_private_journal(session_path: Path, shared_umask: None):
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s1", 1, "x")
    assert mode(session_path.with_name(f"{session_path.name}.journal")) == 0o600


def test_an_existing_file_keeps_its_mode_when_folded(session_path: Path, shared_umask: None):
    session_path.chmod(0o640)
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s1", 1, "x")
    assert mode(session_path) == 0o640
    session_path.chmod(0o600)
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s1", 1, "y")
    assert mode(session_path) == 0o600


def test_a_planted_link_at_a_predictable_temporary_name_is_not_followed(session_path: Path):
    victim = session_path.parent.parent / "andres-fil.txt"
    victim.write_text("må ikke overskrives", encoding="utf-8")
    for name in (f".{session_path.name}.{os.getpid()}.tmp", f".{session_path.name}.tmp", f"{session_path.name}.tmp"):
        (session_path.parent / name).symlink_to(victim)
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s1", 1, "Foldet ved siden af de plantede links")
    assert victim.read_text(encoding="utf-8") == "må ikke overskrives"
    session, _ = load(session_path)
    assert session.notes[0].text == "Foldet ved siden af de plantede links"


def test_stray_temporary_files_of_a_killed_fold_are_removed_on_open(session_path: Path):
    strays = [session_path.parent / f".{session_path.name}.{suffix}.tmp" for suffix in ("a1b2c3d4", "12345")]
    for stray in strays:
        stray.write_text("halvt skrevet", encoding="utf-8")
    others = session_path.parent / ".andet.toml.x1.tmp"  # another session's: not ours to remove
    others.write_text("", encoding="utf-8")
    Store.open(session_path, readonly=True).close()
    assert all(stray.exists() for stray in strays)  # a read-only open removes nothing
    Store.open(session_path, author="Karen Mose").close()
    assert not any(stray.exists() for stray in strays)
    assert others.exists()

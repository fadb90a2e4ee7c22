"""A journal that is damaged, missing, behind its file, or another session's: said plainly, never merged silently.

Every command answers with one line that names the journal, what is wrong and the two ways out
(a backup, or ``workshop check SESSION --new-journal``); nothing is written. ``--new-journal``
sets the old journal aside (never deletes it), starts a new one from the file and carries over
the changes a damaged journal still holds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workshop.cli.main import main
from workshop.storage.session_file import load
from workshop.storage.store import Store, WriteFailed


def folder_state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def journal_of(session: Path) -> Path:
    return Path(f"{session}.journal")


def with_unfolded_notes(session_path: Path, folded: int = 2, unfolded: int = 40) -> None:
    """Notes in the file (folded) and more only in the journal, as after a crash (the journal has no -wal)."""
    with Store.open(session_path, author="Karen Mose") as store:
        for number in range(folded):
            store.add_note("s1", 1, f"Foldet nr. {number}")
    store = Store.open(session_path, author="Karen Mose", backup=False)
    for number in range(unfolded):
        store.add_note("s2", 1, f"Kun i journalen nr. {number} " + "ord " * 40)
    store.journal.close()
    # Put the WAL's pages into the journal itself (as SQLite does when the last process closes it).
    db = sqlite3.connect(journal_of(session_path))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def damage_middle(journal: Path) -> None:
    data = bytearray(journal.read_bytes())
    page = 4096
    for offset in range(3 * page, min(6 * page, len(data))):
        data[offset] = (offset * 7919) % 256
    journal.write_bytes(bytes(data))


DAMAGES = {
    "cut in half": lambda j: j.write_bytes(j.read_bytes()[: j.stat().st_size // 2]),
    "garbage header": lambda j: j.write_bytes(b"this is not a journal at all" + j.read_bytes()[28:]),
    "garbage in the middle": damage_middle,
    "a renamed table": lambda j: _sql(j, "ALTER TABLE events RENAME TO old_events"),
    "a newer version": lambda j: _sql(j, "PRAGMA user_version = 99"),
    "a bad change": lambda j: _sql(j, "UPDATE events SET ops = 'nonsense' WHERE seq = 3"),
}


def _sql(journal: Path, statement: str) -> None:
    db = sqlite3.connect(journal)
    db.execute(statement)
    db.commit()
    db.close()


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_journal_is_told_and_nothing_is_written(
    damage: str, session_path: Path, capsys: pytest.CaptureFixture[str]
):
    with_unfolded_notes(session_path)
    DAMAGES[damage](journal_of(session_path))
    before = folder_state(session_path.parent)
    for command in (["check"], ["schedule"], ["note", "--station", "s1", "--round", "1", "tekst"], ["run"]):
        code, _, err = run([command[0], str(session_path), *command[1:]], capsys)
        assert code == 2, (command, err)
        assert err.startswith(f"{journal_of(session_path)}: ændringsloggen evening.toml.journal ")
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        if damage == "a newer version":
            assert "nyere udgave af workshop" in err and "opdatér workshop" in err
        else:
            assert "er beskadiget" in err
            assert f"workshop check {session_path} --new-journal" in err and "sikkerhedskopi" in err
        said = err.replace(str(session_path.parent), "")  # what it says, the folder's name aside
        assert not [english for english in ("database", "malformed", "JSON", "operations", "Error") if english in said]
    assert folder_state(session_path.parent) == before


def test_the_changes_a_damaged_journal_still_holds_are_carried_over(
    session_path: Path, capsys: pytest.CaptureFixture[str]
):
    with_unfolded_notes(session_path, folded=2, unfolded=40)
    damage_middle(journal_of(session_path))
    code, out, err = run(["check", str(session_path), "--new-journal"], capsys)
    assert code == 0, err
    assert "ny ændringslog startet" in err and "ført over fra den beskadigede ændringslog" in err
    kept = [p for p in session_path.parent.glob("evening.toml.journal.damaged-*") if not p.name.endswith("-mark")]
    assert len(kept) == 1  # the damaged journal is kept for a closer look
    assert "ok: 3 stationer" in out
    with Store.open(session_path, author="Karen Mose") as store:
        texts = [n.text for n in store.session.notes]
        store.add_note("s3", 2, "Efter reparationen")  # the session can be written again
    assert texts[:2] == ["Foldet nr. 0", "Foldet nr. 1"]
    assert len(texts) > 2  # the changes in the journal's intact pages came back
    session, _ = load(session_path)
    assert session.notes[-1].text == "Efter reparationen"


def test_a_foreign_journal_is_refused_not_merged(
    tmp_path: Path, session_path: Path, capsys: pytest.CaptureFixture[str]
):
    other = tmp_path / "other.toml"
    other.write_bytes(session_path.read_bytes())
    for path, text in ((session_path, "Denne aftens note"), (other, "En anden aftens note")):
        assert main(["note", str(path), "--station", "s1", "--round", "1", text]) == 0
    capsys.readouterr()
    journal_of(session_path).write_bytes(journal_of(other).read_bytes())
    before = folder_state(session_path.parent)
    for command in (["check"], ["note", "--station", "s1", "--round", "1", "x"]):
        code, out, err = run([command[0], str(session_path), *command[1:]], capsys)
        assert code == 2 and out == ""
        assert "hører til en anden session" in err and "--new-journal" in err
    assert folder_state(session_path.parent) == before
    code, out, err = run(["check", str(session_path), "--new-journal"], capsys)
    assert code == 0 and "den anden sessions ændringslog ligger i" in err
    assert out.strip().endswith("1 note")  # its own note, not the other session's
    session, _ = load(session_path)
    assert [n.text for n in session.notes] == ["Denne aftens note"]


def test_a_journal_whose_file_lost_its_id_is_refused_with_the_id_to_put_back(
    session_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["note", str(session_path), "--station", "s1", "--round", "1", "Første"]) == 0
    session, _ = load(session_path)
    text = session_path.read_text(encoding="utf-8").replace(f'id = "{session.workshop.id}"\n', "")
    session_path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert run(["check", str(session_path)], capsys)[0] == 0  # the first line still says whose it is
    session_path.write_text(text.split("\n", 1)[1], encoding="utf-8")  # and now not even that
    code, _, err = run(["check", str(session_path)], capsys)
    assert code == 2
    assert f'skriv id = "{session.workshop.id}" under [workshop]' in err


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_lost_journal_keeps_the_session_read_only_until_the_user_decides(
    how: str, session_path: Path, capsys: pytest.CaptureFixture[str]
):
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s1", 1, "Foldet")
    journal = journal_of(session_path)
    if how == "deleted":
        journal.unlink()
    else:
        journal.write_bytes(b"")
    before = folder_state(session_path.parent)
    code, out, err = run(["check", str(session_path)], capsys)
    assert code == 0 and "1 note" in out  # the file can still be read
    assert "filen vises, som den er" in err
    for command in (["note", "--station", "s1", "--round", "1", "x"], ["run"]):
        code, _, err = run([command[0], str(session_path), *command[1:]], capsys)
        assert code == 2
        assert "åbnes ikke for at skrive" in err and ".backups" in err and "--new-journal" in err
    assert folder_state(session_path.parent) == before
    code, _, err = run(["check", str(session_path), "--new-journal"], capsys)
    assert code == 0 and "ny ændringslog startet" in err
    assert main(["note", str(session_path), "--station", "s1", "--round", "1", "Igen"]) == 0
    session, _ = load(session_path)
    assert [n.text for n in session.notes] == ["Foldet", "Igen"]


@pytest.mark.parametrize("position", ["99", "100000000000000000000", str(2**63 - 1)])
def test_a_forged_position_in_the_first_line_is_no_traceback(
    position: str, session_path: Path, capsys: pytest.CaptureFixture[str]
):
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s1", 1, "Foldet")
    lines = session_path.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].replace("journal 1,", f"journal {position},")
    session_path.write_text("\n".join(lines), encoding="utf-8")
    for command in (["check"], ["schedule"], ["note", "--station", "s1", "--round", "1", "x"]):
        code, _, err = run([command[0], str(session_path), *command[1:]], capsys)
        assert code in (0, 2), err
        assert "Traceback" not in err
    session, _ = load(session_path)
    assert "Foldet" in [n.text for n in session.notes]


def test_a_folder_where_the_journal_goes(session_path: Path, capsys: pytest.CaptureFixture[str]):
    journal_of(session_path).mkdir()
    for command in (["check"], ["note", "--station", "s1", "--round", "1", "x"]):
        code, _, err = run([command[0], str(session_path), *command[1:]], capsys)
        assert code == 2
        assert "evening.toml.journal er en mappe" in err and "flyt det væk" in err


def test_a_journal_deleted_under_a_running_app(session_path: Path):
    store = Store.open(session_path, author="Karen Mose")
    store.add_note("s1", 1, "Gemt før sletningen")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{journal_of(session_path)}{suffix}").unlink(missing_ok=True)
    assert store.poll() is True
    assert any("er slettet eller skiftet ud" in notice for notice in store.notices)
    copies = list((session_path.parent / ".backups").glob("evening-app-*.toml"))
    assert len(copies) == 1 and "Gemt før sletningen" in copies[0].read_text(encoding="utf-8")
    with pytest.raises(WriteFailed) as refused:
        store.add_note("s1", 1, "Efter sletningen")
    assert "slettet eller skiftet ud" in str(refused.value)
    store.close()


def test_a_session_named_like_its_journal(tmp_path: Path, session_path: Path, capsys: pytest.CaptureFixture[str]):
    odd = tmp_path / "aften.journal"
    odd.write_bytes(session_path.read_bytes())
    for command in ("check", "run", "schedule"):
        code, _, err = run([command, str(odd)], capsys)
        assert code == 2
        assert "kan ikke ende på .journal" in err and "aften.toml" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aften.journal", "sessions"]

"""The store: durable at once, shared by several instances, safe against hand edits."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from workshop_process import note_argv

from workshop.model.problems import SessionError
from workshop.model.session import Category, Session
from workshop.notes import codebook
from workshop.planning import setup
from workshop.storage.atomic_file import PRIVATE_FILE
from workshop.storage.change_labels import change_label, describe_change
from workshop.storage.session_file import load
from workshop.storage.store import ChangeRefused, Store


def test_a_note_is_on_disk_when_add_returns(session_path: Path):
    first = Store.open(session_path, author="Karen Mose")
    note = first.add_note("s1", 1, "Lederne mangler sparring – især nye")
    # No close, no fold: a second process opening now must see it (it is in the journal).
    second = Store.open(session_path, author="Per Holt", backup=False)
    assert [n.text for n in second.session.notes] == ["Lederne mangler sparring – især nye"]
    assert second.session.notes[0].group == "g1"  # round 1, station 1 -> group 1
    assert second.session.notes[0].author == "Karen Mose"
    assert note.id == second.session.notes[0].id
    first.close()
    second.close()


def test_close_folds_everything_into_the_readable_toml(session_path: Path):
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s2", 2, "Praktikpladser skal være bedre")
    text = session_path.read_text(encoding="utf-8")
    assert "Praktikpladser skal være bedre" in text
    session, _ = load(session_path)
    assert len(session.notes) == 1


def test_other_instances_see_changes_on_poll(session_path: Path):
    a = Store.open(session_path, author="Karen Mose")
    b = Store.open(session_path, author="Per Holt", backup=False)
    assert b.poll() is False
    a.add_note("s3", 1, "Ledige kan blive gode assistenter")
    codebook.create(a, "Økonomi")
    assert b.poll() is True
    assert [n.text for n in b.session.notes] == ["Ledige kan blive gode assistenter"]
    assert codebook.find_by_name(b.session, "økonomi") is not None
    a.close()
    b.close()


def test_two_people_coding_one_note_both_keep_their_intent(session_path: Path):
    a = Store.open(session_path, author="Karen Mose")
    b = Store.open(session_path, author="Per Holt", backup=False)
    note = a.add_note("s1", 1, "Mentorordning for nye ledere")
    b.poll()
    a.toggle_category(note.id, "c1")
    b.toggle_category(note.id, "c3")  # b has not polled: the store catches up before writing
    a.poll()
    assert a.session.notes[0].categories == ["c1", "c3"]
    # Karen undoes her change: Per's category stays.
    a.undo()
    assert a.session.notes[0].categories == ["c3"]
    a.close()
    b.close()


def test_undo_and_redo_survive_a_restart(session_path: Path):
    store = Store.open(session_path, author="Karen Mose")
    note = store.add_note("s1", 1, "Første udgave")
    store.edit_note(note.id, text="Anden udgave")
    store.close()

    store = Store.open(session_path, author="Karen Mose")
    undone = store.undo()
    assert undone.label == "undo: " + change_label("note_edited")
    assert describe_change(undone.label, "da") == "note rettet"
    assert store.session.notes[0].text == "Første udgave"
    store.undo()
    assert store.session.notes == []
    assert store.undo() is None
    store.redo()
    store.redo()
    assert store.session.notes[0].text == "Anden udgave"
    store.close()
    # Someone else cannot undo Karen's changes.
    other = Store.open(session_path, author="Per Holt", backup=False)
    assert other.undo() is None
    other.close()


def test_merge_moves_notes_and_is_undoable(store: Store):
    a = store.add_note("s1", 1, "Ledelsesspænd er for stort", categories=["c1"])
    b = store.add_note("s2", 1, "Efteruddannelse", categories=["c2", "c1"])
    moved = codebook.merge(store, "c1", "c2")
    assert moved == 2
    assert store.session.category("c1") is None
    assert [n.categories for n in store.session.notes] == [["c2"], ["c2"]]
    store.undo()
    assert store.session.category("c1") is not None
    assert store.index.get(a.id).categories == ["c1"]
    assert store.index.get(b.id).categories == ["c2", "c1"]


def test_invalid_changes_are_refused_and_not_written(store: Store):
    with pytest.raises(ChangeRefused) as caught:
        store.add_note("s9", 1, "x")
    assert str(caught.value) == "stationen «s9» findes ikke - vælg en af stationerne"
    with pytest.raises(ChangeRefused) as caught:
        store.add_note("s1", 4, "x")
    assert str(caught.value) == "runde 4 findes ikke - brug en runde fra 1 til 3"
    with pytest.raises(ChangeRefused):
        codebook.create(store, "ledelse")
    twin = [*store.session.categories, Category(id="c9", name="Ledelse")]
    with pytest.raises(ChangeRefused):
        store.set_section("categories", twin, "codebook changed")
    assert store.history() == []


def test_a_backup_is_taken_on_open_and_five_are_kept(session_path: Path):
    for number in range(7):
        with Store.open(session_path) as store:
            store.add_note("s1", 1, f"Note nr. {number}")  # the file differs at every open
    backups = sorted((session_path.parent / ".backups").glob("evening-*.toml"))
    assert len(backups) == 5
    assert "Note nr. 5" in backups[-1].read_text(encoding="utf-8")
    assert "Note nr. 6" not in backups[-1].read_text(encoding="utf-8")
    with Store.open(session_path):
        pass
    newest = sorted((session_path.parent / ".backups").glob("evening-*.toml"))[-1]
    assert newest.read_text(encoding="utf-8") == session_path.read_text(encoding="utf-8")


def test_an_unchanged_file_is_not_copied_again(session_path: Path):
    for _ in range(3):
        Store.open(session_path).close()
    (backup,) = (session_path.parent / ".backups").glob("evening-*.toml")
    assert backup.read_bytes() == session_path.read_bytes()


def test_a_hand_edit_while_open_is_merged_and_told(session_path: Path):
    store = Store.open(session_path, author="Karen Mose")
    store.fold()
    store.add_note("s1", 1, "Noten fra appen")  # in the journal, not yet in the TOML
    text = session_path.read_text(encoding="utf-8").replace('host = "Bodil"', 'host = "Bodil Ravn"')
    session_path.write_text(text, encoding="utf-8")
    assert store.poll() is True
    assert store.session.station("s1").host == "Bodil Ravn"
    assert [n.text for n in store.session.notes] == ["Noten fra appen"]
    merged = "evening.toml er rettet i hånden; 1 ændring(er) fra ændringsloggen er lagt oven på rettelsen"
    assert any(merged in n for n in store.notices)
    on_disk, _ = load(session_path)
    assert on_disk.station("s1").host == "Bodil Ravn" and len(on_disk.notes) == 1
    assert list((session_path.parent / ".backups").glob("evening-hand-edit-*.toml"))
    store.close()


def test_a_hand_edit_while_closed_is_merged_on_open(session_path: Path):
    store = Store.open(session_path, author="Karen Mose")
    store.add_note("s1", 1, "Foldet")
    store.fold()
    store.add_note("s2", 1, "Ikke foldet endnu")
    # The process dies here: the second note is only in the journal.
    store.journal.close()
    text = session_path.read_text(encoding="utf-8").replace('title = "Tak for i dag"', 'title = "Tak og farvel"')
    session_path.write_text(text, encoding="utf-8")
    again = Store.open(session_path, author="Karen Mose")
    assert [n.text for n in again.session.notes] == ["Foldet", "Ikke foldet endnu"]
    assert again.session.program[-1].title == "Tak og farvel"
    assert any("er rettet i hånden" in n for n in again.notices)
    again.close()


def test_a_broken_hand_edit_is_never_overwritten(session_path: Path):
    store = Store.open(session_path, author="Karen Mose")
    store.add_note("s3", 3, "Vigtig pointe")
    broken = session_path.read_text(encoding="utf-8").replace("[[groups]]", "[[groups]", 1)
    session_path.write_text(broken, encoding="utf-8")
    store.poll()
    assert any("er rettet i hånden og har fejl" in n and "ikke gyldig TOML" in n for n in store.notices)
    store.add_note("s3", 3, "Endnu en")
    store.close()
    assert session_path.read_text(encoding="utf-8") == broken
    copies = list((session_path.parent / ".backups").glob("evening-app-*.toml"))
    assert copies and "Endnu en" in copies[0].read_text(encoding="utf-8")
    with pytest.raises(SessionError):
        Store.open(session_path)
    # Fixed by hand: everything from the journal comes back on top.
    session_path.write_text(broken.replace("[[groups]", "[[groups]]", 1), encoding="utf-8")
    again = Store.open(session_path, author="Karen Mose")
    assert sorted(n.text for n in again.session.notes) == ["Endnu en", "Vigtig pointe"]
    again.close()


def test_the_journal_keeps_the_audit_trail(store: Store):
    note = store.add_note("s1", 1, "a")
    store.toggle_category(note.id, "c1")
    setup.rename_group(store, "g1", "De grønne")
    store.delete_note(note.id)
    history = store.history()
    assert [describe_change(e.label, "da") for e in history] == [
        "note slettet",
        "gruppe omdøbt",
        "kategori sat på eller taget af en note",
        "note tilføjet",
    ]
    assert [describe_change(e.label, "en") for e in history][-1] == "note added"
    assert {e.author for e in history} == {"Testa Testesen"}


def test_readonly_open_creates_nothing(session_path: Path):
    Store.open(session_path, readonly=True).close()
    assert sorted(p.name for p in session_path.parent.iterdir()) == ["evening.toml"]


def test_undo_does_not_revive_a_note_someone_else_deleted(session_path: Path):
    a = Store.open(session_path, author="Karen Mose")
    b = Store.open(session_path, author="Per Holt", backup=False)
    note = a.add_note("s1", 1, "Skal slettes")
    a.toggle_category(note.id, "c2")
    b.poll()
    b.delete_note(note.id)
    a.undo()  # takes back the category on a note that is gone: it stays gone
    assert a.session.notes == []
    a.close()
    b.close()


def test_undo_puts_a_category_back_in_its_place(store: Store):
    note = store.add_note("s1", 1, "Tre kategorier", categories=["c1", "c2", "c3"])
    store.toggle_category(note.id, "c2")
    store.undo()
    assert store.index.get(note.id).categories == ["c1", "c2", "c3"]


def test_a_session_from_the_journals_cache_is_the_one_in_the_file(session_path: Path):
    with Store.open(session_path, author="Karen Mose") as store:
        store.add_note("s2", 2, "Mentorordning – æøå", categories=["c1", "c2"])
    with Store.open(session_path, author="Karen Mose") as again:  # from the cache the close left
        cached = again.session
    parsed, _ = load(session_path)
    assert cached == parsed
    assert cached.notes[0].created == parsed.notes[0].created  # a time, not the text of one
    assert cached.workshop.start == parsed.workshop.start and cached.workshop.date == parsed.workshop.date


def test_an_unchanged_file_is_not_validated_again(session_path: Path, monkeypatch: pytest.MonkeyPatch):
    Store.open(session_path).close()

    def refuse(*args: object, **kwargs: object) -> Session:
        raise AssertionError("validated again")

    monkeypatch.setattr(Session, "model_validate", refuse)
    monkeypatch.setattr(Session, "model_validate_json", refuse)
    store = Store.open(session_path, backup=False)
    assert store.session.station("s1").host == "Bodil"
    store.journal.close()


def test_a_hand_edit_is_always_validated(session_path: Path):
    Store.open(session_path).close()  # the journal now holds the file's session, validated
    text = session_path.read_text(encoding="utf-8").replace("minutes = 20", "minutes = 0", 1)
    session_path.write_text(text, encoding="utf-8")
    with pytest.raises(SessionError) as caught:
        Store.open(session_path)
    assert "minutterne skal være over nul" in str(caught.value)
    assert "skriv et antal minutter over 0" in str(caught.value)


def test_backups_are_written_whole_and_for_their_owner_only(session_path: Path):
    Store.open(session_path).close()
    folder = session_path.parent / ".backups"
    (backup,) = folder.glob("evening-*.toml")
    assert stat.S_IMODE(backup.stat().st_mode) == PRIVATE_FILE
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir() if p.suffix == ".tmp"] == []


def test_the_cache_of_one_process_is_good_for_the_next():
    import subprocess
    import sys

    from workshop.model.session import model_fingerprint

    probe = "from workshop.model.session import model_fingerprint; print(model_fingerprint())"
    other = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert other.stdout.strip() == model_fingerprint()


def test_an_instance_is_told_when_another_merged_a_hand_edit(session_path: Path):
    a = Store.open(session_path, author="Karen Mose")
    b = Store.open(session_path, author="Per Holt", backup=False)
    a.fold()
    a.add_note("s1", 1, "Ikke foldet endnu")
    text = session_path.read_text(encoding="utf-8").replace('host = "Jonas"', 'host = "Jonas Lund"')
    session_path.write_text(text, encoding="utf-8")
    assert a.poll() is True  # a merges the edit and says so to its own user
    assert any("er lagt oven på rettelsen" in n for n in a.notices)
    assert b.poll() is True  # b did not merge, but is told too and shows the result
    told = [n for n in b.notices if "har lagt 1 ændring(er)" in n]
    assert told and "workshop i et andet vindue eller på en anden enhed" in told[0]
    assert f"{os.uname().nodename}:{os.getpid()}" not in told[0]  # the other program's machine and process: not said
    assert b.session.station("s2").host == "Jonas Lund"
    assert [n.text for n in b.session.notes] == ["Ikke foldet endnu"]
    a.close()
    b.close()


def test_a_hand_edit_taken_in_by_a_script_is_not_folded_away_by_the_app(session_path: Path):
    import subprocess

    app = Store.open(session_path, author="Karen Mose")
    app.add_note("s1", 1, "Fra appen")
    app.fold()  # nothing waiting: the script will take the hand edit in as it is
    text = session_path.read_text(encoding="utf-8").replace('host = "Yasmin"', 'host = "Yasmin Holm"')
    session_path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        note_argv(session_path, "s2", "Fra scriptet"),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parents[1],
    )
    assert result.returncode == 0, result.stderr
    app.poll()
    assert app.session.station("s3").host == "Yasmin Holm"
    assert any("rettet i hånden" in n for n in app.notices)
    app.add_note("s3", 1, "Appen igen")
    app.close()
    session, _ = load(session_path)
    assert session.station("s3").host == "Yasmin Holm"
    assert sorted(n.text for n in session.notes) == ["Appen igen", "Fra appen", "Fra scriptet"]


def test_the_comments_of_a_hand_written_file_are_kept_in_a_copy_and_told(session_path: Path):
    text = session_path.read_text(encoding="utf-8")
    text = text.replace("[[stations]]", "# Stationerne aftalt med formanden\n[[stations]]", 1)
    session_path.write_text(text, encoding="utf-8")
    store = Store.open(session_path, author="Karen Mose", backup=False)
    store.add_note("s1", 1, "Første note")
    assert store.fold() is True
    told = [n for n in store.notices if "havde kommentarer" in n]
    assert len(told) == 1
    copy = Path(told[0].split("ligger i ")[1])
    assert "# Stationerne aftalt med formanden" in copy.read_text(encoding="utf-8")
    store.add_note("s1", 1, "Anden note")
    store.close()
    assert len([n for n in store.notices if "havde kommentarer" in n]) == 1  # said once, at the first fold


def test_a_fold_leaves_a_file_edited_while_it_writes(session_path: Path, monkeypatch: pytest.MonkeyPatch):
    from workshop.storage import snapshot_file

    store = Store.open(session_path, author="Karen Mose")
    store.fold()
    store.add_note("s1", 1, "Fra appen")
    real_write = snapshot_file.write

    def edited_meanwhile(path, session, seq, guard=None):  # the person saves the file in the editor right now
        text = path.read_text(encoding="utf-8").replace('host = "Bodil"', 'host = "Bodil Ravn"')
        path.write_text(text, encoding="utf-8")
        return real_write(path, session, seq, guard)

    monkeypatch.setattr(snapshot_file, "write", edited_meanwhile)
    assert store.fold() is False  # the edit is not written over
    monkeypatch.undo()
    assert "Bodil Ravn" in session_path.read_text(encoding="utf-8")
    store.poll()  # the next look merges it
    store.close()
    session, _ = load(session_path)
    assert session.station("s1").host == "Bodil Ravn" and [n.text for n in session.notes] == ["Fra appen"]


def test_a_change_the_model_refuses_is_refused_not_raised(store: Store):
    with pytest.raises(ChangeRefused) as refused:
        store.add_note("s1", 1, "x" * 100_001)
    assert "text: må højst have 100000 tegn" in str(refused.value)
    with pytest.raises(ChangeRefused):
        summary = {"overall": "x" * 100_001, "stations": {}}
        store.set_section("summary", summary, change_label("overall_summary_written"))
    assert store.history() == []


def test_a_store_opened_read_only_refuses_changes_with_words(session_path: Path):
    from workshop.storage.store import WriteFailed

    with Store.open(session_path, readonly=True) as reader:
        with pytest.raises(WriteFailed) as refused:
            reader.add_note("s1", 1, "x")
        assert "åbnet skrivebeskyttet" in str(refused.value)
        assert reader.fold() is False and reader.pending() == 0


def test_opening_to_read_before_the_first_change_takes_the_session_the_store_validated(session_path, monkeypatch):
    """A browser's app opens the session to read (its station is checked) before it opens it to write: with a
    journal and no change yet, the session comes from the journal's cache, as when opening to write. A file
    edited by hand since is validated, as always."""
    from workshop.storage import opening, sync

    with Store.open(session_path, author="Vera Holm", backup=False) as store:
        written = store.session  # the journal is made, with the validated session in its cache, and no change
    validated: list[Path] = []
    parse = opening.parse

    def counting(text: str, path: Path) -> Session:
        validated.append(path)
        return parse(text, path)

    monkeypatch.setattr(opening, "parse", counting)
    monkeypatch.setattr(sync, "parse", counting)
    with Store.open(session_path, readonly=True) as looked:
        assert looked.session == written
    assert validated == []
    edited = session_path.read_text(encoding="utf-8").replace("Ledelse som fag", "Ledelse – et fag", 1)
    session_path.write_text(edited, encoding="utf-8")
    with Store.open(session_path, readonly=True) as looked:
        assert looked.session.stations[0].name == "Ledelse – et fag"
    assert validated == [session_path]

"""The secretariat's summaries are stored in the session, shared, undoable and durable."""

from __future__ import annotations

import pytest

from workshop.notes.summaries import summary_of, write_summary
from workshop.storage.change_labels import describe_change
from workshop.storage.store import Store


def test_a_station_summary_and_the_overall_one_are_stored(store, session_path):
    assert write_summary(store, "s1", "Ledelse fylder meget.")
    assert write_summary(store, None, "Opsamling på aftenen.")
    store.close()
    again = Store.open(session_path, backup=False)
    try:
        assert summary_of(again.session, "s1") == "Ledelse fylder meget."
        assert summary_of(again.session, None) == "Opsamling på aftenen."
        assert "Opsamling på aftenen." in session_path.read_text(encoding="utf-8")
    finally:
        again.close()


def test_writing_the_same_text_again_changes_nothing(store):
    write_summary(store, "s1", "Tekst")
    assert not write_summary(store, "s1", "Tekst")


def test_an_emptied_station_summary_is_removed(store):
    write_summary(store, "s2", "Noget")
    write_summary(store, "s2", "  ")
    assert store.session.summary.stations == {}


def test_two_people_writing_two_stations_both_keep_theirs(session_path):
    first = Store.open(session_path, author="Anna")
    second = Store.open(session_path, author="Bent")
    try:
        write_summary(first, "s1", "Annas opsamling")
        write_summary(second, "s2", "Bents opsamling")  # second has not refreshed: still no loss
        first.refresh()
        assert first.session.summary.stations == {"s1": "Annas opsamling", "s2": "Bents opsamling"}
    finally:
        first.close()
        second.close()


def test_a_summary_can_be_undone(store):
    write_summary(store, "s3", "Første udkast")
    write_summary(store, "s3", "Andet udkast")
    store.undo()
    assert summary_of(store.session, "s3") == "Første udkast"


def test_an_unknown_station_is_refused_in_the_sessions_language(store):
    with pytest.raises(KeyError, match="stationen s9 findes ikke længere"):
        write_summary(store, "s9", "x")


def test_coding_a_note_someone_else_deleted_is_refused_in_the_sessions_language(session_path):
    from workshop.notes.capture import apply_category

    mine = Store.open(session_path, author="Ulla Testesen")
    theirs = Store.open(session_path, author="Vagn Prøvesen", backup=False)
    try:
        note = mine.add_note("s1", 1, "Slettes snart")
        theirs.refresh()
        theirs.delete_note(note.id)
        mine.refresh()  # the screen may still show it for a moment
        with pytest.raises(KeyError, match=f"noten {note.id} findes ikke længere"):
            apply_category(mine, note.id, "c1")
    finally:
        theirs.close()
        mine.close()


def test_undo_names_the_summary_it_takes_back(store):
    write_summary(store, "s1", "Ledelse fylder meget.")
    write_summary(store, None, "Opsamling på aftenen.")
    assert describe_change(store.undo().label, "da") == "samlet opsamling skrevet"
    assert describe_change(store.undo().label, "da") == "opsamling for Ledelse som fag skrevet"

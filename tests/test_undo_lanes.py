"""Undo in its own lane: ctrl+z takes back only what this person did in this role (issue 11).

The seen case: the facilitator, the secretariat and a note-taker ran as the same login ("root")
on one machine; the facilitator's ctrl+z took back the secretariat's summary. Every test here
signs every change "root", as there, so only the lanes can tell the roles apart.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from workshop_process import child_env, note_argv

from workshop.model.session import Live
from workshop.notes import codebook, recommendations
from workshop.notes.summaries import write_summary
from workshop.planning import setup
from workshop.storage.change_labels import change_label, describe_change
from workshop.storage.lanes import (
    FACILITATOR,
    NOTE_TAKER,
    SECRETARIAT,
    lanes_for_mode,
    lanes_of,
)
from workshop.storage.operations import section_op
from workshop.storage.store import Store

LOGIN = "root"
"""Everyone's name when nobody gave one: the machine's login."""


def said(event: object) -> str:
    """What the app's toast says was undone or redone (the event's words in Danish)."""
    assert event is not None, "nothing was undone"
    return describe_change(event.label, "da")  # type: ignore[attr-defined]


@pytest.fixture
def root(session_path: Path):
    """The session opened as "root" (the facilitator's, the secretariat's and a note-taker's app alike)."""
    opened = Store.open(session_path, author=LOGIN)
    yield opened
    opened.close()


def test_the_facilitators_undo_leaves_the_secretariats_summary(root: Store):
    write_summary(root, "s1", "Udvalget savner mentorordninger for nye ledere.")
    assert root.can_undo(lanes=FACILITATOR) is False
    assert root.undo(lanes=FACILITATOR) is None  # the facilitator has changed nothing: nothing is taken back
    assert root.session.summary.stations["s1"] == "Udvalget savner mentorordninger for nye ledere."


def test_the_facilitator_takes_back_the_setup_change_made_before_the_summary(session_path: Path):
    facilitator = Store.open(session_path, author=LOGIN)
    secretariat = Store.open(session_path, author=LOGIN, backup=False)  # another app, same login
    setup.update_station(facilitator, "s2", host="Jonas Vinter")
    write_summary(secretariat, "s1", "Lederne mangler sparring – især nye.")
    undone = facilitator.undo(lanes=lanes_for_mode("facilitator"))
    assert said(undone) == "station ændret"
    assert facilitator.session.station("s2").host == "Jonas"
    assert facilitator.session.summary.stations["s1"] == "Lederne mangler sparring – især nye."
    assert facilitator.undo(lanes=FACILITATOR) is None
    secretariat.poll()
    assert secretariat.session.summary.stations["s1"] == "Lederne mangler sparring – især nye."
    facilitator.close()
    secretariat.close()


def test_each_role_undoes_only_its_own_lane(root: Store):
    note = root.add_note("s1", 1, "Praktikpladser skal være bedre")  # note-taker
    write_summary(root, "s2", "Mere praktik tidligt i uddannelsen.")  # secretariat
    setup.add_group(root, "Gruppe 4")  # facilitator
    root.toggle_category(note.id, "c2")  # note-taker codes
    recommendations.create(root, "Flere praktikpladser")  # secretariat

    assert said(root.undo(lanes=NOTE_TAKER)) == "kategori sat på eller taget af en note"
    assert root.index.get(note.id).categories == []
    assert [g.name for g in root.session.groups][-1] == "Gruppe 4"
    assert [r.title for r in root.session.recommendations] == ["Flere praktikpladser"]

    assert said(root.undo(lanes=FACILITATOR)) == "gruppe tilføjet"
    assert "Gruppe 4" not in [g.name for g in root.session.groups]
    assert [r.title for r in root.session.recommendations] == ["Flere praktikpladser"]
    assert root.session.summary.stations["s2"] == "Mere praktik tidligt i uddannelsen."

    assert said(root.undo(lanes=SECRETARIAT)) == "anbefaling «Flere praktikpladser» oprettet"
    assert root.session.recommendations == []
    assert (
        said(root.undo(lanes=SECRETARIAT)) == "opsamling for Uddannelse – før, under og efter. "
        "Tidlig interesse for fagene skrevet"
    )
    assert "s2" not in root.session.summary.stations
    assert root.undo(lanes=FACILITATOR) is None
    # The note itself is the note-taker's (and the secretariat's, who recodes): still there for them.
    assert said(root.undo(lanes=NOTE_TAKER)) == "note tilføjet"
    assert root.session.notes == []
    assert root.undo(lanes=NOTE_TAKER) is None


def test_the_note_taker_and_the_facilitator_leave_the_secretariats_link_of_a_note(root: Store):
    note = root.add_note("s3", 1, "Ledige kan blive gode assistenter")
    made = recommendations.create(root, "Fra ledighed til job")
    recommendations.link_note(root, note.id, made.id, "actions")
    assert root.can_undo(lanes=NOTE_TAKER) is True  # the note itself
    undone = root.undo(lanes=NOTE_TAKER)
    assert said(undone) == "note tilføjet"
    assert root.session.notes == []
    assert root.undo(lanes=FACILITATOR) is None
    # The secretariat's link is still the secretariat's to take back.
    assert said(root.undo(lanes=SECRETARIAT)) == "note knyttet til «Indsatser» i «Fra ledighed til job»"


def test_a_merge_of_categories_is_in_the_codebook_and_notes_lanes(root: Store):
    note = root.add_note("s1", 1, "Ledelsesspænd er for stort", categories=["c1"])
    setup.rename_group(root, "g1", "Gruppe Ét")
    codebook.merge(root, "c1", "c2")
    assert said(root.undo(lanes=FACILITATOR)) == "gruppe omdøbt"
    assert root.session.category("c1") is None  # the merge stays: not the facilitator's
    assert said(root.undo(lanes=NOTE_TAKER)) == "kategorier flettet ind i «Uddannelse»"
    assert root.session.category("c1") is not None
    assert root.index.get(note.id).categories == ["c1"]


def test_redo_has_a_stack_per_lane_set(root: Store):
    setup.update_station(root, "s1", host="Bodil Krag")
    write_summary(root, None, "En god aften med mange konkrete forslag.")
    root.undo(lanes=FACILITATOR)
    assert root.session.station("s1").host == "Bodil"

    # The secretariat's and the note-taker's work meanwhile does not empty the facilitator's redo.
    write_summary(root, "s1", "Mentorordning for nye ledere.")
    root.add_note("s1", 1, "Sparring på tværs af forvaltninger")
    assert root.can_redo(lanes=FACILITATOR) is True
    assert root.can_redo(lanes=SECRETARIAT) is False
    redone = root.redo(lanes=FACILITATOR)
    assert said(redone) == "station ændret"
    assert root.session.station("s1").host == "Bodil Krag"
    assert root.session.summary.overall == "En god aften med mange konkrete forslag."

    # The secretariat undoes its summary; the facilitator's new setup change keeps that redo.
    assert said(root.undo(lanes=SECRETARIAT)) == "note tilføjet"
    assert said(root.undo(lanes=SECRETARIAT)) == "opsamling for Ledelse som fag skrevet"
    setup.add_group(root, "Gruppe 4")
    assert said(root.redo(lanes=SECRETARIAT)) == "opsamling for Ledelse som fag skrevet"
    assert root.session.summary.stations["s1"] == "Mentorordning for nye ledere."

    # A new change in the lane empties that lane's redo.
    root.undo(lanes=FACILITATOR)
    setup.rename_group(root, "g2", "Gruppe To")
    assert root.can_redo(lanes=FACILITATOR) is False
    assert root.redo(lanes=FACILITATOR) is None


def test_without_lanes_undo_takes_every_change_as_before(root: Store):
    setup.update_station(root, "s1", host="Bodil Krag")
    write_summary(root, "s1", "Mentorordning for nye ledere.")
    root.undo(lanes=FACILITATOR)
    assert said(root.undo()) == "opsamling for Ledelse som fag skrevet"  # a script's undo: the newest of all
    write_summary(root, None, "Samlet: mange forslag.")
    assert root.can_redo() is False  # one history, one redo, as always
    assert root.can_redo(lanes=FACILITATOR) is True


def test_undo_in_lanes_survives_a_restart(session_path: Path):
    store = Store.open(session_path, author=LOGIN)
    setup.update_station(store, "s3", host="Yasmin Ravn")
    write_summary(store, "s3", "Virksomhedspraktik virker.")
    store.close()
    store = Store.open(session_path, author=LOGIN)
    assert said(store.undo(lanes=FACILITATOR)) == "station ændret"
    assert store.session.summary.stations["s3"] == "Virksomhedspraktik virker."
    store.close()


def test_an_old_journal_without_lanes_still_undoes_by_role(session_path: Path):
    """Labels in plain English and operations as the journal always kept them: the lanes come from the ops."""
    store = Store.open(session_path, author=LOGIN)

    def summary(session):
        return [section_op(session, "summary", session.summary.model_copy(update={"overall": "Gammel opsamling"}))]

    def station(session):
        stations = [s.model_copy(update={"host": "Ny vært"}) if s.id == "s1" else s for s in session.stations]
        return [section_op(session, "stations", stations)]

    store.transact("station changed", station)
    store.transact("summary written", summary)
    store.close()

    store = Store.open(session_path, author=LOGIN)
    undone = store.undo(lanes=FACILITATOR)
    assert undone.label == "undo: station changed"
    assert describe_change(undone.label, "da") == "station changed"  # an old label is shown as it was written
    assert store.session.station("s1").host == "Bodil"
    assert store.session.summary.overall == "Gammel opsamling"
    assert store.undo(lanes=SECRETARIAT).label == "undo: summary written"
    assert store.session.summary.overall == ""
    store.close()


def test_the_clock_is_never_in_the_facilitators_ctrl_z(root: Store):
    """The clock has its own undo key; even a clock step a journal once kept as undoable is not ctrl+z's."""
    first = root.session.program[0].id
    root.set_section("live", Live(current=first, extra_minutes=5), change_label("clock_extended", minutes=5))
    assert root.can_undo(lanes=FACILITATOR) is False
    assert root.undo(lanes=FACILITATOR) is None
    assert root.session.live.extra_minutes == 5


def test_a_setup_change_that_also_moves_the_clock_is_the_facilitators(root: Store):
    """Removing a round's station drops the round's re-planned minutes too: one setup change, in both lanes."""
    last = root.session.round_items()[-1].id
    root.set_section("live", Live(minutes={last: 20}), change_label("clock_replanned"), undoable=False)
    setup.remove_station(root, "s3")
    assert [s.id for s in root.session.stations] == ["s1", "s2"]
    assert said(root.undo(lanes=FACILITATOR)) == "station fjernet"
    assert [s.id for s in root.session.stations] == ["s1", "s2", "s3"]
    assert root.session.live.minutes == {last: 20}


def run_workshop_note(session_path: Path, text: str, author: str) -> None:
    """``workshop note`` in a process of its own, as a script beside the running apps would."""
    done = subprocess.run(
        note_argv(session_path, "s2", text, author=author),
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_notes_from_another_process_leave_the_facilitators_undo_and_redo(session_path: Path):
    facilitator = Store.open(session_path, author=LOGIN)
    setup.update_station(facilitator, "s2", host="Jonas Vinter")
    setup.rename_group(facilitator, "g3", "Gruppe Tre")
    facilitator.undo(lanes=FACILITATOR)
    run_workshop_note(session_path, "Praktik tidligt i studiet", LOGIN)  # the same login, another process
    assert facilitator.can_redo(lanes=FACILITATOR) is True
    assert said(facilitator.redo(lanes=FACILITATOR)) == "gruppe omdøbt"
    assert said(facilitator.undo(lanes=FACILITATOR)) == "gruppe omdøbt"
    assert said(facilitator.undo(lanes=FACILITATOR)) == "station ændret"
    assert [n.text for n in facilitator.session.notes] == ["Praktik tidligt i studiet"]
    facilitator.close()


def test_notes_from_another_author_in_another_process_leave_the_secretariats_undo(session_path: Path):
    secretariat = Store.open(session_path, author=LOGIN)
    write_summary(secretariat, "s2", "Tidlig interesse for fagene.")
    run_workshop_note(session_path, "Flere praktikpladser i kommunen", "Karen Mose")
    assert said(secretariat.undo(lanes=SECRETARIAT)).startswith("opsamling for Uddannelse")
    assert secretariat.session.summary.stations == {}
    assert [n.text for n in secretariat.session.notes] == ["Flere praktikpladser i kommunen"]
    assert secretariat.undo(lanes=SECRETARIAT) is None
    secretariat.close()


def test_lanes_come_from_what_a_change_touches():
    note = {
        "station": "s1",
        "round": 1,
        "text": "Mentor",
        "categories": [],
        "recommendation": None,
        "section": None,
        "updated": "2026-03-12T18:10:00",
    }
    coded = {**note, "categories": ["c1"], "updated": "2026-03-12T18:11:00"}
    linked = {**note, "recommendation": "r1", "section": "actions", "updated": "2026-03-12T18:12:00"}
    assert lanes_of([{"t": "note", "id": "n1", "before": None, "after": note}]) == {"notes"}
    assert lanes_of([{"t": "note", "id": "n1", "before": note, "after": coded}]) == {"notes"}
    assert lanes_of([{"t": "note", "id": "n1", "before": note, "after": linked}]) == {"recommendations"}
    assert lanes_of(
        [
            {"t": "section", "name": "categories", "before": [], "after": []},
            {"t": "note", "id": "n1", "before": coded, "after": note},
        ]
    ) == {"codebook", "notes"}
    assert lanes_of([{"t": "section", "name": "agenda", "before": {}, "after": {}}]) == {"recommendations"}
    assert lanes_of([{"t": "section", "name": "live", "before": {}, "after": {}}]) == {"clock"}
    assert lanes_of([{"t": "section", "name": "rotation", "before": [], "after": []}]) == {"setup"}


def test_a_lane_that_does_not_exist_is_a_plain_mistake(root: Store):
    with pytest.raises(ValueError, match="no lane 'summary'"):
        root.undo(lanes={"summary"})
    with pytest.raises(TypeError, match="lanes_for_mode"):
        root.can_undo(lanes="notes")
    with pytest.raises(ValueError, match="no mode"):
        lanes_for_mode("board")

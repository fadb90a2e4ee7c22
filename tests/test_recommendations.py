"""The recommendations in the core: written through the store (durable, undoable, validated), read back in the
report's order, linked to the notes that qualify them, and every saved version kept for "what the evening changed"."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.cli import main as cli
from workshop.model.recommendations import SECTION_NAMES, Recommendation, Theme
from workshop.model.session import ActualTime, Live
from workshop.model.validation import check
from workshop.notes import recommendations as rec
from workshop.notes.recommendations import RecommendationError
from workshop.storage.operations import SectionChanged
from workshop.storage.store import ChangeRefused, Store

SEVEN_SECTIONS = [
    "Formål",
    "Mål",
    "Indsatser",
    "Opfølgning",
    "Baseline",
    "Ressourcer og økonomi",
    "Næste step (efter politisk stillingtagen)",
]
"""The template's sections as a Danish session names them, in order (the report's headings too)."""


def test_the_template_has_its_seven_sections_in_order():
    assert [rec.section_title(s, "da") for s in SECTION_NAMES] == SEVEN_SECTIONS
    assert rec.section_title("next_step", "da", short=True) == "Næste step"
    assert rec.section_title("resources", "en") == "Resources and budget"


def test_a_draft_is_written_before_the_evening_and_kept_in_the_session_file(store, session_path):
    made = rec.create(
        store, "Ny i ledelse", station="s1", purpose="Robust ledelseskapacitet", actions="- før-lederforløb"
    )
    assert made.id == "r1"
    rec.write_section(store, "r1", "goals", "Flere ledere rekrutteres internt")
    store.close()
    text = session_path.read_text(encoding="utf-8")
    assert "[[recommendations]]" in text and 'title = "Ny i ledelse"' in text and 'station = "s1"' in text
    assert "follow_up" not in text  # empty sections stay out of the file
    again = Store.open(session_path, author="Testa")
    try:
        found = rec.find(again.session, "r1")
        assert found is not None and found.goals == "Flere ledere rekrutteres internt"
        assert found.actions == "- før-lederforløb"
    finally:
        again.close()


def test_each_change_is_undoable_and_says_what_it_was(store):
    from workshop.storage.change_labels import describe_change

    rec.create(store, "Ny i ledelse", station="s1")
    rec.write_section(store, "r1", "actions", "Der nedsættes en styregruppe")
    assert describe_change(store.history(1)[0].label, "da") == "«Indsatser» i anbefaling «Ny i ledelse» skrevet"
    store.undo()
    assert rec.find(store.session, "r1").actions == ""
    store.redo()
    assert rec.find(store.session, "r1").actions == "Der nedsættes en styregruppe"
    rec.delete(store, "r1")
    assert store.session.recommendations == []
    store.undo()
    assert [r.title for r in store.session.recommendations] == ["Ny i ledelse"]


def test_editing_refuses_what_does_not_exist_in_the_session_s_language(store):
    with pytest.raises(RecommendationError, match="anbefalingen r9 findes ikke"):
        rec.write_section(store, "r9", "goals", "x")
    rec.create(store, "Ny i ledelse")
    with pytest.raises(RecommendationError, match="«formaal» er ikke et afsnit af skabelonen"):
        rec.write_section(store, "r1", "formaal", "x")
    with pytest.raises(RecommendationError, match="stationen s9 findes ikke"):
        rec.edit(store, "r1", station="s9")
    with pytest.raises(RecommendationError, match="en anbefaling skal have en titel"):
        rec.edit(store, "r1", title="  ")
    with pytest.raises(RecommendationError, match="noten nope findes ikke"):
        rec.cite_note(store, "r1", "nope")
    assert len(store.history(50)) == 1  # nothing refused was written


def test_a_note_is_cited_and_linked_to_the_section_it_qualifies(store):
    rec.create(store, "Ny i ledelse", station="s1")
    note = store.add_note("s1", 1, "Husk en mentorordning de første seks måneder")
    assert rec.cite_note(store, "r1", note.id) is True
    assert rec.cite_note(store, "r1", note.id) is False  # already cited: no change
    rec.link_note(store, note.id, "r1", "actions")
    recommendation = rec.find(store.session, "r1")
    assert [n.text for n in rec.cited_notes(store.session, recommendation)] == [note.text]
    assert {s: [n.id for n in ns] for s, ns in rec.linked_notes(store.session, "r1").items()} == {"actions": [note.id]}
    rec.unlink_note(store, note.id)
    assert rec.linked_notes(store.session, "r1") == {}
    rec.uncite_note(store, "r1", note.id)
    assert rec.find(store.session, "r1").notes == []


def test_deleting_a_recommendation_unlinks_its_notes_and_undo_brings_both_back(store):
    rec.create(store, "Ny i ledelse", station="s1")
    note = store.add_note("s1", 1, "Mentorordning")
    rec.link_note(store, note.id, "r1", "goals")
    rec.delete(store, "r1")
    assert store.index.get(note.id).recommendation is None
    store.undo()
    assert store.index.get(note.id).section == "goals" and rec.find(store.session, "r1") is not None


def test_numbers_follow_the_report_s_themes_and_order(store):
    rec.create(store, "Ledelsesspænd", station="s1")
    rec.create(store, "Tidlig interesse", theme="Unge i velfærdsfagene")
    rec.create(store, "Ny i ledelse", station="s1", at=0)
    rec.write_theme(store, "Unge i velfærdsfagene", "Færre søger uddannelserne.")
    groups = rec.by_theme(store.session)
    assert [(g.name, [(n, r.title) for n, r in g.recommendations]) for g in groups] == [
        ("Unge i velfærdsfagene", [(1, "Tidlig interesse")]),
        ("Ledelse som fag", [(2, "Ny i ledelse"), (3, "Ledelsesspænd")]),
    ]
    assert groups[0].intro == "Færre søger uddannelserne."
    rec.move(store, "r3", 2)
    assert [r.title for r in store.session.recommendations] == ["Ledelsesspænd", "Tidlig interesse", "Ny i ledelse"]
    rec.reorder(store, ["r2", "r1"])
    assert [r.id for r in store.session.recommendations] == ["r2", "r1", "r3"]


def test_the_note_taker_sees_the_station_s_draft_folded(store):
    purpose = "Opbygning af robust og solid ledelseskapacitet på hele Velfærdsområdet"
    rec.create(store, "Ny i ledelse", station="s1", purpose=purpose)
    rec.create(store, "Tidlig interesse", theme="Uddannelse – før, under og efter. Tidlig interesse for fagene")
    assert [r.title for _, r in rec.for_station(store.session, "s1")] == ["Ny i ledelse"]
    assert [r.title for _, r in rec.for_station(store.session, "s2")] == ["Tidlig interesse"]
    lines = rec.folded(rec.find(store.session, "r1"), "da", width=40)
    assert lines[0] == "Ny i ledelse"
    assert lines[1].startswith("Formål: Opbygning") and lines[1].endswith("…") and len(lines[1]) == 40


def test_bullets_are_lines_starting_with_a_dash():
    assert rec.bullets_of("Konkret bør der arbejdes med:\n- hjemmeside\n- sociale medier\n\nTil sidst.") == [
        (False, "Konkret bør der arbejdes med:"),
        (True, "hjemmeside"),
        (True, "sociale medier"),
        (False, "Til sidst."),
    ]


def test_every_saved_version_is_in_the_history_and_the_evening_s_changes_are_told(store, monkeypatch):
    import workshop.storage.store as store_module

    clock = {"now": dt.datetime(2026, 3, 12, 17, 0)}
    monkeypatch.setattr(store_module, "now", lambda: clock["now"])
    rec.create(store, "Ny i ledelse", station="s1", actions="Styregruppe")  # drafts, before the evening
    rec.create(store, "Ledelsesspænd", station="s1")
    rec.create(store, "Droppes", station="s2")
    store.set_section("live", Live(actual=[ActualTime(item="p1", start=dt.datetime(2026, 3, 12, 18, 0))]), "started")
    clock["now"] = dt.datetime(2026, 3, 12, 18, 40)  # at the stations
    rec.write_section(store, "r1", "actions", "Styregruppe og mentorordning")
    rec.write_section(store, "r2", "goals", "  ")
    rec.write_section(store, "r2", "goals", "")  # written and taken back: no change in the end
    rec.delete(store, "r3")
    rec.create(store, "Trivselsteam", station="s3")
    history = rec.versions(store)
    assert [(v.recommendation_id, v.at.hour) for v in rec.versions(store, "r1")] == [("r1", 17), ("r1", 18)]
    assert rec.versions(store, "r1")[-1].recommendation.actions == "Styregruppe og mentorordning"
    assert rec.versions(store, "r3")[-1].recommendation is None  # deleted
    assert rec.find(store.session, "r4").title == "Trivselsteam"  # a deleted recommendation's id is not given again
    changes = rec.evening_changes(store.session, history)
    assert [(c.number, c.title, c.status, c.sections) for c in changes] == [
        (1, "Ny i ledelse", "changed", ["actions"]),
        (2, "Ledelsesspænd", "unchanged", []),
        (3, "Trivselsteam", "new", []),
        (0, "Droppes", "removed", []),
    ]


def test_before_the_evening_began_there_is_nothing_to_compare(store):
    rec.create(store, "Ny i ledelse")
    assert rec.evening_changes(store.session, rec.versions(store)) is None


# Validation --------------------------------------------------------------------------------------


def test_the_file_s_recommendations_are_checked_like_the_rest(store):
    session = store.session.model_copy(
        update={
            "themes": [Theme(name="Ledelse"), Theme(name="ledelse")],
            "recommendations": [
                Recommendation(id="r1", title="A", station="s9", notes=["ingen-note"]),
                Recommendation(id="r1", title="B"),
            ],
        }
    )
    notes = [store.add_note("s1", 1, "x")]
    notes = [notes[0].model_copy(update={"recommendation": "r7", "section": "formål"})]
    session = session.model_copy(update={"notes": notes})
    problems = [(p.message, p.fix, p.loc) for p in check(session)]
    twice = ('temaet "ledelse" står der to gange', "giv hvert tema i [[themes]] sit eget navn", ("themes", 1, "name"))
    assert twice in problems
    assert any(m == 'anbefalings-id\'et "r1" bruges mere end én gang' for m, _, _ in problems)
    assert any(m == 'ukendt station "s9"' and loc == ("recommendations", 0, "station") for m, _, loc in problems)
    assert any(m == 'den citerede note "ingen-note" findes ikke' for m, _, _ in problems)
    assert any(m == 'ukendt afsnit "formål"' and "purpose, goals, actions" in f for m, f, _ in problems)
    assert any(m == 'ukendt anbefaling "r7"' and "r1" in f for m, f, _ in problems)


def test_workshop_check_points_at_the_line_of_a_bad_reference(session_path, capsys):
    text = session_path.read_text(encoding="utf-8")
    added = '\n[[recommendations]]\nid = "r1"\ntitle = "Ny i ledelse"\nstation = "s7"\n'
    session_path.write_text(text + added, encoding="utf-8")
    assert cli.main(["check", str(session_path)]) == 2
    err = capsys.readouterr().err
    line = len(text.splitlines()) + 5
    assert f"linje {line}" in err and 'ukendt station "s7"' in err and "brug et af stationernes id'er" in err
    assert "Traceback" not in err


def test_a_change_that_would_break_a_link_is_refused(store):
    rec.create(store, "Ny i ledelse")
    note = store.add_note("s1", 1, "x")
    rec.link_note(store, note.id, "r1", "actions")

    def remove_all(session):
        return [SectionChanged.of(session, "recommendations", [])]

    with pytest.raises(ChangeRefused):
        store.change("remove all by hand", remove_all)
    assert rec.find(store.session, "r1") is not None

"""The comment round between meetings: members comment on the drafts' sections, the secretariat handles them."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest
from conftest import FakeClock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, OptionList

from workshop.model.validation import check
from workshop.notes import comments
from workshop.series.comments import comment_round
from workshop.storage import session_file
from workshop.storage.lanes import lanes_for_mode
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.section_comments import SectionComments
from workshop.tui.screens.comment import CommentScreen
from workshop.tui.screens.recommendations import RecommendationsScreen
from workshop.tui.textual_compat import notifications

SESSIONS = Path(__file__).resolve().parents[1] / "sessions"
SIZE = (140, 40)
IN_THE_ROUND = FakeClock(dt.datetime(2023, 4, 28, 10, 0))
AFTER_THE_ROUND = FakeClock(dt.datetime(2023, 5, 3, 9, 0))


@pytest.fixture
def series_folder(tmp_path: Path) -> Path:
    """The example series (meeting 2 and 3 with the comment round 26-30 April 2023), copied fresh."""
    for name in ("series.toml", "meeting-2.toml", "meeting-3.toml"):
        shutil.copy(SESSIONS / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def meeting(series_folder: Path):
    opened = Store.open(series_folder / "meeting-3.toml", author="Birthe Kjær")
    yield opened
    opened.close()


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def choose(pilot, key: str) -> None:
    parts = pilot.app.screen.query_one("#comment-parts", OptionList)
    parts.highlighted = next(i for i in range(parts.option_count) if parts.get_option_at_index(i).id == key)
    await pilot.pause()


def test_the_round_of_a_meeting_comes_from_its_series_milestone(series_folder):
    meeting = series_folder / "meeting-3.toml"
    assert comment_round(meeting, dt.date(2023, 4, 28)).deadline == dt.date(2023, 4, 30)
    assert not comment_round(meeting, dt.date(2023, 4, 30)).closed
    assert comment_round(meeting, dt.date(2023, 5, 1)).closed
    assert comment_round(meeting, dt.date(2023, 4, 1)) == comment_round(meeting, dt.date(2023, 4, 1)).__class__(
        deadline=None, closed=False
    )
    alone = series_folder / "alone.toml"
    shutil.copy(meeting, alone)  # a meeting no series names: always open, no deadline
    assert not comment_round(alone, dt.date(2030, 1, 1)).closed


def test_a_series_naming_its_meeting_from_the_home_folder_gives_the_meeting_its_round(series_folder, monkeypatch):
    monkeypatch.setenv("HOME", str(series_folder))
    series = series_folder / "series.toml"
    series.write_text(series.read_text(encoding="utf-8").replace('"meeting-3.toml"', '"~/meeting-3.toml"'), "utf-8")
    assert comment_round(series_folder / "meeting-3.toml", dt.date(2023, 4, 28)).deadline == dt.date(2023, 4, 30)


def test_a_comment_is_a_change_of_the_comments_lane_the_file_keeps_and_undo_takes_back(meeting):
    made = comments.add(meeting, "r1", "actions", "Mentorordningen bør også gælde for souschefer")
    meeting.fold()
    written = tomllib.loads(meeting.path.read_text(encoding="utf-8"))
    assert [(c["recommendation"], c["section"], c["author"], c["text"]) for c in written["comments"]] == [
        ("r1", "actions", "Birthe Kjær", "Mentorordningen bør også gælde for souschefer")
    ]
    assert not check(meeting.session)
    assert meeting.can_undo(lanes=lanes_for_mode("comment"))
    assert not meeting.can_undo(lanes=lanes_for_mode("notes"))
    meeting.undo(lanes=lanes_for_mode("comment"))
    assert meeting.session.comments == []
    with pytest.raises(comments.CommentError):
        comments.add(meeting, "r1", "nowhere", "x")
    assert made.id not in {c.id for c in meeting.session.comments}


def test_the_secretariats_undo_of_a_handled_mark_keeps_a_comment_made_since(meeting, series_folder):
    first = comments.add(meeting, "r2", "goals", "Målet er for bredt")
    secretariat = Store.open(series_folder / "meeting-3.toml", author="Sekretariatet")
    try:
        comments.set_handled(secretariat, first.id, True)
        later = comments.add(meeting, "r2", "goals", "Enig med Birthe")
        secretariat.undo(lanes=lanes_for_mode("secretariat"))
        by_id = {c.id: c for c in secretariat.session.comments}
    finally:
        secretariat.close()
    assert set(by_id) == {first.id, later.id}
    assert not by_id[first.id].handled and by_id[first.id].handled_by == ""


async def test_the_comment_screen_reads_the_drafts_and_comments_on_the_section_under_the_cursor(meeting):
    app = WorkshopApp(meeting, mode="comment", clock=IN_THE_ROUND, poll=False, ask_author=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CommentScreen)
        assert "frist 30.04.2023" in shown(app, "#comment-round")
        await choose(pilot, "r1:actions")
        assert shown(app, "#comment-heading") == "Anbefaling 1: Ny i ledelse i Norddjurs Kommune – Indsatser"
        assert meeting.session.recommendations[0].actions.splitlines()[0] in shown(app, "#comment-draft")
        await pilot.press("enter")  # to the comment line
        await pilot.press(*"Husk mentorer")
        await pilot.press("enter")
        await pilot.pause()
        assert [(c.recommendation, c.section, c.text) for c in meeting.session.comments] == [
            ("r1", "actions", "Husk mentorer")
        ]
        assert "Husk mentorer" in shown(app, "#comment-list")
        parts = app.screen.query_one("#comment-parts", OptionList)
        assert "Indsatser (1)" in str(parts.get_option("r1:actions").prompt)
        # Only commenting: no mode keys, and F2-F4 do nothing.
        keys = {b.binding.key for b in app.screen.active_bindings.values()}
        assert not keys & {"f2", "f3", "f4"}
        await pilot.press("escape", "f2", "f3", "f4")
        await pilot.pause()
        assert isinstance(app.screen, CommentScreen) and app.current_mode == "comment"
    assert meeting.session.recommendations[0].title == "Ny i ledelse i Norddjurs Kommune"


async def test_after_the_deadline_the_round_is_closed_and_takes_no_comment(meeting):
    comments.add(meeting, "r1", "purpose", "Skrevet i tide")
    app = WorkshopApp(meeting, mode="comment", clock=AFTER_THE_ROUND, poll=False, ask_author=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "lukket (fristen var 30.04.2023)" in shown(app, "#comment-round")
        assert app.screen.query_one("#comment-input", Input).disabled
        await choose(pilot, "r1:purpose")
        assert "Skrevet i tide" in shown(app, "#comment-list")  # still read
        assert not app.screen.save("For sent")
        await pilot.pause()
        assert any("lukket" in n.message for n in notifications(app))
    assert [c.text for c in meeting.session.comments] == ["Skrevet i tide"]


async def test_without_a_name_the_comment_screen_asks_once(meeting):
    meeting.author = ""
    app = WorkshopApp(meeting, mode="comment", clock=IN_THE_ROUND, poll=False, ask_author=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "Hvem kommenterer?" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press(*"Karen Holt", "enter")
        await pilot.pause()
        assert meeting.author == "Karen Holt"
        await choose(pilot, "r2:goals")
        app.screen.save("Godt mål")
        await pilot.pause()
    assert [(c.author, c.text) for c in meeting.session.comments] == [("Karen Holt", "Godt mål")]


async def test_the_secretariat_sees_the_comments_beside_the_section_and_marks_one_handled(meeting, series_folder):
    member = Store.open(series_folder / "meeting-3.toml", author="Karen Holt")
    try:
        said = comments.add(member, "r1", "actions", "Mentorordningen skal også gælde souschefer")
    finally:
        member.close()
    meeting.refresh()
    meeting.author = "Sekretariatet"
    app = WorkshopApp(meeting, mode="secretariat", clock=IN_THE_ROUND, poll=False, ask_author=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, RecommendationsScreen)
        assert "●1" not in shown(app, "#rec-sections").split("Indsatser")[0]  # nothing said on Formål, Mål
        assert "Indsatser ●1" in shown(app, "#rec-sections")
        for _ in range(3):  # Indledning -> Formål -> Mål -> Indsatser
            await pilot.press("ctrl+down")
        await pilot.pause()
        assert shown(app, "#rec-comments-title") == "Kommentarer til Indsatser: 1, 1 ubehandlet"
        listed = app.screen.query_one(SectionComments)
        first = str(listed.get_option_at_index(0).prompt)
        assert "● ubehandlet Karen Holt" in first and "Mentorordningen skal også gælde souschefer" in first
        await pilot.press("f10")
        await pilot.pause()
        assert app.focused is listed, (app.focused, listed.display, listed.option_count)
        await pilot.press("h")
        await pilot.pause()
        (comment,) = meeting.session.comments
        assert (comment.id, comment.handled, comment.handled_by) == (said.id, True, "Sekretariatet")
        assert "✓ behandlet Karen Holt" in str(listed.get_option_at_index(0).prompt)
        assert shown(app, "#rec-comments-title") == "Kommentarer til Indsatser: 1, 0 ubehandlet"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not meeting.session.comments[0].handled
        assert meeting.session.recommendations[0].actions  # the text itself was never touched


# Any comments, any marks, two people at once: the file the store writes reads back with them ------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(str.strip)
STEPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("add"),
            st.sampled_from(["member", "secretariat"]),
            st.sampled_from(["r1", "r2", "r3"]),
            st.sampled_from(["intro", "purpose", "actions", "next_step"]),
            TEXT,
        ),
        st.tuples(st.just("mark"), st.integers(0, 20)),
        st.tuples(st.just("undo"), st.sampled_from(["member", "secretariat"])),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS, name=TEXT)
def test_comments_made_marked_and_undone_by_two_people_read_back_from_the_file_alone(steps, name, tmp_path_factory):
    folder = tmp_path_factory.mktemp("round")
    path = folder / "meeting-3.toml"
    shutil.copy(SESSIONS / "meeting-3.toml", path)
    member = Store.open(path, author=name)
    secretariat = Store.open(path, author="Sekretariatet")
    try:
        stores = {"member": member, "secretariat": secretariat}
        lanes = {"member": lanes_for_mode("comment"), "secretariat": lanes_for_mode("secretariat")}
        for step in steps:
            if step[0] == "add":
                _, who, rid, part, text = step
                comments.add(stores[who], rid, part, text)
            elif step[0] == "mark":
                secretariat.refresh()
                if secretariat.session.comments:
                    chosen = secretariat.session.comments[step[1] % len(secretariat.session.comments)]
                    comments.set_handled(secretariat, chosen.id, not chosen.handled)
            else:
                stores[step[1]].undo(lanes=lanes[step[1]])
        member.refresh()
        expected = [c.model_dump() for c in member.session.comments]
        assert not check(member.session)
        member.fold()
    finally:
        member.close()
        secretariat.close()
    for journal in folder.glob("*journal*"):
        journal.unlink()
    tomllib.loads(path.read_text(encoding="utf-8"))  # plain TOML
    read, _ = session_file.load(path)  # and a valid session
    assert [c.model_dump() for c in read.comments] == expected

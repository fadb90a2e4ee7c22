"""The review screen: every note, filtered with single keys, searched, grouped and counted."""

from __future__ import annotations

import pytest
from fixed_notes import put
from screen_reading import screen_text
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from workshop.tui.app import WorkshopApp
from workshop.tui.components.category_prompt import CategoryPrompt
from workshop.tui.components.note_table import NoteTable
from workshop.tui.screens.review import ReviewScreen

SIZE = (80, 24)


@pytest.fixture
def evening(store):
    put(store, "s1", 1, "Ledelse som fag kræver tid", "g1", ["c1"], minute=1)
    put(store, "s1", 2, "Nye ledere savner en mentor", "g3", minute=31)
    put(store, "s2", 1, "Praktik tidligt i skolen", "g2", ["c2"], author="Bo", minute=2)
    put(store, "s2", 3, "Studiejob og løn", "g3", ["c2", "c3"], author="Bo", minute=61)
    put(store, "s3", 2, "Ledige kan uddanne sig", "g2", ["c3"], author="Cai", minute=32)
    put(store, "s3", 3, "Trivsel og nye kolleger", "g1", author="Cai", minute=62)
    return store


def rows(table: DataTable) -> list[str]:
    return [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def review(pilot) -> ReviewScreen:
    pilot.app.push_screen(ReviewScreen())
    await pilot.pause()
    return pilot.app.screen


def notes_shown(screen: ReviewScreen) -> list[str]:
    return [n.text for n in screen.query_one(NoteTable).notes()]


def title(screen: ReviewScreen) -> str:
    return str(screen.query_one("#review-title", Static).content)


def app_for(store, clock) -> WorkshopApp:
    return WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)


async def test_every_note_by_station_round_and_time(evening, clock):
    async with app_for(evening, clock).run_test(size=SIZE) as pilot:
        screen = await review(pilot)
        assert notes_shown(screen) == [
            "Ledelse som fag kræver tid",
            "Nye ledere savner en mentor",
            "Praktik tidligt i skolen",
            "Studiejob og løn",
            "Ledige kan uddanne sig",
            "Trivsel og nye kolleger",
        ]
        assert "6 noter af 6" in title(screen)
        first = rows(screen.query_one(NoteTable))[0]
        assert first.startswith("1 | 1 | Gruppe 1 | Anna | Ledelse som fag kræver tid | Ledelse")


async def test_single_keys_step_through_the_filters(evening, clock):
    async with app_for(evening, clock).run_test(size=SIZE) as pilot:
        screen = await review(pilot)
        await pilot.press("s", "s")  # station 2
        assert notes_shown(screen) == ["Praktik tidligt i skolen", "Studiejob og løn"]
        assert "Station: 2 Uddannelse" in str(screen.query_one("#review-filters", Static).content)
        await pilot.press("r")  # and round 1
        assert notes_shown(screen) == ["Praktik tidligt i skolen"]
        await pilot.press("x", "g", "g", "g")  # clear; group 3
        assert notes_shown(screen) == ["Nye ledere savner en mentor", "Studiejob og løn"]
        await pilot.press("x", "a", "a", "a")  # author Cai
        assert notes_shown(screen) == ["Ledige kan uddanne sig", "Trivsel og nye kolleger"]
        await pilot.press("a")  # back to every author
        assert len(notes_shown(screen)) == 6

        # Only the uncoded notes; one category (found by typing).
        await pilot.press("o")
        assert notes_shown(screen) == ["Nye ledere savner en mentor", "Trivsel og nye kolleger"]
        await pilot.press("k")
        assert isinstance(pilot.app.screen, CategoryPrompt)
        await pilot.press(*"rekr", "enter")
        assert notes_shown(screen) == ["Studiejob og løn", "Ledige kan uddanne sig"]
        await pilot.press("k")  # again: every category
        assert len(notes_shown(screen)) == 6


async def test_search_as_you_type(evening, clock, monkeypatch):
    app = app_for(evening, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await review(pilot)
        await pilot.press("slash", *"nye")
        assert notes_shown(screen) == ["Nye ledere savner en mentor", "Trivsel og nye kolleger"]
        await pilot.press(*" kol")
        assert notes_shown(screen) == ["Trivsel og nye kolleger"]
        await pilot.press("escape")  # from the search to the notes
        assert app.screen is screen and isinstance(app.focused, NoteTable)
        await pilot.press("s", "s")  # search and a filter together: nothing
        assert notes_shown(screen) == []
        assert "0 noter af 6" in title(screen)

        # With many notes the search waits for a pause in typing; enter does not wait.
        from workshop.tui.screens import review as review_module

        monkeypatch.setattr(review_module, "SEARCH_AT_ONCE", 0)
        await pilot.press("x", "slash", *"løn", "enter")
        assert notes_shown(screen) == ["Studiejob og løn"]
        assert isinstance(app.focused, NoteTable)

        await pilot.press("escape")  # from the notes: back
        await pilot.pause()
        assert app.screen is not screen


async def test_grouped_by_station_and_by_category(evening, clock):
    async with app_for(evening, clock).run_test(size=SIZE) as pilot:
        screen = await review(pilot)
        await pilot.press("v")
        table = screen.query_one(NoteTable)
        headings = [row for row in rows(table) if "(" in row and row.count("|") and row.split(" | ")[0] == ""]
        assert [h.split(" | ")[4] for h in headings] == [
            "Station 1 – Ledelse som fag (2)",
            "Station 2 – Uddannelse – før, under og efter. Tidlig interesse for fagene (2)",
            "Station 3 – Fra ledighed til uddannelse til fastansættelse og fastholdelse (2)",
        ]
        await pilot.press("v")
        texts = [row.split(" | ")[4] for row in rows(table)]
        assert texts == [
            "Ledelse (1)",
            "Ledelse som fag kræver tid",
            "Uddannelse (2)",
            "Praktik tidligt i skolen",
            "Studiejob og løn",
            "Rekruttering (2)",
            "Studiejob og løn",
            "Ledige kan uddanne sig",
            "Ikke kodet (2)",
            "Nye ledere savner en mentor",
            "Trivsel og nye kolleger",
        ]
        assert "efter kategori" in title(screen)


async def test_the_station_by_category_matrix(evening, clock):
    async with app_for(evening, clock).run_test(size=SIZE) as pilot:
        screen = await review(pilot)
        await pilot.press("m")
        matrix = screen.query_one("#review-matrix", DataTable)
        assert [str(c.label) for c in matrix.columns.values()] == [
            "Station",
            "Ledelse",
            "Uddannelse",
            "Rekruttering",
            "Fastholdelse",
            "Ikke kodet",
            "I alt",
        ]
        assert rows(matrix) == [
            "1 Ledelse som fag | 1 | · | · | · | 1 | 2",
            "2 Uddannelse – før, under og efter. Tidlig interesse for fagene | · | 2 | 1 | · | · | 2",
            "3 Fra ledighed til uddannelse til fastansættelse og fastholdelse | · | · | 1 | · | 1 | 2",
            "I alt | 1 | 2 | 2 | · | 2 | 6",
        ]
        await pilot.press("r")  # filters count too: round 1
        await pilot.pause()
        assert rows(matrix)[-1] == "I alt | 1 | 1 | · | · | · | 2"


async def test_recoding_in_the_review_and_notes_of_others(evening, clock):
    app = app_for(evening, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await review(pilot)
        await pilot.press("o", "4")  # only uncoded; code the first one "Fastholdelse"
        await pilot.pause()
        mentor = next(n for n in evening.session.notes if n.text.startswith("Nye ledere"))
        assert evening.index.get(mentor.id).categories == ["c4"]
        assert notes_shown(screen) == ["Trivsel og nye kolleger"]  # it is coded now

        evening.add_note("s2", 2, "Fra en anden note-taker", author="Dorte")
        app.changed()
        await pilot.pause()
        assert "Fra en anden note-taker" in notes_shown(screen)
        assert "2 noter af 7" in title(screen)


async def test_an_empty_review_says_so_and_which_filter_hides_the_notes(evening, clock):
    async with app_for(evening, clock).run_test(size=SIZE) as pilot:
        screen = await review(pilot)
        await pilot.press("s", "s", "o")  # station 2, only uncoded: station 2 has none
        await pilot.pause()
        assert notes_shown(screen) == []
        shown = screen_text(pilot.app)
        assert "Ingen noter: Station 2 + kun ikke kodede skjuler alle 6 noter" in " ".join(shown.split())
        await pilot.press("x", "slash", *"zebra", "enter")  # a search that finds nothing
        await pilot.pause()
        assert "Ingen noter: søgningen «zebra» skjuler alle 6 noter" in " ".join(screen_text(pilot.app).split())
        await pilot.press("x")
        await pilot.pause()
        assert "Ingen noter" not in screen_text(pilot.app)


async def test_a_long_note_reads_to_its_end_under_the_list(evening, clock):
    long = "Mange af de nye ledere savner en mentor, " * 5 + "\nog det sidste ord er tillid"
    put(evening, "s1", 3, long, "g2", minute=90)
    async with app_for(evening, clock).run_test(size=SIZE) as pilot:
        screen = await review(pilot)
        table = screen.query_one(NoteTable)
        table.select_note(next(n.id for n in evening.session.notes if n.text == long))
        await pilot.pause()
        shown = " ".join(screen_text(pilot.app).split())
        assert "og det sidste ord er tillid" in shown
        assert "Station 1 · Runde 3 · Gruppe 2 · Anna" in shown


async def test_enter_on_a_count_of_the_matrix_shows_the_notes_behind_it(evening, clock):
    from workshop.tui.components.note_reading import NoteListDialog

    async with app_for(evening, clock).run_test(size=SIZE) as pilot:
        screen = await review(pilot)
        await pilot.press("m")
        await pilot.pause()
        matrix = screen.query_one("#review-matrix", DataTable)
        matrix.cursor_coordinate = Coordinate(1, 3)  # station 2 x Rekruttering: 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, NoteListDialog)
        shown = " ".join(screen_text(pilot.app).split())
        assert "Station 2: Uddannelse" in shown and "× Rekruttering: 1 note " in shown
        assert "Studiejob og løn" in shown and "Praktik tidligt i skolen" not in shown
        studiejob = next(n for n in evening.session.notes if n.text == "Studiejob og løn")
        evening.edit_note(studiejob.id, text="Studiejob og løn – også om sommeren")  # edited meanwhile
        pilot.app.changed()
        await pilot.pause()
        assert "Studiejob og løn – også om sommeren" in " ".join(screen_text(pilot.app).split())
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        matrix.cursor_coordinate = Coordinate(3, 5)  # the uncoded notes of every station
        await pilot.press("enter")
        await pilot.pause()
        shown = " ".join(screen_text(pilot.app).split())
        assert "Ikke kodet: 2 noter" in shown
        assert "Nye ledere savner en mentor" in shown and "Trivsel og nye kolleger" in shown


async def test_the_matrix_uses_the_width_there_is(evening, clock):
    async with app_for(evening, clock).run_test(size=(160, 45)) as pilot:
        await review(pilot)
        await pilot.press("m")
        await pilot.pause()
        heading = next(line for line in screen_text(pilot.app).splitlines() if "Ikke kodet" in line)
        assert heading.split() == [
            "Station",
            "Ledelse",
            "Uddannelse",
            "Rekruttering",
            "Fastholdelse",
            "Ikke",
            "kodet",
            "I",
            "alt",
        ]
        assert "3 Fra ledighed til uddannelse til fastansættelse og fastholdelse" in screen_text(pilot.app)

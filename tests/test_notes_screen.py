"""The note-taker's screen, driven with the keyboard as at a station of the evening."""

from __future__ import annotations

import datetime as dt

from textual import events
from textual.widgets import DataTable, Static, TextArea

from workshop.model.session import Live
from workshop.notes import codebook
from workshop.tui.app import WorkshopApp
from workshop.tui.components.capture_header import CaptureHeader
from workshop.tui.components.category_keys import CategoryKeys
from workshop.tui.components.category_prompt import CategoryPrompt
from workshop.tui.components.note_dialogs import ChoiceDialog, NoteEditor
from workshop.tui.components.note_table import NoteTable
from workshop.tui.screens.codebook import CodebookScreen
from workshop.tui.screens.notes import NotesScreen
from workshop.tui.screens.review import ReviewScreen
from workshop.tui.textual_compat import notifications

SIZE = (80, 24)


def start_round(store, item: str = "p2") -> None:
    """The facilitator starts a round (p2 = round 1, p4 = round 2, p5 = round 3)."""
    store.set_section("live", Live(current=item, started=dt.datetime(2026, 3, 12, 18, 20)), "round started")


def notes_app(store, clock, station: str | None = "s1") -> WorkshopApp:
    return WorkshopApp(store, mode="notes", station=station, clock=clock, poll=False)


def shown(widget: Static) -> str:
    return str(widget.content)


def rows(table: DataTable) -> list[str]:
    """Each row of a table as the user reads it: the cells' text joined by " | "."""
    return [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def write(pilot, text: str) -> None:
    """Type a note key by key (line breaks with enter) and save it with ctrl+s."""
    if not isinstance(pilot.app.focused, TextArea):
        await pilot.press("n")  # from the notes back to the note field
    for index, line in enumerate(text.split("\n")):
        if index:
            await pilot.press("enter")
        await pilot.press(*line)
    await pilot.press("ctrl+s")


async def put(pilot, text: str) -> None:
    """Put a note in the note field at once and save it with ctrl+s (when typing is not the point).

    (Pilot takes some 50 ms per key, so long notes are not typed key by key.)
    """
    if not isinstance(pilot.app.focused, TextArea):
        await pilot.press("n")
    pilot.app.focused.insert(text)
    await pilot.press("ctrl+s")


def note_with(store, text: str):
    return next(n for n in store.session.notes if n.text.startswith(text))


def names(store, note) -> list[str]:
    return [store.session.category(c).name for c in store.index.get(note.id).categories]


async def test_a_note_takers_whole_round(store, clock):
    """Round 1 at station 1: notes typed, coded with digits, a new category, a merge, undo, search."""
    start_round(store)
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = shown(app.screen.query_one(CaptureHeader))
        assert "Station 1 – Ledelse som fag v. Bodil" in header
        assert "Runde 1" in header and "Gruppe 1: Åse Lund, Mikkel Berg" in header
        assert "Er der noget vi har overset?" in header
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Gem", "Kodebog", "Gennemsyn"} <= descriptions  # the keys in Danish too

        # Notes typed: saved with ctrl+s, attributed to station, round, group and author.
        await write(pilot, "Et fag")
        await write(pilot, "Nye ledere\nmentor")
        await put(pilot, "Praktik i ledelse på rådhuset")
        assert [(n.station, n.round, n.group, n.author) for n in store.session.notes] == [
            ("s1", 1, "g1", "Testa Testesen")
        ] * 3
        assert store.session.notes[1].text == "Nye ledere\nmentor"
        assert app.screen.query_one("#note-text", TextArea).text == ""
        table = app.screen.query_one(NoteTable)
        assert len(rows(table)) == 3
        assert "Nye ledere ⏎ mentor" in rows(table)[1]
        assert all("Ikke kodet" in row for row in rows(table))

        # Coded with digits: esc goes to the notes, the newest note is selected.
        await pilot.press("escape", "up", "2", "1")
        mentor = note_with(store, "Nye ledere")
        assert names(store, mentor) == ["Uddannelse", "Ledelse"]
        await pilot.press("2")  # again: off
        await pilot.pause()
        assert names(store, mentor) == ["Ledelse"]
        assert "Ledelse" in rows(table)[1] and "Ikke kodet" not in rows(table)[1]

        # "." repeats the category used last, on another note.
        await pilot.press("up", "full_stop")
        assert names(store, note_with(store, "Et fag")) == ["Uddannelse"]  # "2" was the last one used

        # A category created from the prompt: gets key 5 and is applied at once.
        await pilot.press("down", "c")
        assert isinstance(app.screen, CategoryPrompt)
        await pilot.press(*"Mentor", "enter")
        assert isinstance(app.screen, NotesScreen)
        mentoring = codebook.find_by_name(store.session, "Mentor")
        assert mentoring is not None and mentoring.key == 5
        assert names(store, mentor) == ["Ledelse", "Mentor"]
        assert "5  Mentor" in shown(app.screen.query_one(CategoryKeys))

        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Kod 1-9", "Næste ikke kodede", "Kategori"} <= descriptions

        # The next uncoded note.
        await pilot.press("ctrl+home", "u")
        assert table.selected_note().text == "Praktik i ledelse på rådhuset"
        await pilot.press("5")

        # A merge in the codebook: every note of "Mentor" moves to "Ledelse".
        await pilot.press("ctrl+b")
        assert isinstance(app.screen, CodebookScreen)
        await pilot.press("ctrl+end", "m")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # the first other category: Ledelse
        await pilot.pause()
        assert codebook.find_by_name(store.session, "Mentor") is None
        assert names(store, mentor) == ["Ledelse"]
        assert names(store, note_with(store, "Praktik")) == ["Ledelse"]

        # Undo takes the merge back, with every note it moved.
        await pilot.press("ctrl+z")
        assert codebook.find_by_name(store.session, "Mentor") is not None
        assert names(store, mentor) == ["Ledelse", "Mentor"]
        assert names(store, note_with(store, "Praktik")) == ["Mentor"]
        assert any("Mentor" in row for row in rows(app.screen.query_one(DataTable)))

        # Search in the review.
        await pilot.press("escape", "ctrl+f")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("slash", *"ment", "enter")
        review_rows = rows(app.screen.query_one(NoteTable))
        assert len(review_rows) == 1 and "Nye ledere ⏎ mentor" in review_rows[0]


async def test_the_note_field(store, clock):
    """Digits typed there are text; pasted text from Word is kept; F5 saves too; empty is refused."""
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await put(pilot, "Ledelse er et fag")
        await pilot.press("escape", "1", "n", *"3 af 4", "ctrl+s")
        assert [n.text for n in store.session.notes] == ["Ledelse er et fag", "3 af 4"]
        assert [n.categories for n in store.session.notes] == [["c1"], []]

        app.post_message(events.Paste("Punkt 1:\tløn\r\nPunkt 2: “trivsel” – også §\u00a017\r\n"))
        await pilot.pause()
        await pilot.press("f5")
        assert store.session.notes[-1].text == "Punkt 1:\tløn\nPunkt 2: “trivsel” – også §\u00a017"

        await pilot.press("enter", "space", "ctrl+s")
        assert len(store.session.notes) == 3
        assert any("tom" in n.message for n in notifications(app))

        # A digit no category holds says how to make one.
        await pilot.press("escape", "9")
        assert store.session.notes[-1].categories == []
        assert any("tasten 9" in n.message for n in notifications(app))


async def test_edit_delete_and_undo_of_a_note(store, clock):
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await put(pilot, "Lederen skal være synlig")
        await pilot.press("escape", "e")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("end", *" nu", "ctrl+s")
        assert store.session.notes[0].text == "Lederen skal være synlig nu"
        assert "synlig nu" in rows(app.screen.query_one(NoteTable))[0]

        await pilot.press("d")
        assert store.session.notes == []
        assert rows(app.screen.query_one(NoteTable)) == []
        await pilot.press("ctrl+z")
        assert [n.text for n in store.session.notes] == ["Lederen skal være synlig nu"]
        assert len(rows(app.screen.query_one(NoteTable))) == 1
        await pilot.press("ctrl+z")  # the edit
        await pilot.pause()
        assert store.session.notes[0].text == "Lederen skal være synlig"
        await pilot.press("ctrl+y")
        assert store.session.notes[0].text == "Lederen skal være synlig nu"

        # Escape in the editor changes nothing.
        await pilot.press("enter", "x", "escape")
        assert isinstance(app.screen, NotesScreen)
        assert store.session.notes[0].text == "Lederen skal være synlig nu"


async def test_a_note_taker_without_a_station_chooses_one(store, clock):
    app = notes_app(store, clock, station=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        assert app.station == "s2"
        assert "Station 2 – Uddannelse" in shown(app.screen.query_one(CaptureHeader))
        await put(pilot, "Praktik allerede i 7. klasse")
        assert [(n.station, n.group) for n in store.session.notes] == [("s2", "g2")]


async def test_the_top_follows_the_facilitator_and_ctrl_r_chooses_a_round(store, clock):
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = app.screen.query_one(CaptureHeader)
        assert "før første runde" in shown(header)
        start_round(store, "p4")  # round 2: group 3 is at station 1
        app.changed()
        await pilot.pause()
        assert "Runde 2" in shown(header) and "(nu)" in shown(header) and "Gruppe 3" in shown(header)
        await put(pilot, "Runde to")
        assert (store.session.notes[-1].round, store.session.notes[-1].group) == (2, "g3")

        await pilot.press("ctrl+r")  # round 1, chosen by hand
        await pilot.pause()
        assert "Runde 1" in shown(header) and "(valgt af dig)" in shown(header) and "Gruppe 1" in shown(header)
        await put(pilot, "Glemt fra runde et")
        assert (store.session.notes[-1].round, store.session.notes[-1].group) == (1, "g1")
        await pilot.press("ctrl+r", "ctrl+r", "ctrl+r")  # 2, 3, then follow the facilitator again
        await pilot.pause()
        assert "Runde 2" in shown(header) and "(nu)" in shown(header)


async def test_an_english_session_shows_english_words(store, clock):
    workshop = store.session.workshop.model_copy(update={"language": "en"})
    store.set_section("workshop", workshop, "language")
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await put(pilot, "Leadership is a profession")
        header = shown(app.screen.query_one(CaptureHeader))
        assert "Round 1" in header and "before the first round" in header and "with Bodil" in header
        assert "Uncoded" in rows(app.screen.query_one(NoteTable))[0]
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Save" in descriptions and "Gem" not in descriptions


async def test_without_an_author_the_note_taker_is_asked_once_and_remembered(session_path, clock):
    from workshop.storage.authors import authors_file
    from workshop.storage.store import Store
    from workshop.tui.components.note_dialogs import TextDialog

    store = Store.open(session_path)  # workshop run without --author
    app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False, ask_author=True, device="tablet-1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        assert "Hvem skriver noterne?" in str(app.screen.query_one(".dialog-title", Static).content)
        await pilot.press(*"Anna Berg", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await put(pilot, "Lederne mangler tid")
        assert store.session.notes[-1].author == "Anna Berg"
        assert "Dine noter skrives med navnet Anna Berg" in [n.message for n in notifications(app)]
    store.close()
    kept = authors_file(session_path)
    assert kept.exists() and kept.stat().st_mode & 0o077 == 0  # beside the session, the owner's only

    again = Store.open(session_path, backup=False)  # the same device the next evening: not asked again
    app = WorkshopApp(again, mode="notes", station="s1", clock=clock, poll=False, ask_author=True, device="tablet-1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await put(pilot, "Og mere tid")
        assert again.session.notes[-1].author == "Anna Berg"
    again.close()


async def test_a_note_taker_with_an_author_is_not_asked(store, clock):
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await put(pilot, "Kaffe")
        assert store.session.notes[-1].author == "Testa Testesen"


async def test_every_category_of_a_note_shows_on_its_row(store, clock):
    from screen_reading import screen_text

    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await put(pilot, "Tid, uddannelse, rekruttering og trivsel")
        await pilot.press("escape", "1", "2", "3")
        await pilot.pause()
        before = next(line for line in screen_text(app).splitlines() if "Tid, udd" in line)
        await pilot.press("4")  # the fourth category shows too: the row changes visibly
        await pilot.pause()
        after = next(line for line in screen_text(app).splitlines() if "Tid, udd" in line)
        assert after != before
        cell = after.split("  ")[-1].strip()
        assert [part[:3] for part in cell.split("·")] == ["Led", "Udd", "Rek", "Fas"]


async def test_the_note_taker_sees_the_draft_folded_and_unfolded_and_links_a_note(store, clock):
    from workshop.notes import recommendations as recs

    rec = recs.create(
        store,
        "Ny i ledelse",
        station="s1",
        intro="En god start.",
        purpose="At fastholde nye ledere",
        goals="Færre opsigelser",
        actions="- Mentorordning\n- Lederuddannelse i alle forvaltninger",
        follow_up="Måles efter et år",
    )
    start_round(store)
    app = notes_app(store, clock)
    async with app.run_test(size=(80, 30)) as pilot:
        panel = app.screen.query_one("#capture-draft")
        folded = str(panel.content)
        assert folded.splitlines()[0] == "Anbefaling 1: Ny i ledelse"
        assert "Formål: At fastholde nye ledere" in folded
        assert "Opfølgning" not in folded and "«Fold ud» (ctrl+o) viser hele udkastet" in folded
        await pilot.press("ctrl+o")
        await pilot.pause()
        unfolded = str(panel.content)
        assert "  • Lederuddannelse i alle forvaltninger" in unfolded and "Måles efter et år" in unfolded
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert str(panel.content) == folded
        await write(pilot, "Mentor også i dagplejen")
        await pilot.pause()
        await pilot.press("escape", "a")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "down", "enter")  # Formål, Mål, Indsatser
        await pilot.pause()
        note = note_with(store, "Mentor også")
        assert (note.recommendation, note.section) == (rec.id, "actions")


async def test_a_station_without_a_draft_shows_none(store, clock):
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query_one("#capture-draft").display
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "Stationen har intet udkast til en anbefaling" in [n.message for n in notifications(app)]


async def test_a_note_from_another_instance_scrolls_into_view_at_the_bottom(store, clock, session_path):
    from workshop.storage.store import Store

    start_round(store)
    for index in range(30):
        store.add_note("s1", 1, f"Note nummer {index}")
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(NoteTable)
        table.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert table.scroll_y == table.max_scroll_y > 0
        other = Store.open(session_path, author="Bent", backup=False)
        other.add_note("s1", 1, "Den nyeste fra en anden")
        other.close()
        app.poll_store()
        await pilot.pause()
        await pilot.pause()
        assert table.scroll_y == table.max_scroll_y
        last_visible = int(table.scroll_y) + table.scrollable_content_region.height - 2  # minus the header
        assert "Den nyeste fra en anden" in rows(table)[min(last_visible, table.row_count - 1)]
        table.scroll_home(animate=False, immediate=True)  # scrolled up to read: it stays there
        await pilot.pause()
        other = Store.open(session_path, author="Bent", backup=False)
        other.add_note("s1", 1, "Endnu en")
        other.close()
        app.poll_store()
        await pilot.pause()
        assert table.scroll_y == 0


async def test_brackets_in_names_and_notes_show_literally(store, clock):
    names = {"s1": "Trivsel [/ arbejdsmiljø]", "s2": "Ledelse [udkast] og [mål]"}
    store.set_section(
        "stations", [s.model_copy(update={"name": names.get(s.id, s.name)}) for s in store.session.stations], "renamed"
    )
    store.add_note("s1", 1, "Ledelse [udkast] og [mål]")
    from workshop.notes import recommendations as recs

    recs.create(store, "Plan [b]fed[/b]", station="s1", purpose="[red]x[/red]")
    app = notes_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        from screen_reading import screen_text

        screen = screen_text(app)
        assert "Trivsel [/ arbejdsmiljø]" in screen
        assert "Ledelse [udkast] og [mål]" in screen
        assert "Anbefaling 1: Plan [b]fed[/b]" in screen and "Formål: [red]x[/red]" in screen
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "Station 2 – Ledelse [udkast] og [mål]" in screen_text(app)


async def test_when_people_re_mix_the_top_names_the_people_at_the_station(store, clock):
    from workshop.scheduling.rotation import remixed

    schedule = store.session.schedule.model_copy(update={"mode": "remix"})
    store.set_section("schedule", schedule, "schedule")
    here = remixed(store.session).rounds[0]["s1"]
    app = notes_app(store, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        header = " ".join(shown(app.screen.query_one(CaptureHeader)).split())
        assert "ingen gruppe" not in header
        assert here and all(name in header for name in here)

"""Several note-takers on one session at once: two app instances and the `workshop note` command.

Each app has its own Store (its own journal connection), as two terminals would. The apps take
in the others' changes when they poll (``app.poll_store()``, what the app's timer calls every
half second); the test calls it itself instead of waiting.
"""

from __future__ import annotations

from textual.widgets import TextArea
from workshop_process import note_command

from workshop.notes import codebook
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.note_table import NoteTable
from workshop.tui.screens.review import ReviewScreen

SIZE = (80, 24)


async def write(pilot, text: str) -> None:
    """Put a note in the note field (as if typed; typing itself is tested elsewhere) and save it."""
    area = pilot.app.screen.query_one("#note-text", TextArea)
    area.focus()
    area.insert(text)
    await pilot.press("ctrl+s")


async def test_two_apps_and_the_note_command_lose_nothing(session_path):
    anna = Store.open(session_path, author="Anna")
    bo = Store.open(session_path, author="Bo", backup=False)
    app_a = WorkshopApp(anna, mode="notes", station="s1", poll=False)
    app_b = WorkshopApp(bo, mode="notes", station="s2", poll=False)
    try:
        async with app_a.run_test(size=SIZE) as pa, app_b.run_test(size=SIZE) as pb:
            scripts = [
                await note_command(session_path, "s3", f"Fra scriptet nr. {i}", *(["Løn"] if i == 0 else []))
                for i in range(2)
            ]
            for i in range(4):
                await write(pa, f"Anna skriver nr {i}")
                await write(pb, f"Bo skriver nr {i}")
            for process in scripts:
                _, err = await process.communicate()
                assert process.returncode == 0, err.decode()

            expected = {f"Anna skriver nr {i}" for i in range(4)} | {f"Bo skriver nr {i}" for i in range(4)}
            expected |= {f"Fra scriptet nr. {i}" for i in range(2)}
            for app, pilot in ((app_a, pa), (app_b, pb)):
                app.poll_store()
                await pilot.pause()
                assert {n.text for n in app.store.session.notes} == expected
                # ... and the note-taker sees them in the review (ctrl+f).
                await pilot.press("ctrl+f")
                await pilot.pause()
                assert isinstance(app.screen, ReviewScreen)
                shown = {n.text for n in app.screen.query_one(NoteTable).notes()}
                assert shown == expected
                # The category the script created is in both codebooks.
                assert codebook.find_by_name(app.store.session, "Løn") is not None
                await pilot.press("escape")
            # Each station's screen lists its own notes only.
            assert len(app_a.screen.query_one(NoteTable).notes()) == 4
            assert len(app_b.screen.query_one(NoteTable).notes()) == 4
    finally:
        anna.close()
        bo.close()
    with Store.open(session_path, backup=False, readonly=True) as reopened:
        assert len(reopened.session.notes) == 10


async def test_codebook_changes_and_coding_the_same_note_from_two_apps(session_path):
    anna = Store.open(session_path, author="Anna")
    bo = Store.open(session_path, author="Bo", backup=False)
    shared = anna.add_note("s1", 1, "Begge koder denne")
    bo.poll()
    app_a = WorkshopApp(anna, mode="notes", station="s1", poll=False)
    app_b = WorkshopApp(bo, mode="notes", station="s1", poll=False)
    try:
        async with app_a.run_test(size=SIZE) as pa, app_b.run_test(size=SIZE) as pb:
            # Anna creates a category from the prompt; Bo has not polled yet.
            await pa.press("escape", "c", *"Mentor", "enter")
            # Bo codes the same note with "Uddannelse" without having seen Anna's change.
            await pb.press("escape", "2")
            assert sorted(bo.index.get(shared.id).categories) == ["c2", "c5"]  # both kept
            app_a.poll_store()
            app_b.poll_store()
            await pa.pause()
            await pb.pause()
            assert "Mentor" in [c.name for c in bo.session.categories]
            assert "Mentor" in str(app_b.screen.query_one("#category-keys").content)
            assert "Mentor" in " ".join(str(c) for c in app_b.screen.query_one(NoteTable).get_row_at(0))
            # Anna's undo takes back her change only; Bo's coding stays.
            await pa.press("ctrl+z")
            app_b.poll_store()
            await pb.pause()
            assert bo.index.get(shared.id).categories == ["c2"]
            assert codebook.find_by_name(bo.session, "Mentor") is None
    finally:
        anna.close()
        bo.close()

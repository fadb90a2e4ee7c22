"""The codebook screen: reshape the categories with the keyboard; everything can be undone."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from workshop.notes import codebook
from workshop.tui.app import WorkshopApp
from workshop.tui.components.note_dialogs import ChoiceDialog, NotePicker, TextDialog
from workshop.tui.screens.codebook import CodebookScreen
from workshop.tui.textual_compat import notifications

SIZE = (80, 24)


async def open_codebook(pilot) -> CodebookScreen:
    pilot.app.push_screen(CodebookScreen())
    await pilot.pause()
    return pilot.app.screen


def rows(table: DataTable) -> list[str]:
    return [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def retype(pilot, text: str) -> None:
    """Replace the dialog's value with ``text`` (as if typed) and press enter."""
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")


def app_for(store, clock) -> WorkshopApp:
    return WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)


async def test_rename_and_a_taken_name_is_refused_clearly(store, clock):
    async with app_for(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_codebook(pilot)
        await pilot.press("r")
        assert isinstance(pilot.app.screen, TextDialog)
        await retype(pilot, "uddannelse")
        dialog = pilot.app.screen
        assert isinstance(dialog, TextDialog)  # still open, saying why
        problem = str(dialog.query_one("#dialog-error", Static).content)
        assert "Der er allerede en kategori, der hedder «Uddannelse»" in problem
        assert store.session.category("c1").name == "Ledelse"
        await retype(pilot, "Ledelse som fag")
        assert pilot.app.screen is screen
        assert store.session.category("c1").name == "Ledelse som fag"
        assert "Ledelse som fag" in rows(screen.query_one(DataTable))[0]
        await pilot.press("ctrl+z")
        assert store.session.category("c1").name == "Ledelse"
        assert "Ledelse |" in rows(screen.query_one(DataTable))[0]

        # An empty name is refused too.
        await pilot.press("r")
        await retype(pilot, "   ")
        assert "skal have et navn" in str(pilot.app.screen.query_one("#dialog-error", Static).content)
        await pilot.press("escape")
        assert store.session.category("c1").name == "Ledelse"

        # A new category gets the next free key.
        await pilot.press("n")
        await retype(pilot, "Løn og vilkår")
        assert codebook.find_by_name(store.session, "Løn og vilkår").key == 5
        assert rows(screen.query_one(DataTable))[-1].startswith("5 | Løn og vilkår")


async def test_recolour_describe_and_rekey(store, clock):
    async with app_for(store, clock).run_test(size=SIZE) as pilot:
        await open_codebook(pilot)
        await pilot.press("down", "c")  # Uddannelse
        await pilot.pause()
        await retype(pilot, "blåt")
        assert "ukendt farve" in str(pilot.app.screen.query_one("#dialog-error", Static).content)
        await retype(pilot, "#123456")
        assert store.session.category("c2").colour == "#123456"

        await pilot.press("d")
        await retype(pilot, "Alt om praktik og studietid")
        assert store.session.category("c2").description == "Alt om praktik og studietid"

        await pilot.press("k")
        await retype(pilot, "12")
        assert "1 til 9" in str(pilot.app.screen.query_one("#dialog-error", Static).content)
        await retype(pilot, "4")  # Fastholdelse had 4: it moves here
        assert store.session.category("c2").key == 4
        assert store.session.category("c4").key is None
        await pilot.press("ctrl+z")
        assert store.session.category("c2").key == 2 and store.session.category("c4").key == 4


async def test_merge_split_and_delete_each_undoable(store, clock):
    first = store.add_note("s1", 1, "Lederen skal lytte", categories=["c1"])
    both = store.add_note("s1", 1, "Leder og rekruttering", categories=["c1", "c3"])
    third = store.add_note("s1", 1, "Lederen er ny", categories=["c1"])
    app = app_for(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_codebook(pilot)

        # Merge "Ledelse" into "Rekruttering": every note moves; undo moves them back.
        await pilot.press("m")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # Uddannelse, Rekruttering
        await pilot.pause()
        assert store.session.category("c1") is None
        assert [store.index.get(n.id).categories for n in (first, both, third)] == [["c3"], ["c3"], ["c3"]]
        assert any("3 noter flyttet" in n.message for n in notifications(app))
        await pilot.press("ctrl+z")
        assert store.session.category("c1").name == "Ledelse"
        assert store.index.get(first.id).categories == ["c1"]
        assert sorted(store.index.get(both.id).categories) == ["c1", "c3"]

        # Split: the marked notes move to a new category (a taken name is refused).
        await pilot.press("ctrl+home", "s")
        assert isinstance(app.screen, NotePicker)
        await pilot.press("space", "down", "space", "enter")  # space marks and moves on: notes 1 and 3
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await retype(pilot, "Ledelse")
        assert "allerede" in str(app.screen.query_one("#dialog-error", Static).content)
        await retype(pilot, "Spænd")
        split = codebook.find_by_name(store.session, "Spænd")
        assert store.index.get(first.id).categories == [split.id]
        assert store.index.get(third.id).categories == [split.id]
        assert sorted(store.index.get(both.id).categories) == ["c1", "c3"]

        # Delete: its notes lose it; undo brings it back on them.
        await pilot.press("ctrl+home", "x")
        assert store.session.category("c1") is None
        assert store.index.get(both.id).categories == ["c3"]
        assert len(rows(screen.query_one(DataTable))) == 4
        await pilot.press("ctrl+z")
        assert sorted(store.index.get(both.id).categories) == ["c1", "c3"]
        assert len(rows(screen.query_one(DataTable))) == 5

        # Changes made by others show; escape goes back.
        codebook.create(store, "Fra en anden")
        app.changed()
        await pilot.pause()
        assert "Fra en anden" in rows(screen.query_one(DataTable))[-1]
        await pilot.press("escape")
        assert not isinstance(app.screen, CodebookScreen)


async def test_new_categories_get_colours_apart_from_each_other_and_from_the_uncoded_warning(store, clock):
    from workshop.notes.codebook import DISTINCT, UNCODED_WARNING, colour_distance, rgb

    async with app_for(store, clock).run_test(size=SIZE) as pilot:
        await open_codebook(pilot)
        for name in ("Løn", "Arbejdsmiljø", "Kørsel", "Mentorer", "Praktik", "Tillid"):
            await pilot.press("n")
            await retype(pilot, name)
        categories = store.session.categories
        assert len(categories) == 10
        uddannelse = codebook.find_by_name(store.session, "Uddannelse")
        assert codebook.find_by_name(store.session, "Løn").colour != uddannelse.colour  # as it was given before
        for new in categories[4:]:
            others = [c for c in categories if c is not new]
            assert min(colour_distance(rgb(new.colour), rgb(o.colour)) for o in others) >= DISTINCT, new.name
            assert colour_distance(rgb(new.colour), rgb(UNCODED_WARNING)) >= DISTINCT, new.name

"""Setup in the app: edits through forms, saved at once, refused with check's words."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, TabbedContent

from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.note_dialogs import ChoiceDialog
from workshop.tui.screens.setup import SetupScreen
from workshop.tui.screens.setup_forms import FormScreen
from workshop.tui.textual_compat import notifications

SIZE = (100, 30)


def make_app(store: Store, clock) -> WorkshopApp:
    app = WorkshopApp(store, clock=clock, poll=False)
    app.animation_level = "none"  # the tabs' underline would otherwise slide on every switch
    return app


def cells(app: WorkshopApp, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def select(app: WorkshopApp, table_id: str, key: str) -> None:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    table.move_cursor(row=table.get_row_index(key))


async def clear_and_type(pilot, text: str) -> None:
    await pilot.press("ctrl+a", "ctrl+k", *text)


async def test_the_programme_tab(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.query_one(TabbedContent).active == "setup-program"

        # Add a break after the welcome: the times after it move.
        select(app, "setup-program-table", "p1")
        await pilot.press("a")
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"Kaffe", "tab")
        await clear_and_type(pilot, "10")
        await pilot.press("tab", "enter", "down", "down", "enter")  # kind: break
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        rows = cells(app, "setup-program-table")
        assert rows[1] == ["18.20 – 18.30", "Kaffe", "Pause", "10"]
        assert rows[2][0] == "18.30 – 19.00"
        # The cursor is on the new item: move it down past round 1.
        await pilot.press("d")
        assert [r[1] for r in cells(app, "setup-program-table")][1:3] == ["Runde 1 ved stationer", "Kaffe"]
        # ... and it is on disk at once.
        assert "Kaffe" in [i.title for i in Store.open(store.path, backup=False, readonly=True).session.program]

        # A refused edit keeps its form open and says why, in check's words.
        select(app, "setup-program-table", "p2")
        await pilot.press("e", "tab")
        await clear_and_type(pilot, "0")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        messages = [n.message for n in notifications(app)]
        refusal = (
            "[[program]] #2, minutes: minutterne skal være over nul (der står 0) - "
            "skriv et antal minutter over 0, fx 30"
        )
        assert refusal in messages
        await pilot.press("escape")
        assert store.session.program[1].minutes == 30

        # Remove the last item, and take it back.
        select(app, "setup-program-table", "p7")
        await pilot.press("x")
        assert len(cells(app, "setup-program-table")) == 7
        assert "p7" not in [i.id for i in store.session.program]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(cells(app, "setup-program-table")) == 8

        await pilot.press("escape")
        assert not isinstance(app.screen, SetupScreen)


async def test_stations_groups_and_people(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        # A station comes with its group and round while the evening is square.
        await pilot.press("o", "3")
        assert app.focused.id == "setup-stations-table"
        await pilot.press("a", *"Trivsel", "tab", *"Mette", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)  # a group and a round, or the station idle?
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert cells(app, "setup-stations-table")[-1] == ["4", "Mette", "3", "Trivsel"]
        assert cells(app, "setup-rotation")[-1][0] == "Runde 4 20.20 – 20.50"
        assert any("Gruppe 4" in n.message for n in notifications(app))
        await pilot.press("2")
        assert "Runde 4 ved stationer" in [r[1] for r in cells(app, "setup-program-table")]

        # A person moves to another group, and gets an affiliation (shown in Danish).
        await pilot.press("4")
        select(app, "setup-groups-table", "m|g1|2")  # Freja Holm
        await pilot.press("m")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # Gruppe 3
        await pilot.pause()
        assert [m.name for m in store.session.group("g3").members][-1] == "Freja Holm"
        assert "Freja Holm" not in [m.name for m in store.session.group("g1").members]
        await pilot.press("e", "tab", *"faglig organisation", "enter")
        await pilot.pause()
        assert store.session.group("g3").members[-1].affiliation == "union"  # as the session file spells it
        assert ["", "Freja Holm", "faglig organisation"] in cells(app, "setup-groups-table")

        # A group alone: the evening is no longer square, and the setup says what it costs.
        await pilot.press("g", "ctrl+s")
        await pilot.pause()
        assert store.session.group("g5").name == "Gruppe 5"
        await pilot.press("3")
        costs = str(app.screen.query_one("#setup-rotation-costs").content)
        assert costs.startswith("Rotationen koster: 1 gruppe venter i hver runde")


async def test_the_evening_form_switches_the_language(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "1", "e")
        assert isinstance(app.screen, FormScreen)
        for _ in range(5):
            await pilot.press("tab")
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await pilot.pause()
        assert store.session.workshop.language == "en"
        tabs = app.screen.query_one(TabbedContent)
        assert str(tabs.get_tab("setup-groups").label) == "4 Groups"
        assert cells(app, "setup-evening-table")[5] == ["Language", "English"]
        keys = {b.binding.id: b.binding.description for b in app.screen.active_bindings.values()}
        assert keys["setup.edit"] == "Edit"


@pytest.mark.parametrize(
    ("tab", "table", "row", "title"),
    [
        ("1", "setup-evening-table", "title", "Aftenen"),
        ("2", "setup-program-table", "p2", "Ret: Runde 1 ved stationer"),
        ("3", "setup-stations-table", "s2", "Ret: Uddannelse"),
        ("4", "setup-groups-table", "m|g1|0", "Ret: Åse Lund"),
    ],
)
async def test_enter_on_a_row_opens_its_edit_form(store, clock, tab, table, row, title):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", tab)
        select(app, table, row)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.form_title.startswith(title)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)


async def test_the_person_form_offers_the_affiliations_in_danish(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "4")
        select(app, "setup-groups-table", "g|g2")
        await pilot.press("a")
        await pilot.pause()
        labels = [str(label.content) for label in app.screen.query("Label")]
        assert labels[1] == "Tilknytning (fx politiker, administration, medarbejder, faglig organisation, uddannelse)"
        await pilot.press(*"Ida Ny", "tab", *"politi", "right", "enter")  # the suggestion, in Danish
        await pilot.pause()
        assert store.session.group("g2").members[-1].affiliation == "politician"
        assert ["", "Ida Ny", "politiker"] in cells(app, "setup-groups-table")


@pytest.mark.parametrize("tab", ["1", "2", "3", "4"])
def test_setup_snapshots(store, clock, snap_compare, tab):
    app = make_app(store, clock)

    async def fixed_title(pilot) -> None:
        pilot.app.sub_title = "evening.toml"
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), press=["o", tab], run_before=fixed_title)


async def test_a_new_session_is_prepared_in_the_setup(tmp_path, clock):
    from workshop.planning.starter import starter_session
    from workshop.storage import snapshot_file as snapshot

    path = tmp_path / "temaaften.toml"
    snapshot.write(path, starter_session(stations=2, language="en"), 0)
    store = Store.open(path, author="Testa Testesen")
    try:
        app = make_app(store, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("o", "1", "e")
            await clear_and_type(pilot, "Theme night")
            await pilot.press("enter")
            await pilot.press("3")
            select(app, "setup-stations-table", "s1")
            await pilot.press("e")
            await clear_and_type(pilot, "Lead")
            await pilot.press("tab", *"Bo", "ctrl+s")
            await pilot.press("4")
            select(app, "setup-groups-table", "g|g1")
            await pilot.press("a", *"Åse", "tab", *"pol", "right", "enter")  # the suggestion
            await pilot.pause()
            assert ["", "Åse", "politician"] in cells(app, "setup-groups-table")
            await pilot.press("escape")
        again = Store.open(path, backup=False, readonly=True).session
        assert again.workshop.title == "Theme night"
        assert (again.stations[0].name, again.stations[0].host) == ("Lead", "Bo")
        assert again.groups[0].members[0].affiliation == "politician"
    finally:
        store.close()

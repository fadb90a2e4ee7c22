"""The app opens straight into the mode asked for, and the function keys move between modes."""

from __future__ import annotations

import pytest

from workshop.tui.app import WorkshopApp
from workshop.tui.help import HelpScreen
from workshop.tui.screens.facilitator import FacilitatorScreen
from workshop.tui.screens.notes import NotesScreen
from workshop.tui.screens.secretariat import SecretariatScreen

SCREENS = {"facilitator": FacilitatorScreen, "notes": NotesScreen, "secretariat": SecretariatScreen}


@pytest.mark.parametrize("mode", list(SCREENS))
async def test_the_app_opens_straight_into_its_mode(store, clock, mode):
    app = WorkshopApp(store, mode=mode, station="s1", clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == mode
        assert isinstance(app.screen, SCREENS[mode])
        await pilot.press("escape")  # nothing underneath to fall back to
        assert isinstance(app.screen, SCREENS[mode])


async def test_function_keys_switch_modes_and_f1_lists_the_keys(store, clock):
    app = WorkshopApp(store, station="s1", clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("f4")
        assert isinstance(app.screen, SecretariatScreen)
        await pilot.press("f2")
        assert isinstance(app.screen, FacilitatorScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, FacilitatorScreen)


def test_an_unknown_mode_is_refused_with_the_known_ones(store):
    with pytest.raises(ValueError, match="facilitator, notes, secretariat"):
        WorkshopApp(store, mode="board")

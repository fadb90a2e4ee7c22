"""User text is shown as written, on every screen: brackets are never read as markup.

A station named ``Trivsel [/ arbejdsmiljø]`` once stopped the app at its start (Rich's
MarkupError), and ``Ledelse [udkast] og [mål]`` showed as "Ledelse  og ". Here every kind of user
text of a made-up evening holds markup-like brackets (``[b]``, ``[/ x]``, ``[link=...]``,
``[@click=app.quit]``): each screen of each mode opens at 80x24, shows the brackets as typed (read
from the screen as a user reads it), and clicking a ``[@click=app.quit]`` does nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from screen_reading import screen_text

from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.board import BoardScreen
from workshop.tui.screens.codebook import CodebookScreen
from workshop.tui.screens.schedule import ScheduleScreen
from workshop.tui.screens.setup import SetupScreen
from workshop.tui.screens.setup_forms import FormScreen

SMALL = (80, 24)

MARKUP = [
    ('title = "Udvalget om trivsel og rekruttering"', 'title = "Udvalget [b]om[/b] trivsel"'),
    ('subtitle = "Prøveaften – kvalificering af anbefalinger"', 'subtitle = "Prøveaften [/ sub]"'),
    ('location = "Rådhuset, mødesal 2"', 'location = "Rådhuset [sal]"'),
    ('title = "Velkomst v. formanden"', 'title = "Velkomst [dim]v. formanden"'),
    ('title = "Runde 1 ved stationer"', 'title = "Runde 1 [/ runde]"'),
    ('description = "Dagens program.', 'description = "[@click=app.quit]Dagens[/] program.'),
    ('name = "Ledelse som fag"', 'name = "Trivsel [/ arbejdsmiljø]"'),
    ('name = "Uddannelse – før, under og efter. Tidlig interesse for fagene"', 'name = "Ledelse [udkast] og [mål]"'),
    ('host = "Bodil"', 'host = "Bodil [i]"'),
    (
        'questions = ["Er der noget vi har overset?"',
        'questions = ["Er der [link=https://x.example]noget[/link] overset?"',
    ),
    ('name = "Gruppe 1"', 'name = "Gruppe [red]1[/red]"'),
    ('name = "Åse Lund"', 'name = "Åse [@click=app.quit]Lund[/]"'),
    ('"Lærke Bjørn"', '"Lærke [/] Bjørn"'),
    ('name = "Ledelse"\n', 'name = "Ledelse [bold]"\n'),
    ('name = "Uddannelse"\n', 'name = "Udd [/x]"\n'),
    ('description = "Ledelse som fag, ledelsesspænd', 'description = "[i]Ledelse[/i] som fag, ledelsesspænd'),
]
"""Every kind of user text of the made-up evening, given brackets: (as written, with brackets)."""

NOTES = """
[[notes]]
station = "s1"
round = 1
group = "g1"
text = "Note [@click=app.quit]klik[/] her [b]"
categories = ["c1"]
author = "Pia [x]"

[[notes]]
station = "s2"
round = 1
group = "g2"
text = "Anden [/ note] uden kode"
author = "Pia [x]"

[summary]
overall = "Opsamling [u]vigtig[/u]"
stations = { s1 = "Resumé [/ s1]" }
"""


@pytest.fixture
def bracketed(session_path: Path) -> Path:
    """The made-up evening with brackets in every user text, two notes and summaries."""
    text = session_path.read_text(encoding="utf-8")
    for plain, marked in MARKUP:
        assert plain in text, plain
        text = text.replace(plain, marked, 1)
    session_path.write_text(text + NOTES, encoding="utf-8")
    return session_path


SCREENS = [
    # (mode, keys pressed, the screen then on top (None: the mode's own), text shown as written)
    ("facilitator", [], None, ["Runde 1 [/ runde]", "[dim]v. formanden"]),
    ("facilitator", ["b"], BoardScreen, ["Prøveaften [/ sub]", "Gruppe [red]1[/red]", "Lærke [/] Bjørn"]),
    ("facilitator", ["o", "1"], SetupScreen, ["Udvalget [b]om[/b] trivsel", "Prøveaften [/ sub]", "Rådhuset [sal]"]),
    ("facilitator", ["o", "1", "e"], FormScreen, ["Prøveaften [/ sub]"]),
    ("facilitator", ["o", "2"], SetupScreen, ["Runde 1 [/ runde]", "Velkomst [dim]"]),
    ("facilitator", ["o", "2", "e"], FormScreen, ["Velkomst [dim]v. formanden"]),
    ("facilitator", ["o", "3"], SetupScreen, ["Trivsel [/ arbejdsmiljø]", "Ledelse [udkast] og [mål]", "Bodil [i]"]),
    ("facilitator", ["o", "3", "e"], FormScreen, ["Trivsel [/ arbejdsmiljø]", "[link=https://x.example]noget[/link]"]),
    ("facilitator", ["o", "4"], SetupScreen, ["Gruppe [red]1[/red]", "Åse [@click=app.quit]Lund[/]"]),
    ("facilitator", ["o", "4", "e"], FormScreen, ["Gruppe [red]1[/red]"]),
    ("facilitator", ["o", "4", "m"], SetupScreen, ["Åse [@click=app.quit]Lund[/]"]),
    ("facilitator", ["k"], ScheduleScreen, ["Gruppe [red]1[/red]"]),
    ("facilitator", ["k", "m"], ScheduleScreen, ["Åse [@click=app.quit]Lund[/]", "Lærke [/] Bjørn"]),
    (
        "notes",
        [],
        None,
        [
            "Trivsel [/ arbejdsmiljø]",
            "[link=https://x.example]noget[/link]",
            "Ledelse [bold]",
            "Note [@click=app.quit]klik[/] her [b]",
        ],
    ),
    ("notes", ["escape", "c"], None, ["Ledelse [bold]", "Udd [/x]"]),
    ("notes", ["ctrl+b"], CodebookScreen, ["Ledelse [bold]", "Udd [/x]", "[i]Ledelse[/i]"]),
    ("notes", ["ctrl+f"], None, ["Anden [/ note] uden kode", "Pia [x]", "[@click=app.quit]klik[/]"]),
    ("notes", ["ctrl+f", "m"], None, ["Udd [/x]"]),
    ("notes", ["ctrl+f", "v"], None, ["Ledelse [udkast]", "Anden [/ note]"]),
    ("notes", ["ctrl+f", "v", "v"], None, ["Anden [/ note]", "Ledelse [bold]"]),
    ("secretariat", [], None, ["Opsamling [u]vigtig[/u]", "Udvalget [b]om[/b] trivsel"]),
    ("secretariat", ["ctrl+f"], None, ["Anden [/ note] uden kode"]),
    ("secretariat", ["ctrl+b"], CodebookScreen, ["Ledelse [bold]"]),
]


@pytest.mark.parametrize(
    ("mode", "keys", "screen", "shown"),
    SCREENS,
    ids=[f"{mode}-{'+'.join(keys) or 'start'}" for mode, keys, _, _ in SCREENS],
)
async def test_every_screen_shows_user_text_as_written(bracketed, clock, mode, keys, screen, shown):
    store = Store.open(bracketed, author="Testa Testesen")
    try:
        app = WorkshopApp(store, mode=mode, station="s1", clock=clock, poll=False, ask_author=False)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            assert app.is_running
            if screen is not None:
                assert isinstance(app.screen, screen)
            text = screen_text(app)
            for part in shown:
                assert part in text, f"{part!r} not on the screen:\n{text}"
    finally:
        store.close()


def place_of(text: str, part: str) -> tuple[int, int]:
    """The column and line of ``part`` on the screen (the first place it shows)."""
    for line_number, line in enumerate(text.splitlines()):
        if part in line:
            return line.index(part), line_number
    raise AssertionError(f"{part!r} not on the screen:\n{text}")


@pytest.mark.parametrize(("mode", "keys"), [("notes", []), ("facilitator", ["o", "4"])])
async def test_a_click_on_a_written_click_action_does_nothing(bracketed, clock, mode, keys):
    store = Store.open(bracketed, author="Testa Testesen")
    try:
        app = WorkshopApp(store, mode=mode, station="s1", clock=clock, poll=False, ask_author=False)
        async with app.run_test(size=SMALL) as pilot:
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            x, y = place_of(screen_text(app), "[@click=app.quit]")
            for offset in (1, 18, 20):  # the bracket, the word after it
                await pilot.click(offset=(x + offset, y))
                await pilot.pause()
            assert app.is_running
            assert app.return_code is None
    finally:
        store.close()


async def test_a_station_name_with_a_closing_tag_opens_the_app(bracketed, clock):
    """The station of the note-taker's header, the key legend and the programme: as written."""
    store = Store.open(bracketed, author="Testa Testesen")
    try:
        app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False, ask_author=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "Trivsel [/ arbejdsmiljø]" in text
            assert "Ledelse  og " not in text
            await pilot.press("f2")
            await pilot.pause()
            text = screen_text(app)  # the rotation may wrap the name: each bracket as written
            assert "Ledelse [udkast]" in text
            assert "[mål]" in text
    finally:
        store.close()

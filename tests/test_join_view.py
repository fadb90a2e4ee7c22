"""The board's join view: while `workshop serve` runs, every station's title, link and a QR code that a
phone reads as that link; without a server, how to start one (and the codes as soon as it runs)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from screen_reading import screen_text
from textual.color import Color
from waiting import until

from workshop.cli.main import main as workshop
from workshop.serving import qr
from workshop.serving.announce import announce, announcement_path, withdraw
from workshop.serving.links import Links
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.qr_code import QRCode
from workshop.tui.screens.board import BoardScreen
from workshop.tui.screens.join import JoinScreen, StationJoin, link_lines, plan
from workshop.words import KEYS
from workshop.words.facilitator import KEYS as FACILITATOR_KEYS

# The new keys speak Danish from workshop/words/facilitator.py until they are merged into workshop/words/keys.py.
KEYS.update({key: words for key, words in FACILITATOR_KEYS.items() if key not in KEYS})

LINKS = Links("http://192.168.1.23:8000", "Kaffe-og-kage-2026-aften")
"""A made-up server on the venue's network, with a fixed access token."""


async def open_join_view(pilot) -> JoinScreen:
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BoardScreen)
    await pilot.press("j")
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, JoinScreen)
    return screen


def shown_code(app: WorkshopApp, code: QRCode) -> list[list[bool]]:
    """The modules of ``code`` as the screen shows it (True: dark), read back from its characters."""
    lines = screen_text(app).splitlines()
    region = code.region
    rows = [
        (lines[y] if y < len(lines) else "").ljust(region.right)[region.x : region.right]
        for y in range(region.y, region.bottom)
    ]
    modules: list[list[bool]] = []
    for row in rows:
        modules.append([character in "█▀" for character in row])
        modules.append([character in "█▄" for character in row])
    return modules


def decoded(modules: list[list[bool]], folder: Path) -> str:
    """What a QR reader (zbarimg) reads in ``modules``, drawn four pixels a module."""
    assert shutil.which("zbarimg"), "the QR reader zbarimg is missing: apt-get install zbar-tools (.ci/run does)"
    scale = 4
    size = len(modules[0]) * scale
    height = len(modules) * scale
    rows = [" ".join("1" if modules[y // scale][x // scale] else "0" for x in range(size)) for y in range(height)]
    image = folder / "code.pbm"
    image.write_text(f"P1\n{size} {height}\n" + "\n".join(rows) + "\n")
    found = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True)
    return found.stdout.strip()


async def test_every_station_has_its_title_its_link_and_a_code_a_phone_reads_as_the_link(store, clock, tmp_path):
    announce(store.path, LINKS)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_join_view(pilot)
        text = screen_text(app)
        assert "Tag noter på din egen enhed: scan QR-koden ved din station" in text
        cards = list(screen.query(StationJoin))
        assert [card.id for card in cards] == ["join-s1", "join-s2", "join-s3"]
        for card, title in zip(cards, ["Station 1 – Ledelse som fag v. Bodil", "Station 2", "Station 3"]):
            link = f"http://192.168.1.23:8000/?token=Kaffe-og-kage-2026-aften&station={card.id[5:]}"
            assert title in text
            for part in link_lines(link, card.content_size.width):
                assert part in text, f"{part} of {card.id}'s link is not on the screen"
            code = card.query_one(QRCode)
            assert code.region.right <= 200 and code.region.bottom <= 60, f"{card.id}'s code is cut off"
            modules = shown_code(app, code)
            expected = qr.matrix(link)
            assert modules[: len(expected)] == expected  # the same code as segno makes, module for module
            assert decoded(modules, tmp_path) == link
            assert code.styles.color == Color.parse("black") and code.styles.background == Color.parse("white")


async def test_without_a_server_it_says_how_to_start_one_and_shows_the_codes_once_it_runs(store, clock, monkeypatch):
    monkeypatch.setattr(JoinScreen, "CHECK_SECONDS", 0.02)  # it looks for a server often: no test waits a second
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_join_view(pilot)
        text = screen_text(app)
        assert "Ingen server kører for denne session" in text
        assert f"workshop serve {store.path} --lan" in text
        assert "Koderne kommer frem her af sig selv, så snart serveren kører." in text
        assert not screen.query(QRCode)
        announce(store.path, LINKS)
        await until(pilot, lambda: "Ingen server kører" not in screen_text(app), "the codes, once the server runs")
        assert screen.query(QRCode).first().link.startswith(LINKS.page())
        withdraw(store.path)  # the server stopped
        assert not announcement_path(store.path).exists()
        await until(pilot, lambda: "Ingen server kører for denne session" in screen_text(app), "no server, again")


async def test_a_server_that_died_is_not_believed(store, clock):
    """A .serve.json left behind by a server whose process is gone shows no codes (they lead nowhere)."""
    announcement_path(store.path).write_text(
        '{"base": "http://192.168.1.23:8000", "token": "Kaffe-og-kage-2026-aften", "pid": 999999999}\n'
    )
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_join_view(pilot)
        assert "Ingen server kører for denne session" in screen_text(app)


@pytest.fixture
def wide_evening(tmp_path: Path):
    """A made-up evening with five stations."""

    def make(stations: int) -> Store:
        path = tmp_path / "sessions" / f"aften-{stations}.toml"
        path.parent.mkdir(exist_ok=True)
        assert workshop(["new", str(path), "--stations", str(stations), "--title", "Temaaften"]) == 0
        return Store.open(path, author="Testa Testesen")

    opened: list[Store] = []
    yield lambda stations: opened.append(make(stations)) or opened[-1]
    for store in opened:
        store.close()


@pytest.mark.parametrize("stations", [3, 4, 5])
async def test_three_to_five_codes_fit_a_projector_at_200x60(wide_evening, clock, stations):
    store = wide_evening(stations)
    announce(store.path, LINKS)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_join_view(pilot)
        assert screen.layout_now.per_page == stations
        codes = [code.region for code in screen.query(QRCode)]
        assert len(codes) == stations
        for number, region in enumerate(codes):
            assert region.x >= 0 and region.right <= 200 and region.y >= 1 and region.bottom <= 59
            assert region.height * 2 >= len(qr.matrix(LINKS.station(f"s{number + 1}")))  # whole, never cut
            for other in codes[number + 1 :]:
                assert not region.overlaps(other)
        assert "←/→" not in screen_text(app)


async def test_at_80x24_one_code_at_a_time_and_the_arrows_show_the_others(store, clock):
    announce(store.path, LINKS)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_join_view(pilot)

        def showing() -> list[str]:
            return [card.id or "" for card in screen.query(StationJoin) if card.display]

        assert showing() == ["join-s1"]
        code = screen.query_one("#join-s1").query_one(QRCode)
        assert code.region.bottom <= 23 and code.region.right <= 80
        assert "←/→: station 1 af 3" in screen_text(app)
        await pilot.press("right")
        assert showing() == ["join-s2"]
        assert "←/→: station 2 af 3" in screen_text(app)
        await pilot.press("left", "left")
        assert showing() == ["join-s3"]
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


async def test_a_window_too_small_for_a_code_shows_the_links_and_says_to_enlarge_it(store, clock):
    announce(store.path, LINKS)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(70, 20)) as pilot:
        screen = await open_join_view(pilot)
        text = screen_text(app)
        assert "Vinduet er for lille til QR-koderne: gør det større" in text
        assert not any(code.display and code.parent.display for code in screen.query(QRCode))
        assert "&station=s1" in text


def test_the_largest_codes_that_fit_are_chosen():
    cards = [(f"Station {n}", LINKS.station(f"s{n}")) for n in range(1, 4)]
    assert plan(cards[:1], 200, 60).large  # one station: twice the size
    assert plan(cards[:2], 200, 60).large
    three = plan(cards, 200, 60)
    assert (three.large, three.columns, three.rows, three.per_page) == (False, 3, 1, 3)
    assert plan(cards, 80, 24).per_page == 1
    assert plan(cards, 40, 15).per_page == 0


def test_a_long_link_breaks_before_its_query_parts():
    link = LINKS.station("s2")
    assert link_lines(link, 200) == [link]
    assert link_lines(link, 60) == ["http://192.168.1.23:8000/?token=Kaffe-og-kage-2026-aften", "&station=s2"]
    assert link_lines(link, 32) == ["http://192.168.1.23:8000/", "?token=Kaffe-og-kage-2026-aften", "&station=s2"]
    assert all(len(line) <= 12 for line in link_lines(link, 12))


async def test_the_palette_opens_the_join_view_from_the_board(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        assert "QR-koder" in commands
        commands["QR-koder"].callback()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


async def test_an_english_session_speaks_english(store, clock):
    store.set_section("workshop", store.session.workshop.model_copy(update={"language": "en"}), "language")
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_join_view(pilot)
        text = screen_text(app)
        assert "Take notes on your own device: scan the QR code of your station" in text
        assert "No server is running for this session" in text
        assert "Esc: back to the board" in text


def test_join_view_snapshot(store, clock, snap_compare):
    announce(store.path, LINKS)

    async def open_it(pilot) -> None:
        await open_join_view(pilot)

    app = WorkshopApp(store, clock=clock, poll=False)
    assert snap_compare(app, terminal_size=(200, 60), run_before=open_it)


async def test_links_that_only_this_computer_can_open_are_warned_about_on_the_projector(store, clock):
    """Issue 17: the join view showed 127.0.0.1 codes, which no phone can open, without a word."""
    announce(store.path, Links("http://127.0.0.1:8000", "Kaffe-og-kage-2026-aften"))
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_join_view(pilot)
        text = " ".join(screen_text(app).split())
        assert "Linkene virker kun på denne computer (127.0.0.1), ikke på telefoner" in text
        assert "--lan" in text
    withdraw(store.path)
    announce(store.path, LINKS)  # a network address: no warning
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_join_view(pilot)
        assert "virker kun på denne computer" not in screen_text(app)
    withdraw(store.path)

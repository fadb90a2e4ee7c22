"""`workshop serve`: note-takers on their own devices, over textual-serve's websocket protocol.

The server runs in the test's event loop, each browser is a real app process driven through the
page and the websocket (serve_support.py); the Ctrl+C test runs `workshop serve` itself as a
process. The real browser (Chromium) is in test_serve_browser.py.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
from serve_support import (
    TOKEN,
    alive,
    anna_and_bo,
    assert_stopped_cleanly,
    base_of,
    children_of,
    ctrl_c,
    eventually,
    notes_in,
    opened,
    printed_until,
    serve_process,
    type_note,
)
from workshop_process import note_command

from workshop.cli.errors import UsageError
from workshop.cli.main import main
from workshop.cli.serve import addresses, qr_block
from workshop.serving import qr
from workshop.serving.announce import announcement_path, running_links
from workshop.serving.app_process import app_argv
from workshop.serving.client import Browser, screen_text, websocket_address
from workshop.serving.links import (
    LOOPBACK,
    NAME_LIMIT,
    Launch,
    LinkRefused,
    Links,
    _usable,
    base_url,
    lan_address,
    new_token,
    read_link,
    token_is_usable,
    token_matches,
)
from workshop.serving.server import WorkshopServer
from workshop.words import word

STATIONS = ["s1", "s2", "s3"]

# Tokens and links -----------------------------------------------------------------------------


def test_every_start_has_its_own_token_and_every_link_carries_it():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(token_is_usable(t) and len(t) >= 22 for t in tokens)
    links = Links("http://192.168.1.23:8000", "T0k3n-T0k3n-T0k3n-T0")
    assert links.station("s2") == "http://192.168.1.23:8000/?token=T0k3n-T0k3n-T0k3n-T0&station=s2"
    assert links.station("s2", "Åse Lund") == (
        "http://192.168.1.23:8000/?token=T0k3n-T0k3n-T0k3n-T0&station=s2&name=%C3%85se%20Lund"
    )
    assert links.facilitator().endswith("?token=T0k3n-T0k3n-T0k3n-T0&mode=facilitator")
    assert links.secretariat().endswith("&mode=secretariat")
    assert links.join() == "http://192.168.1.23:8000/?token=T0k3n-T0k3n-T0k3n-T0"


def test_only_the_token_itself_matches():
    assert token_matches(TOKEN, TOKEN)
    for wrong in (None, "", TOKEN[:-1], TOKEN + "x", TOKEN.upper(), "ø" * 10):
        assert not token_matches(wrong, TOKEN)
    assert not token_is_usable("kort")
    assert not token_is_usable("mellemrum er ikke i et link ok")
    assert not token_is_usable("a" * 129)


def test_a_link_may_ask_for_a_station_of_the_session_a_mode_and_a_plain_name():
    assert read_link({"station": "s2", "name": " Anna "}, STATIONS, "aften.toml") == Launch("notes", "s2", "Anna")
    assert read_link({}, STATIONS, "aften.toml") == Launch("notes")
    assert read_link({"mode": "secretariat"}, STATIONS, "aften.toml") == Launch("secretariat")
    assert read_link({"name": "-x --help"}, STATIONS, "aften.toml").name == "-x --help"
    assert read_link({"name": "$(id); `id`"}, STATIONS, "aften.toml").name == "$(id); `id`"
    assert read_link({"name": "Å" * NAME_LIMIT}, STATIONS, "aften.toml").name == "Å" * NAME_LIMIT
    refusals = {
        "serve_no_station": {"station": "s1;touch /tmp/x"},
        "serve_bad_mode": {"mode": "root"},
    }
    for key, query in refusals.items():
        with pytest.raises(LinkRefused) as refused:
            read_link(query, STATIONS, "aften.toml")
        assert refused.value.key == key
    for name in ("Å" * (NAME_LIMIT + 1), "Anna\nBo", "Anna\x1b[2J", "tab\there"):
        with pytest.raises(LinkRefused) as refused:
            read_link({"name": name}, STATIONS, "aften.toml")
        assert refused.value.key == "serve_bad_name"


def test_the_app_is_started_from_an_argument_list_where_a_name_is_one_argument(session_path):
    argv = app_argv(session_path, Launch("notes", "s2", "--mode=facilitator; $(touch x)"))
    assert argv[:4] == [sys.executable, "-m", "workshop", "run"]
    assert argv[4] == str(session_path.resolve())
    assert argv[5:] == ["--mode=notes", "--station=s2", "--author=--mode=facilitator; $(touch x)"]


def test_the_links_carry_this_computers_address_never_0_0_0_0(monkeypatch):
    import workshop.serving.links as links

    assert addresses(None, False, "da") == (LOOPBACK, LOOPBACK)
    monkeypatch.setattr(links, "lan_address", lambda: "192.168.1.23")
    assert addresses(None, True, "da") == ("192.168.1.23", "192.168.1.23")
    assert addresses("0.0.0.0", False, "da") == ("0.0.0.0", "192.168.1.23")
    assert addresses("0.0.0.0", True, "da") == ("0.0.0.0", "192.168.1.23")
    assert addresses("10.0.0.5", False, "da") == ("10.0.0.5", "10.0.0.5")
    monkeypatch.setattr(links, "lan_address", lambda: None)
    with pytest.raises(UsageError, match="--lan: denne computer har ingen netværksadresse"):
        addresses(None, True, "da")
    assert addresses("::", False, "da") == ("::", LOOPBACK)


def test_the_lan_address_is_an_address_others_can_reach():
    assert _usable(["127.0.1.1", "0.0.0.0", "169.254.3.4", "not an address", "192.168.1.23"]) == "192.168.1.23"
    assert _usable(["127.0.0.1", "::1"]) is None
    found = lan_address()
    assert found is None or _usable([found]) == found
    assert base_url("192.168.1.23", 8000) == "http://192.168.1.23:8000"
    assert base_url("fe80::1", 8000) == "http://[fe80::1]:8000"
    assert base_url("192.168.1.23", 443, tls=True) == "https://192.168.1.23"
    assert base_url("192.168.1.23", 8443, tls=True) == "https://192.168.1.23:8443"


# QR codes -------------------------------------------------------------------------------------


def undraw(lines: list[str]) -> list[list[bool]]:
    """The modules back from the half-block drawing (the top row of each line, then the bottom row)."""
    top = {qr.FULL: (True, True), qr.UPPER: (True, False), qr.LOWER: (False, True), qr.EMPTY: (False, False)}
    rows: list[list[bool]] = []
    for line in lines:
        pairs = [top[c] for c in line]
        rows += [[p[0] for p in pairs], [p[1] for p in pairs]]
    return rows


def test_a_qr_code_is_drawn_module_for_module_from_segno():
    link = Links("http://192.168.1.23:8000", TOKEN).station("s2")
    modules = qr.matrix(link)
    assert len(modules) == len(modules[0]) >= 21 + 2 * qr.QUIET_ZONE
    assert not any(modules[0]) and not any(row[0] for row in modules)  # the quiet zone is light
    assert modules[qr.QUIET_ZONE][qr.QUIET_ZONE : qr.QUIET_ZONE + 7] == [True] * 7  # a finder pattern's edge
    compact = qr.lines(link)
    assert undraw(compact)[: len(modules)] == modules
    assert len(compact) == (len(modules) + 1) // 2
    large = qr.lines(link, large=True)
    assert [[line[2 * i] == qr.FULL for i in range(len(line) // 2)] for line in large] == modules
    assert qr.matrix(link.replace("s2", "s3")) != modules


def test_in_the_terminal_a_qr_code_is_dark_on_light_whatever_the_terminals_colours():
    link = Links("http://127.0.0.1:8000", TOKEN).station("s1")
    coloured = qr.for_terminal(link)
    assert all(line.startswith(qr.DARK_ON_LIGHT) and line.endswith(qr.RESET) for line in coloured)
    assert qr.for_terminal(link, colour=False) == qr.lines(link)
    block = qr_block([("Station 1 – Ledelse", link), ("Station 2 – Uddannelse", link.replace("s1", "s2"))])
    assert block[0].startswith("Station 1 – Ledelse")
    assert "Station 2 – Uddannelse" in block[0] or any(line.startswith("Station 2") for line in block)


# Where the server is, for the board's join view ------------------------------------------------


async def test_while_serving_the_sessions_folder_says_where_for_the_join_view(session_path):
    assert running_links(session_path) is None
    served = WorkshopServer(session_path, token=TOKEN, port=0)
    await served.start()
    try:
        assert running_links(session_path) == served.links
        assert announcement_path(session_path).stat().st_mode & 0o777 == 0o600
    finally:
        await served.close()
    assert running_links(session_path) is None and not announcement_path(session_path).exists()
    # A server that died leaves its file behind; its links are not offered.
    announcement_path(session_path).write_text(
        f'{{"base": "http://127.0.0.1:8000", "token": "{TOKEN}", "pid": {2**22 + 1}}}', encoding="utf-8"
    )
    assert running_links(session_path) is None


# Access: the token on every request -------------------------------------------------------------


async def test_without_the_token_every_request_gets_403_and_nothing_else(server, http, session_path):
    base = server.public_url
    paths = [
        "/",
        "/?station=s1",
        "/ws",
        "/ws/anything",
        "/static/js/textual.js",
        "/static/css/xterm.css",
        "/download/x",
        "/no-such-page",
    ]
    for path in paths:
        for token in (None, "", "forkert-noegle-forkert-noegle", TOKEN[:-1]):
            url = base + path + ("" if token is None else ("&" if "?" in path else "?") + f"token={token}")
            async with http.get(url) as response:
                assert response.status == 403, url
                page = await response.text()
                assert "Linket virker ikke" in page and "Scan QR-koden ved din station igen" in page
                assert websocket_address(page) is None and "Forbidden" not in page
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await http.ws_connect(base.replace("http", "ws") + "/ws/anything")
    assert refused.value.status == 403
    assert server.started == []


async def test_with_the_token_the_page_static_files_and_no_google_font(server, http):
    async with http.get(server.links.station("s2")) as response:
        assert response.status == 200
        page = await response.text()
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.cookies[server.cookie_name]["httponly"]
    assert '<html lang="da">' in page
    assert "Åbner Udvalget om trivsel og rekruttering …" in page
    assert "googleapis" not in page and "https://" not in page
    assert TOKEN not in page  # the page itself does not repeat it; the cookie carries it on
    address = websocket_address(page)
    assert address is not None and address.startswith(f"ws://127.0.0.1:{server.port}/ws/")
    # The page's own requests carry no token in their address: the cookie is enough.
    for path in ("/static/js/textual.js", "/static/fonts/RobotoMono-VariableFont_wght.ttf"):
        async with http.get(server.public_url + path) as response:
            assert response.status == 200, path
    async with http.get(server.public_url + "/download/no-such-file") as response:
        assert response.status == 404
    assert server.started == []  # a page starts nothing; its websocket does


async def test_a_station_with_shell_characters_is_refused_with_a_page_and_starts_nothing(server, http, tmp_path):
    marker = tmp_path / "pwned"
    for station in (f"s1;touch {marker}", f"$(touch {marker})", f"`touch {marker}`", f"s1 && touch {marker}"):
        async with http.get(server.links.station(station)) as response:
            assert response.status == 400
            page = await response.text()
        text = screen_text(page)
        assert "Linket kan ikke åbnes" in page
        assert "findes ikke i evening.toml" in text
        assert "s1, s2, s3" in text
        assert websocket_address(page) is None
    # A definite event instead of a pause: a good link's app starts and draws. Apps start only from a
    # page's websocket, one after the other as asked, so it is the first and only one started.
    browser = await opened(server.links.station("s1", "Anna"))
    try:
        stations = [[arg for arg in service.argv if arg.startswith("--station")] for service in server.started]
        assert stations == [["--station=s1"]]
    finally:
        await browser.close()
    assert not marker.exists()


async def test_a_bad_mode_or_name_is_refused_with_a_page_that_says_what_to_do(server, http):
    async with http.get(server.links.page(mode="admin")) as response:
        assert response.status == 400
        assert "mode=facilitator, mode=notes, mode=secretariat eller mode=comment" in await response.text()
    async with http.get(server.links.page(station="s1", name="x" * 61)) as response:
        assert response.status == 400
        assert "højst 60 almindelige tegn" in await response.text()
    async with http.get(server.links.page(station="s1") + "&station=s2") as response:
        assert response.status == 400
        assert "mere end én gang" in await response.text()


async def test_in_an_english_session_the_pages_are_in_english(session_path, http):
    text = session_path.read_text(encoding="utf-8")
    session_path.write_text(text.replace('language = "da"', 'language = "en"'), encoding="utf-8")
    served = WorkshopServer(session_path, token=TOKEN, port=0, limit=1)
    await served.start()
    try:
        async with http.get(served.links.station("s9")) as response:
            page = await response.text()
        assert response.status == 400 and '<html lang="en">' in page
        assert "This link cannot be opened" in page and "The station «s9» is not in evening.toml" in page
        async with http.get(served.links.station("s1")) as response:
            page = await response.text()
        assert '<html lang="en">' in page and "Opening Udvalget om trivsel og rekruttering …" in page
    finally:
        await served.close()


async def test_a_forged_ticket_or_another_sites_page_starts_nothing(server, http):
    async with http.get(server.links.station("s1")) as response:
        address = websocket_address(await response.text())
    assert address is not None
    forged = address.rsplit("/", 1)[0] + "/" + new_token()
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await http.ws_connect(forged)
    assert refused.value.status == 404
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await http.ws_connect(address, origin="http://evil.example")
    assert refused.value.status == 403
    assert server.started == []


async def test_the_token_never_appears_in_a_log_line(server, http, capfd):
    async with http.get(server.public_url + "/?token=nearly-" + TOKEN) as response:
        assert response.status == 403
    async with http.get(server.links.station("s1")) as response:
        assert response.status == 200
    browser = await opened(server.links.station("s2", "Anna"))
    await browser.close()
    await eventually(lambda: not server.live, 10)
    logged = capfd.readouterr().err
    assert "afvist: / fra 127.0.0.1 uden den rigtige adgangsnøgle" in logged
    assert "åbnet: station s2, Anna" in logged
    assert "lukket: station s2, Anna" in logged
    assert TOKEN not in logged and "token=" not in logged


# Browsers: a join link lands in capture, notes are saved and seen -----------------------------------


async def test_a_join_link_lands_in_capture_and_a_note_typed_there_is_in_the_session(server, session_path):
    browser = await opened(server.links.station("s2", "Åse Lund"))
    try:
        assert browser.page_status == 200
        await browser.wait_for("Station 2 – Uddannelse – før, under og efter", 10)
        await type_note(browser, "Praktikpladser mangler – især om vinteren")
        notes = await eventually(lambda: notes_in(session_path), 30)
    finally:
        await browser.close()
    assert [(n.text, n.author, n.station) for n in notes] == [
        ("Praktikpladser mangler – især om vinteren", "Åse Lund", "s2")
    ]


async def test_two_browsers_and_the_note_command_see_each_others_notes(server, session_path):
    anna, bo = await asyncio.gather(
        opened(server.links.station("s1", "Anna")), opened(server.links.station("s1", "Bo"))
    )
    try:
        # Anna saves; Bo sees it, and so does every other instance (it is in the session).
        since = len(bo.frames)
        await type_note(anna, "Anna: bedre skiltning ved indgangen")
        await bo.wait_for("Anna: bedre skiltning", 30, since)
        await eventually(lambda: any(n.author == "Anna" for n in notes_in(session_path)), 30)
        # Bo saves; Anna sees it.
        since = len(anna.frames)
        await type_note(bo, "Bo: flere bænke i parken")
        await anna.wait_for("Bo: flere bænke", 30, since)
        # A script (another terminal) adds one; both browsers show it.
        since_a, since_b = len(anna.frames), len(bo.frames)
        script = await note_command(session_path, "s1", "Fra terminalen: tjek lydanlægget")
        _, err = await script.communicate()
        assert script.returncode == 0, err.decode()
        await anna.wait_for("Fra terminalen: tjek", 30, since_a)
        await bo.wait_for("Fra terminalen: tjek", 30, since_b)
    finally:
        await asyncio.gather(anna.close(), bo.close())
    assert sorted((n.author, n.text) for n in notes_in(session_path)) == [
        ("Anna", "Anna: bedre skiltning ved indgangen"),
        ("Bo", "Bo: flere bænke i parken"),
        ("Script", "Fra terminalen: tjek lydanlægget"),
    ]


async def test_a_name_with_shell_characters_is_only_a_name(server, session_path, tmp_path):
    marker = tmp_path / "pwned"
    name = f"$(touch {marker})`touch {marker}`;touch {marker}"[:NAME_LIMIT]
    browser = await opened(server.links.station("s3", name))
    try:
        await type_note(browser, "Navnet er bare tekst")
        notes = await eventually(lambda: notes_in(session_path), 30)
    finally:
        await browser.close()
    assert [(n.author, n.text) for n in notes] == [(name, "Navnet er bare tekst")]
    assert not marker.exists()


async def test_the_facilitators_and_the_secretariats_links_open_their_modes(server):
    facilitator, secretariat = await asyncio.gather(
        opened(server.links.facilitator(), ready="Velkomst v. formanden", width=120, height=40),
        opened(server.links.secretariat(), ready=f"{word('summary', 'da')}: Udvalget om trivsel", width=120, height=40),
    )
    await asyncio.gather(facilitator.close(), secretariat.close())
    assert sorted(service.argv[5] for service in server.started) == ["--mode=facilitator", "--mode=secretariat"]


# Limits ------------------------------------------------------------------------------------------


async def test_past_the_limit_a_page_says_so_in_the_sessions_language(session_path, http):
    served = WorkshopServer(session_path, token=TOKEN, port=0, limit=1)
    await served.start()
    try:
        first = await opened(served.links.station("s1", "Anna"))
        async with http.get(served.links.station("s2", "Bo")) as response:
            assert response.status == 503
            page = await response.text()
        assert "Der er fuldt" in page
        assert "Der er allerede 1 browsere forbundet" in page and "--max" in page
        assert len(served.started) == 1
        await first.close()
        await eventually(lambda: not served.live, 10)
        second = await opened(served.links.station("s2", "Bo"))
        await second.close()
    finally:
        await served.close()


async def test_an_app_whose_browser_has_gone_is_ended(session_path):
    served = WorkshopServer(session_path, token=TOKEN, port=0, heartbeat=0.5)
    await served.start()
    try:
        # A tab closed without a goodbye: the connection just ends.
        browser = await opened(served.links.station("s1", "Anna"))
        (closed,) = served.started
        assert closed.running
        await browser.http.close()
        await eventually(lambda: not closed.running, 10)
        # A phone that lost the network: no answer to the websocket's pings.
        session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        try:
            async with session.get(served.links.station("s2", "Bo")) as response:
                address = websocket_address(await response.text())
            assert address is not None
            silent = await session.ws_connect(address, autoping=False)
            await eventually(lambda: len(served.started) == 2 and served.started[1].running, 10)
            await eventually(lambda: not served.started[1].running, 10)
            assert silent is not None
        finally:
            await session.close()
        await eventually(lambda: not served.live, 10)  # its handler lets go of it once the process is gone
    finally:
        await served.close()


# Downloads ---------------------------------------------------------------------------------------

DELIVERING_APP = """
import io
from textual.app import App


class Delivering(App):
    def on_mount(self) -> None:
        self.deliver_binary(io.BytesIO(b"referat fra aftenen"), save_filename="møde-referat.docx")


Delivering().run()
"""


async def test_a_download_needs_the_token_and_keeps_its_danish_name(session_path, tmp_path, http):
    script = tmp_path / "delivering.py"
    script.write_text(DELIVERING_APP, encoding="utf-8")
    served = WorkshopServer(session_path, token=TOKEN, port=0, argv_for=lambda _s, _l: [sys.executable, str(script)])
    await served.start()
    browser = Browser(served.links.secretariat())
    try:
        await browser.open()

        def delivered() -> str | None:
            return next((m[1] for m in browser.messages if isinstance(m, list) and m[0] == "deliver_file_start"), None)

        key = await eventually(delivered, 20)
        async with http.get(f"{served.public_url}/download/{key}") as response:
            assert response.status == 403
        async with browser.http.get(f"{served.public_url}/download/{key}") as response:
            assert response.status == 200
            assert await response.read() == b"referat fra aftenen"
            assert "filename*=UTF-8''m%C3%B8de-referat.docx" in response.headers["Content-Disposition"]
    finally:
        await browser.close()
        await served.close()


# TLS ---------------------------------------------------------------------------------------------


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made with openssl (Debian's openssl package)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


async def test_with_a_certificate_the_links_are_https_and_the_cookie_is_secure(session_path, tmp_path):
    from workshop.cli.serve import tls_context

    cert, key = self_signed(tmp_path)
    served = WorkshopServer(session_path, token=TOKEN, port=0, ssl_context=tls_context(cert, key, "da"))
    await served.start()
    try:
        assert served.links.station("s1").startswith(f"https://127.0.0.1:{served.port}/?token=")
        async with aiohttp.ClientSession() as http, http.get(served.links.station("s1"), ssl=False) as response:
            assert response.status == 200
            assert websocket_address(await response.text()).startswith("wss://")  # type: ignore[union-attr]
            assert response.cookies[served.cookie_name]["secure"]
        async with aiohttp.ClientSession() as http:
            with pytest.raises(aiohttp.ClientError):
                await http.get(served.links.station("s1").replace("https", "http"))
    finally:
        await served.close()
    (tmp_path / "broken.pem").write_text("ikke et certifikat")
    with pytest.raises(UsageError, match=r"broken\.pem: certifikatet eller nøglen kan ikke bruges"):
        tls_context(tmp_path / "broken.pem", key, "da")
    with pytest.raises(UsageError, match="--cert og --key skal gives sammen"):
        tls_context(cert, None, "da")


# The command line --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--token", "kort"], "--token: brug 16 til 128 tegn"),
        (["--max", "0"], "--max 0: angiv et antal browsere på 1 eller mere"),
        (["--port", "70000"], "--port 70000: angiv et portnummer fra 1 til 65535"),
        (["--cert", "nowhere.pem"], "--cert og --key skal gives sammen"),
        (["--cert", "nowhere.pem", "--key", "nokey.pem"], "nowhere.pem: filen findes ikke"),
    ],
)
def test_bad_arguments_are_refused_before_anything_listens(session_path, capsys, arguments, message):
    assert main(["serve", str(session_path), *arguments]) == 2
    err = capsys.readouterr().err
    assert err.startswith("workshop serve: ") and message in err


def test_a_port_in_use_is_refused_with_another_to_try(session_path, capsys):
    with socket.socket() as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(session_path), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port} er optaget af et andet program" in err and f"--port {port + 1}" in err


def test_a_broken_session_is_refused_before_anything_listens(tmp_path, capsys):
    broken = tmp_path / "aften.toml"
    broken.write_text("[workshop]\ntitle = \n", encoding="utf-8")
    assert main(["serve", str(broken), "--port", "0"]) == 2
    assert "aften.toml" in capsys.readouterr().err


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a socket listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for row in rows:
            fields = row.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.add(address)
    return found


async def test_ctrl_c_stops_cleanly_and_leaves_no_app_process(session_path):
    # --cold: each app started afresh, a child of the server (the warm parent's way: test_serve_warm.py).
    with serve_process(session_path, "--token", TOKEN, "--cold") as server:
        printed = await printed_until(server, "Facilitator:")
        printed += await printed_until(server, "Kun denne", "Bemærk")
        text = "".join(printed)
        base = base_of(next(line for line in printed if line.startswith("Facilitator:")))
        port = int(base.rsplit(":", 1)[1])
        assert f"{base}/?token={TOKEN}&station=s2" in text
        assert "Station 2 – Uddannelse – før, under og efter" in text
        assert "Kun denne computer kan åbne linkene" in text
        assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1 only
        assert running_links(session_path) == Links(base, TOKEN)

        anna, bo = await anna_and_bo(base)
        await type_note(anna, "Skrevet lige før Ctrl+C")
        apps = children_of(server.pid)
        assert len(apps) == 2 and all(alive(pid) for pid in apps)
        for pid in apps:
            command_line = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            assert command_line[1:4] == [b"-m", b"workshop", b"run"]
            assert TOKEN.encode() not in b" ".join(command_line)
            assert TOKEN.encode() not in Path(f"/proc/{pid}/environ").read_bytes()
        await eventually(lambda: notes_in(session_path), 30)
        out, err = await ctrl_c(server, anna, bo)
    assert_stopped_cleanly(server, out, err, apps, session_path, "Skrevet lige før Ctrl+C")
    assert not announcement_path(session_path).exists()
    assert TOKEN not in err


def test_a_browser_session_stand_in_sees_text_without_escape_sequences():
    assert screen_text("\x1b[1;1H\x1b[38;2;255;0;0mNy note\x1b[0m · ctrl+s\x1b]0;title\x07") == "Ny note · ctrl+s"

"""`workshop serve` under attack and across restarts (issues 22 and 17).

Hostile websocket frames, a token sent as a path, kill -9 of the server (its apps must not live
on, its announcement must not be believed), a folder it cannot write, and restarts that keep the
evening going: the token kept beside the session, open tabs told to come back, refusal pages that
say what to do. Also the table cards, the terminal's QR codes on a dark terminal, and a browser
export that delivers every document. Each browser is a real app process driven over the websocket.
"""

from __future__ import annotations

import asyncio
import errno
import io
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

from serve_support import (
    TOKEN,
    alive,
    descendants,
    eventually,
    notes_in,
    opened,
    parent_of,
    printed_until,
    serve_process,
    type_note,
)
from workshop_process import child_env

from workshop.cli.main import main
from workshop.serving import lifeline, qr
from workshop.serving.announce import (
    announcement_path,
    clear_stale,
    kept_token,
    running_links,
    token_path,
)
from workshop.serving.cards import cards_page, write_cards
from workshop.serving.client import Browser
from workshop.serving.links import Links
from workshop.serving.server import FRAME_LIMIT, SERVICE_RESTART, WorkshopServer, frame_refusal, logged_path
from workshop.words import word


def english(session_path: Path) -> None:
    text = session_path.read_text(encoding="utf-8")
    session_path.write_text(text.replace('language = "da"', 'language = "en"'), encoding="utf-8")


# Hostile frames ------------------------------------------------------------------------------------


def test_a_frame_is_refused_before_parsing_only_when_no_page_would_send_it():
    assert frame_refusal('["stdin", "[[[[[[[[[[[[{{{{{{{{ \\" [[["]') is None  # brackets typed are text
    assert frame_refusal('["resize", {"width": 80, "height": 24}]') is None
    assert frame_refusal("[" * 100_000) == ("serve_log_frame_too_deep", {"limit": 8})
    assert frame_refusal('{"a":' * 20 + "1" + "}" * 20) is not None
    too_large = '["stdin", "' + "x" * FRAME_LIMIT + '"]'
    assert frame_refusal(too_large) == ("serve_log_frame_too_large", {"size": len(too_large), "limit": FRAME_LIMIT})


async def test_100000_brackets_or_a_huge_frame_are_ignored_and_the_app_goes_on(server, session_path, capfd):
    browser = await opened(server.links.station("s1", "Anna"))
    try:
        await browser.send_frame("[" * 100_000)
        huge = '["stdin", "' + "x" * (FRAME_LIMIT + 1) + '"]'
        await browser.send_frame(huge)
        await browser.send_frame('{"a": ' * 50)
        await type_note(browser, "Stadig her efter angrebet")
        notes = await eventually(lambda: notes_in(session_path), 30)
        assert not browser.closed.is_set()
    finally:
        await browser.close()
    assert [(n.author, n.text) for n in notes] == [("Anna", "Stadig her efter angrebet")]
    logged = capfd.readouterr().err
    assert "RecursionError" not in logged and "Traceback" not in logged
    assert "ignoreret: en besked fra browseren (station s1, Anna) med mere end 8 parenteser" in logged
    assert f"på {len(huge)} tegn, mere end {FRAME_LIMIT}; appen kører videre" in logged
    assert "sluttede med fejl" not in logged


# The log -----------------------------------------------------------------------------------------


def test_the_log_names_a_path_by_its_route_only():
    assert logged_path("/") == "/"
    assert logged_path(f"/{TOKEN}") == "/…"
    assert logged_path(f"/static/{TOKEN}") == "/static/…"
    assert logged_path("/download/abc") == "/download/…"


async def test_a_token_sent_as_a_path_is_never_written_to_the_log(server, http, capfd):
    for path in (f"/{TOKEN}", f"/static/{TOKEN}", f"/download/{TOKEN}", f"/ws/{TOKEN}", f"/{TOKEN[:-1]}x"):
        async with http.get(server.public_url + path) as response:
            assert response.status == 403
    logged = capfd.readouterr().err
    assert "afvist: /… fra 127.0.0.1" in logged and "afvist: /static/… fra 127.0.0.1" in logged
    assert TOKEN not in logged and TOKEN[:10] not in logged


# Refusal pages -----------------------------------------------------------------------------------


async def test_every_refusal_page_speaks_the_sessions_language_and_says_what_to_do(session_path, http):
    english(session_path)
    served = WorkshopServer(session_path, token=TOKEN, port=0)
    await served.start()
    try:
        async with http.get(served.links.station("s1").replace(TOKEN, "an-old-token-from-last-week")) as response:
            page = await response.text()
        assert response.status == 403 and '<html lang="en">' in page
        assert "This link does not work" in page and "Scan the QR code at your station again" in page
        assert "ask the facilitator for a new link" in page and "Forbidden" not in page
        async with http.get(served.links.station("s9")) as response:
            page = await response.text()
        assert response.status == 400 and "ask the facilitator for a new link" in page
        async with http.get(served.links.station("s1")) as response:
            assert response.status == 200  # the page's cookie carries the token from now on
        async with http.get(served.public_url + "/no-such-page") as response:
            page = await response.text()
        assert response.status == 404 and "No such page" in page and "Scan the QR code" in page
        async with http.get(served.public_url + "/alive") as response:
            assert response.status == 204
    finally:
        await served.close()


# Restarts ----------------------------------------------------------------------------------------


def test_the_token_is_kept_owner_only_beside_the_session_until_a_new_one_is_asked_for(session_path, tmp_path):
    token, fresh = kept_token(session_path)
    path = token_path(session_path)
    assert fresh and path.name == ".evening.toml.serve-token" and path.parent == session_path.parent
    assert path.stat().st_mode & 0o777 == 0o600
    assert kept_token(session_path) == (token, False)
    newer, fresh = kept_token(session_path, new=True)
    assert fresh and newer != token and kept_token(session_path) == (newer, False)
    assert kept_token(session_path, given=TOKEN) == (TOKEN, True)
    assert kept_token(session_path) == (TOKEN, False)
    # A token others could read may have been seen: a new one.
    path.chmod(0o644)
    replaced, fresh = kept_token(session_path)
    assert fresh and replaced != TOKEN and path.stat().st_mode & 0o777 == 0o600
    # A link planted in its place is not followed: neither read nor written through.
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("Planted-token-planted-token\n")
    path.unlink()
    path.symlink_to(elsewhere)
    planted, fresh = kept_token(session_path)
    assert fresh and planted != "Planted-token-planted-token"
    assert elsewhere.read_text() == "Planted-token-planted-token\n" and not path.is_symlink()


QUITTING_APP = """
from textual.app import App


class Quitting(App):
    def on_mount(self) -> None:
        self.set_timer(0.5, self.exit)


Quitting().run()
"""


async def test_a_restart_keeps_the_links_and_tells_open_tabs_to_come_back(session_path, http, tmp_path):
    token, _ = kept_token(session_path)
    first = WorkshopServer(session_path, token=token, port=0)
    await first.start()
    port, link = first.port, first.links.station("s2", "Bo")
    browser = await opened(link)
    await first.close()
    await asyncio.wait_for(browser.closed.wait(), 30)
    assert browser.close_code == SERVICE_RESTART  # the page tries again by itself (app_page.html)
    await browser.close()
    again, fresh = kept_token(session_path)
    second = WorkshopServer(session_path, token=again, port=port)
    await second.start()
    try:
        assert not fresh and second.links.station("s2", "Bo") == link
        reopened = await opened(link)  # the old link opens the app again
        await reopened.close()
    finally:
        await second.close()
    # An app that ends by itself closes normally: the page then offers "start again", it does not loop.
    script = tmp_path / "quitting.py"
    script.write_text(QUITTING_APP, encoding="utf-8")
    third = WorkshopServer(session_path, token=again, port=0, argv_for=lambda _s, _l: [sys.executable, str(script)])
    await third.start()
    try:
        quitting = Browser(third.links.station("s1"))
        await quitting.open()
        await asyncio.wait_for(quitting.closed.wait(), 30)
        assert quitting.close_code == 1000
        await quitting.close()
    finally:
        await third.close()
    # With a new token the old links stop working, and the page says what to do.
    newer, _ = kept_token(session_path, new=True)
    fourth = WorkshopServer(session_path, token=newer, port=0)
    await fourth.start()
    try:
        async with http.get(link.replace(str(port), str(fourth.port))) as response:
            page = await response.text()
        assert response.status == 403 and "Scan QR-koden ved din station igen" in page
    finally:
        await fourth.close()


def test_the_page_reconnects_by_itself_unless_the_app_ended_and_downloads_without_a_popup():
    page = (Path(__file__).parents[1] / "workshop/serving/templates/app_page.html").read_text(encoding="utf-8")
    assert 'fetch("/alive"' in page and "event.code !== 1000" in page
    assert 'startsWith("/download/")' in page and "link.download" in page


# kill -9 -----------------------------------------------------------------------------------------


async def test_after_kill_9_the_apps_end_and_the_next_start_cleans_up(session_path):
    with serve_process(session_path, "--cards") as server:
        printed = await printed_until(server, "Kun denne", "Bemærk")
        text = "".join(printed)
        link = next(line for line in printed if line.startswith("  Station 2")).split()[-1]
        token = link.split("token=")[1].split("&")[0]
        assert "Nye links: adgangsnøglen er gemt i" in text
        cards = session_path.parent.parent / "exports" / "evening-bordkort.html"
        assert f"Bordkort med link og QR-kode pr. station: {cards}" in text
        assert cards.stat().st_mode & 0o777 == 0o600
        assert link.replace("&", "&amp;") in cards.read_text(encoding="utf-8")

        anna, bo = await asyncio.gather(opened(link + "&name=Anna"), opened(link.replace("s2", "s1") + "&name=Bo"))
        await type_note(anna, "Skrevet lige før kill -9")
        await eventually(lambda: notes_in(session_path), 30)
        # The apps are forked by the server's warm parent (test_serve_warm.py): both go with the server.
        below = descendants(server.pid)
        apps = [pid for pid in below if parent_of(pid) != server.pid]
        assert len(apps) == 2 and all(alive(pid) for pid in apps)

        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
        await eventually(lambda: not any(alive(pid) for pid in below), 60, step=0.2)
        await asyncio.gather(anna.close(), bo.close())
    assert [(n.author, n.text) for n in notes_in(session_path)] == [("Anna", "Skrevet lige før kill -9")]
    # The killed server's announcement is still there, but not believed; the next start removes it.
    assert announcement_path(session_path).exists() and running_links(session_path) is None
    again, fresh = kept_token(session_path)
    assert again == token and not fresh
    restarted = WorkshopServer(session_path, token=again, port=0)
    await restarted.start()
    try:
        assert running_links(session_path) == restarted.links
    finally:
        await restarted.close()
    assert not announcement_path(session_path).exists()


def test_a_stale_announcement_is_removed_and_a_live_one_kept(session_path):
    path = announcement_path(session_path)
    assert path.name == ".evening.toml.serve.json"
    path.write_text(f'{{"base": "http://127.0.0.1:8000", "token": "{TOKEN}", "pid": {2**22 + 1}}}')
    assert clear_stale(session_path) and not path.exists()
    parent = os.getppid()
    path.write_text(f'{{"base": "http://127.0.0.1:8000", "token": "{TOKEN}", "pid": {parent}}}')
    assert not clear_stale(session_path) and path.exists()


def test_an_app_sees_its_server_gone_by_its_stdin_and_its_parent():
    reading, writing = os.pipe()
    try:
        assert not lifeline.stdin_closed(reading)
        os.close(writing)
        assert lifeline.stdin_closed(reading)
    finally:
        os.close(reading)
    assert lifeline.alive(os.getpid()) and not lifeline.alive(2**22 + 1)
    assert lifeline.orphaned(2**22 + 1, os.getppid())
    if sys.platform.startswith("linux"):
        child = subprocess.run(
            [sys.executable, "-c", "from workshop.serving.lifeline import die_with_parent; print(die_with_parent())"],
            capture_output=True,
            text=True,
            env=child_env(),
            check=True,
        )
        assert child.stdout.strip() == "True"


# A folder serve cannot write ------------------------------------------------------------------------


def test_on_a_folder_it_cannot_write_serve_says_so_not_that_it_cannot_listen(session_path, capsys, monkeypatch):
    import tempfile

    def read_only(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    with monkeypatch.context() as patched:
        patched.setattr(tempfile, "mkstemp", read_only)
        assert main(["serve", str(session_path), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert f"{token_path(session_path)} kan ikke skrives (Read-only file system)" in err
    assert "gør mappen skrivbar" in err and "kan ikke lytte" not in err
    # With the token kept from an earlier start, the announcement is what cannot be written.
    kept_token(session_path)
    with monkeypatch.context() as patched:
        patched.setattr(tempfile, "mkstemp", read_only)
        assert main(["serve", str(session_path), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert f"{announcement_path(session_path)} kan ikke skrives (Read-only file system)" in err
    assert "kan ikke lytte" not in err


# QR codes and table cards ----------------------------------------------------------------------------


def decoded(cells: list[list[bool]], folder: Path) -> str:
    """What zbarimg reads in a picture of ``cells`` (True: dark), four pixels a cell."""
    assert shutil.which("zbarimg"), "the QR reader zbarimg is missing: apt-get install zbar-tools (.ci/run does)"
    scale = 4
    width, height = len(cells[0]) * scale, len(cells) * scale
    rows = [" ".join("1" if cells[y // scale][x // scale] else "0" for x in range(width)) for y in range(height)]
    image = folder / "screen.pbm"
    image.write_text(f"P1\n{width} {height}\n" + "\n".join(rows) + "\n")
    found = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
    return found.stdout.strip()


def on_a_dark_terminal(lines: list[str], margin: int = 6) -> list[list[bool]]:
    """The terminal's cells, half a cell a row, as a dark terminal shows ``lines``: dark but where the
    code's own colours (dark on light) make a light background."""
    halves = {qr.FULL: (True, True), qr.UPPER: (True, False), qr.LOWER: (False, True), qr.EMPTY: (False, False)}
    width = max(len(line) for line in lines) + 2 * margin
    cells = [[True] * width for _ in range(2 * margin)]
    for line in lines:
        coloured = line.startswith(qr.DARK_ON_LIGHT)
        drawn = line.removeprefix(qr.DARK_ON_LIGHT).removesuffix(qr.RESET)
        top, bottom = [True] * margin, [True] * margin
        for character in drawn:
            upper, lower = halves[character]
            # Coloured: a block is dark on light. Plain, on a dark terminal: a block is light on dark.
            top.append(upper if coloured else not upper)
            bottom.append(lower if coloured else not lower)
        cells += [row + [True] * (width - len(row)) for row in (top, bottom)]
    return cells + [[True] * width for _ in range(2 * margin)]


def test_the_terminals_qr_code_scans_on_a_dark_terminal(tmp_path):
    link = Links("http://192.168.1.23:8000", TOKEN).station("s2")
    assert decoded(on_a_dark_terminal(qr.for_terminal(link)), tmp_path) == link


def test_table_cards_have_a_page_per_station_with_its_name_code_and_link(session_path):
    links = Links("http://192.168.1.23:8000", TOKEN)
    stations = [("Station 1 – Ledelse <script>", links.station("s1")), ("Station 2 – Uddannelse", links.station("s2"))]
    page = cards_page("Udvalget om trivsel", "da", stations)
    assert page.count('<section class="card">') == 2 and page.count("<svg") == 2
    assert "Station 1 – Ledelse &lt;script&gt;" in page and "<script>" not in page
    assert links.station("s2").replace("&", "&amp;") in page
    assert word("serve_card_scan", "da") in page and "https://" not in page  # nothing from the internet
    path = write_cards(session_path, session_path.parent.parent / "exports", "Udvalget", "da", stations)
    assert path.name == "evening-bordkort.html" and path.stat().st_mode & 0o777 == 0o600


# Downloads ---------------------------------------------------------------------------------------


async def test_a_browser_export_delivers_every_document_in_one_zip(server, session_path):
    browser = await opened(
        server.links.secretariat(), ready=f"{word('summary', 'da')}: Udvalget om trivsel", width=120, height=40
    )
    try:
        await browser.send("\x1b[15~")  # F5: export every document

        def delivered() -> str | None:
            return next((m[1] for m in browser.messages if isinstance(m, list) and m[0] == "deliver_file_start"), None)

        key = await eventually(delivered, 120, step=0.2)
        async with browser.http.get(f"{server.public_url}/download/{key}") as response:
            assert response.status == 200
            data = await response.read()
            disposition = response.headers["Content-Disposition"]
        await asyncio.sleep(1)
        starts = [m for m in browser.messages if isinstance(m, list) and m[0] == "deliver_file_start"]
    finally:
        await browser.close()
    assert len(starts) == 1  # one download: a browser blocks the second a page starts by itself
    assert "evening-dokumenter.zip" in disposition
    names = sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())
    written = sorted(p.name for p in (session_path.parent.parent / "exports").iterdir())
    assert names == written and len(names) >= 7

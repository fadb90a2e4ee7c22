"""What the store notices reaches the person at the screen, when it happens, in the session's language.

Another program took in a hand edit: a toast says so at once (not only when the app ends). The
journal deleted under the running app: the app saved its version in ``.backups`` and writes no
more; every screen says so in a banner for as long as the app runs, and it is said once more as
``workshop run`` ends. A full disk when saving a note: the typed text stays in the field, with a
message that says why.
"""

from __future__ import annotations

import argparse

from screen_reading import screen_text
from textual.widgets import TextArea

from workshop.cli import run
from workshop.model.problems import Problem
from workshop.storage.store import WriteFailed
from workshop.tui.app import StoppedBanner, WorkshopApp
from workshop.tui.textual_compat import notifications

SMALL = (80, 24)
BANNER = "Gemmes ikke mere: ændringsloggen er væk"


def toasts(app: WorkshopApp) -> list[str]:
    return [str(n.message) for n in notifications(app)]


async def test_a_hand_edit_taken_in_is_told_at_once(store, clock, session_path):
    app = WorkshopApp(store, mode="facilitator", clock=clock, poll=False, ask_author=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        text = session_path.read_text(encoding="utf-8")
        session_path.write_text(text.replace('host = "Bodil"', 'host = "Birgit"'), encoding="utf-8")
        app.poll_store()
        await pilot.pause()
        assert store.session.stations[0].host == "Birgit"
        told = [t for t in toasts(app) if session_path.name in t]
        assert told, toasts(app)
        assert store.notices == []  # shown, so not printed again at the end


async def test_a_deleted_journal_puts_a_lasting_banner_on_every_screen(store, clock, session_path):
    app = WorkshopApp(store, mode="facilitator", station="s1", clock=clock, poll=False, ask_author=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert BANNER not in screen_text(app)
        session_path.with_name(f"{session_path.name}.journal").unlink()
        app.poll_store()
        await pilot.pause()
        assert store.stopped
        assert BANNER in screen_text(app)
        assert any(".backups" in t and "evening.toml.journal" in t for t in toasts(app))  # the whole story, once
        for key in ("f3", "f4", "f2", "o"):  # every mode, and a screen pushed later
            await pilot.press(key)
            await pilot.pause()
            assert BANNER in screen_text(app), key
        for _ in range(3):  # it stays
            app.poll_store()
            await pilot.pause()
        assert len(app.screen.query(StoppedBanner)) == 1
        assert BANNER in screen_text(app)


async def test_a_note_on_a_full_disk_stays_in_the_field(store, clock, monkeypatch):
    def full(*args, **kwargs):
        raise WriteFailed([Problem("disken er fuld (evening.journal)", "frigør plads, og gem igen")], "da")

    app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False, ask_author=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        if not isinstance(app.focused, TextArea):
            await pilot.press("n")
        await pilot.press(*"Mentor")
        monkeypatch.setattr(store, "transact", full)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#note-text", TextArea).text == "Mentor"
        assert any("disken er fuld" in t and "frigør plads" in t for t in toasts(app)), toasts(app)
        assert store.session.notes == []
        monkeypatch.undo()  # space again: the same ctrl+s saves it
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [n.text for n in store.session.notes] == ["Mentor"]
        assert app.screen.query_one("#note-text", TextArea).text == ""


def test_workshop_run_says_at_the_end_that_the_session_stopped_saving(session_path, monkeypatch, capsys):
    def run_app(self: WorkshopApp) -> None:
        session_path.with_name(f"{session_path.name}.journal").unlink()
        self.store.poll()
        self.store.notices.clear()  # as the app does once it has shown them

    monkeypatch.setattr(WorkshopApp, "run", run_app)
    args = argparse.Namespace(session=session_path, mode=None, station=None, author="Testa", device=None)
    assert run.cmd_run(args) == 0
    err = capsys.readouterr().err
    assert "evening.toml.journal" in err and ".backups" in err

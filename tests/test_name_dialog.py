"""F9 in the secretariat's screen: the places where a word may be a name or the ordinary word are put to the
secretariat before the anonymized minutes are written, and the decisions are kept for the next export."""

from __future__ import annotations

from docx_reading import texts_in_every_part

from workshop.tui.app import WorkshopApp
from workshop.tui.components.name_dialog import NameDialog

SIZE = (120, 40)


def secretariat(store, clock) -> WorkshopApp:
    return WorkshopApp(store, mode="secretariat", clock=clock, poll=False)


async def wait_for_dialog(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_f9_asks_about_each_undecided_place_and_writes_with_the_answers(store, clock, session_path):
    store.add_note("s1", 1, "Mødet sluttede. Skov og strand var et tema. Holm blev nævnt.", author="Nora Notesen")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await wait_for_dialog(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, NameDialog)
        assert [case.word for case in dialog.cases] == ["Skov", "Holm"]
        text = "\n".join(str(s.render()) for s in dialog.query("Static"))
        assert "Navn eller almindeligt ord? (2 steder)" in text
        await pilot.press("o", "n", "enter")  # Skov: the word; Holm: a name
        await app.workers.wait_for_complete()
        await pilot.pause()
        target = session_path.parent.parent / "exports" / "evening-referat-anonymiseret.docx"
        written = "\n".join(texts_in_every_part(target))
        assert "Skov og strand var et tema" in written
        assert "Holm blev nævnt" not in written
        assert [(d.word, d.name) for d in store.session.anonymizing] == [("Skov", False), ("Holm", True)]
        await pilot.press("f9")  # decided: not asked again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, NameDialog)


async def test_escape_writes_nothing(store, clock, session_path):
    store.add_note("s1", 1, "Skov var et tema.", author="Nora Notesen")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await wait_for_dialog(app, pilot)
        assert isinstance(app.screen, NameDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not (session_path.parent.parent / "exports").exists()
        assert store.session.anonymizing == []
        log = str(app.screen.query_one("#export-log").render())
        assert "Intet skrevet: navnene blev ikke afgjort." in log

"""The secretariat's screen: write the summaries, export the documents, see where they went."""

from __future__ import annotations

from export_notes import EVERY_FILE, add_notes
from screen_reading import screen_text
from waiting import palette_prompts, until

from workshop.notes.summaries import write_summary
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.export_status import ExportStatus
from workshop.tui.textual_compat import notifications

SIZE = (80, 24)


def secretariat(store, clock) -> WorkshopApp:
    return WorkshopApp(store, mode="secretariat", clock=clock, poll=False)


def editor_text(app) -> str:
    return app.screen.query_one("#summary-text").text


async def test_a_summary_is_written_and_saved(store, clock):
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l", "down", "enter")  # the list, station 1, into its editor
        await pilot.press(*"Godt møde")
        app.screen.query_one("#summary-text").insert("; § 17 – æøå")  # pasted
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.session.summary.stations == {"s1": "Godt møde; § 17 – æøå"}
        assert "Opsamlingen er gemt" in [n.message for n in notifications(app)]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Intet nyt at gemme" in [n.message for n in notifications(app)]


async def test_choosing_another_summary_saves_the_one_being_written(store, clock):
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Opsamling")  # the overall summary: its editor has the focus
        await pilot.press("ctrl+l", "down", "down")  # back to the list, on to station 2
        await pilot.pause()
        assert store.session.summary.overall == "Opsamling"
        assert app.screen.key == "s2" and editor_text(app) == ""


async def test_the_list_marks_written_summaries_and_counts_notes(store, clock):
    add_notes(store)
    write_summary(store, "s3", "Skrevet")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#summary-list")
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[0] for r in rows] == ["", "", "", "✓", "", ""]
        assert [r[1] for r in rows][-2:] == ["Indledning", "Sagsfremstilling"]
        assert [r[2] for r in rows] == ["6", "3", "1", "2", "", ""]
        await pilot.press("ctrl+l", "down")
        facts = str(app.screen.query_one("#summary-facts").render())
        assert facts.startswith("3 noter · Ledelse 1 · Uddannelse 1 · Rekruttering 1 · Ikke kodet 1")


async def test_the_report_s_introduction_is_prefilled_and_then_its_own(store, clock):
    write_summary(store, None, "Opsamlingen")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l", "down", "down", "down", "down")  # past the three stations: Indledning
        editor = app.screen.query_one("#summary-text")
        assert editor.text == "Opsamlingen"  # prefilled from the minutes' Opsamling, not yet its own
        facts = str(app.screen.query_one("#summary-facts").render())
        assert "hentet fra «Opsamling»" in facts
        await pilot.press("enter", *" til rapporten", "ctrl+s")
        assert store.session.summary.introduction == "Opsamlingen til rapporten"
        assert store.session.summary.overall == "Opsamlingen"
        await pilot.press("ctrl+l", "down")  # Sagsfremstilling: prefilled from the report's introduction
        assert app.screen.query_one("#summary-text").text == "Opsamlingen til rapporten"
        assert store.session.agenda.case == ""


async def test_f4_opens_in_the_summary_and_enter_goes_on_after_its_text(store, clock):
    write_summary(store, "s1", "Første linje.\nAnden linje.")
    app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")  # typing at once goes into the overall summary
        await pilot.pause()
        await pilot.press(*"Hej")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.session.summary.overall == "Hej"
        await pilot.press("ctrl+l", "down", "enter")  # station 1's summary: Enter, then type on
        await pilot.press(*" Tredje.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.session.summary.stations["s1"] == "Første linje.\nAnden linje. Tredje."


async def test_another_instances_summary_shows_up(store, clock, session_path):
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l", "down")
        other = Store.open(session_path, author="Bent", backup=False)
        write_summary(other, "s1", "Fra den anden maskine")
        other.close()
        app.poll_store()
        await pilot.pause()
        assert editor_text(app) == "Fra den anden maskine"


async def test_f5_exports_every_document_and_says_where(store, clock, session_path):
    add_notes(store)
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        folder = session_path.parent.parent / "exports"
        assert sorted(p.name for p in folder.iterdir()) == EVERY_FILE
        log = str(app.screen.query_one("#export-log").render())
        assert f"Referat: {folder / 'evening-referat.docx'}" in log
        assert f"Rutekort: {folder / 'evening-rutekort.docx'}" in log
        assert f"Notetabel: {folder / 'evening-noter.csv'}" in log
        # The toast names the folder once and each file whole (a whole path would split mid-name at 80x24).
        toasts = [n.message for n in notifications(app)]
        assert any(t.startswith("7 filer i ") and "\n• evening-referat.docx" in t for t in toasts)
        assert not app.screen.query_one(ExportStatus).has_class("-running")


async def test_the_palette_exports_one_document(store, clock, session_path):
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"notetabel")
        await until(pilot, lambda: any("notetabellen" in line for line in palette_prompts(app)), "the note table")
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        folder = session_path.parent.parent / "exports"
        assert [p.name for p in folder.iterdir()] == ["evening-noter.csv"]


async def test_f9_writes_the_anonymized_minutes(store, clock, session_path):
    add_notes(store)
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (session_path.parent.parent / "exports" / "evening-referat-anonymiseret.docx").is_file()


async def test_help_lists_the_export_keys(store, clock):
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        table = app.screen.query_one("#help-keys")
        actions = [table.get_row_at(i)[1] for i in range(table.row_count)]
        assert {"Gem", "Eksportér", "Anonymiseret", "Gennemsyn", "Kodebog"} <= set(actions)
        assert str(app.screen.query_one(".section-title").content) == "Taster – sekretariat"


def test_the_secretariat_screen_looks_right(store, clock, snap_compare):
    add_notes(store)
    write_summary(store, "s1", "Ledelse som fag fylder meget; mentorordning foreslået.")

    async def choose_station_1(pilot):
        pilot.app.sub_title = "sessions/evening.toml"
        await pilot.press("ctrl+l", "down")
        await pilot.pause()

    assert snap_compare(secretariat(store, clock), terminal_size=SIZE, run_before=choose_station_1)


async def test_leaving_the_mode_saves_the_summary(store, clock):
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l", "down", "down", "enter")  # station 2
        await pilot.press(*"Skrevet")
        await pilot.press("f2")
        await pilot.pause()
        assert store.session.summary.stations == {"s2": "Skrevet"}


async def test_quitting_saves_the_summary(store, clock):
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Til sidst")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert store.session.summary.overall == "Til sidst"


async def test_the_secretariat_reaches_the_review_and_the_codebook(session_path):
    from workshop.storage.store import Store
    from workshop.tui.app import WorkshopApp
    from workshop.tui.screens.codebook import CodebookScreen
    from workshop.tui.screens.review import ReviewScreen

    store = Store.open(session_path, author="Rie Sekretær")
    store.add_note("s1", 1, "Til gennemsyn")
    app = WorkshopApp(store, mode="secretariat", poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        if isinstance(app.screen, ReviewScreen):
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, CodebookScreen)
    store.close()


async def test_the_palette_offers_every_document(store, clock):
    app = secretariat(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"eksportér")
        offered = (
            "Eksportér alle dokumenter",
            "Eksportér anbefalingerne (.docx)",
            "Eksportér udkast til dagsordenspunkt (.docx)",
            "Eksportér referatet (.docx)",
        )

        def missing() -> list[str]:
            return [words for words in offered if not any(words in prompt for prompt in palette_prompts(app))]

        await until(pilot, lambda: not missing(), "every document offered")


async def test_the_anonymized_export_shows_its_report(store, clock, session_path):
    add_notes(store)
    app = secretariat(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f9")
        await app.workers.wait_for_complete()
        await pilot.pause()
        folder = session_path.parent.parent / "exports"
        reports = [p for p in folder.iterdir() if p.suffix == ".txt"]
        assert len(reports) == 1
        log = str(app.screen.query_one("#export-log").render())
        assert f"Rapporten over erstatningerne: {reports[0]}" in log
        report = next(n for n in notifications(app) if n.title == "Anonymisering – tjek før afsendelse")
        assert report.message.splitlines()[0] in log
        assert "Nora" not in log and "Peter" not in log


async def test_in_a_browser_every_export_is_also_downloaded_several_files_as_one_zip(
    store, clock, session_path, monkeypatch
):
    import io
    import zipfile

    add_notes(store)
    app = secretariat(store, clock)
    delivered: list[tuple[object, str]] = []

    def deliver(what: object, save_filename: str = "", **_: object) -> None:
        delivered.append((what.getvalue() if isinstance(what, io.BytesIO) else what, save_filename))

    monkeypatch.setattr(type(app), "is_web", property(lambda self: True))
    monkeypatch.setattr(app, "deliver_binary", deliver)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")  # the anonymized minutes and the report of what was replaced: two files, one zip
        await app.workers.wait_for_complete()
        await pilot.pause()
        folder = session_path.parent.parent / "exports"
        written = sorted(p.name for p in folder.iterdir())
        ((data, name),) = delivered
        assert name == "evening-dokumenter.zip" and isinstance(data, bytes)
        archive = zipfile.ZipFile(io.BytesIO(data))
        assert sorted(archive.namelist()) == written and "evening-referat-anonymiseret.docx" in written
        assert all(archive.read(name) == (folder / name).read_bytes() for name in written)
        # One document alone comes down as itself.
        delivered.clear()
        for path in folder.iterdir():
            path.unlink()
        app.screen.action_export("quotes")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert delivered == [(folder / "evening-noter.csv", "evening-noter.csv")]


async def test_not_in_a_browser_nothing_is_delivered(store, clock, monkeypatch):
    app = secretariat(store, clock)
    delivered: list[object] = []
    monkeypatch.setattr(app, "deliver_binary", lambda *args, **kwargs: delivered.append(args))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert delivered == []


async def test_a_station_with_brackets_shows_literally(store, clock):
    names = {"s1": "Trivsel [/ arbejdsmiljø]", "s2": "Drift [a]/[b]"}
    store.set_section(
        "stations", [s.model_copy(update={"name": names.get(s.id, s.name)}) for s in store.session.stations], "renamed"
    )
    store.add_note("s1", 1, "Ledelse [udkast] og [mål]")
    write_summary(store, "s1", "[b]Fed[/b] opsamling")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_text(app)
        assert "Station 1 – Trivsel [/ ar…" in screen
        assert "Station 2 – Drift [a]/[b]" in screen
        await pilot.press("ctrl+l", "down")
        await pilot.pause()
        assert "Trivsel [/ arbejdsmiljø]" in str(app.screen.query_one("#summary-title").render())
        assert editor_text(app) == "[b]Fed[/b] opsamling"

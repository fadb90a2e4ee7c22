"""The secretariat's recommendations editor: write recommendations from the station's notes."""

from __future__ import annotations

from export_notes import add_notes
from textual.widgets import TextArea
from waiting import until

from workshop.notes import recommendations as recs
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.recommendations import EvidenceList, RecommendationsScreen
from workshop.tui.textual_compat import notifications

SIZE = (160, 45)


def secretariat(store, clock) -> WorkshopApp:
    return WorkshopApp(store, mode="secretariat", clock=clock, poll=False)


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def evidence_lines(app) -> list[str]:
    options = app.screen.query_one(EvidenceList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def highlight_note(pilot, text: str) -> None:
    options = pilot.app.screen.query_one(EvidenceList)
    index = next(i for i in range(options.option_count) if text in str(options.get_option_at_index(i).prompt))
    options.highlighted = index
    await pilot.pause()


async def test_the_editor_writes_a_recommendation_from_the_notes_and_ctrl_z_takes_it_back(store, clock):
    added = add_notes(store)
    mentor = added["Åse Lund foreslog en mentorordning"]
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, RecommendationsScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Ny i ledelse")
        await pilot.press("enter")
        await pilot.pause()
        assert [r.title for r in store.session.recommendations] == ["Ny i ledelse"]
        assert shown(app, "#rec-title") == "Anbefaling 1: Ny i ledelse"
        await pilot.press("ctrl+o")  # the station its notes come from
        await pilot.pause()
        await pilot.press("home", "enter")  # station 1 (the dialog starts on "Ingen station")
        await pilot.pause()
        assert store.session.recommendations[0].station == "s1"
        assert "Noter fra Station 1" in shown(app, "#rec-evidence-title")
        lines = evidence_lines(app)
        assert lines[0] == "Ledelse (1)" and "Lederne mangler tid til faglig sparring" in lines[1]
        assert any(line.startswith("Ikke kodet") for line in lines)
        for _ in range(3):  # Indledning -> Formål -> Mål -> Indsatser
            await pilot.press("ctrl+down")
        await pilot.pause()
        assert app.screen.query_one("#rec-text", TextArea).border_title == "Indsatser"
        await pilot.press(*"- Mentor til nye ledere")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.session.recommendations[0].actions == "- Mentor til nye ledere"
        await pilot.press("ctrl+b")  # to the notes: cite one, link it to Indsatser
        await highlight_note(pilot, "mentorordning")
        await pilot.press("c", "l")
        await pilot.pause()
        rec = store.session.recommendations[0]
        assert rec.notes == [mentor.id]
        note = next(n for n in store.session.notes if n.id == mentor.id)
        assert (note.recommendation, note.section) == (rec.id, "actions")
        assert "Noter knyttet til «Indsatser»:\n• Åse Lund foreslog en mentorordning" in shown(app, "#rec-linked")
        assert "★ Åse Lund foreslog en mentorordning" in "\n".join(evidence_lines(app))
        assert "1 citerede noter" in shown(app, "#rec-meta")
        await pilot.press("ctrl+l", "ctrl+z")  # the link taken back, then the citation
        await pilot.pause()
        assert next(n for n in store.session.notes if n.id == mentor.id).section is None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.session.recommendations[0].notes == []
        assert "Ingen noter knyttet til «Indsatser»" in shown(app, "#rec-linked")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RecommendationsScreen)


async def test_typing_is_saved_when_it_stops_and_sections_and_themes_are_written(store, clock, monkeypatch):
    monkeypatch.setattr(RecommendationsScreen, "AUTOSAVE_SECONDS", 0.05)  # saved a moment after typing stops
    rec = recs.create(store, "Studiejob", theme="Uddannelse", station="s2")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press(*"Kort indledning")
        await pilot.press("ctrl+down")  # choosing another section saves what was written
        await pilot.press(*"At flere vælger faget")
        typed = "At flere vælger faget"
        await until(pilot, lambda: recs.find(store.session, rec.id).purpose == typed, "saved after typing stopped")
        found = recs.find(store.session, rec.id)
        assert (found.intro, found.purpose) == ("Kort indledning", "At flere vælger faget")
        await pilot.press("ctrl+l", "up")  # the theme's row: its introduction
        await pilot.pause()
        assert shown(app, "#rec-title") == "Tema: Uddannelse"
        await pilot.press("enter", *"Om uddannelse", "ctrl+s")
        await pilot.pause()
        assert [(t.name, t.intro) for t in store.session.themes] == [("Uddannelse", "Om uddannelse")]
        await pilot.press("ctrl+l", "down", "down")  # the proposed decision, last
        await pilot.pause()
        await pilot.press("enter", *"At udvalget godkender", "ctrl+s")
        await pilot.pause()
        assert store.session.agenda.proposed_decision == "At udvalget godkender"


async def test_new_move_theme_and_delete(store, clock):
    first = recs.create(store, "Første", theme="Ledelse")
    second = recs.create(store, "Anden", theme="Ledelse")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert shown(app, "#rec-title") == "Anbefaling 1: Første"
        await pilot.press("alt+down")
        await pilot.pause()
        assert [r.id for _, r in recs.numbered(store.session)] == [second.id, first.id]
        assert shown(app, "#rec-title") == "Anbefaling 2: Første"
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Trivsel", "enter")  # ctrl+u empties the field
        await pilot.pause()
        assert recs.find(store.session, first.id).theme == "Trivsel"
        await pilot.press("f8")
        await pilot.pause()
        assert [r.id for r in store.session.recommendations] == [second.id]
        assert any("er slettet" in n.message for n in notifications(app))
        assert shown(app, "#rec-title") == "Anbefaling 1: Anden"


async def test_another_instances_change_appears_in_the_open_editor(store, clock, session_path):
    rec = recs.create(store, "Fælles udkast", station="s1")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        other = Store.open(session_path, author="Bent", backup=False)
        recs.write_section(other, rec.id, "intro", "Skrevet på den anden maskine")
        recs.create(other, "Fra Bent", station="s2")
        other.close()
        app.poll_store()
        await pilot.pause()
        assert app.screen.query_one("#rec-text", TextArea).text == "Skrevet på den anden maskine"
        rows = app.screen.query_one("#rec-list")
        assert "Anbefaling 2: Fra Bent" in [str(rows.get_row_at(i)[0]).strip() for i in range(rows.row_count)]


async def test_a_clash_keeps_what_is_typed(store, clock, session_path):
    rec = recs.create(store, "Udkast")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press(*"Min tekst")
        other = Store.open(session_path, author="Bent", backup=False)
        recs.write_section(other, rec.id, "intro", "Hans tekst")
        other.close()
        app.poll_store()
        await pilot.pause()
        assert app.screen.query_one("#rec-text", TextArea).text == "Min tekst"
        assert any("En anden har også ændret" in n.message for n in notifications(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert recs.find(store.session, rec.id).intro == "Min tekst"


async def test_brackets_in_user_text_show_literally(store, clock):
    store.set_section(
        "stations",
        [
            s.model_copy(update={"name": "Trivsel [/ arbejdsmiljø]"}) if s.id == "s1" else s
            for s in store.session.stations
        ],
        "renamed",
    )
    store.add_note("s1", 1, "Ledelse [udkast] og [mål]")
    recs.create(store, "Plan [b]fed[/b]", station="s1", intro="[red]rød[/red]")
    app = secretariat(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert shown(app, "#rec-title") == "Anbefaling 1: Plan [b]fed[/b]"
        assert "Trivsel [/ arbejdsmiljø]" in shown(app, "#rec-meta")
        assert "Trivsel [/ arbejdsmiljø]" in shown(app, "#rec-evidence-title")
        assert any("Ledelse [udkast] og [mål]" in line for line in evidence_lines(app))
        rows = app.screen.query_one("#rec-list")
        assert "Trivsel [/ arbejdsmiljø]" in [str(rows.get_row_at(i)[0]) for i in range(rows.row_count)]
        assert app.screen.query_one("#rec-text", TextArea).text == "[red]rød[/red]"


def test_the_editor_looks_right(store, clock, snap_compare):
    import datetime as dt

    from fixed_notes import put

    moment = dt.datetime(2026, 3, 12, 18, 20)
    for index, (text, categories) in enumerate(
        [
            ("Lederne mangler tid til faglig sparring", ["c1"]),
            ("Nye ledere savner en mentor – også i dagplejen", ["c1", "c3"]),
            ("Praktik i ledelse for interesserede", []),
        ]
    ):
        put(store, "s1", 1, text, "g1", categories, start=moment, ident=f"n{index + 1}")
    rec = recs.create(
        store,
        "Ny i ledelse i kommunen",
        theme="Ledelse",
        station="s1",
        intro="Nye ledere skal have en god start.",
        purpose="At fastholde nye ledere.",
        actions="- Mentorordning\n- Lederuddannelse",
    )
    recs.cite_note(store, rec.id, "n1")
    recs.link_note(store, "n2", rec.id, "actions")
    recs.write_theme(store, "Ledelse", "Ledelse er et fag.")

    async def open_editor(pilot) -> None:
        pilot.app.sub_title = "sessions/evening.toml"
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down", "ctrl+down")
        area = pilot.app.screen.query_one("#rec-text", TextArea)
        area.cursor_blink = False
        await pilot.pause()

    assert snap_compare(secretariat(store, clock), terminal_size=SIZE, run_before=open_editor)

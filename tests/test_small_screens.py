"""80 x 24 is the floor in every role: what a user sees on a small terminal (issue 18)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text

from workshop.model.session import Member
from workshop.notes import recommendations as recs
from workshop.tui.app import WorkshopApp
from workshop.tui.components.capture_header import CaptureHeader
from workshop.tui.components.draft_recommendation import DraftRecommendation
from workshop.tui.components.note_table import NoteTable

SMALL = (80, 24)
LARGE = (160, 45)

LONG = (
    "Der ansættes en deltidsprojektleder i et år, som skal igangsætte forløb for børn og unge i "
    "grundskolen, så de møder velfærdsfagene tidligt og får lyst til at uddanne sig indenfor dem."
)


def with_a_draft(store) -> None:
    """Station 1 gets eight members in its group and two draft recommendations with long sections."""
    session = store.session
    group = session.groups[0]
    extra = [Member(name="Karla Fiktiv"), Member(name="Per Opdigt")]
    members = [*group.members, *extra][:8]
    groups = [group.model_copy(update={"members": members}), *session.groups[1:]]
    store.set_section("groups", groups, "eight members")
    for title in ("Tidlig interesse for velfærdsfagene", "En attraktiv studie- og praktiktid"):
        recs.create(store, title, station="s1", intro=LONG, purpose=LONG, goals=LONG, actions=LONG)


def note_taker(store, clock) -> WorkshopApp:
    return WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False, ask_author=False)


def note_rows(app) -> int:
    """How many note rows the note-taker sees: the table's height less its heading."""
    table = app.screen.query_one(NoteTable)
    return table.content_region.height - 1


def top_lines(app) -> list[str]:
    header = str(app.screen.query_one(CaptureHeader).render()).splitlines()
    draft = app.screen.query_one(DraftRecommendation)
    return header + (str(draft.render()).splitlines() if draft.display else [])


async def test_at_80x24_the_top_folds_to_one_line_per_item_and_ctrl_o_unfolds_it(store, clock):
    with_a_draft(store)
    app = note_taker(store, clock)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        lines = top_lines(app)
        assert len(lines) == 4, lines  # station, round and group, questions, the draft
        assert lines[0].startswith("Station 1") and "ctrl+o" in lines[0]
        assert lines[1].endswith("…")  # eight members, cut
        assert "Er der noget vi har overset?" in lines[2]
        assert lines[3].startswith("Anbefaling 1: Tidlig interesse")
        assert note_rows(app) >= 5
        await pilot.press("ctrl+o")
        await pilot.pause()
        unfolded = "\n".join(top_lines(app))
        assert "Per Opdigt" in unfolded and "Vil det skabe merværdi?" in unfolded and "Formål" in unfolded
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert len(top_lines(app)) == 4
        assert note_rows(app) >= 5


async def test_on_a_tall_screen_the_top_stays_whole(store, clock):
    with_a_draft(store)
    app = note_taker(store, clock)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one(CaptureHeader).render())
        assert "Per Opdigt" in header and "…" not in header
        assert note_rows(app) >= 8


async def test_the_top_folds_when_the_terminal_shrinks(store, clock):
    with_a_draft(store)
    app = note_taker(store, clock)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        assert len(top_lines(app)) == 4
        assert note_rows(app) >= 5


def test_the_folded_line_is_cut_with_an_ellipsis_never_markup(store):
    from workshop.notes.capture import place
    from workshop.tui.components.capture_header import describe_place

    where = place(store.session, "s1", None)
    assert where is not None
    text = describe_place(where, "da", 40)
    assert isinstance(text, Text)
    assert all(len(line) <= 40 for line in text.plain.splitlines())


# The recommendations editor: one column at a time below three columns' width ----------------------


def secretariat_with_a_recommendation(store, clock) -> WorkshopApp:
    recs.create(store, "Indledning til anbefalingerne om ledelse", station="s1", purpose="At fastholde nye ledere")
    return WorkshopApp(store, mode="secretariat", clock=clock, poll=False)


def visible(app, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    return widget.display and widget.region.width > 0


async def test_at_80x24_the_editor_shows_one_column_whole_and_switches_with_keys(store, clock):
    from screen_reading import screen_text

    from workshop.tui.components.key_footer import KeyFooter

    app = secretariat_with_a_recommendation(store, clock)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert visible(app, "#rec-side") and not visible(app, "#rec-list") and not visible(app, "#rec-evidence-side")
        assert "Anbefaling 1: Indledning til anbefalingerne om ledelse" in screen_text(app)  # the title whole
        assert app.screen.query_one("#rec-text").region.width >= 70
        footer = app.screen.query_one(KeyFooter).shown
        assert "ctrl+l" in footer and "ctrl+b" in footer  # the keys to the other two columns
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert visible(app, "#rec-list") and not visible(app, "#rec-side")
        assert "Anbefaling 1: Indledning til anbefalingerne om ledelse" in screen_text(app)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert visible(app, "#rec-evidence-side") and not visible(app, "#rec-list")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert visible(app, "#rec-side")


async def test_at_160x45_the_editor_shows_its_three_columns(store, clock):
    app = secretariat_with_a_recommendation(store, clock)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert all(visible(app, s) for s in ("#rec-list", "#rec-side", "#rec-evidence-side"))


# The facilitator, the board and the toasts at 80x24 -------------------------------------------------


async def test_at_80x24_the_facilitator_sees_every_round_of_the_rotation(store, clock):
    from screen_reading import screen_text

    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("s")
        await pilot.pause()
        clock.advance(minutes=3)
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert all(f"Runde {n} " in shown for n in (1, 2, 3))


async def test_at_80x24_the_board_keeps_every_host_name(store, clock):
    from workshop.tui.screens.board import StationCard

    session = store.session
    long_name = "Uddannelse – før, under og efter. Tidlig interesse for fagene og for praktikken"
    stations = [session.stations[0], session.stations[1].model_copy(update={"name": long_name}), *session.stations[2:]]
    store.set_section("stations", stations, "a long theme")
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("s")
        await pilot.pause()
        clock.advance(minutes=3)
        await pilot.press("n", "b")
        await pilot.pause()
        cards = list(app.screen.query(StationCard))
        shown = ["\n".join(line.plain for line in card.lines()) for card in cards]
        for station, text in zip(store.session.stations, shown):
            assert f"v. {station.host}" in text, text


# The setup's tables at 80x24 and every footer at a phone's width -----------------------------------


async def test_at_80x24_the_stations_table_fits_and_cuts_long_themes_with_an_ellipsis(store, clock):
    from screen_reading import screen_text
    from textual.widgets import DataTable

    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o", "3")
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#setup-stations-table", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing out of sight sideways
        lines = screen_text(app).splitlines()
        theme = next(line for line in lines if "Jonas" in line and "Uddannelse" in line)
        assert theme.rstrip().endswith("…")
        assert "Ledelse som fag" in next(line for line in lines if "Bodil" in line)  # a short one whole


PHONE = (44, 40)


@pytest.mark.parametrize(
    ("mode", "keys"),
    [
        ("facilitator", ()),
        ("facilitator", ("o", "3")),
        ("notes", ("ctrl+f",)),
        ("notes", ("ctrl+b",)),
        ("secretariat", ()),
    ],
    ids=["facilitator", "setup", "review", "codebook", "secretariat"],
)
async def test_on_a_phones_width_the_footer_shows_whole_keys_the_way_back_first(store, clock, mode, keys):
    """44 columns: no "f4 Sekr" cut off; the screen's own keys (Esc, back, before all) instead of F1–F4."""
    from workshop.tui.components.key_footer import KeyFooter

    app = WorkshopApp(store, mode=mode, station="s1", clock=clock, poll=False, ask_author=False)
    async with app.run_test(size=PHONE) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        drawn = [footer.columns_of(key) for key in footer.shown]
        assert drawn and all(end <= PHONE[0] for _, end in drawn)
        assert len(footer.shown) >= 2
        own = [key for key in footer.shown if key not in ("f1", "f2", "f3", "f4")]
        assert own, footer.shown  # the screen's keys, not only F1-F4
        if any(binding.key == "escape" for _, binding, _, _ in app.screen.active_bindings.values() if binding.show):
            assert "escape" in footer.shown


def test_the_export_toast_names_the_folder_once_and_each_file_whole(tmp_path):
    from workshop.documents.registry import FORMATS, Exported
    from workshop.tui.components.export_status import exported_message

    folder = tmp_path / "exports"
    names = ["meeting-3-dagsordenspunkt.docx", "meeting-3-referat.docx"]
    done = [Exported(kind=FORMATS[0], path=folder / name, notes=0) for name in names]
    text = exported_message(done, "da")
    lines = text.splitlines()
    assert lines[0].startswith("2 filer i ") and lines[0].endswith("exports/")
    assert lines[1:] == [f"• {name}" for name in names]
    assert str(folder) not in "\n".join(lines[1:])


# Hostile names and questions: the folded top never runs past its width, never reads markup ---------

NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(["[", "]", "/", "漢", "…", " ", "\u0301"]),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    host=NAMES,
    questions=st.lists(NAMES, max_size=4),
    members=st.lists(NAMES, min_size=1, max_size=10),
    width=st.integers(min_value=10, max_value=160),
)
def test_the_folded_top_fits_its_width_whatever_the_names(store, host, questions, members, width):
    from rich.cells import cell_len

    from workshop.notes.capture import place
    from workshop.tui.components.capture_header import describe_place

    session = store.session
    station = session.stations[0].model_copy(update={"host": host.strip(), "questions": [q.strip() for q in questions]})
    group = session.groups[0].model_copy(update={"members": [Member(name=m.strip()) for m in members]})
    changed = session.model_copy(
        update={"stations": [station, *session.stations[1:]], "groups": [group, *session.groups[1:]]}
    )
    where = place(changed, "s1", 1)
    assert where is not None
    text = describe_place(where, "da", width)
    lines = text.plain.split("\n")
    assert len(lines) == (3 if station.questions else 2)
    assert all(cell_len(line) <= width for line in lines), lines
    if width >= 120:  # room for the whole station line: the host as written, never read as markup
        assert host.strip() in text.plain


@pytest.mark.parametrize("keys", [("ctrl+f",), ()], ids=["review", "notes"])
async def test_on_a_phones_width_the_notes_tables_fit_without_scrolling_sideways(store, clock, keys):
    """44 columns: the review leaves out group and author (the line under it names them), the categories shorten."""
    from test_every_screen_snapshots import the_evening

    the_evening(store, clock)
    app = note_taker(store, clock)
    async with app.run_test(size=(44, 40)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if not keys:
            await pilot.click("#tab-notes")
        await pilot.pause()
        table = app.screen.query_one(NoteTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert "group" not in table.column_names and "author" not in table.column_names
        assert {"text", "categories"} <= set(table.column_names)

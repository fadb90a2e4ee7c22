"""The minutes as a reader opens them in Word: headings, tables, notes in their places, counts."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from docx_reading import (
    bullets,
    cells,
    headings,
    open_docx,
    outline,
    table_after,
    words_in_every_part,
)
from export_notes import AUTHORS, NOTES, add_notes

from workshop.documents.format import ExportOptions
from workshop.documents.minutes import write_minutes
from workshop.model.session import (
    ActualTime,
    Live,
    Note,
    Schedule,
    Session,
    Summaries,
    Workshop,
)
from workshop.storage.operations import note_op
from workshop.storage.store import Store

MEETING_3 = Path(__file__).parents[1] / "sessions" / "meeting-3.toml"


@pytest.fixture
def minutes(store, tmp_path):
    """Write the minutes of the made-up evening with its notes; returns a function to reopen them."""
    add_notes(store)

    def export(**options) -> tuple[Path, object]:
        target = tmp_path / "minutes.docx"
        write_minutes(store.session, target, **options)
        return target, open_docx(target)

    return export


def test_the_minutes_read_in_order_with_real_word_styles(minutes):
    _, doc = minutes()
    lines = outline(doc)
    assert lines[0] == ("Title", "Udvalget om trivsel og rekruttering")
    assert lines[1] == ("Subtitle", "Prøveaften – kvalificering af anbefalinger")
    assert ("Normal", "Dato: torsdag den 12. marts 2026") in lines
    assert ("Normal", "Sted: Rådhuset, mødesal 2") in lines
    assert headings(doc, 1) == [
        "Program",
        "Stationer",
        "Grupper",
        "Station 1 – Ledelse som fag v. Bodil",
        "Station 2 – Uddannelse – før, under og efter. Tidlig interesse for fagene v. Jonas",
        "Station 3 – Fra ledighed til uddannelse til fastansættelse og fastholdelse v. Yasmin",
        "Overblik",
        "Kodebog",
    ]
    assert "Rotation" in headings(doc, 2)
    assert {t.style.name for t in doc.tables} == {"Table Grid"}


def test_the_programme_has_the_computed_times(minutes):
    _, doc = minutes()
    table = cells(table_after(doc, "Program"))
    assert table[0] == ["Tidspunkt", "Aktivitet"]
    assert [row[0] for row in table[1:]] == [
        "18.00 – 18.20",
        "18.20 – 18.50",
        "18.50 – 19.20",
        "19.20 – 19.50",
        "19.50 – 20.20",
        "20.20 – 20.45",
        "20.45 – 21.00",
    ]
    assert table[1][1].startswith("Velkomst v. formanden\nDagens program.")


def test_actual_times_stand_beside_the_planned_where_the_evening_ran_differently(store, tmp_path):
    def at(hour: int, minute: int) -> dt.datetime:
        return dt.datetime(2026, 3, 12, hour, minute)

    live = Live(
        actual=[
            ActualTime(item="p1", start=at(18, 0), end=at(18, 20)),
            ActualTime(item="p2", start=at(18, 25), end=at(18, 58)),
        ]
    )
    store.set_section("live", live, "evening ran")
    write_minutes(store.session, tmp_path / "m.docx")
    table = cells(table_after(open_docx(tmp_path / "m.docx"), "Program"))
    assert table[0] == ["Planlagt", "Faktisk", "Aktivitet"]
    assert table[1][:2] == ["18.00 – 18.20", ""]  # on time: nothing to add
    assert table[2][:2] == ["18.20 – 18.50", "18.25 – 18.58"]


def test_the_rotation_of_meeting_3_is_laid_out_like_the_slide(tmp_path):
    session_path = tmp_path / "meeting-3.toml"
    shutil.copy(MEETING_3, session_path)
    store = Store.open(session_path, backup=False)
    try:
        write_minutes(store.session, tmp_path / "m.docx")
    finally:
        store.close()
    doc = open_docx(tmp_path / "m.docx")
    table = cells(table_after(doc, "Rotation"))
    assert table[0][0] == ""
    assert table[0][1] == "Station 1\nLedelse som fag\nv. Rikke"
    assert table[0][2].endswith("\nv. Signe") and table[0][3].endswith("\nv. Kristine")
    assert table[1:] == [
        ["Runde 1: 18.20 – 18.50", "Gruppe 1", "Gruppe 2", "Gruppe 3"],
        ["Runde 2: 19.20 – 19.50", "Gruppe 3", "Gruppe 1", "Gruppe 2"],
        ["Runde 3: 19.50 – 20.20", "Gruppe 2", "Gruppe 3", "Gruppe 1"],
    ]
    stations = cells(table_after(doc, "Stationer"))
    assert stations[1] == ["Station 1", "Ledelse som fag", "Rikke"]


def test_the_groups_and_their_members(minutes):
    _, doc = minutes()
    groups = [b for b in bullets(doc) if b.station == "Grupper"]
    assert [b.text for b in groups if b.part == "Gruppe 1"][:2] == ["Åse Lund (politiker)", "Mikkel Berg (medarbejder)"]
    assert len([b for b in groups if b.part == "Gruppe 3"]) == 5


def test_each_note_stands_once_under_its_first_category_naming_the_others(minutes):
    _, doc = minutes()
    placed = [b for b in bullets(doc) if b.part == "Noter"]
    where = {}
    for b in placed:
        where.setdefault(b.text, []).append((b.station.split(" – ")[0], b.category))
    assert where["Lederne mangler tid til faglig sparring (Gruppe 1, runde 1)"] == [("Station 1", "Ledelse (1)")]
    # A note with two categories stands once, under the first; round 2 at station 1 is group 3.
    assert where["Praktikpladser skal følges op – også efter § 17 (Gruppe 3, runde 2) (også: Rekruttering)"] == [
        ("Station 1", "Uddannelse (1)"),
    ]
    assert where["Åse Lund foreslog en mentorordning (Gruppe 2, runde 3)"] == [("Station 1", "Ikke kodet (1)")]
    assert where["Tidlig interesse for fagene i grundskolen (Gruppe 2, runde 1)"] == [("Station 2", "Uddannelse (1)")]
    assert len(placed) == len(NOTES)  # each note once
    # The marks are set apart in italics.
    first = next(b for b in placed if b.text.startswith("Lederne"))
    assert first.runs[-1].italic and first.runs[-1].text == " (Gruppe 1, runde 1)"
    two = next(b for b in placed if b.text.startswith("Praktikpladser"))
    assert two.runs[-1].italic and two.runs[-1].text.endswith("(også: Rekruttering)")


def test_uncoded_notes_come_last_in_a_station(minutes):
    _, doc = minutes()
    station_3 = [b.category for b in bullets(doc) if b.station.startswith("Station 3") and b.part == "Noter"]
    assert station_3 == ["Rekruttering (1)", "Ikke kodet (1)"]


def test_each_station_shows_its_questions(minutes):
    _, doc = minutes()
    questions = [b.text for b in bullets(doc) if b.station.startswith("Station 2") and b.part == "Spørgsmål"]
    assert questions == [
        "Er der noget vi har overset?",
        "Noget der mangler at blive beskrevet?",
        "Vil det skabe merværdi?",
    ]


def test_the_overview_says_what_its_totals_count(minutes):
    _, doc = minutes()
    table = cells(table_after(doc, "Overblik"))
    assert table[0] == ["Kategori", "Station 1", "Station 2", "Station 3", "I alt"]
    rows = {row[0]: [int(n) for n in row[1:]] for row in table[1:]}
    assert [row[0] for row in table[1:]] == [
        "Ledelse",
        "Uddannelse",
        "Rekruttering",
        "Fastholdelse",
        "Kodninger i alt",
        "Ikke kodet",
        "Noter i alt",
    ]
    assert rows["Ledelse"] == [1, 0, 0, 1]
    assert rows["Uddannelse"] == [1, 1, 0, 2]
    assert rows["Rekruttering"] == [1, 0, 1, 2]
    assert rows["Fastholdelse"] == [0, 0, 1, 1]
    for numbers in rows.values():
        assert numbers[-1] == sum(numbers[:-1])
    categories = [rows[name] for name in ("Ledelse", "Uddannelse", "Rekruttering", "Fastholdelse")]
    assert rows["Kodninger i alt"] == [sum(column) for column in zip(*categories)] == [3, 1, 2, 6]
    assert rows["Ikke kodet"] == [1, 0, 1, 2]
    assert rows["Noter i alt"] == [3, 1, 2, 6]


def test_the_overview_footnote_stays_with_its_table(minutes):
    _, doc = minutes()
    table = table_after(doc, "Overblik")
    # Every paragraph of the table keeps with the next, so the table and the footnote after it share a page.
    for row in table.rows:
        for cell in row.cells:
            assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs)
    following = table._tbl.getnext()
    assert following.tag.endswith("}p")
    assert "Noter i alt» tæller hver note én gang" in "".join(following.itertext())


def test_the_codebook_lists_every_category_with_its_description(minutes):
    _, doc = minutes()
    table = cells(table_after(doc, "Kodebog"))
    assert table[0] == ["Kategori", "Beskrivelse"]
    assert table[1] == ["Ledelse", "Ledelse som fag, ledelsesspænd og udvikling af ledere."]
    assert len(table) == 5


def test_the_summaries_are_in_the_minutes(store, tmp_path):
    add_notes(store)
    summary = Summaries(
        overall="Alle tre anbefalinger blev kvalificeret.\n\nNæste skridt: formandsskabet.",
        stations={"s2": "Grundskolen er nøglen."},
    )
    store.set_section("summary", summary, "summaries written")
    write_minutes(store.session, tmp_path / "m.docx")
    doc = open_docx(tmp_path / "m.docx")
    lines = outline(doc)
    assert headings(doc, 1)[0] == "Opsamling"
    start = lines.index(("Heading 1", "Opsamling"))
    assert lines[start + 1 : start + 3] == [
        ("Normal", "Alle tre anbefalinger blev kvalificeret."),
        ("Normal", "Næste skridt: formandsskabet."),
    ]
    station_2 = lines.index(("Heading 1", headings(doc, 1)[5]))
    part = lines[station_2 : station_2 + 8]
    assert ("Heading 2", "Opsamling") in part and ("Normal", "Grundskolen er nøglen.") in part


def test_english_minutes_use_english_words_and_times(minutes):
    _, doc = minutes(language="en")
    assert headings(doc, 1)[:3] == ["Programme", "Stations", "Groups"]
    assert headings(doc, 1)[-2:] == ["Overview", "Codebook"]
    assert ("Normal", "Date: Thursday 12 March 2026") in outline(doc)
    table = cells(table_after(doc, "Programme"))
    assert table[0] == ["Time", "Activity"] and table[2][0] == "18:20 – 18:50"
    notes = [b for b in bullets(doc) if b.part == "Notes"]
    assert any(b.text.endswith("(Gruppe 1, round 1)") for b in notes)
    overview = cells(table_after(doc, "Overview"))
    assert [row[0] for row in overview[-3:]] == ["Codings in all", "Uncoded", "Notes in all"]
    assert doc.core_properties.language == "en-GB"


def test_anonymized_minutes_hold_no_participant_host_or_author_name_anywhere(minutes, store):
    path, doc = minutes(anonymize=True)
    session = store.session
    names = [m.name for m in session.people()] + AUTHORS + [s.host for s in session.stations]
    found = words_in_every_part(path)
    for name in names:
        for part in name.replace("-", " ").split():
            assert part.casefold() not in found, part
    assert "Grupper" not in headings(doc, 1)
    texts = [b.text for b in bullets(doc)]
    # Each person a stable pseudonym: Åse Lund is the first participant, Mikkel Berg the second.
    assert "Deltager 1 foreslog en mentorordning (Gruppe 2, runde 3)" in texts
    assert any("Deltager 2's idé om jobrotation" in t for t in texts)  # "Mikkels" is Mikkel's
    assert ("Heading 1", "Station 1 – Ledelse som fag v. Deltager 18") in outline(doc)  # the host, like everyone
    assert any("er erstattet i dette dokument" in text for _, text in outline(doc))


def test_notes_full_of_control_characters_export_as_line_breaks(store, tmp_path):
    texts = [
        "Linje et\x0bLinje to\x0cNy side",
        "Nul\x00byte og escape\x1b[31m og \ufffe og \uffff slut",
        "Windows\r\nlinjer\rog \u2028 separator",
        "Tabulator\tog emoji 🙂 og æøå ÆØÅ § –",
        "x" * 100_000,
    ]
    for text in texts:
        store.add_note("s1", 1, text)
    write_minutes(store.session, tmp_path / "m.docx")
    doc = open_docx(tmp_path / "m.docx")
    found = [b.text.removesuffix(" (Gruppe 1, runde 1)") for b in bullets(doc) if b.part == "Noter"]
    assert found == [
        "Linje et\nLinje to\nNy side",
        "Nulbyte og escape og  og  slut",
        "Windows\nlinjer\nog \n separator",
        "Tabulator\tog emoji 🙂 og æøå ÆØÅ § –",
        "x" * 100_000,
    ]


def test_a_session_without_notes_gives_a_sensible_document(store, tmp_path):
    write_minutes(store.session, tmp_path / "m.docx")
    doc = open_docx(tmp_path / "m.docx")
    lines = outline(doc)
    station = lines.index(("Heading 1", "Station 1 – Ledelse som fag v. Bodil"))
    assert ("Normal", "Ingen noter.") in lines[station : station + 8]
    table = cells(table_after(doc, "Overblik"))
    assert all(n == "0" for row in table[1:] for n in row[1:])


def test_a_nearly_empty_session_still_exports(tmp_path):
    session = Session(workshop=Workshop(title="Tom aften"))
    write_minutes(session, tmp_path / "m.docx")
    doc = open_docx(tmp_path / "m.docx")
    assert headings(doc, 1) == ["Program", "Stationer", "Grupper", "Overblik", "Kodebog"]
    lines = outline(doc)
    assert ("Normal", "Ingen stationer.") in lines
    assert ("Normal", "Ingen kategorier.") in lines


def test_a_session_without_a_rotation_says_why_in_the_minutes(store, tmp_path):
    session = store.session.model_copy(update={"groups": []})
    write_minutes(session, tmp_path / "m.docx")
    lines = outline(open_docx(tmp_path / "m.docx"))
    rotation = lines.index(("Heading 2", "Rotation"))
    assert lines[rotation + 1] == ("Normal", "Rotationen kan ikke vises: sessionen har ingen grupper.")


def test_fewer_groups_than_stations_leave_a_station_empty_in_a_round(store, tmp_path):
    session = store.session.model_copy(update={"groups": store.session.groups[:2]})
    write_minutes(session, tmp_path / "m.docx")
    table = cells(table_after(open_docx(tmp_path / "m.docx"), "Rotation"))
    assert table[1][1:] == ["Gruppe 1", "Gruppe 2", "–"]


def test_re_mixing_puts_the_people_in_the_rotation_and_counts_them_when_anonymized(store, tmp_path):
    session = store.session.model_copy(update={"schedule": Schedule(mode="remix")})
    write_minutes(session, tmp_path / "m.docx")
    table = cells(table_after(open_docx(tmp_path / "m.docx"), "Rotation"))
    everyone = sorted(m.name for m in session.people())
    assert sorted(name for cell in table[1][1:] for name in cell.split("\n")) == everyone
    write_minutes(session, tmp_path / "a.docx", anonymize=True)
    table = cells(table_after(open_docx(tmp_path / "a.docx"), "Rotation"))
    assert table[1][1:] == ["6 deltagere", "6 deltagere", "5 deltagere"]


def test_a_note_without_a_group_is_marked_with_its_round(store, tmp_path):
    session = store.session.model_copy(update={"notes": [Note(station="s2", round=3, text="Uden gruppe")]})
    write_minutes(session, tmp_path / "m.docx")
    assert "Uden gruppe (Runde 3)" in [b.text for b in bullets(open_docx(tmp_path / "m.docx"))]


def test_the_file_properties_name_no_one_and_carry_the_export_time(store, tmp_path):
    moment = dt.datetime(2026, 3, 13, 9, 30, tzinfo=dt.UTC)
    write_minutes(store.session, tmp_path / "m.docx", ExportOptions("da", moment=moment))
    props = open_docx(tmp_path / "m.docx").core_properties
    assert props.title == "Referat – Udvalget om trivsel og rekruttering"
    assert props.subject == "Prøveaften – kvalificering af anbefalinger"
    assert props.author == "workshop" and props.last_modified_by == "workshop"
    assert props.language == "da-DK"
    assert props.created == props.modified == moment
    assert props.comments == "" and props.revision == 1


def test_no_stale_parts_of_python_docx_s_own_template(store, tmp_path):
    write_minutes(store.session, tmp_path / "m.docx")
    with zipfile.ZipFile(tmp_path / "m.docx") as archive:
        names = archive.namelist()
        app = archive.read("docProps/app.xml").decode("utf-8")
        settings = archive.read("word/settings.xml").decode("utf-8")
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert not [n for n in names if "thumbnail" in n]  # no blank preview picture
    assert "savePreviewPicture" not in settings
    assert "Microsoft Macintosh Word" not in app and "<Application>workshop" in app
    assert "2013-12-23" not in core and "python-docx" not in core


def test_without_a_template_the_header_has_the_title_and_date_and_the_footer_page_numbers(store, tmp_path):
    write_minutes(store.session, tmp_path / "m.docx")
    section = open_docx(tmp_path / "m.docx").sections[0]
    assert section.header.paragraphs[0].text == (
        "Referat – Udvalget om trivsel og rekruttering – torsdag den 12. marts 2026"
    )
    footer = section.footer._element.xml
    assert "Side " in footer and " PAGE " in footer and " NUMPAGES " in footer
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_the_body_font_is_one_word_and_libreoffice_both_show_alike(store, tmp_path):
    write_minutes(store.session, tmp_path / "m.docx")
    with zipfile.ZipFile(tmp_path / "m.docx") as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        theme = archive.read("word/theme/theme1.xml").decode("utf-8")
    defaults = styles[styles.index("<w:docDefaults>") : styles.index("</w:docDefaults>")]
    assert 'w:ascii="Calibri"' in defaults and 'w:hAnsi="Calibri"' in defaults
    assert "Cambria" not in theme.split("<a:minorFont>")[1].split("</a:minorFont>")[0]


def test_progress_is_reported_up_to_the_end(store, tmp_path):
    notes = [Note(station="s1", round=1, group="g1", text=f"note {n}") for n in range(1200)]
    store.change("many notes", lambda session: [note_op(None, n) for n in notes])
    seen = []
    write_minutes(store.session, tmp_path / "m.docx", progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 1200) and seen[-1] == (1200, 1200)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

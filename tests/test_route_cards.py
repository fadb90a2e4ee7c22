"""Route cards: one page per group with its members, its route, the stations' questions and the programme."""

from __future__ import annotations

import zipfile

import pytest
from docx_reading import cells, headings, open_docx, outline, words_in_every_part

from workshop.documents.route_cards import RouteCardsError, write_route_cards
from workshop.model.session import Group, Schedule, Session, Workshop


@pytest.fixture
def cards(store, tmp_path):
    def export(**options):
        target = tmp_path / "cards.docx"
        write_route_cards(store.session, target, **options)
        return target, open_docx(target)

    return export


def test_one_page_per_group(cards):
    _, doc = cards()
    assert headings(doc, 1) == ["Rutekort: Gruppe 1", "Rutekort: Gruppe 2", "Rutekort: Gruppe 3"]
    starts = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert [bool(p.paragraph_format.page_break_before) for p in starts] == [False, True, True]
    assert len(doc.tables) == 6  # the route and the programme on each card


def test_a_card_shows_the_members_and_the_route(cards):
    _, doc = cards()
    lines = outline(doc)
    start = lines.index(("Heading 1", "Rutekort: Gruppe 2"))
    card = lines[start : lines.index(("Heading 1", "Rutekort: Gruppe 3"))]
    assert ("Normal", "Udvalget om trivsel og rekruttering – torsdag den 12. marts 2026") in card
    assert ("Normal", "Deltagere: Lærke Bjørn, Niels Fjord, Ida Skov, Tobias Eng, Grete Sand, Ali Hassan") in card
    route = cells(doc.tables[2])
    assert route[0] == ["Runde", "Tidspunkt", "Station", "Tema", "Vært"]
    theme = "Uddannelse – før, under og efter. Tidlig interesse for fagene"
    assert route[1] == ["1", "18.20 – 18.50", "Station 2", theme, "Jonas"]
    assert [row[2] for row in route[1:]] == ["Station 2", "Station 3", "Station 1"]
    assert [row[1] for row in route[1:]] == ["18.20 – 18.50", "19.20 – 19.50", "19.50 – 20.20"]


def test_a_card_has_the_questions_and_the_programme_with_the_dinner_break(cards):
    _, doc = cards()
    lines = outline(doc)
    card = lines[: lines.index(("Heading 1", "Rutekort: Gruppe 2"))]
    assert ("Heading 2", "Spørgsmål ved stationerne") in card
    questions = [text for style, text in card if style == "List Bullet"]
    assert questions == [
        "Er der noget vi har overset?",
        "Noget der mangler at blive beskrevet?",
        "Vil det skabe merværdi?",
    ]
    programme = cells(doc.tables[1])
    assert programme[0] == ["Tidspunkt", "Aktivitet"]
    assert ["18.50 – 19.20", "Pause og aftensmad"] in programme
    assert ["18.20 – 18.50", "Runde 1 ved stationer – Station 1"] in programme  # where this group goes
    assert programme[-1] == ["20.45 – 21.00", "Tak for i dag"]


def test_stations_with_their_own_questions_are_listed_one_by_one(store, tmp_path):
    stations = [s.model_copy(update={"questions": [f"Spørgsmål ved {s.id}?"]}) for s in store.session.stations]
    session = store.session.model_copy(update={"stations": stations})
    write_route_cards(session, tmp_path / "c.docx")
    lines = outline(open_docx(tmp_path / "c.docx"))
    card = lines[: lines.index(("Heading 1", "Rutekort: Gruppe 2"))]
    assert [text for style, text in card if style == "List Bullet"] == [
        "Spørgsmål ved s1?",
        "Spørgsmål ved s2?",
        "Spørgsmål ved s3?",
    ]


def test_the_cards_are_printed_in_larger_type_and_no_word_breaks_in_a_cell(cards):
    path, doc = cards()
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    defaults = styles[styles.index("<w:docDefaults>") : styles.index("</w:docDefaults>")]
    assert '<w:sz w:val="26"/>' in defaults  # 13 pt, the minutes have Word's 11
    route = doc.tables[0]
    first_column = route._tbl.tblGrid.gridCol_lst[0].w
    # "Runde" in bold 13 pt is about 0.45 inch wide; with the cell's margins it needs more than that.
    assert first_column.inches > 0.55
    assert route._tbl.tblPr.xml.count('w:type="fixed"') == 1


def test_english_cards(cards):
    _, doc = cards(language="en")
    assert headings(doc, 1)[0] == "Route card: Gruppe 1"
    assert headings(doc, 2)[:3] == ["Route", "Questions at the stations", "Programme"]
    assert cells(doc.tables[0])[0] == ["Round", "Time", "Station", "Theme", "Host"]
    assert cells(doc.tables[0])[1][1] == "18:20 – 18:50"


def test_anonymized_cards_leave_out_the_members_and_the_hosts(cards, store):
    path, doc = cards(anonymize=True)
    found = words_in_every_part(path)
    everyone = [m.name for m in store.session.people()] + [s.host for s in store.session.stations]
    assert not [part for name in everyone for part in name.split() if part.casefold() in found]
    assert not [text for _, text in outline(doc) if text.startswith("Deltagere:")]


def test_no_groups_no_cards(tmp_path):
    with pytest.raises(RouteCardsError, match="sessionen har ingen grupper, så der er ingen rutekort"):
        write_route_cards(Session(workshop=Workshop(title="Tom")), tmp_path / "c.docx")
    with pytest.raises(RouteCardsError, match="the session has no groups, so there are no route cards"):
        write_route_cards(Session(workshop=Workshop(title="Empty", language="en")), tmp_path / "c.docx")


def test_a_group_that_waits_in_a_round_is_told_so(store, tmp_path):
    extra = Group(id="g4", name="Gruppe 4", members=["Xena Ydesen"])
    session = store.session.model_copy(update={"groups": [*store.session.groups, extra]})
    write_route_cards(session, tmp_path / "c.docx")
    doc = open_docx(tmp_path / "c.docx")
    assert len(headings(doc, 1)) == 4
    route = cells(doc.tables[6])
    assert route[1][2] == "Venter (ingen station)"
    assert [row[2] for row in route[2:]] == ["Station 1", "Station 2"]


def test_re_mixing_gives_one_card_per_person(store, tmp_path):
    session = store.session.model_copy(update={"schedule": Schedule(mode="remix")})
    write_route_cards(session, tmp_path / "c.docx")
    doc = open_docx(tmp_path / "c.docx")
    assert headings(doc, 1)[0] == "Rutekort: Åse Lund"
    assert len(headings(doc, 1)) == len(session.people())
    assert not [text for _, text in outline(doc) if text.startswith("Deltagere:")]
    assert [row[0] for row in cells(doc.tables[0])[1:]] == ["1", "2", "3"]
    with pytest.raises(RouteCardsError, match="personlige"):
        write_route_cards(session, tmp_path / "a.docx", anonymize=True)

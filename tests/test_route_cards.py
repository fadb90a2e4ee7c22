"""Route cards: one page per group with its members and its route."""

from __future__ import annotations

import pytest
from docx_reading import all_text, cells, headings, open_docx, outline

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
    assert len(doc.tables) == 3


def test_a_card_shows_the_members_and_the_route(cards):
    _, doc = cards()
    lines = outline(doc)
    start = lines.index(("Heading 1", "Rutekort: Gruppe 2"))
    card = lines[start: lines.index(("Heading 1", "Rutekort: Gruppe 3"))]
    assert ("Normal", "Udvalget om trivsel og rekruttering – torsdag den 12. marts 2026") in card
    assert [text for style, text in card if style == "List Bullet"] == [
        "Lærke Bjørn", "Niels Fjord", "Ida Skov", "Tobias Eng", "Grete Sand", "Ali Hassan",
    ]
    route = cells(doc.tables[1])
    assert route[0] == ["Runde", "Tidspunkt", "Station", "Tema", "Vært"]
    theme = "Uddannelse – før, under og efter. Tidlig interesse for fagene"
    assert route[1] == ["1", "18.20 – 18.50", "Station 2", theme, "Jonas"]
    assert [row[2] for row in route[1:]] == ["Station 2", "Station 3", "Station 1"]
    assert [row[1] for row in route[1:]] == ["18.20 – 18.50", "19.20 – 19.50", "19.50 – 20.20"]


def test_english_cards(cards):
    _, doc = cards(language="en")
    assert headings(doc, 1)[0] == "Route card: Gruppe 1"
    assert headings(doc, 2)[:2] == ["Members", "Route"]
    assert cells(doc.tables[0])[0] == ["Round", "Time", "Station", "Theme", "Host"]
    assert cells(doc.tables[0])[1][1] == "18:20 – 18:50"


def test_anonymized_cards_leave_out_the_members(cards, store):
    path, doc = cards(anonymize=True)
    raw = all_text(path)
    assert all(m.name not in raw for m in store.session.people())
    assert "Deltagere" not in headings(doc, 2)


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
    route = cells(doc.tables[3])
    assert route[1][2] == "Venter (ingen station)"
    assert [row[2] for row in route[2:]] == ["Station 1", "Station 2"]


def test_re_mixing_gives_one_card_per_person(store, tmp_path):
    session = store.session.model_copy(update={"schedule": Schedule(mode="remix")})
    write_route_cards(session, tmp_path / "c.docx")
    doc = open_docx(tmp_path / "c.docx")
    assert headings(doc, 1)[0] == "Rutekort: Åse Lund"
    assert len(headings(doc, 1)) == len(session.people())
    assert "Deltagere" not in headings(doc, 2)
    assert [row[0] for row in cells(doc.tables[0])[1:]] == ["1", "2", "3"]
    with pytest.raises(RouteCardsError, match="personlige"):
        write_route_cards(session, tmp_path / "a.docx", anonymize=True)

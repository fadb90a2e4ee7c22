"""The recommendations report as the committee's own (seed 001): title page, a real table of contents,
"Indledning", themes with their recommendations numbered across the report, the template's sections as
headings, what the evening changed, and an appendix with the notes behind each recommendation."""

from __future__ import annotations

import datetime as dt

import pytest
from docx_reading import cells, headings, open_docx, outline, table_after, words_in_every_part
from test_recommendations import SEVEN_SECTIONS

from workshop.documents.format import ExportOptions
from workshop.documents.recommendations_report import write_report
from workshop.model.session import ActualTime, Live
from workshop.notes import recommendations as rec
from workshop.notes.summaries import write_summary


@pytest.fixture
def drafted(store):
    """Three recommendations under two themes, one with every section, a note cited and one linked."""
    write_summary(store, None, "Udvalget har mødtes tre gange.\n\nDrøftelserne:\n- Ledelse som fag\n- Ledighed")
    rec.write_theme(store, "Ledelse som fag", "Den aktuelle situation kalder på mere faglig ledelse.")
    rec.create(
        store,
        "Ny i ledelse i Kommunen",
        station="s1",
        intro="Som ny leder kan det være svært.",
        purpose="Robust ledelseskapacitet.",
        goals="Flere ledere rekrutteres internt.",
        actions="Der nedsættes en styregruppe.\n- før-lederforløb\n- mentorordning",
        follow_up="2025",
        baseline="Andel ledere 2022.",
        resources="200.000 kr.",
        next_step="Styregruppen nedsættes.",
    )
    rec.create(store, "Ledelsesspænd", station="s1", purpose="Undersøge det optimale ledelsesspænd.")
    rec.create(store, "Ledige til velfærdsfagene", station="s3", goals="Job eller uddannelse.")
    cited = store.add_note("s1", 1, "Husk sparring for nye ledere", categories=["c1"], author="Nora Notesen")
    linked = store.add_note("s1", 2, "Mentorordningen skal vare seks måneder", author="Nora Notesen")
    rec.cite_note(store, "r1", cited.id)
    rec.link_note(store, linked.id, "r1", "actions")
    return store


def report(store, tmp_path, **options):
    target = tmp_path / "anbefalinger.docx"
    write_report(store.session, target, ExportOptions(**{"language": "da", **options}))
    return target, open_docx(target)


def test_the_report_reads_like_the_committee_s_own(drafted, tmp_path):
    _, doc = report(drafted, tmp_path)
    lines = outline(doc)
    assert lines[:3] == [
        ("Title", "Anbefalinger"),
        ("Subtitle", "Udvalget om trivsel og rekruttering"),
        ("Normal", "Prøveaften – kvalificering af anbefalinger"),
    ]
    assert headings(doc, 1) == [
        "Indledning",
        "Anbefalinger – Ledelse som fag",
        "Anbefaling – Fra ledighed til uddannelse til fastansættelse og fastholdelse",
    ]
    assert [h for h in headings(doc, 2)][:3] == [
        "Anbefaling 1: Ny i ledelse i Kommunen",
        "Anbefaling 2: Ledelsesspænd",
        "Anbefaling 3: Ledige til velfærdsfagene",
    ]


def test_each_recommendation_has_the_template_s_sections_as_headings(drafted, tmp_path):
    _, doc = report(drafted, tmp_path)
    lines = outline(doc)
    start = lines.index(("Heading 2", "Anbefaling 1: Ny i ledelse i Kommunen"))
    end = lines.index(("Heading 2", "Anbefaling 2: Ledelsesspænd"))
    part = lines[start:end]
    assert [text for style, text in part if style == "Heading 3"] == SEVEN_SECTIONS
    assert part[1] == ("Normal", "Som ny leder kan det være svært.")
    actions = part.index(("Heading 3", "Indsatser"))
    assert part[actions + 1 : actions + 4] == [
        ("Normal", "Der nedsættes en styregruppe."),
        ("List Bullet", "før-lederforløb"),
        ("List Bullet", "mentorordning"),
    ]
    # an empty section is left out
    second = lines[end : lines.index(("Heading 2", "Anbefaling 3: Ledige til velfærdsfagene"))]
    assert [text for style, text in second if style == "Heading 3"] == ["Formål"]


def test_a_theme_opens_with_its_introduction_and_lists_its_recommendations(drafted, tmp_path):
    _, doc = report(drafted, tmp_path)
    lines = outline(doc)
    start = lines.index(("Heading 1", "Anbefalinger – Ledelse som fag"))
    assert lines[start + 1 : start + 5] == [
        ("Normal", "Den aktuelle situation kalder på mere faglig ledelse."),
        ("Normal", "De underliggende konkrete anbefalinger er:"),
        ("List Bullet", "Anbefaling 1: Ny i ledelse i Kommunen"),
        ("List Bullet", "Anbefaling 2: Ledelsesspænd"),
    ]
    assert doc.paragraphs[start].paragraph_format.page_break_before


def test_the_introduction_is_the_overall_summary(drafted, tmp_path):
    _, doc = report(drafted, tmp_path)
    lines = outline(doc)
    start = lines.index(("Heading 1", "Indledning"))
    assert lines[start + 1 : start + 5] == [
        ("Normal", "Udvalget har mødtes tre gange."),
        ("Normal", "Drøftelserne:"),
        ("List Bullet", "Ledelse som fag"),
        ("List Bullet", "Ledighed"),
    ]


def test_the_contents_is_a_real_toc_field_that_word_updates_on_opening(drafted, tmp_path):
    _, doc = report(drafted, tmp_path)
    body = doc.element.body.xml
    assert 'TOC \\o "1-2" \\h \\z \\u' in body and 'w:fldCharType="begin"' in body
    lines = outline(doc)
    start = lines.index(("TOC Heading", "Indhold"))
    assert [text for _, text in lines[start + 1 : start + 5]] == [
        "Indledning",
        "Anbefalinger – Ledelse som fag",
        "Anbefaling 1: Ny i ledelse i Kommunen",
        "Anbefaling 2: Ledelsesspænd",
    ]
    assert 'w:updateFields w:val="true"' in doc.settings.element.xml


def test_the_appendix_shows_cited_notes_and_the_section_a_note_qualifies(drafted, tmp_path):
    _, doc = report(drafted, tmp_path, appendix="with-names")
    lines = outline(doc)
    start = lines.index(("Heading 1", "Bilag: Noter fra stationerne"))
    assert lines[start + 2 :] == [
        ("Heading 3", "Anbefaling 1: Ny i ledelse i Kommunen"),
        ("Normal", "Noter, som anbefalingen henviser til"),
        ("List Bullet", "Husk sparring for nye ledere (Station 1, Gruppe 1, runde 1)"),
        ("Normal", "Kvalificerer «Indsatser»"),
        ("List Bullet", "Mentorordningen skal vare seks måneder (Station 1, Gruppe 3, runde 2)"),
    ]


def test_what_the_evening_changed_is_told_from_the_history(drafted, tmp_path, monkeypatch):
    import workshop.storage.store as store_module

    start = dt.datetime.now() + dt.timedelta(minutes=1)
    drafted.set_section("live", Live(actual=[ActualTime(item="p1", start=start)]), "evening started")
    monkeypatch.setattr(store_module, "now", lambda: start + dt.timedelta(minutes=30))
    rec.write_section(drafted, "r1", "actions", "Styregruppe og mentorordning i seks måneder.")
    rec.edit(drafted, "r3", title="Fra ledighed til velfærdsjob")
    _, doc = report(drafted, tmp_path, history=rec.versions(drafted))
    table = cells(table_after(doc, "Hvad aftenen ændrede"))
    assert table == [
        ["Anbefalinger", "Ændring"],
        ["Anbefaling 1: Ny i ledelse i Kommunen", "ændret: Indsatser"],
        ["Anbefaling 2: Ledelsesspænd", "uændret"],
        ["Anbefaling 3: Fra ledighed til velfærdsjob", "ændret: titel"],
    ]


def test_without_a_history_the_evening_part_is_left_out(drafted, tmp_path):
    _, doc = report(drafted, tmp_path)
    assert "Hvad aftenen ændrede" not in headings(doc, 1)


def test_a_session_without_recommendations_says_so(store, tmp_path):
    _, doc = report(store, tmp_path)
    assert ("Normal", "Der er ingen anbefalinger endnu.") in outline(doc)


def test_english_report(drafted, tmp_path):
    _, doc = report(drafted, tmp_path, language="en")
    assert headings(doc, 1)[:2] == ["Introduction", "Recommendations – Ledelse som fag"]
    assert "Recommendation 1: Ny i ledelse i Kommunen" in headings(doc, 2)
    assert "Next step (after the political decision)" in headings(doc, 3)


def test_an_anonymized_report_names_no_one(drafted, tmp_path):
    rec.write_section(drafted, "r2", "goals", "Åse Lund og mikkel berg (mikkel@berg.dk) foreslog det")
    path, doc = report(drafted, tmp_path, anonymize=True)
    found = words_in_every_part(path)
    people = [m.name for m in drafted.session.people()] + ["Nora Notesen"] + [s.host for s in drafted.session.stations]
    assert not [part for name in people for part in name.split() if part.casefold() in found]
    assert ("Normal", "Deltager 1 og Deltager 2 ([e-mail]) foreslog det") in outline(doc)


def test_the_file_properties_are_the_report_s(drafted, tmp_path):
    _, doc = report(drafted, tmp_path)
    assert doc.core_properties.title == "Anbefalinger – Udvalget om trivsel og rekruttering"
    assert doc.sections[0].header.paragraphs[0].text.startswith("Anbefalinger – Udvalget")

"""The report like seed 001 to the page, and rich text in every document (issue 19).

The contents written in (entries, no instruction, each heading once, no header on the title page),
long texts in markup as Word's bold, italic and lists, the appendix a choice, the three opening
texts each their own, tables that never leave a row alone, "[e-mail]" never broken, and the TOML
the store writes with the new fields parsing back.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import tomllib
from pathlib import Path

from docx_reading import headings, open_docx, outline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.cli import main as cli
from workshop.documents.docx_setup import TEXT_WIDTH_TWIPS
from workshop.documents.docx_writer import DocxWriter
from workshop.documents.format import ExportOptions
from workshop.documents.markup import blocks, inline, plain
from workshop.documents.minutes import write_minutes
from workshop.documents.recommendations_report import write_report
from workshop.documents.route_cards import write_route_cards
from workshop.model.session import Station
from workshop.notes import recommendations as rec
from workshop.notes.summaries import prefilled, text_for, write_opening, write_summary
from workshop.storage.session_file import dumps, load, parse

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def report(store, tmp_path, name="a.docx", **options):
    target = tmp_path / name
    write_report(store.session, target, ExportOptions(**{"language": "da", **options}))
    return open_docx(target)


def drafted(store):
    write_summary(store, None, "Opsamlingen til referatet.")
    rec.write_theme(store, "Ledelse som fag", "Den aktuelle situation kalder på *mere* faglig ledelse.")
    rec.create(
        store,
        "Ny i ledelse",
        station="s1",
        actions=(
            'Arbejdsgruppen har følgende opgaver:\n\n1. Udvikle et koncept, fx *"Hvordan spotter man ledertalent?"*\n'
            "2. Beskrive en **leder-potentiale-bank**\n   - med exitsamtaler\n   - med mentorer\n"
            "3. Drøfte forpligtelserne\n\n1. En ny liste begynder forfra"
        ),
    )
    rec.create(store, "Ledige til velfærdsfagene", station="s3", purpose="Job eller uddannelse.")
    cited = store.add_note("s1", 1, "Åse Lund siger: husk sparring for nye ledere", author="Nora Notesen")
    rec.cite_note(store, "r1", cited.id)
    return store


# The contents ----------------------------------------------------------------------------------------


def test_the_contents_lists_each_heading_once_and_gives_no_instruction(store, tmp_path):
    doc = report(drafted(store), tmp_path, appendix="with-names")
    lines = outline(doc)
    start = lines.index(("TOC Heading", "Indhold"))
    entries = [text for style, text in lines[start + 1 :] if style.startswith("toc")]
    listed = [text for style, text in lines if style in ("Heading 1", "Heading 2")]
    assert entries == listed  # what Word's or LibreOffice's update lists: every heading of level 1-2, once
    assert len(entries) == len(set(entries))
    assert "Bilag: Noter fra stationerne" in entries
    assert entries.count("Anbefaling 1: Ny i ledelse") == 1  # the appendix repeats it at level 3
    text = "\n".join(t for _, t in lines)
    assert "Opdater felt" not in text and "Højreklik" not in text and "Update Field" not in text
    # no LibreOffice here (the tests' default): Word is asked to update the page numbers on opening
    assert 'w:updateFields w:val="true"' in doc.settings.element.xml
    assert 'w:dirty="true"' in doc.element.body.xml


def test_the_title_page_has_no_running_header_or_page_number(store, tmp_path):
    doc = report(drafted(store), tmp_path)
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    assert "".join(p.text for p in section.first_page_footer.paragraphs) == ""
    assert "Anbefalinger" in section.header.paragraphs[0].text  # from page 2 on


# Rich text ----------------------------------------------------------------------------------------


def test_bold_italic_and_nested_numbered_lists_become_word_formatting(store, tmp_path):
    doc = report(drafted(store), tmp_path)
    paragraphs = doc.paragraphs
    texts = [p.text for p in paragraphs]
    first = texts.index('Udvikle et koncept, fx "Hvordan spotter man ledertalent?"')
    items = paragraphs[first : first + 6]
    assert [p.text for p in items] == [
        'Udvikle et koncept, fx "Hvordan spotter man ledertalent?"',
        "Beskrive en leder-potentiale-bank",
        "med exitsamtaler",
        "med mentorer",
        "Drøfte forpligtelserne",
        "En ny liste begynder forfra",
    ]
    assert [r.text for r in items[0].runs if r.italic] == ['"Hvordan spotter man ledertalent?"']
    assert [r.text for r in items[1].runs if r.bold] == ["leder-potentiale-bank"]
    assert "**" not in "".join(texts) and "*Hvordan" not in "".join(texts)
    levels, lists = [], []
    for p in items:
        num = p._p.find(f"{W}pPr/{W}numPr")
        levels.append(int(num.find(f"{W}ilvl").get(f"{W}val")))
        lists.append(num.find(f"{W}numId").get(f"{W}val"))
    assert levels == [0, 0, 1, 1, 0, 0]
    assert [p.style.name for p in items] == ["List Number", "List Number", "List Bullet", "List Bullet"] + [
        "List Number"
    ] * 2
    assert lists[0] == lists[1] == lists[4]  # one numbered list: 1, 2, 3
    assert lists[5] != lists[0]  # "1." after a paragraph starts a new list at 1
    numbering = doc.part.numbering_part.element
    started = numbering.xpath(f'w:num[@w:numId="{lists[5]}"]/w:lvlOverride/w:startOverride')
    assert started and started[0].get(f"{W}val") == "1"
    theme = texts.index("Den aktuelle situation kalder på mere faglig ledelse.")
    assert [r.text for r in paragraphs[theme].runs if r.italic] == ["mere"]


def test_the_minutes_render_the_summaries_lists_as_lists(store, tmp_path):
    write_summary(store, None, "Aftenen i **tre** runder:\n\n1. Ledelse\n2. Unge\n  - praktik")
    write_summary(store, "s1", "- sparring\n- mentor")
    write_minutes(store.session, tmp_path / "m.docx")
    lines = outline(open_docx(tmp_path / "m.docx"))
    start = lines.index(("Heading 1", "Opsamling"))
    assert lines[start + 1 : start + 5] == [
        ("Normal", "Aftenen i tre runder:"),
        ("List Number", "Ledelse"),
        ("List Number", "Unge"),
        ("List Bullet", "praktik"),
    ]
    assert ("List Bullet", "sparring") in lines and ("List Bullet", "mentor") in lines


def test_the_markup_reads_dates_and_stars_as_text():
    assert [b.kind for b in blocks("19. april mødtes udvalget.\n5 * 3 = 15")] == ["paragraph"]
    assert plain("5 * 3 og \\*ikke kursiv\\*") == "5 * 3 og *ikke kursiv*"
    assert [(r.text, r.bold, r.italic) for r in inline("***begge*** og *kursiv*")] == [
        ("begge", True, True),
        (" og ", False, False),
        ("kursiv", False, True),
    ]
    listed = blocks("- a\n  a. første\n  b. anden\n- b\n  a. igen")
    assert [(b.kind, b.level, b.restart) for b in listed] == [
        ("bullet", 0, False),
        ("letter", 1, True),
        ("letter", 1, False),
        ("bullet", 0, False),
        ("letter", 1, True),
    ]


LONG_TEXTS = st.lists(
    st.sampled_from([*"ab æø*-_\\.1)\t\n ", "**", "1. ", "- ", "  - ", "a) ", "\n\n", "ordet"]), max_size=80
).map("".join)


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=LONG_TEXTS)
def test_any_markup_becomes_a_document_that_keeps_every_word(tmp_path: Path, text: str):
    writer = DocxWriter()
    writer.rich(text)
    writer.save(tmp_path / "x.docx")
    shown = " ".join(p.text for p in open_docx(tmp_path / "x.docx").paragraphs)
    # A line's "a)" or "b." before a word is a lettered list: Word numbers it, the letter is not text.
    words = LETTER_MARK.sub(r"\g<indent>", text)
    for token in re.findall(r"[a-zæø]+", words):
        assert token in shown


LETTER_MARK = re.compile(r"(?m)^(?P<indent>[ \t]*)[a-zæøå][.)](?=[ \t]+\S)")


# The appendix ---------------------------------------------------------------------------------------


def test_the_appendix_is_off_by_default_and_on_it_names_no_one(store, tmp_path):
    drafted(store)
    assert "Bilag: Noter fra stationerne" not in headings(report(store, tmp_path, "off.docx"), 1)
    hidden = outline(report(store, tmp_path, "on.docx", appendix="on"))
    named = outline(report(store, tmp_path, "named.docx", appendix="with-names"))
    cited = [t for s, t in hidden if s == "List Bullet" and "husk sparring" in t]
    assert cited and "Åse" not in cited[0] and "Lund" not in cited[0] and cited[0].startswith("Deltager")
    assert any("Åse Lund siger" in t for _, t in named)
    assert "Åse Lund" not in " ".join(t for _, t in hidden)


def test_the_session_s_setting_and_the_export_option_choose_the_appendix(store, session_path, tmp_path):
    drafted(store)
    store.set_section("workshop", store.session.workshop.model_copy(update={"report_appendix": "on"}), "appendix")
    assert "Bilag: Noter fra stationerne" in headings(report(store, tmp_path), 1)
    store.close()
    out = tmp_path / "out.docx"
    assert cli.main(["export", str(session_path), "--format", "recommendations", "--out", str(out)]) == 0
    assert "Bilag: Noter fra stationerne" in headings(open_docx(out), 1)
    args = ["export", str(session_path), "--format", "recommendations", "--out", str(out), "--appendix", "off"]
    assert cli.main(args) == 0
    assert "Bilag: Noter fra stationerne" not in headings(open_docx(out), 1)


# One text per document -------------------------------------------------------------------------------


def test_the_three_opening_texts_are_each_their_own_and_prefilled_from_each_other(store, tmp_path):
    write_summary(store, None, "Opsamlingen til referatet.")
    assert text_for(store.session, "introduction") == "Opsamlingen til referatet."
    assert prefilled(store.session, "introduction") and prefilled(store.session, "case")
    write_opening(store, "introduction", "Indledningen til rapporten.")
    write_opening(store, "case", "Sagsfremstillingen til udvalget.")
    lines = outline(report(store, tmp_path))
    start = lines.index(("Heading 1", "Indledning"))
    assert lines[start + 1] == ("Normal", "Indledningen til rapporten.")
    assert ("Normal", "Opsamlingen til referatet.") not in lines
    write_minutes(store.session, tmp_path / "m.docx")
    minutes = outline(open_docx(tmp_path / "m.docx"))
    assert minutes[minutes.index(("Heading 1", "Opsamling")) + 1] == ("Normal", "Opsamlingen til referatet.")
    store.undo()
    assert store.session.agenda.case == ""


def test_the_new_fields_are_written_as_toml_that_parses_back_and_validates(session_path: Path):
    session, _ = load(session_path)
    session.summary = session.summary.model_copy(update={"introduction": "Indledning med **fed** tekst."})
    session.agenda = session.agenda.model_copy(
        update={
            "title": "Anbefalinger fra udvalget",
            "route": "ØU, KB",
            "committee": "Hovedudvalget",
            "meeting": dt.date(2023, 5, 30),
            "case": "Sagen:\n- punkt",
            "proposed_decision": "at anbefalingerne godkendes",
        }
    )
    session.workshop = session.workshop.model_copy(update={"report_appendix": "with-names"})
    text = dumps(session)
    raw = tomllib.loads(text)
    assert raw["agenda"]["route"] == "ØU, KB" and raw["agenda"]["meeting"] == dt.date(2023, 5, 30)
    assert raw["summary"]["introduction"] == "Indledning med **fed** tekst."
    assert parse(text, session_path) == session
    plain_session, _ = load(session_path)
    assert "report_appendix" not in dumps(plain_session)  # the default is not written


# Layout -------------------------------------------------------------------------------------------


def test_no_table_row_stands_alone_on_a_page_and_the_header_repeats(store, tmp_path):
    write_minutes(store.session, tmp_path / "m.docx")
    doc = open_docx(tmp_path / "m.docx")
    for table in doc.tables:
        rows = table._tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
        kept = [r.find(f"{W}tc/{W}p/{W}pPr/{W}keepNext") is not None for r in rows]
        assert kept[0] and (len(rows) < 2 or kept[-2])  # the header with the first row, the last row not alone


def test_a_placeholder_for_an_e_mail_address_never_breaks(tmp_path):
    writer = DocxWriter(redact=lambda text: text.replace("nora@x.dk", "[e-mail]"))
    writer.paragraph("Skriv til nora@x.dk eller [cpr-nr.]")
    writer.save(tmp_path / "x.docx")
    paragraph = open_docx(tmp_path / "x.docx").paragraphs[0]
    xml = paragraph._p.xml
    assert xml.count("<w:noBreakHyphen/>") == 2 and "e-mail" not in xml and "cpr-nr" not in xml
    assert paragraph.text.replace("\u2011", "-") == "Skriv til [e-mail] eller [cpr-nr.]"


def test_route_card_tables_fit_the_page_whatever_the_names(store, tmp_path):
    stations = [
        Station(id=s.id, name="Fastholdelsesindsatsplanlægningsarbejdsgruppen " + s.name, host="Marie-Louise Eskerod")
        for s in store.session.stations
    ]
    store.set_section("stations", stations, "long names")
    write_route_cards(store.session, tmp_path / "r.docx")
    doc = open_docx(tmp_path / "r.docx")
    for table in doc.tables:
        widths = [int(c.get(f"{W}w")) for c in table._tbl.findall(f"{W}tblGrid/{W}gridCol")]
        assert sum(widths) <= TEXT_WIDTH_TWIPS + len(widths)


# The writer's shape -----------------------------------------------------------------------------------


def test_no_class_of_the_documents_is_over_500_lines():
    folder = Path(__file__).parent.parent / "workshop" / "documents"
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                assert node.end_lineno - node.lineno < 500, f"{path.name}: {node.name}"


def test_no_document_prints_a_key_of_the_session_file(store, tmp_path):
    from workshop.documents.registry import FORMATS, export

    for language in ("da", "en"):
        for found in FORMATS:
            if not found.word_file:
                continue
            target = tmp_path / language / f"{found.name}.docx"
            export(store.session, found.name, target, language=language, make_folder=True)
            text = "\n".join(t for _, t in outline(open_docx(target)))
            assert not re.search(r"\[(workshop|agenda|summary)\]|\b[a-z]+_[a-z_]+\b", text), (found.name, text)

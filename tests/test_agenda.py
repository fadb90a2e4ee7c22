"""The draft agenda item in the municipal form (seed 004): Åben sag, Sagsgang, Sagsfremstilling with bold
lead-ins, Indstilling, Beslutning i <udvalg> den <dato>, Bilag."""

from __future__ import annotations

import datetime as dt
import re

from docx_reading import headings, open_docx, outline

from workshop.cli import main as cli
from workshop.documents.agenda import write_agenda
from workshop.documents.format import ExportOptions
from workshop.notes import recommendations as rec
from workshop.notes.summaries import write_opening, write_summary
from workshop.storage.store import Store


def test_the_agenda_item_has_the_municipal_form(store, tmp_path):
    write_summary(store, None, "Udvalget har mødtes tre gange.")
    rec.create(store, "Ny i ledelse", station="s1", purpose="Robust ledelseskapacitet.")
    rec.create(store, "Ledelsesspænd", station="s1")
    rec.write_proposed_decision(store, "Forvaltningen indstiller, at anbefalingerne godkendes.")
    store.set_section(
        "agenda",
        store.session.agenda.model_copy(
            update={"route": "ØU, KB", "committee": "Hovedudvalget", "meeting": dt.date(2022, 9, 8)}
        ),
        "agenda",
    )
    write_agenda(store.session, tmp_path / "d.docx")
    doc = open_docx(tmp_path / "d.docx")
    assert headings(doc, 1) == ["Anbefalinger fra Udvalget om trivsel og rekruttering"]
    assert headings(doc, 2) == [
        "Sagsgang",
        "Sagsfremstilling",
        "Indstilling",
        "Beslutning i Hovedudvalget den 08-09-2022",
        "Bilag:",
    ]
    lines = outline(doc)
    assert lines[1] == ("Normal", "Åben sag")
    assert lines[lines.index(("Heading 2", "Sagsgang")) + 1] == ("Normal", "ØU, KB")
    case = lines.index(("Heading 2", "Sagsfremstilling"))
    assert lines[case + 1 : case + 6] == [
        ("Normal", "Udvalget har mødtes tre gange."),
        ("Normal", "Udvalget har formuleret 2 anbefalinger:"),
        ("List Bullet", "Anbefaling 1: Ny i ledelse"),
        ("Normal", "Robust ledelseskapacitet."),
        ("List Bullet", "Anbefaling 2: Ledelsesspænd"),
    ]
    lead_ins = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert all(run.bold for p in lead_ins for run in p.runs)  # the bold lead-ins of seed 004
    proposal = lines.index(("Heading 2", "Indstilling"))
    assert lines[proposal + 1] == ("Normal", "Forvaltningen indstiller, at anbefalingerne godkendes.")
    decision = lines.index(("Heading 2", "Beslutning i Hovedudvalget den 08-09-2022"))
    assert lines[decision + 1] == ("Normal", "[Udfyldes af udvalget]")


def test_a_bare_at_clause_becomes_the_administration_s_proposal(store, tmp_path):
    rec.write_proposed_decision(store, "at anbefalingerne godkendes.")
    write_agenda(store.session, tmp_path / "d.docx")
    lines = outline(open_docx(tmp_path / "d.docx"))
    assert lines[lines.index(("Heading 2", "Indstilling")) + 1] == (
        "Normal",
        "Forvaltningen indstiller, at anbefalingerne godkendes.",
    )
    rec.write_proposed_decision(store, "that the recommendations are approved.")
    write_agenda(store.session, tmp_path / "e.docx", ExportOptions("en"))
    lines = outline(open_docx(tmp_path / "e.docx"))
    assert ("Normal", "The administration recommends that the recommendations are approved.") in lines


def test_the_case_is_its_own_text_prefilled_from_the_summaries(store, tmp_path):
    write_summary(store, None, "Opsamlingen til referatet.")
    write_agenda(store.session, tmp_path / "a.docx")
    lines = outline(open_docx(tmp_path / "a.docx"))
    assert lines[lines.index(("Heading 2", "Sagsfremstilling")) + 1] == ("Normal", "Opsamlingen til referatet.")
    write_opening(store, "case", "Sagen i **korte** træk.")
    write_agenda(store.session, tmp_path / "b.docx")
    doc = open_docx(tmp_path / "b.docx")
    lines = outline(doc)
    at = lines.index(("Heading 2", "Sagsfremstilling")) + 1
    assert lines[at] == ("Normal", "Sagen i korte træk.")
    assert [r.text for r in doc.paragraphs[at].runs if r.bold] == ["korte"]
    assert "Opsamlingen til referatet." not in [text for _, text in lines]


def test_the_attachments_are_the_minutes_and_the_report_by_their_files(store, tmp_path):
    files = {"minutes": "evening-referat.docx", "recommendations": "evening-anbefalinger.docx"}
    write_agenda(store.session, tmp_path / "d.docx", ExportOptions("da", files=files))
    lines = outline(open_docx(tmp_path / "d.docx"))
    start = lines.index(("Heading 2", "Bilag:"))
    assert lines[start + 1 :] == [("Normal", "1 – evening-referat.docx"), ("Normal", "2 – evening-anbefalinger.docx")]


def test_what_is_missing_is_said_in_danish_never_as_a_key_of_the_file(store, tmp_path):
    write_agenda(store.session, tmp_path / "d.docx")
    doc = open_docx(tmp_path / "d.docx")
    lines = outline(doc)
    start = lines.index(("Heading 2", "Indstilling"))
    assert lines[start + 1][1].startswith("[Indstillingen mangler: skriv under anbefalingerne")
    assert lines[lines.index(("Heading 2", "Sagsgang")) + 1][1].startswith("[Sagsgangen mangler:")
    assert "Beslutning i udvalget" in headings(doc, 2)
    assert ("Normal", "Der er ingen anbefalinger endnu.") in lines
    text = "\n".join(t for _, t in lines)
    assert not re.search(r"\[agenda\]|proposed_decision|\b[a-z]+_[a-z_]+\b", text)
    write_agenda(store.session, tmp_path / "e.docx", ExportOptions("en"))
    english = outline(open_docx(tmp_path / "e.docx"))
    assert headings(open_docx(tmp_path / "e.docx"), 2) == [
        "Case route",
        "Presentation of the case",
        "Recommended decision",
        "Decision of the committee",
        "Attachments:",
    ]
    assert english[1] == ("Normal", "Open case")


def test_the_proposal_is_kept_in_the_session_and_undoable(store, session_path):
    rec.write_proposed_decision(store, "At anbefalingerne godkendes.")
    store.undo()
    assert store.session.agenda.proposed_decision == ""
    store.redo()
    store.close()
    assert "[agenda]" in session_path.read_text(encoding="utf-8")
    again = Store.open(session_path, author="Testa")
    try:
        assert again.session.agenda.proposed_decision == "At anbefalingerne godkendes."
    finally:
        again.close()


def test_workshop_export_names_the_attachments_as_written(session_path, capsys):
    assert cli.main(["export", str(session_path), "--format", "agenda"]) == 0
    target = session_path.parent.parent / "exports" / "evening-dagsordenspunkt.docx"
    assert capsys.readouterr().out.startswith(f"skrev {target} (dagsordenspunkt, 0 noter)")
    lines = outline(open_docx(target))
    assert lines[-2:] == [("Normal", "1 – evening-referat.docx"), ("Normal", "2 – evening-anbefalinger.docx")]

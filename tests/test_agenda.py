"""The draft agenda item in the municipal form (seed 004): Sagsfremstilling, Indstilling, Beslutning, Bilag."""

from __future__ import annotations

from docx_reading import headings, open_docx, outline

from workshop.cli import main as cli
from workshop.documents.agenda import write_agenda
from workshop.documents.format import ExportOptions
from workshop.notes import recommendations as rec
from workshop.notes.summaries import write_summary
from workshop.storage.store import Store


def test_the_agenda_item_has_the_form_s_four_parts(store, tmp_path):
    write_summary(store, None, "Udvalget har mødtes tre gange.")
    rec.create(store, "Ny i ledelse", station="s1", purpose="Robust ledelseskapacitet.")
    rec.create(store, "Ledelsesspænd", station="s1")
    rec.write_proposed_decision(store, "Forvaltningen indstiller, at anbefalingerne godkendes.")
    write_agenda(store.session, tmp_path / "d.docx")
    doc = open_docx(tmp_path / "d.docx")
    assert headings(doc, 1) == ["Anbefalinger fra Udvalget om trivsel og rekruttering"]
    assert headings(doc, 2) == ["Sagsfremstilling", "Indstilling", "Beslutning", "Bilag"]
    lines = outline(doc)
    case = lines.index(("Heading 2", "Sagsfremstilling"))
    assert lines[case + 1 : case + 5] == [
        ("Normal", "Udvalget har mødtes tre gange."),
        ("Normal", "Udvalget har formuleret 2 anbefalinger:"),
        ("List Bullet", "Anbefaling 1: Ny i ledelse – Robust ledelseskapacitet."),
        ("List Bullet", "Anbefaling 2: Ledelsesspænd"),
    ]
    proposal = lines.index(("Heading 2", "Indstilling"))
    assert lines[proposal + 1] == ("Normal", "Forvaltningen indstiller, at anbefalingerne godkendes.")
    decision = lines.index(("Heading 2", "Beslutning"))
    assert lines[decision + 1] == ("Normal", "[Udfyldes af udvalget]")


def test_the_attachments_are_the_minutes_and_the_report_by_their_files(store, tmp_path):
    files = {"minutes": "evening-referat.docx", "recommendations": "evening-anbefalinger.docx"}
    write_agenda(store.session, tmp_path / "d.docx", ExportOptions("da", files=files))
    lines = outline(open_docx(tmp_path / "d.docx"))
    start = lines.index(("Heading 2", "Bilag"))
    assert lines[start + 1 :] == [("Normal", "1 – evening-referat.docx"), ("Normal", "2 – evening-anbefalinger.docx")]


def test_without_a_proposal_the_place_for_it_says_where_it_is_written(store, tmp_path):
    write_agenda(store.session, tmp_path / "d.docx")
    lines = outline(open_docx(tmp_path / "d.docx"))
    start = lines.index(("Heading 2", "Indstilling"))
    assert lines[start + 1] == ("Normal", "[Indstillingen skrives i sekretariatet: [agenda] proposed_decision]")
    assert ("Normal", "Der er ingen anbefalinger endnu.") in lines


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

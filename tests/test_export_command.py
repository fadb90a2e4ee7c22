"""``workshop export``: the documents land where the user expects and bad input is a message."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from docx_reading import headings, open_docx
from export_notes import EVERY_FILE, add_notes

from workshop.cli import main as cli
from workshop.storage.store import Store

run = cli.main
"""``workshop export ...`` exactly as typed."""


@pytest.fixture
def with_notes(session_path):
    store = Store.open(session_path, author="Nora Notesen")
    add_notes(store)
    store.close()
    return session_path


def test_the_minutes_go_to_the_exports_folder_beside_sessions(with_notes, capsys):
    assert run(["export", str(with_notes)]) == 0
    target = with_notes.parent.parent / "exports" / "evening-referat.docx"
    assert capsys.readouterr().out.strip() == f"skrev {target} (referat, 6 noter)"  # the session's language
    assert headings(open_docx(target), 1)[0] == "Program"


def test_an_english_session_says_wrote(with_notes, capsys):
    text = with_notes.read_text(encoding="utf-8").replace('language = "da"', 'language = "en"')
    with_notes.write_text(text, encoding="utf-8")
    assert run(["export", str(with_notes), "--format", "csv"]) == 0
    target = with_notes.parent.parent / "exports" / "evening-notes.csv"
    assert capsys.readouterr().out.strip() == f"wrote {target} (quote table, 6 notes)"


def test_all_the_documents(with_notes, capsys):
    assert run(["export", str(with_notes), "--format", "all"]) == 0
    folder = with_notes.parent.parent / "exports"
    assert sorted(p.name for p in folder.iterdir()) == EVERY_FILE
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 7
    assert lines[-1].endswith("evening-qda-projekt.qdpx (noter til analyseprogrammer (REFI-QDA), 6 noter)")


def test_english_and_anonymized_names(with_notes):
    assert run(["export", str(with_notes), "--language", "en", "--anonymize"]) == 0
    target = with_notes.parent.parent / "exports" / "evening-minutes-anonymized.docx"
    assert headings(open_docx(target), 1)[0] == "Programme"


def test_out_names_the_file_or_the_folder(with_notes, tmp_path):
    assert run(["export", str(with_notes), "--format", "csv", "--out", str(tmp_path / "noter.csv")]) == 0
    with open(tmp_path / "noter.csv", encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle, delimiter=";"))) == 7
    folder = tmp_path / "til-udvalget"
    folder.mkdir()
    assert run(["export", str(with_notes), "--format", "cards", "--out", str(folder)]) == 0
    assert (folder / "evening-rutekort.docx").is_file()


def test_changes_still_in_the_journal_are_exported(session_path, tmp_path):
    store = Store.open(session_path, author="Nora Notesen")
    store.add_note("s2", 1, "Kun i journalen endnu")
    try:
        assert run(["export", str(session_path), "--format", "csv", "--out", str(tmp_path / "q.csv")]) == 0
    finally:
        store.close()
    assert "Kun i journalen endnu" in (tmp_path / "q.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--out", "{tmp}/referat.pdf"], "giv et navn, der ender på .docx"),
        (["--out", "{tmp}/missing/referat.docx"], "mappen {tmp}/missing findes ikke"),
        (["--format", "all", "--out", "{tmp}/one.docx"], "med --format all skal du angive en mappe"),
    ],
)
def test_bad_output_places_are_a_message_and_exit_2(session_path, tmp_path, capsys, arguments, message):
    arguments = [a.replace("{tmp}", str(tmp_path)) for a in arguments]
    message = message.replace("{tmp}", str(tmp_path))
    assert run(["export", str(session_path), *arguments]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert not list(tmp_path.glob("**/*.docx"))


def test_all_documents_into_a_folder_that_is_made_for_them(with_notes, tmp_path, capsys):
    folder = tmp_path / "til-udvalget" / "marts"
    assert run(["export", str(with_notes), "--format", "all", "--out", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == EVERY_FILE
    assert capsys.readouterr().out.splitlines()[0] == f"skrev {folder / 'evening-referat.docx'} (referat, 6 noter)"


def test_a_missing_session_is_a_message_and_exit_2(tmp_path, capsys):
    assert run(["export", str(tmp_path / "nope.toml")]) == 2
    assert "nope.toml" in capsys.readouterr().err


def test_no_temporary_file_is_left_behind(with_notes):
    assert run(["export", str(with_notes), "--format", "all"]) == 0
    folder = with_notes.parent.parent / "exports"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_the_file_open_elsewhere_is_replaced_whole(with_notes):
    target = with_notes.parent.parent / "exports" / "evening-referat.docx"
    target.parent.mkdir()
    target.write_bytes(b"old")
    assert run(["export", str(with_notes)]) == 0
    assert target.read_bytes()[:2] == b"PK"


def test_the_command_line_starts_without_loading_word(tmp_path):
    """Every command imports the registry; python-docx loads only when a document is written."""
    code = "import sys, workshop.cli.main; print('docx' in sys.modules, 'lxml' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert found.stdout.split() == ["False", "False"]


def test_the_recommendations_report_from_the_command_line(with_notes, capsys):
    from workshop.notes import recommendations as rec

    store = Store.open(with_notes, author="Nora Notesen")
    rec.create(store, "Ny i ledelse", station="s1", purpose="Robust ledelseskapacitet.")
    store.close()
    assert run(["export", str(with_notes), "--format", "recommendations"]) == 0
    target = with_notes.parent.parent / "exports" / "evening-anbefalinger.docx"
    assert capsys.readouterr().out.strip() == f"skrev {target} (anbefalinger, 6 noter)"
    assert "Anbefaling 1: Ny i ledelse" in headings(open_docx(target), 2)
    assert run(["export", str(with_notes), "--format", "recommendations", "--language", "en"]) == 0
    assert (target.parent / "evening-recommendations.docx").is_file()


def test_anonymized_export_prints_and_writes_its_report(with_notes, capsys):
    store = Store.open(with_notes, author="Nora Notesen")
    store.add_note("s2", 1, "Ida Skov (ida@skov.dk) vil bo tæt på")
    store.close()
    assert run(["export", str(with_notes), "--anonymize"]) == 0
    folder = with_notes.parent.parent / "exports"
    out = capsys.readouterr().out.splitlines()
    report = folder / "evening-referat-anonymiseret-rapport.txt"
    assert out[0] == f"skrev {folder / 'evening-referat-anonymiseret.docx'} (referat, 7 noter)"
    # the three hosts in the stations table, the rotation and the headings; Åse Lund, Mikkels, Ida Skov in the notes
    assert out[1] == "  12 navne (6 forskellige personer), 1 e-mailadresse, 0 telefonnumre, 0 cpr-numre erstattet"
    assert out[2] == "  tjek: «lund», «skov», «åse» er også almindelige ord"  # Åse Lund and Ida Skov (åse: ridges)
    assert out[3] == f"  anonymiseringsrapport: {report}"
    assert "«skov»" in report.read_text(encoding="utf-8")


def test_hosts_as_roles(with_notes, tmp_path):
    assert run(["export", str(with_notes), "--anonymize", "--hosts-as-roles", "--out", str(tmp_path / "a.docx")]) == 0
    assert "Station 1 – Ledelse som fag v. Vært 1" in headings(open_docx(tmp_path / "a.docx"), 1)


def test_hosts_as_roles_without_anonymize_is_a_message(with_notes, capsys):
    assert run(["export", str(with_notes), "--hosts-as-roles"]) == 2
    assert "--hosts-as-roles gælder kun sammen med --anonymize" in capsys.readouterr().err


def test_the_codebook_and_the_coded_notes_for_analysis_programs(with_notes, capsys):
    import zipfile

    assert run(["export", str(with_notes), "--format", "qdc"]) == 0
    assert run(["export", str(with_notes), "--format", "qdpx"]) == 0
    folder = with_notes.parent.parent / "exports"
    assert (folder / "evening-kodebog.qdc").read_text(encoding="utf-8").startswith('<?xml version="1.0"')
    with zipfile.ZipFile(folder / "evening-qda-projekt.qdpx") as archive:
        assert "project.qde" in archive.namelist()
        assert len([n for n in archive.namelist() if n.startswith("sources/")]) == 6

"""Every Word document converts with LibreOffice headless, without errors, to a PDF that holds its text.

Runs where ``soffice`` is installed (``.ci/run`` installs it). In CI (``CI=true``) a missing
``soffice`` fails the test instead of skipping it, so the check cannot silently disappear.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from export_notes import add_notes
from test_exports import make_template

from workshop.documents.registry import FORMATS, export
from workshop.notes import recommendations as rec
from workshop.notes.summaries import write_summary


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:  # never skipped: the documents must convert, and .ci/run installs LibreOffice
        pytest.fail("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui (.ci/run does)")
    return found


def convert(files: list[Path], to: str, out: Path, profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def full(store):
    """The made-up evening with notes, summaries, recommendations and a proposal."""
    add_notes(store)
    write_summary(store, None, "Udvalget har mødtes tre gange.\n- Ledelse\n- Uddannelse")
    rec.create(store, "Ny i ledelse", station="s1", purpose="Robust ledelseskapacitet.", actions="- før-lederforløb")
    rec.create(store, "Ledige til velfærdsfagene", station="s3", next_step="Arbejdsgruppen nedsættes.")
    rec.write_proposed_decision(store, "At anbefalingerne godkendes.")
    return store


def test_every_word_document_converts_to_pdf_without_errors(full, tmp_path):
    template = make_template(tmp_path)
    written: list[Path] = []
    for found in FORMATS:
        if not found.word_file:
            continue
        for variant, options in (
            ("plain", {}),
            ("anonymized", {"anonymize": True}),
            ("template", {"template": template}),
        ):
            target = tmp_path / "docs" / f"{found.name}-{variant}.docx"
            export(full.session, found.name, target, make_folder=True, **options)
            written.append(target)
    result = convert(written, "pdf", tmp_path / "pdf", tmp_path / "profile")
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    for source in written:
        pdf = tmp_path / "pdf" / f"{source.stem}.pdf"
        assert pdf.is_file(), f"{source.name}: {result.stdout}{result.stderr}"
        assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000, source.name


def test_libreoffice_reads_the_text_and_the_contents_as_written(full, tmp_path):
    export(full.session, "recommendations", tmp_path / "a.docx")
    export(full.session, "route_cards", tmp_path / "r.docx")
    result = convert([tmp_path / "a.docx", tmp_path / "r.docx"], "txt:Text", tmp_path / "txt", tmp_path / "profile")
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "txt" / "a.txt").read_text(encoding="utf-8-sig")
    assert "Indhold" in report and "Anbefaling 1: Ny i ledelse" in report
    assert report.count("Anbefaling 2: Ledige til velfærdsfagene") >= 2  # in the contents and as a heading
    cards = (tmp_path / "txt" / "r.txt").read_text(encoding="utf-8-sig")
    assert "Pause og aftensmad" in cards and "Runde" in cards

"""The report's table of contents has its page numbers when the file is opened: LibreOffice lays the
document out headless at export and the numbers are written into the contents (issue 19).

Needs LibreOffice (``soffice``) like tests/test_libreoffice.py, and reads the PDF's text with
pdftotext (poppler-utils) or, where that is missing, pypdf; never skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx_reading import open_docx, outline
from test_libreoffice import convert, soffice

from workshop.documents.registry import export
from workshop.notes import recommendations as rec
from workshop.notes.summaries import write_opening

FILLER = "Der nedsættes en styregruppe, som skal udvikle, gennemføre og evaluere et før-lederforløb. " * 14


def pdf_text(pdf: Path) -> str:
    found = shutil.which("pdftotext")
    if found is not None:
        done = subprocess.run([found, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        return done.stdout
    try:
        from pypdf import PdfReader
    except ImportError:
        pytest.fail("pdftotext is not installed: apt-get install poppler-utils (.ci/run does)")
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_the_contents_has_page_numbers_in_the_pdf(store, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_SOFFICE", soffice())
    write_opening(store, "introduction", "Udvalget har mødtes tre gange.\n\n- Ledelse\n- Uddannelse")
    for title in ("Ny i ledelse", "Ledelsesspænd", "Ledige til velfærdsfagene", "Trivselsteam"):
        rec.create(store, title, station="s1", purpose=FILLER, actions=FILLER, next_step=FILLER)
    target = tmp_path / "anbefalinger.docx"
    export(store.session, "recommendations", target)

    doc = open_docx(target)
    assert "updateFields" not in doc.settings.element.xml  # nothing left for Word to ask about
    lines = outline(doc)
    entries = [text for style, text in lines if style.startswith("toc")]
    assert entries[0].startswith("Indledning\t") and all(re.search(r"\t\d+$", e) for e in entries)

    result = convert([target], "pdf", tmp_path / "pdf", tmp_path / "profile")
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "pdf" / "anbefalinger.pdf")
    contents = text[text.index("Indhold") :]
    pages: dict[str, int] = {}
    for heading in ("Indledning", "Anbefaling 1: Ny i ledelse", "Anbefaling 4: Trivselsteam"):
        found = re.findall(re.escape(heading) + r"[ .…]*\.{3,}[ .…]*(\d+)", contents)
        assert len(found) == 1, (heading, contents[:1500])  # listed once, with its page
        pages[heading] = int(found[0])
    assert pages["Indledning"] == 3  # title page, contents, then the introduction
    assert pages["Indledning"] < pages["Anbefaling 1: Ny i ledelse"] < pages["Anbefaling 4: Trivselsteam"]
    first_page = text.split("\f")[0]
    assert "Side 1" not in first_page  # no page number, and no running header, on the title page
    assert "Opdater" not in text

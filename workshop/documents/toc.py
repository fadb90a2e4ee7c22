"""The table of contents: a Word TOC field whose result already holds the entries, and, where
LibreOffice is installed, their page numbers.

The writer (:meth:`workshop.documents.docx_writer.DocxWriter.contents`) notes the headings of
level 1-2 written after the contents and, when it finishes, writes them into the field's result
(:func:`contents_xml`): the document opens with its contents listed, never with an instruction
to update a field, and each heading stands there once, as Word's and LibreOffice's own update
would list it.

Page numbers need a layout, which only a word processor makes. :func:`page_numbers` asks
LibreOffice, headless, in a profile of its own that is thrown away afterwards: a Basic macro
opens the written document hidden, updates its indexes (``getDocumentIndexes()``, ``update()``
on each) and writes the updated contents out as text, one "heading<TAB>page" a line;
:func:`fill_page_numbers` then writes the numbers into the document's own field result, and
Word is no longer asked to update the fields when the file opens. Without LibreOffice (or when
it fails) the entries stand without numbers and the field is marked for Word to update.

``WORKSHOP_SOFFICE`` chooses the LibreOffice to use (a path), or none (``none``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.documents.docx_setup import W_NS, escape

if TYPE_CHECKING:
    from docx.document import Document

TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '
"""Word's field code: headings of level 1-2 (and paragraphs at those outline levels), as links."""

TIMEOUT_SECONDS = 120
"""How long LibreOffice may take to lay out a document before the numbers are left out."""

SOFFICE_VARIABLE = "WORKSHOP_SOFFICE"
"""The environment variable naming the LibreOffice to use, or ``none``."""

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Contents
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  document = StarDesktop.loadComponentFromURL(ConvertToURL("{source}"), "_blank", 0, load())
  indexes = document.getDocumentIndexes()
  found = ""
  For i = 0 To indexes.getCount() - 1
    index = indexes.getByIndex(i)
    index.update()
    If i = 0 Then found = index.getAnchor().getString()
  Next
  files = createUnoService("com.sun.star.ucb.SimpleFileAccess")
  out = createUnoService("com.sun.star.io.TextOutputStream")
  out.setOutputStream(files.openFileWrite(ConvertToURL("{target}")))
  out.setEncoding("UTF-8")
  out.writeString(found)
  out.closeOutput()
  document.close(True)
End Sub
</script:module>
"""


def contents_xml(
    entries: Sequence[tuple[int, str]],
    styles: Sequence[str],
    text_width: int,
) -> str:
    """The TOC field over ``entries`` (level, text as it stands in the document), its result written.

    ``styles``: the style ids of "toc 1" and "toc 2". The field is marked dirty so Word updates it
    when the file opens (:func:`fill_page_numbers` takes the mark away once the pages are known).
    """
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{TOC_INSTRUCTION}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    tabs = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{text_width}"/></w:tabs>'
    if not entries:
        return f"<w:p>{begin}{end}</w:p>"
    out = []
    for index, (level, text) in enumerate(entries):
        style = styles[max(1, min(level, 2)) - 1]
        start = begin if index == 0 else ""
        finish = end if index == len(entries) - 1 else ""
        body = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        out.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{tabs}</w:pPr>{start}{body}{finish}</w:p>')
    return "".join(out)


def libreoffice() -> str | None:
    """The LibreOffice to lay documents out with: ``WORKSHOP_SOFFICE`` (``none``: none), else soffice on the PATH."""
    chosen = os.environ.get(SOFFICE_VARIABLE)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "none", "no", "off", "0") else chosen
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(command: list[str], profile: Path) -> bool:
    try:
        done = subprocess.run(
            [command[0], f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *command[1:]],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def page_numbers(document: Path, soffice: str) -> list[tuple[str, int]] | None:
    """The contents of a written .docx as LibreOffice lays it out: (entry, page) in order; None when it cannot tell."""
    with tempfile.TemporaryDirectory(prefix="workshop-contents-") as folder:
        work = Path(folder)
        profile = work / "profile"
        if not _run([soffice, "--terminate_after_init"], profile):
            return None
        module = profile / "user" / "basic" / "Standard" / "Module1.xba"
        if not module.parent.is_dir():
            return None
        source, target = work / "document.docx", work / "contents.txt"
        shutil.copyfile(document, source)
        macro = _MACRO.replace("{source}", str(source).replace('"', '""')).replace(
            "{target}", str(target).replace('"', '""')
        )
        module.write_text(macro, encoding="utf-8")
        if not _run([soffice, "macro:///Standard.Module1.Contents"], profile) or not target.is_file():
            return None
        text = target.read_text(encoding="utf-8")
    found: list[tuple[str, int]] = []
    for line in text.replace("\r", "\n").split("\n"):
        entry, tab, page = line.rpartition("\t")
        if not line.strip():
            continue
        if not tab or not page.strip().isdigit():
            return None
        found.append((entry.strip(), int(page)))
    return found


def fill_page_numbers(
    document: Document, entries: Sequence[str], laid_out: Sequence[tuple[str, int]], styles: Sequence[str]
) -> bool:
    """Write LibreOffice's page numbers into the contents of ``document`` (written from ``entries`` in the
    paragraph styles ``styles``).

    Only when LibreOffice listed the same entries in the same order; True when the numbers were written.
    """
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    if [" ".join(e.split()) for e in entries] != [" ".join(e.split()) for e, _ in laid_out]:
        return False
    body = document.element.body
    paragraphs = [p for p in body.iter(qn("w:p")) if _is_contents(p, styles)]
    if len(paragraphs) != len(entries):
        return False
    for paragraph, (_, page) in zip(paragraphs, laid_out, strict=True):
        runs = parse_xml(f'<w:p xmlns:w="{W_NS}"><w:r><w:tab/></w:r><w:r><w:t>{page}</w:t></w:r></w:p>')
        text_run = next(r for r in paragraph.findall(qn("w:r")) if r.find(qn("w:t")) is not None)
        for run in reversed(list(runs)):
            text_run.addnext(run)
    for char in body.iter(qn("w:fldChar")):
        char.attrib.pop(qn("w:dirty"), None)
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is not None:
        settings.remove(update)
    return True


def _is_contents(paragraph: object, styles: Sequence[str]) -> bool:
    """A paragraph of the contents: in a "toc N" style, with the page numbers' tab stop."""
    from docx.oxml.ns import qn

    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")  # type: ignore[attr-defined]
    tabs = paragraph.find(f"{qn('w:pPr')}/{qn('w:tabs')}")  # type: ignore[attr-defined]
    return style is not None and style.get(qn("w:val")) in styles and tabs is not None

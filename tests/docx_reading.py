"""Reading an exported Word document the way a reader meets it (for the export tests)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.text.paragraph import Paragraph


def outline(document) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph outside the tables, in order."""
    return [(p.style.name, p.text) for p in document.paragraphs]


def headings(document, level: int) -> list[str]:
    return [text for style, text in outline(document) if style == f"Heading {level}"]


def table_after(document, heading: str):
    """The first table that follows the paragraph ``heading`` in the body."""
    tables = {t._tbl: t for t in document.tables}
    found = False
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p" and Paragraph(child, document).text == heading:
            found = True
        elif tag == "tbl" and found:
            return tables[child]
    raise AssertionError(f"no table after {heading!r}")


def cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@dataclass
class Placed:
    """Where a bullet stands: under which Heading 1, 2 and 3."""

    station: str
    part: str
    category: str
    text: str
    runs: list = field(default_factory=list)


def bullets(document) -> list[Placed]:
    """Every "List Bullet" paragraph with the headings above it."""
    h1 = h2 = h3 = ""
    found: list[Placed] = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "Heading 1":
            h1, h2, h3 = paragraph.text, "", ""
        elif style == "Heading 2":
            h2, h3 = paragraph.text, ""
        elif style == "Heading 3":
            h3 = paragraph.text
        elif style == "List Bullet":
            found.append(Placed(h1, h2, h3, paragraph.text, list(paragraph.runs)))
    return found


def all_text(path: Path) -> str:
    """Every XML part of the .docx as text (body, tables, properties, styles ...)."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", errors="replace")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )


def words_in_every_part(path: Path) -> set[str]:
    """Every word (lower case) of every text and attribute value in every XML part of a .docx or .qdpx,
    and of every plain-text part: what a reader of any part of the file could find."""
    import re

    from lxml import etree

    found: set[str] = set()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith((".xml", ".rels", ".qde")):
                root = etree.fromstring(data)
                pieces = list(root.itertext()) + [v for e in root.iter() for v in e.attrib.values()]
            elif name.endswith(".txt"):
                pieces = [data.decode("utf-8")]
            else:
                continue
            for piece in pieces:
                found.update(w.casefold() for w in re.findall(r"[^\W\d_]+", piece))
    return found


def texts_in_every_part(path: Path) -> list[str]:
    """The text of every XML part of a .docx or .qdpx (its elements' text, not their attributes) and of
    every plain-text part."""
    from lxml import etree

    found: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith((".xml", ".rels", ".qde")):
                found.append("".join(etree.fromstring(data).itertext()))
            elif name.endswith(".txt"):
                found.append(data.decode("utf-8"))
    return found


def open_docx(path: Path):
    return Document(str(path))

"""A fast writer of Word documents with real Word styles, on top of python-docx.

python-docx resolves a style *name* each time a paragraph gets one, and ``table.cell(r, c)``
walks the whole table for every cell; for minutes with 10,000 notes that costs seconds
(``benchmarks/export.py`` measures it). This writer resolves each style once, writes the body
as WordprocessingML text in one pass and hands it to python-docx in one parse, so the result
is an ordinary python-docx ``Document``: headings are "Heading 1-3", bullets "List Bullet",
tables "Table Grid" with a repeating header row, and Word's navigation pane works.

Every piece of text passes through :func:`workshop.documents.printable.printable` (and the optional
``redact`` filter) first, so no text the store can hold stops an export halfway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from workshop.documents.printable import printable

if TYPE_CHECKING:  # python-docx (and lxml) load when the first document is written, not at every start
    from docx.document import Document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

EMU_PER_MM = 36000
"""English Metric Units (Word's lengths) in a millimetre."""
A4_WIDTH, A4_HEIGHT = 210 * EMU_PER_MM, 297 * EMU_PER_MM
MARGIN = 25 * EMU_PER_MM
TEXT_WIDTH_TWIPS = int((A4_WIDTH - 2 * MARGIN) / 635)
"""The width between the margins in twentieths of a point (what table grids are sized in)."""

LANGUAGE_TAGS = {"da": "da-DK", "en": "en-GB"}

STYLE_NAMES = (
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "Table Grid",
)


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph with its own formatting."""

    text: str
    bold: bool = False
    italic: bool = False


Content = str | Run | Sequence[str | Run]
"""What a paragraph or a table cell holds: text, a run, or several runs."""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DocxWriter:
    """Collects the body of one document, then saves it as a .docx file."""

    def __init__(self, language: str = "da", redact: Callable[[str], str] | None = None) -> None:
        from docx import Document as new_document

        self.document: Document = new_document()
        self.language = language
        self.redact = redact
        self._parts: list[str] = []
        self._style_ids = {name: self.document.styles[name].style_id for name in STYLE_NAMES}
        self._setup_page()
        self._set_language(LANGUAGE_TAGS.get(language, "da-DK"))

    # Text ------------------------------------------------------------------------------------
    def text(self, value: str) -> str:
        """The text as it will stand in the document (printable, names removed if asked)."""
        value = printable(value)
        return self.redact(value) if self.redact is not None else value

    def _runs_xml(self, content: Content) -> str:
        if isinstance(content, (str, Run)):
            content = [content]
        pieces: list[str] = []
        for item in content:
            run = Run(item) if isinstance(item, str) else item
            if not run.text:
                continue
            props = ""
            if run.bold or run.italic:
                props = "<w:rPr>" + ("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "") + "</w:rPr>"
            body = _escape(self.text(run.text))
            if "\n" in body:
                body = body.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
            if "\t" in body:
                body = body.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
            pieces.append(f'<w:r>{props}<w:t xml:space="preserve">{body}</w:t></w:r>')
        return "".join(pieces)

    def _paragraph_xml(self, content: Content, style: str | None = None, page_break: bool = False) -> str:
        props = ""
        if style is not None or page_break:
            props = "<w:pPr>"
            if style is not None:
                props += f'<w:pStyle w:val="{self._style_ids[style]}"/>'
            if page_break:
                props += "<w:pageBreakBefore/>"
            props += "</w:pPr>"
        return f"<w:p>{props}{self._runs_xml(content)}</w:p>"

    # Blocks ------------------------------------------------------------------------------------
    def title(self, text: str) -> None:
        """The document's title (Word's Title style)."""
        self._parts.append(self._paragraph_xml(text, "Title"))

    def subtitle(self, text: str) -> None:
        """The line under the title."""
        self._parts.append(self._paragraph_xml(text, "Subtitle"))

    def heading(self, text: Content, level: int = 1, *, page_break: bool = False) -> None:
        """A heading of level 1-3 (Word's navigation pane lists them)."""
        self._parts.append(self._paragraph_xml(text, f"Heading {level}", page_break))

    def paragraph(self, content: Content = "", *, page_break: bool = False) -> None:
        """A paragraph of text or runs."""
        self._parts.append(self._paragraph_xml(content, None, page_break))

    def paragraphs(self, text: str) -> None:
        """Several paragraphs from text with blank lines between them (a summary)."""
        blocks = [block.strip("\n") for block in printable(text).split("\n\n")]
        for block in blocks:
            if block.strip():
                self.paragraph(block)

    def bullet(self, content: Content) -> None:
        """One bulleted line."""
        self._parts.append(self._paragraph_xml(content, "List Bullet"))

    def bullets(self, items: Iterable[Content]) -> None:
        """A bulleted line for each item."""
        style = self._style_ids["List Bullet"]
        head = f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        self._parts.extend(f"{head}{self._runs_xml(item)}</w:p>" for item in items)

    def table(
        self,
        rows: Sequence[Sequence[Content]],
        *,
        widths: Sequence[float] | None = None,
        header_rows: int = 1,
        bold_first_column: bool = False,
    ) -> None:
        """A "Table Grid" table; the header rows repeat on every page and are bold."""
        if not rows:
            return
        columns = max(len(row) for row in rows)
        weights = list(widths or [1.0] * columns)[:columns]
        weights += [1.0] * (columns - len(weights))
        total = sum(weights) or 1.0
        twips = [max(int(TEXT_WIDTH_TWIPS * w / total), 300) for w in weights]
        out = [
            "<w:tbl><w:tblPr>"
            f'<w:tblStyle w:val="{self._style_ids["Table Grid"]}"/>'
            '<w:tblW w:w="5000" w:type="pct"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/>'
            "</w:tblPr><w:tblGrid>"
        ]
        out.extend(f'<w:gridCol w:w="{w}"/>' for w in twips)
        out.append("</w:tblGrid>")
        for number, row in enumerate(rows):
            header = number < header_rows
            row_properties = "<w:tblHeader/><w:cantSplit/>" if header else "<w:cantSplit/>"
            out.append(f"<w:tr><w:trPr>{row_properties}</w:trPr>")
            cells = list(row) + [""] * (columns - len(row))
            for column, cell in enumerate(cells):
                if header or (bold_first_column and column == 0):
                    cell = _bold(cell)
                out.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{twips[column]}" w:type="dxa"/></w:tcPr>'
                    f"<w:p>{self._runs_xml(cell)}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        # Word wants a paragraph between two tables; a small empty one also gives air.
        out.append("<w:p/>")
        self._parts.append("".join(out))

    # Saving ------------------------------------------------------------------------------------
    def set_properties(self, title: str, subject: str = "") -> None:
        """The file's properties (File > Info): a title, and no one's name as author."""
        props = self.document.core_properties
        props.title = self.text(title)[:255]
        props.subject = self.text(subject)[:255]
        props.author = "workshop"
        props.last_modified_by = "workshop"
        props.comments = ""
        props.language = LANGUAGE_TAGS.get(self.language, "da-DK")

    def finish(self) -> Document:
        """Move the collected body into the document; returns the python-docx Document."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        if self._parts:
            fragment = parse_xml(f'<w:body xmlns:w="{W_NS}">' + "".join(self._parts) + "</w:body>")
            body = self.document.element.body
            anchor = body.find(qn("w:sectPr"))
            for child in list(fragment):
                if anchor is None:
                    body.append(child)
                else:
                    anchor.addprevious(child)
            self._parts = []
        return self.document

    def save(self, target: Path | IO[bytes]) -> None:
        """Save to a path or a binary file object."""
        self.finish().save(str(target) if isinstance(target, Path) else target)

    # Set-up ------------------------------------------------------------------------------------
    def _setup_page(self) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Emu

        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Emu(A4_WIDTH), Emu(A4_HEIGHT)
        section.left_margin = section.right_margin = Emu(MARGIN)
        section.top_margin = section.bottom_margin = Emu(MARGIN)

    def _set_language(self, tag: str) -> None:
        """Spelling and hyphenation in the document's language (Danish: da-DK)."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        styles = self.document.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            return
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is None:
            return
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = parse_xml(f'<w:lang xmlns:w="{W_NS}"/>')
            rpr.append(lang)
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)


def _bold(content: Content) -> Content:
    if isinstance(content, str):
        return Run(content, bold=True)
    if isinstance(content, Run):
        return Run(content.text, bold=True, italic=content.italic)
    return [_bold(item) for item in content]  # type: ignore[misc]

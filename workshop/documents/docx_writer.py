"""A fast writer of Word documents that look like the municipality's, on top of python-docx.

python-docx resolves a style *name* each time a paragraph gets one, and ``table.cell(r, c)``
walks the whole table for every cell; for minutes with 10,000 notes that costs seconds
(``benchmarks/export.py`` measures it). This writer resolves each style once, writes the body
as WordprocessingML text in one pass and hands it to python-docx in one parse, so the result
is an ordinary python-docx ``Document``: headings are "Heading 1-3", bullets "List Bullet",
numbered items "List Number", tables "Table Grid" with a repeating header row, and Word's
navigation pane works.

The look:

* With a ``template`` (a Word template .dotx or a document .docx, e.g. the municipality's), the
  document takes its styles, page setup, header and footer (a logo included): the body is
  written into the template in place of its own text. A style the template lacks is added
  from Word's defaults.
* Without one: A4 with 2.5 cm margins, Calibri throughout (LibreOffice shows it with the
  metric-compatible Carlito, so lines and pages break alike), the title and date in the header
  and "Side 2 af 7" in the footer.

Either way the file's properties are right: created and modified are the export's time, the
title and subject are the session's, the application is this one, and there is no (blank)
thumbnail. Every piece of text passes through :func:`workshop.documents.printable.printable`
(and the optional ``redact`` filter) first, so no text the store can hold stops an export
halfway. Long texts written in the markup of :mod:`workshop.documents.markup` (bold, italic,
numbered and nested lists) become Word's formatting (:meth:`DocxWriter.rich`).

The parts around the body are in :mod:`~workshop.documents.docx_setup` (template, page, fonts,
header, properties), :mod:`~workshop.documents.docx_styles` (styles, list numbering),
:mod:`~workshop.documents.docx_table` (tables) and :mod:`~workshop.documents.toc` (the contents).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from workshop.documents import docx_setup as setup
from workshop.documents import toc
from workshop.documents.docx_setup import LANGUAGE_TAGS, W_NS, TemplateError, escape, load_template
from workshop.documents.docx_styles import ListNumbering, StyleBook
from workshop.documents.docx_table import table_xml
from workshop.documents.markup import Content, Run, blocks
from workshop.documents.printable import printable
from workshop.words import word

if TYPE_CHECKING:  # python-docx (and lxml) load when the first document is written, not at every start
    from docx.document import Document

    from workshop.documents.format import ExportOptions
    from workshop.model.session import Session

__all__ = ["Content", "DocxWriter", "Run", "TemplateError", "load_template"]

STYLE_NAMES = (
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "Table Grid",
)

NO_BREAK_WORDS = ("anon_email", "anon_phone", "anon_cpr")
"""The anonymizer's placeholders ("[e-mail]", "[cpr-nr.]"): never broken at their hyphen or space."""

NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


class DocxWriter:
    """Collects the body of one document, then saves it as a .docx file."""

    def __init__(
        self,
        language: str = "da",
        redact: Callable[[str], str] | None = None,
        *,
        template: Path | None = None,
        moment: dt.datetime | None = None,
        body_size: float | None = None,
    ) -> None:
        """``template``: a .dotx/.docx whose look to take; ``moment``: the export's time (created and
        modified); ``body_size``: the body text's size in points (route cards are printed larger)."""
        from docx import Document as new_document

        self.language = language
        self.redact = redact
        self.template = template
        self.moment = moment or dt.datetime.now().astimezone()
        self.document: Document = load_template(template, language) if template is not None else new_document()
        self.styles = StyleBook(self.document)
        self.lists = ListNumbering(self.document)
        self._parts: list[str] = []
        self._contents_at: int | None = None
        self._headings: list[tuple[int, str]] = []
        self.contents_entries: list[str] = []
        """The contents' entries as written (after :meth:`finish`), for the page numbers."""
        if template is None:
            setup.setup_page(self.document)
            setup.set_fonts(self.document, body_size)
        elif body_size is not None:
            setup.set_size(self.document, body_size)
        setup.set_language(self.document, LANGUAGE_TAGS.get(language, "da-DK"))
        for name in STYLE_NAMES:
            self.style_id(name)
        self.body_size = body_size or 11.0
        self.text_width = setup.text_width(self.document)
        self._no_break = {
            escape(word(key, lang)): escape(word(key, lang)).replace(" ", "\u00a0").replace("-", NO_BREAK_HYPHEN)
            for key in NO_BREAK_WORDS
            for lang in ("da", "en")
        }

    @classmethod
    def for_export(cls, session: Session, options: ExportOptions, *, body_size: float | None = None) -> DocxWriter:
        """The writer of one exported document: the options' language, anonymizer, template and time."""
        return cls(
            options.language,
            options.redactor(session),
            template=options.template,
            moment=options.moment,
            body_size=body_size,
        )

    def style_id(self, name: str) -> str:
        """The id of the style called ``name`` ("Heading 1"); taken from Word's defaults when the template lacks it."""
        return self.styles.style_id(name)

    # Text ------------------------------------------------------------------------------------
    def text(self, value: str) -> str:
        """The text as it will stand in the document (printable, names removed if asked)."""
        value = printable(value)
        return self.redact(value) if self.redact is not None else value

    def _runs_xml(self, content: Content, *, ready: bool = False) -> str:
        """The runs of ``content``; ``ready``: its text has been through :meth:`text` already."""
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
            body = escape(run.text if ready else self.text(run.text))
            if "[" in body:
                for plain, kept in self._no_break.items():
                    body = body.replace(plain, kept)
            if "\n" in body:
                body = body.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
            if "\t" in body:
                body = body.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
            pieces.append(f'<w:r>{props}<w:t xml:space="preserve">{body}</w:t></w:r>')
        return "".join(pieces)

    def _paragraph_xml(
        self,
        content: Content,
        style: str | None = None,
        page_break: bool = False,
        keep_next: bool = False,
        *,
        numbering: tuple[int, int] | None = None,
        ready: bool = False,
    ) -> str:
        props = ""
        if style is not None or page_break or keep_next or numbering is not None:
            props = "<w:pPr>"
            if style is not None:
                props += f'<w:pStyle w:val="{self.style_id(style)}"/>'
            if keep_next:
                props += "<w:keepNext/>"
            if page_break:
                props += "<w:pageBreakBefore/>"
            if numbering is not None:
                props += f'<w:numPr><w:ilvl w:val="{numbering[1]}"/><w:numId w:val="{numbering[0]}"/></w:numPr>'
            props += "</w:pPr>"
        return f"<w:p>{props}{self._runs_xml(content, ready=ready)}</w:p>"

    # Blocks ------------------------------------------------------------------------------------
    def title(self, text: str, *, page_break: bool = False) -> None:
        """The document's title (Word's Title style)."""
        self._parts.append(self._paragraph_xml(text, "Title", page_break))

    def subtitle(self, text: str) -> None:
        """The line under the title."""
        self._parts.append(self._paragraph_xml(text, "Subtitle"))

    def heading(self, text: Content, level: int = 1, *, page_break: bool = False) -> None:
        """A heading of level 1-3 (Word's navigation pane and the table of contents list them)."""
        if self._contents_at is not None and level <= 2:
            items = [text] if isinstance(text, (str, Run)) else list(text)
            self._headings.append((level, "".join(self.text(i if isinstance(i, str) else i.text) for i in items)))
        self._parts.append(self._paragraph_xml(text, f"Heading {level}", page_break))

    def paragraph(
        self, content: Content = "", *, page_break: bool = False, style: str | None = None, keep_next: bool = False
    ) -> None:
        """A paragraph of text or runs (``keep_next``: on the same page as what follows)."""
        self._parts.append(self._paragraph_xml(content, style, page_break, keep_next))

    def rich(self, text: str) -> None:
        """A long text written in the markup (:mod:`workshop.documents.markup`): paragraphs with bold and
        italic, bulleted, numbered and lettered lists, nested by indentation."""
        for block in blocks(self.text(text)):
            if block.kind == "paragraph":
                self.lists.end()
                self._parts.append(self._paragraph_xml(block.runs, ready=True))
                continue
            number = self.lists.item(block.kind, block.level, block.restart)
            style = "List Bullet" if block.kind == "bullet" else "List Number"
            self._parts.append(self._paragraph_xml(block.runs, style, numbering=(number, block.level), ready=True))
        self.lists.end()

    def bullet(self, content: Content, *, keep_next: bool = False) -> None:
        """One bulleted line (``keep_next``: on the same page as what follows, as a lead-in)."""
        self._parts.append(self._paragraph_xml(content, "List Bullet", keep_next=keep_next))

    def bullets(self, items: Iterable[Content]) -> None:
        """A bulleted line for each item."""
        style = self.style_id("List Bullet")
        head = f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        self._parts.extend(f"{head}{self._runs_xml(item)}</w:p>" for item in items)

    def page_break(self) -> None:
        """Go on at the top of a new page."""
        self._parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def contents(self, heading: str, *, page_break: bool = False) -> None:
        """A table of contents here: a Word TOC field over the headings of level 1-2 that follow.

        Its result holds the entries as they will stand (:mod:`workshop.documents.toc`), so the
        contents read right even in a viewer that never updates fields.
        """
        self._parts.append(self._paragraph_xml(heading, "TOC Heading", page_break))
        self._contents_at = len(self._parts)
        self._parts.append("")

    def table(
        self,
        rows: Sequence[Sequence[Content]],
        *,
        widths: Sequence[float] | None = None,
        header_rows: int = 1,
        bold_first_column: bool = False,
        keep_together: bool = False,
    ) -> None:
        """A "Table Grid" table (:func:`workshop.documents.docx_table.table_xml`): the header rows repeat
        on every page and are bold, no row is left alone on a page, and no word breaks inside a cell.

        ``keep_together``: the table stays on one page with the paragraph after it (a footnote).
        """
        if not rows:
            return
        self._parts.append(
            table_xml(
                rows,
                style_id=self.style_id("Table Grid"),
                runs=self._runs_xml,
                text_width=self.text_width,
                body_size=self.body_size,
                widths=widths,
                header_rows=header_rows,
                bold_first_column=bold_first_column,
                keep_together=keep_together,
            )
        )

    # Saving ------------------------------------------------------------------------------------
    def set_properties(self, title: str, subject: str = "") -> None:
        """The file's properties (File > Info): the title and subject, the export's time, and no one's name."""
        setup.set_properties(self.document, self.text(title), self.text(subject), self.language, self.moment)

    def header_and_footer(self, title: str, date: str = "", *, title_page: bool = False) -> None:
        """Without a template: the title and date in the header, "Side 2 af 7" in the footer; ``title_page``:
        not on the first page (a report's title page).

        With a template its own header and footer stay as they are.
        """
        if self.template is not None:
            return
        line = self.text(title) + (f" – {self.text(date)}" if date else "")
        setup.header_and_footer(self.document, line, self.language, title_page=title_page)

    def contents_styles(self) -> list[str]:
        """The style ids of the contents' two levels ("toc 1", "toc 2")."""
        return [self.style_id("toc 1"), self.style_id("toc 2")]

    def finish(self) -> Document:
        """Move the collected body into the document and tidy its parts; returns the python-docx Document."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        if self._contents_at is not None:
            self._parts[self._contents_at] = toc.contents_xml(self._headings, self.contents_styles(), self.text_width)
            self.contents_entries = [text for _, text in self._headings]
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
        setup.tidy_package(self.document, update_fields=self._contents_at is not None)
        return self.document

    def save(self, target: Path | IO[bytes]) -> None:
        """Save to a path or a binary file object."""
        self.finish().save(str(target) if isinstance(target, Path) else target)

    def number_pages(self, written: Path) -> bool:
        """Give the contents of the document saved at ``written`` its page numbers, laid out by LibreOffice
        when it is installed (:mod:`workshop.documents.toc`), and save it again; True when numbered."""
        soffice = toc.libreoffice()
        if soffice is None or not self.contents_entries:
            return False
        laid_out = toc.page_numbers(written, soffice)
        if laid_out is None:
            return False
        if not toc.fill_page_numbers(self.document, self.contents_entries, laid_out, self.contents_styles()):
            return False
        self.document.save(str(written))
        return True

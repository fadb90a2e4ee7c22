"""A fast writer of Word documents that look like the municipality's, on top of python-docx.

python-docx resolves a style *name* each time a paragraph gets one, and ``table.cell(r, c)``
walks the whole table for every cell; for minutes with 10,000 notes that costs seconds
(``benchmarks/export.py`` measures it). This writer resolves each style once, writes the body
as WordprocessingML text in one pass and hands it to python-docx in one parse, so the result
is an ordinary python-docx ``Document``: headings are "Heading 1-3", bullets "List Bullet",
tables "Table Grid" with a repeating header row, and Word's navigation pane works.

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
halfway.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import workshop
from workshop.documents.printable import printable
from workshop.words import word

if TYPE_CHECKING:  # python-docx (and lxml) load when the first document is written, not at every start
    from docx.document import Document

    from workshop.documents.format import ExportOptions
    from workshop.model.session import Session

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

EMU_PER_MM = 36000
"""English Metric Units (Word's lengths) in a millimetre."""
A4_WIDTH, A4_HEIGHT = 210 * EMU_PER_MM, 297 * EMU_PER_MM
MARGIN = 25 * EMU_PER_MM
TEXT_WIDTH_TWIPS = int((A4_WIDTH - 2 * MARGIN) / 635)
"""The width between the margins in twentieths of a point (what table grids are sized in)."""

BODY_FONT = "Calibri"
"""The font without a template: Word has it, LibreOffice substitutes the metric-compatible Carlito."""

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

TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"

SHORT_CELL = 15
"""A cell with at most this many characters is kept on one line (a time span, "Station 1")."""

CELL_MARGINS_TWIPS = 230
"""A table cell's left and right margins together (Word's default 0.19 cm each), plus a little air."""


class TemplateError(ValueError):
    """The Word template cannot be used; the message names the file and what to do."""


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


def load_template(path: Path, language: str = "da") -> Document:
    """The template as a python-docx Document with an empty body (its last section, header and footer kept).

    A .dotx is read as the document it would make. Raises TemplateError, in ``language``, when the
    file is missing or not a Word file.
    """
    from docx import Document as open_document

    if not path.is_file():
        raise TemplateError(word("template_missing", language, path=path))
    try:
        data = path.read_bytes()
        source = io.BytesIO(data)
        with zipfile.ZipFile(source) as archive:
            types = archive.read("[Content_Types].xml").decode("utf-8")
            if "macroEnabled" in types:
                raise TemplateError(word("template_macros", language, path=path))
            if TEMPLATE_TYPE in types:
                fixed = io.BytesIO()
                with zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as out:
                    for item in archive.infolist():
                        body = archive.read(item.filename)
                        if item.filename == "[Content_Types].xml":
                            body = types.replace(TEMPLATE_TYPE, DOCUMENT_TYPE).encode("utf-8")
                        out.writestr(item, body)
                source = fixed
        source.seek(0)
        document = open_document(source)
    except TemplateError:
        raise
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise TemplateError(word("template_unreadable", language, path=path, reason=error)) from None
    body = document.element.body
    from docx.oxml.ns import qn

    last = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not last:
            body.remove(child)
    return document


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
        self._parts: list[str] = []
        self._style_ids: dict[str, str] = {}
        self._defaults: Document | None = None
        self._fields = False
        if template is None:
            self._setup_page()
            self._set_fonts(body_size)
        elif body_size is not None:
            self._set_size(body_size)
        self._set_language(LANGUAGE_TAGS.get(language, "da-DK"))
        for name in STYLE_NAMES:
            self.style_id(name)
        self.body_size = body_size or 11.0
        self.text_width = self._text_width()

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

    # Styles --------------------------------------------------------------------------------------

    def style_id(self, name: str) -> str:
        """The id of the style called ``name`` ("Heading 1"); taken from Word's defaults when the template lacks it."""
        found = self._style_ids.get(name)
        if found is not None:
            return found
        try:
            found = self.document.styles[name].style_id
        except KeyError:
            found = self._import_style(name)
        self._style_ids[name] = found
        return found

    def _import_style(self, name: str) -> str:
        """Copy a style (and what it is based on, and a bullet list's numbering) from Word's defaults."""
        from docx import Document as new_document
        from docx.oxml.ns import qn

        if self._defaults is None:
            self._defaults = new_document()
        try:
            source = self._defaults.styles[name]
        except KeyError:
            return self._new_style(name)
        element = copy.deepcopy(source.element)
        styles = self.document.styles.element
        taken = {s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))}
        style_id = str(source.style_id)
        while style_id in taken:
            style_id += "Workshop"
        element.set(qn("w:styleId"), style_id)
        based = element.find(qn("w:basedOn"))
        if based is not None:
            parent = self._defaults.styles.element.get_by_id(based.get(qn("w:val")))
            if parent is not None:
                based.set(qn("w:val"), self.style_id(parent.name_val))
        numbering = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if numbering is not None:
            numbering.set(qn("w:val"), str(self._import_numbering(int(numbering.get(qn("w:val"))))))
        styles.append(element)
        return style_id

    def _new_style(self, name: str) -> str:
        """A plain paragraph style for one Word only knows by name ("toc 1": an indented line)."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt

        style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.document.styles["Normal"]
        found = re.fullmatch(r"toc (\d)", name)
        if found:
            style.paragraph_format.left_indent = Pt(11 * (int(found.group(1)) - 1))
            style.paragraph_format.space_after = Pt(3)
        return str(style.style_id)

    def _import_numbering(self, num_id: int) -> int:
        """Copy a list's numbering definition from Word's defaults; its new number."""
        from docx.oxml.ns import qn

        assert self._defaults is not None
        source = self._defaults.part.numbering_part.element
        target = self.document.part.numbering_part.element
        num = next(n for n in source.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(a for a in source.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
        used_abstract = [int(a.get(qn("w:abstractNumId"))) for a in target.findall(qn("w:abstractNum"))]
        used_num = [int(n.get(qn("w:numId"))) for n in target.findall(qn("w:num"))]
        new_abstract, new_num = max(used_abstract, default=-1) + 1, max(used_num, default=0) + 1
        abstract = copy.deepcopy(abstract)
        abstract.set(qn("w:abstractNumId"), str(new_abstract))
        num = copy.deepcopy(num)
        num.set(qn("w:numId"), str(new_num))
        num.find(qn("w:abstractNumId")).set(qn("w:val"), str(new_abstract))
        existing = target.findall(qn("w:abstractNum"))
        if existing:
            existing[-1].addnext(abstract)
        else:
            target.insert(0, abstract)
        target.append(num)
        return new_num

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

    def _paragraph_xml(
        self, content: Content, style: str | None = None, page_break: bool = False, keep_next: bool = False
    ) -> str:
        props = ""
        if style is not None or page_break or keep_next:
            props = "<w:pPr>"
            if style is not None:
                props += f'<w:pStyle w:val="{self.style_id(style)}"/>'
            if keep_next:
                props += "<w:keepNext/>"
            if page_break:
                props += "<w:pageBreakBefore/>"
            props += "</w:pPr>"
        return f"<w:p>{props}{self._runs_xml(content)}</w:p>"

    # Blocks ------------------------------------------------------------------------------------
    def title(self, text: str, *, page_break: bool = False) -> None:
        """The document's title (Word's Title style)."""
        self._parts.append(self._paragraph_xml(text, "Title", page_break))

    def subtitle(self, text: str) -> None:
        """The line under the title."""
        self._parts.append(self._paragraph_xml(text, "Subtitle"))

    def heading(self, text: Content, level: int = 1, *, page_break: bool = False) -> None:
        """A heading of level 1-3 (Word's navigation pane and the table of contents list them)."""
        self._parts.append(self._paragraph_xml(text, f"Heading {level}", page_break))

    def paragraph(
        self, content: Content = "", *, page_break: bool = False, style: str | None = None, keep_next: bool = False
    ) -> None:
        """A paragraph of text or runs (``keep_next``: on the same page as what follows)."""
        self._parts.append(self._paragraph_xml(content, style, page_break, keep_next))

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
        style = self.style_id("List Bullet")
        head = f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        self._parts.extend(f"{head}{self._runs_xml(item)}</w:p>" for item in items)

    def page_break(self) -> None:
        """Go on at the top of a new page."""
        self._parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def contents(
        self, heading: str, entries: Sequence[tuple[int, str]], hint: str = "", *, page_break: bool = False
    ) -> None:
        """A table of contents: a real Word TOC field over Heading 1-2, which Word and LibreOffice update.

        ``entries`` (level, text) are shown until the field is updated (Word offers it on opening),
        so the list reads right even in a viewer that never updates fields.
        """
        self._fields = True
        self._parts.append(self._paragraph_xml(heading, "TOC Heading", page_break))
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if not entries:
            self._parts.append(f"<w:p>{begin}{self._runs_xml(hint or ' ')}{end}</w:p>")
            return
        for index, (level, text) in enumerate(entries):
            style = self.style_id(f"toc {max(1, min(level, 2))}")
            start = begin if index == 0 else ""
            finish = end if index == len(entries) - 1 else ""
            runs = self._runs_xml(text)
            self._parts.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{start}{runs}{finish}</w:p>')
        if hint:
            self.paragraph(Run(hint, italic=True))

    def table(
        self,
        rows: Sequence[Sequence[Content]],
        *,
        widths: Sequence[float] | None = None,
        header_rows: int = 1,
        bold_first_column: bool = False,
        keep_together: bool = False,
    ) -> None:
        """A "Table Grid" table; the header rows repeat on every page and are bold.

        No word is broken inside a cell: each column is at least as wide as its longest word
        ("Runde" never becomes "Run/de"); the rest of the width follows ``widths``.
        ``keep_together``: the table stays on one page with the paragraph after it (a footnote).
        """
        if not rows:
            return
        columns = max(len(row) for row in rows)
        twips = self._column_widths(rows, columns, widths, header_rows, bold_first_column)
        out = [
            "<w:tbl><w:tblPr>"
            f'<w:tblStyle w:val="{self.style_id("Table Grid")}"/>'
            '<w:tblW w:w="5000" w:type="pct"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/>'
            "</w:tblPr><w:tblGrid>"
        ]
        out.extend(f'<w:gridCol w:w="{w}"/>' for w in twips)
        out.append("</w:tblGrid>")
        keep = "<w:pPr><w:keepNext/></w:pPr>" if keep_together else ""
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
                    f"<w:p>{keep}{self._runs_xml(cell)}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        if not keep_together:
            # Word wants a paragraph between two tables; a small empty one also gives air.
            out.append("<w:p/>")
        self._parts.append("".join(out))

    def _column_widths(
        self,
        rows: Sequence[Sequence[Content]],
        columns: int,
        widths: Sequence[float] | None,
        header_rows: int,
        bold_first_column: bool,
    ) -> list[int]:
        """Twips per column: the asked proportions, but never narrower than the column's longest word."""
        weights = list(widths or [1.0] * columns)[:columns]
        weights += [1.0] * (columns - len(weights))
        total = sum(weights) or 1.0
        wanted = [self.text_width * w / total for w in weights]
        longest = [0.0] * columns
        for number, row in enumerate(rows):
            for column, cell in enumerate(row):
                bold = number < header_rows or (bold_first_column and column == 0)
                longest[column] = max(longest[column], _longest_word(cell, self.body_size, bold))
        floor = [length + CELL_MARGINS_TWIPS for length in longest]
        if sum(floor) >= self.text_width:
            return [max(int(f), 300) for f in floor]
        result = [max(w, f) for w, f in zip(wanted, floor)]
        excess = sum(result) - self.text_width
        if excess > 0:
            slack = [r - f for r, f in zip(result, floor)]
            room = sum(slack) or 1.0
            result = [r - excess * s / room for r, s in zip(result, slack)]
        return [max(int(r), 300) for r in result]

    # Saving ------------------------------------------------------------------------------------
    def set_properties(self, title: str, subject: str = "") -> None:
        """The file's properties (File > Info): the title and subject, the export's time, and no one's name."""
        props = self.document.core_properties
        props.title = self.text(title)[:255]
        props.subject = self.text(subject)[:255]
        props.author = "workshop"
        props.last_modified_by = "workshop"
        props.comments = ""
        props.keywords = ""
        props.category = ""
        props.revision = 1
        props.language = LANGUAGE_TAGS.get(self.language, "da-DK")
        moment = self.moment.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
        props.created = moment
        props.modified = moment

    def header_and_footer(self, title: str, date: str = "") -> None:
        """Without a template: the title and date in the header, "Side 2 af 7" in the footer.

        With a template its own header and footer stay as they are.
        """
        if self.template is not None:
            return
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import parse_xml

        section = self.document.sections[0]
        line = self.text(title) + (f" – {self.text(date)}" if date else "")
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = header.add_run(line)
        run.italic = True
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        words = word("page_of", self.language, page="\x00", pages="\x01")
        before, rest = words.split("\x00", 1)
        middle, after = rest.split("\x01", 1)

        def field(code: str) -> str:
            return (
                f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
                f'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            )

        def plain(text: str) -> str:
            return f'<w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r>' if text else ""

        runs = plain(before) + field("PAGE") + plain(middle) + field("NUMPAGES") + plain(after)
        for child in parse_xml(f'<w:p xmlns:w="{W_NS}">{runs}</w:p>'):
            footer._p.append(child)

    def finish(self) -> Document:
        """Move the collected body into the document and tidy its parts; returns the python-docx Document."""
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
        self._tidy_package()
        return self.document

    def save(self, target: Path | IO[bytes]) -> None:
        """Save to a path or a binary file object."""
        self.finish().save(str(target) if isinstance(target, Path) else target)

    def _tidy_package(self) -> None:
        """No thumbnail, our own application properties, and Word asked to update the fields (the contents)."""
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from docx.oxml.ns import qn

        package = self.document.part.package
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype == THUMBNAIL:
                package.rels.pop(rel_id)
        company = ""
        for rel in package.rels.values():
            if rel.reltype == EXTENDED and not rel.is_external:
                found = re.search(rb"<Company>([^<]*)</Company>", rel.target_part.blob)
                company = found.group(1).decode("utf-8") if found else ""
                rel.target_part._blob = _app_xml(company)  # noqa: SLF001 - python-docx keeps a generic part's bytes here
                break
        else:
            part = Part(
                PackURI("/docProps/app.xml"),
                "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                _app_xml(""),
                package,
            )
            package.relate_to(part, EXTENDED)
        settings = self.document.settings.element
        preview = settings.find(qn("w:savePreviewPicture"))
        if preview is not None:
            settings.remove(preview)
        if self._fields and settings.find(qn("w:updateFields")) is None:
            from docx.oxml import parse_xml

            update = parse_xml(f'<w:updateFields xmlns:w="{W_NS}" w:val="true"/>')
            settings.insert(0, update)

    # Set-up ------------------------------------------------------------------------------------
    def _text_width(self) -> int:
        section = self.document.sections[0]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        if width is None or left is None or right is None:
            return TEXT_WIDTH_TWIPS
        return max(int((width - left - right) / 635), 2000)

    def _setup_page(self) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Emu

        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Emu(A4_WIDTH), Emu(A4_HEIGHT)
        section.left_margin = section.right_margin = Emu(MARGIN)
        section.top_margin = section.bottom_margin = Emu(MARGIN)
        section.header_distance = section.footer_distance = Emu(12 * EMU_PER_MM)

    def _defaults_rpr(self) -> Any:
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        styles = self.document.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = parse_xml(
                f'<w:docDefaults xmlns:w="{W_NS}"><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>'
            )
            styles.insert(0, defaults)
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is None:
            holder = defaults.find(qn("w:rPrDefault"))
            if holder is None:
                holder = parse_xml(f'<w:rPrDefault xmlns:w="{W_NS}"/>')
                defaults.insert(0, holder)
            rpr = parse_xml(f'<w:rPr xmlns:w="{W_NS}"/>')
            holder.append(rpr)
        return rpr

    def _set_fonts(self, body_size: float | None) -> None:
        """Calibri for the body and the headings (the default template's body font, Cambria, has no
        metric-compatible substitute in every LibreOffice)."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        rpr = self._defaults_rpr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            rpr.remove(fonts)
        rpr.insert(
            0,
            parse_xml(
                f'<w:rFonts xmlns:w="{W_NS}" w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" '
                f'w:eastAsia="{BODY_FONT}" w:cs="{BODY_FONT}"/>'
            ),
        )
        for part in self.document.part.package.iter_parts():
            if str(part.partname).startswith("/word/theme/"):
                part._blob = part.blob.replace(b'typeface="Cambria"', f'typeface="{BODY_FONT}"'.encode())  # noqa: SLF001
        if body_size is not None:
            self._set_size(body_size)

    def _set_size(self, points: float) -> None:
        """The body text's size (the route cards are printed larger than Word's 11 pt)."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        rpr = self._defaults_rpr()
        half_points = str(round(points * 2))
        for tag in ("w:sz", "w:szCs"):
            found = rpr.find(qn(tag))
            if found is None:
                found = parse_xml(f'<{tag} xmlns:w="{W_NS}"/>')
                rpr.append(found)
            found.set(qn("w:val"), half_points)

    def _set_language(self, tag: str) -> None:
        """Spelling and hyphenation in the document's language (Danish: da-DK)."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        rpr = self._defaults_rpr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = parse_xml(f'<w:lang xmlns:w="{W_NS}"/>')
            rpr.append(lang)
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)
        settings = self.document.settings.element
        if tag.startswith("da"):  # Danish numbers: 3,5 and lists with ;
            for name, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
                found = settings.find(qn(name))
                if found is not None:
                    found.set(qn("w:val"), value)


def _app_xml(company: str) -> bytes:
    """The extended properties: this application, the template's company (if any), nothing stale."""
    name = f"workshop {workshop.__version__}"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>{_escape(name)}</Application>"
        f"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>{company}</Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode()


def _longest_word(content: Content, size: float, bold: bool) -> float:
    """The width in twips of the longest word in a cell (an estimate from the font size: Calibri's letters
    average about 0.55 em, bold a little more; capitals and digits count wider)."""
    if isinstance(content, (str, Run)):
        content = [content]
    longest = 0.0
    whole = "".join(item if isinstance(item, str) else item.text for item in content)
    for item in content:
        text = item if isinstance(item, str) else item.text
        heavy = bold or (isinstance(item, Run) and item.bold)
        # a short cell ("18.20 – 18.50", "Station 1") reads best on one line: it counts as one word
        tokens = [text] if len(whole) <= SHORT_CELL and "\n" not in text else text.split()
        for token in tokens:
            units = sum(0.68 if ch.isupper() or ch.isdigit() else 0.52 for ch in token)
            longest = max(longest, units * size * 20 * (1.08 if heavy else 1.0))
    return longest


def _bold(content: Content) -> Content:
    if isinstance(content, str):
        return Run(content, bold=True)
    if isinstance(content, Run):
        return Run(content.text, bold=True, italic=content.italic)
    return [_bold(item) for item in content]  # type: ignore[misc]

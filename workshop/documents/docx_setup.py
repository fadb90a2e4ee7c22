"""The parts of a Word document around its body: the template, the page, the fonts, the language,
the header and footer, the file's properties and the package's housekeeping.

Used by :class:`workshop.documents.docx_writer.DocxWriter`; each function works on a python-docx
``Document`` (python-docx and lxml load only when the first document is written).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import workshop
from workshop.words import word

if TYPE_CHECKING:
    from docx.document import Document

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

TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"


class TemplateError(ValueError):
    """The Word template cannot be used; the message names the file and what to do."""


def escape(text: str) -> str:
    """Text made safe inside WordprocessingML."""
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


# The page and the type ---------------------------------------------------------------------------


def text_width(document: Document) -> int:
    """The width between the margins in twips."""
    section = document.sections[0]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        return TEXT_WIDTH_TWIPS
    return max(int((width - left - right) / 635), 2000)


def setup_page(document: Document) -> None:
    """A4 portrait with 2.5 cm margins."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Emu

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Emu(A4_WIDTH), Emu(A4_HEIGHT)
    section.left_margin = section.right_margin = Emu(MARGIN)
    section.top_margin = section.bottom_margin = Emu(MARGIN)
    section.header_distance = section.footer_distance = Emu(12 * EMU_PER_MM)


def _defaults_rpr(document: Document) -> Any:
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f'<w:docDefaults xmlns:w="{W_NS}"><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>')
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


def set_fonts(document: Document, body_size: float | None) -> None:
    """Calibri for the body and the headings (the default template's body font, Cambria, has no
    metric-compatible substitute in every LibreOffice)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    rpr = _defaults_rpr(document)
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
    for part in document.part.package.iter_parts():
        if str(part.partname).startswith("/word/theme/"):
            # python-docx keeps a generic part's bytes here (a theme has no API of its own):
            part._blob = part.blob.replace(b'typeface="Cambria"', f'typeface="{BODY_FONT}"'.encode())  # noqa: SLF001
    if body_size is not None:
        set_size(document, body_size)


def set_size(document: Document, points: float) -> None:
    """The body text's size (the route cards are printed larger than Word's 11 pt)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    rpr = _defaults_rpr(document)
    half_points = str(round(points * 2))
    for tag in ("w:sz", "w:szCs"):
        found = rpr.find(qn(tag))
        if found is None:
            found = parse_xml(f'<{tag} xmlns:w="{W_NS}"/>')
            rpr.append(found)
        found.set(qn("w:val"), half_points)


def set_language(document: Document, tag: str) -> None:
    """Spelling and hyphenation in the document's language (Danish: da-DK)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    rpr = _defaults_rpr(document)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f'<w:lang xmlns:w="{W_NS}"/>')
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    settings = document.settings.element
    if tag.startswith("da"):  # Danish numbers: 3,5 and lists with ;
        for name, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
            found = settings.find(qn(name))
            if found is not None:
                found.set(qn("w:val"), value)


# Header, footer, properties ------------------------------------------------------------------------


MARGIN_TEXT_POINTS = 9
"""The size of the running header and the page numbers: small, so a long title stays on one line even on
the route cards, whose body is 13 pt."""

_SMALL = f'<w:rPr><w:sz w:val="{MARGIN_TEXT_POINTS * 2}"/><w:szCs w:val="{MARGIN_TEXT_POINTS * 2}"/></w:rPr>'


def _field(code: str) -> str:
    return (
        f'<w:r>{_SMALL}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{_SMALL}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        f'<w:r>{_SMALL}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{_SMALL}<w:t>1</w:t></w:r>'
        f'<w:r>{_SMALL}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def _plain(text: str) -> str:
    return f'<w:r>{_SMALL}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""


def header_and_footer(document: Document, line: str, language: str, *, title_page: bool = False) -> None:
    """``line`` (the title and date) in the header, "Side 2 af 7" in the footer; ``title_page``: the
    first page has neither (a report's title page)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run(line)
    run.italic = True
    run.font.size = Pt(MARGIN_TEXT_POINTS)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    words = word("page_of", language, page="\x00", pages="\x01")
    before, rest = words.split("\x00", 1)
    middle, after = rest.split("\x01", 1)
    runs = _plain(before) + _field("PAGE") + _plain(middle) + _field("NUMPAGES") + _plain(after)
    for child in parse_xml(f'<w:p xmlns:w="{W_NS}">{runs}</w:p>'):
        footer._p.append(child)
    if title_page:
        blank_title_page(document)


def blank_title_page(document: Document) -> None:
    """No running header and no page number on the first page (Word's "different first page")."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an empty header and footer of its own
    section.first_page_footer.is_linked_to_previous = False


def set_properties(document: Document, title: str, subject: str, language: str, moment: dt.datetime) -> None:
    """The file's properties (File > Info): the title and subject, the export's time, and no one's name."""
    props = document.core_properties
    props.title = title[:255]
    props.subject = subject[:255]
    props.author = "workshop"
    props.last_modified_by = "workshop"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.language = LANGUAGE_TAGS.get(language, "da-DK")
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.created = utc
    props.modified = utc


def tidy_package(document: Document, *, update_fields: bool) -> None:
    """No thumbnail, our own application properties, and (``update_fields``) Word asked to update the fields."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == THUMBNAIL:
            package.rels.pop(rel_id)
    company = ""
    for rel in package.rels.values():
        if rel.reltype == EXTENDED and not rel.is_external:
            found = re.search(rb"<Company>([^<]*)</Company>", rel.target_part.blob)
            company = found.group(1).decode("utf-8") if found else ""
            rel.target_part._blob = app_xml(company)  # noqa: SLF001 - python-docx keeps a generic part's bytes here
            break
    else:
        part = Part(
            PackURI("/docProps/app.xml"),
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            app_xml(""),
            package,
        )
        package.relate_to(part, EXTENDED)
    settings = document.settings.element
    preview = settings.find(qn("w:savePreviewPicture"))
    if preview is not None:
        settings.remove(preview)
    if update_fields and settings.find(qn("w:updateFields")) is None:
        settings.insert(0, parse_xml(f'<w:updateFields xmlns:w="{W_NS}" w:val="true"/>'))


def app_xml(company: str) -> bytes:
    """The extended properties: this application, the template's company (if any), nothing stale."""
    name = f"workshop {workshop.__version__}"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>{escape(name)}</Application>"
        f"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>{company}</Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode()

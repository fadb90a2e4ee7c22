"""The styles and list numbering of a Word document being written.

python-docx resolves a style *name* each time a paragraph gets one; :class:`StyleBook` resolves
each once and, when a template lacks a style ("List Number", "toc 1"), copies it from Word's
defaults (with what it is based on and its numbering). :class:`ListNumbering` gives the lists of
the markup (:mod:`workshop.documents.markup`) their own numbering: bullets (•, –, ▪), numbers
(1., 2.) and letters (a., b.), each list starting anew where it should.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING

from workshop.documents.docx_setup import W_NS
from workshop.documents.markup import MAX_LEVEL

if TYPE_CHECKING:
    from docx.document import Document

LEVELS = MAX_LEVEL + 1
"""List levels defined: the outermost and every level the markup nests below it."""

INDENT_TWIPS = 360
"""How far each list level is indented (a quarter inch), and the hanging indent of its mark."""

_BULLETS = ("•", "–", "▪", "•")
_FORMATS = {"number": "decimal", "letter": "lowerLetter"}


class StyleBook:
    """The style ids of one document, resolved once each."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._ids: dict[str, str] = {}
        self._defaults: Document | None = None

    def style_id(self, name: str) -> str:
        """The id of the style called ``name`` ("Heading 1"); taken from Word's defaults when the template lacks it."""
        found = self._ids.get(name)
        if found is not None:
            return found
        try:
            found = self.document.styles[name].style_id
        except KeyError:
            found = self._import_style(name)
        self._ids[name] = found
        return found

    def _import_style(self, name: str) -> str:
        """Copy a style (and what it is based on, and a list's numbering) from Word's defaults."""
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
        num = next(n for n in source.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(a for a in source.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
        new_abstract = add_abstract(self.document, copy.deepcopy(abstract))
        return add_num(self.document, new_abstract, restart=False)


def _numbering(document: Document):  # type: ignore[no-untyped-def]
    return document.part.numbering_part.element


def add_abstract(document: Document, abstract: object) -> int:
    """Add an abstract numbering definition (lxml element) under a free id; the id."""
    from docx.oxml.ns import qn

    target = _numbering(document)
    used = [int(a.get(qn("w:abstractNumId"))) for a in target.findall(qn("w:abstractNum"))]
    new_id = max(used, default=-1) + 1
    abstract.set(qn("w:abstractNumId"), str(new_id))  # type: ignore[attr-defined]
    existing = target.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        target.insert(0, abstract)
    return new_id


def add_num(document: Document, abstract_id: int, *, restart: bool) -> int:
    """A new list (``w:num``) of an abstract definition; ``restart``: it counts from 1 again."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    target = _numbering(document)
    used = [int(n.get(qn("w:numId"))) for n in target.findall(qn("w:num"))]
    new_id = max(used, default=0) + 1
    overrides = ""
    if restart:
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride>' for level in range(LEVELS)
        )
    target.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{new_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )
    return new_id


def _abstract_xml(kind: str) -> str:
    levels = []
    for level in range(LEVELS):
        left = INDENT_TWIPS * (level + 1)
        if kind == "bullet":
            text, number_format = _BULLETS[level], "bullet"
        else:
            text, number_format = f"%{level + 1}.", _FORMATS[kind]
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{INDENT_TWIPS}"/></w:pPr></w:lvl>'
        )
    return (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        + "".join(levels)
        + "</w:abstractNum>"
    )


class ListNumbering:
    """The numbering of the markup's lists in one document: which ``numId`` an item takes.

    Each kind (bullet, number, letter) has one abstract definition; a list at a level gets a new
    ``numId`` when it starts (so it counts from 1 or a again) and keeps it while it goes on.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._abstracts: dict[str, int] = {}
        self._open: dict[int, tuple[str, int]] = {}  # level -> (kind, numId) of the list open there

    def _abstract(self, kind: str) -> int:
        found = self._abstracts.get(kind)
        if found is None:
            from docx.oxml import parse_xml

            found = self._abstracts[kind] = add_abstract(self.document, parse_xml(_abstract_xml(kind)))
        return found

    def item(self, kind: str, level: int, restart: bool) -> int:
        """The ``numId`` of an item of ``kind`` at ``level``; ``restart``: its list starts anew here."""
        for deeper in [lv for lv in self._open if lv > level]:
            del self._open[deeper]  # a list nested under the item before ends here
        current = self._open.get(level)
        if current is None or current[0] != kind or restart:
            current = (kind, add_num(self.document, self._abstract(kind), restart=True))
            self._open[level] = current
        return current[1]

    def end(self) -> None:
        """A paragraph that is no list item: the next item starts a new list."""
        self._open.clear()

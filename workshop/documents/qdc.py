"""The codebook for analysis programs: a REFI-QDA codebook (``.qdc``) that NVivo, ATLAS.ti, MAXQDA and QualCoder open.

One ``<Code>`` per category with its name, description and colour (``#RRGGBB``), under the
namespace ``urn:QDA-XML:codebook:1.0``; valid against the REFI-QDA 1.0 ``Codebook.xsd``
(``tests/test_refi_qda.py`` checks it). Each category has one GUID: ``Category.guid`` when the
session has one (an older export wrote it there, or another program's), else a name-based UUID
(version 5) made from the session's identity (``[workshop] id``, which a copy keeps) and the
category's id. So the same category gets the same GUID in every export, after the session is
renamed too, without the export writing anything into the session: exporting only reads.

Shared with the project export (:mod:`workshop.documents.qdpx`): GUIDs, colours, escaping.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import workshop
from workshop.documents.format import DocumentError, DocumentFormat, ExportOptions
from workshop.documents.printable import printable
from workshop.model.session import Category, Session
from workshop.words import word

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"workshop {workshop.__version__}"
"""What the files say made them."""

_GUID = re.compile(r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?")
_NAMED = {
    # CSS colour names the screens accept that the terminal's names do not cover
    "orange": "#FFA500",
    "pink": "#FFC0CB",
    "brown": "#A52A2A",
    "gray": "#808080",
    "grey": "#808080",
    "gold": "#FFD700",
    "teal": "#008080",
    "navy": "#000080",
    "olive": "#808000",
    "maroon": "#800000",
    "lime": "#00FF00",
    "violet": "#EE82EE",
    "indigo": "#4B0082",
    "turquoise": "#40E0D0",
    "salmon": "#FA8072",
}


def session_namespace(session: Session) -> uuid.UUID:
    """The namespace of a session's GUIDs: made from its identity, the same in every export.

    The identity is ``[workshop] id`` (the app writes it; a copy keeps it, a renamed session too).
    A file that has none yet (written by hand, never opened by the app) falls back on its title
    and date.
    """
    identity = session.workshop.id.strip()
    if identity:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"workshop:session:{identity}")
    date = session.workshop.date.isoformat() if session.workshop.date is not None else ""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"workshop:{session.workshop.title}:{date}")


def guid(namespace: uuid.UUID, *parts: str) -> str:
    """A stable GUID (upper case, as the analysis programs write them) for a thing of the session.

    The same as ``str(uuid.uuid5(namespace, ":".join(parts))).upper()``, without building a UUID
    object (a project of 10,000 notes needs some 40,000 of them).
    """
    digest = bytearray(hashlib.sha1(namespace.bytes + ":".join(parts).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    text = digest.hex().upper()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def category_guid(session: Session, category: Category) -> str:
    """The category's GUID: the one in the session (``guid = "..."``), else the one made from the
    session's identity and the category's id."""
    kept = category.guid.strip()
    if _GUID.fullmatch(kept):
        return kept.strip("{}").upper()
    return guid(session_namespace(session), "category", category.id)


def category_guids(session: Session) -> dict[str, str]:
    """Every category's GUID by its id (:func:`category_guid`), each one only once.

    A GUID the session holds twice (a category copied by hand with its ``guid``) stays with the
    first category; the second gets the one made from its id, so every ``<Code>`` has its own.
    """
    guids: dict[str, str] = {}
    taken: set[str] = set()
    for category in session.categories:
        found = category_guid(session, category)
        if found in taken:
            found = guid(session_namespace(session), "category", category.id)
        while found in taken:  # a GUID in the file that is this one's made GUID: never in practice
            found = guid(session_namespace(session), "category", category.id, found)
        guids.setdefault(category.id, found)
        taken.add(found)
    return guids


def as_guid(namespace: uuid.UUID, value: str, kind: str) -> str:
    """``value`` when it is a GUID already (a note's id is a uuid), else a stable one made from it."""
    if _GUID.fullmatch(value):
        return value.strip("{}").upper()
    return guid(namespace, kind, value)


def rgb(colour: str) -> str | None:
    """A category's colour as REFI-QDA wants it, "#4E79A7"; None when it is not one a program can show."""
    colour = colour.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return colour.upper()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", colour):
        return "#" + "".join(c * 2 for c in colour[1:]).upper()
    if colour.lower() in _NAMED:
        return _NAMED[colour.lower()]
    if colour:
        from rich.color import Color, ColorParseError

        try:
            triplet = Color.parse(colour).get_truecolor()
        except ColorParseError:
            return None
        return f"#{triplet.red:02X}{triplet.green:02X}{triplet.blue:02X}"
    return None


def xml_text(text: str) -> str:
    """Text as XML character data: printable, & < > escaped."""
    return printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(text: str) -> str:
    """Text as an XML attribute value (without the quotes): also " and line breaks escaped."""
    return xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;")


def codes_xml(session: Session, redact: Callable[[str], str], indent: str = "  ") -> str:
    """The ``<Codes>`` element: one ``<Code>`` per category, in codebook order."""
    lines = [f"{indent}<Codes>"]
    guids = category_guids(session)
    for category in session.categories:
        attributes = f'guid="{guids[category.id]}" name="{xml_attr(redact(category.name))}" isCodable="true"'
        colour = rgb(category.colour)
        if colour:
            attributes += f' color="{colour}"'
        if category.description.strip():
            lines.append(f"{indent}  <Code {attributes}>")
            lines.append(f"{indent}    <Description>{xml_text(redact(category.description))}</Description>")
            lines.append(f"{indent}  </Code>")
        else:
            lines.append(f"{indent}  <Code {attributes}/>")
    lines.append(f"{indent}</Codes>")
    return "\n".join(lines)


def codebook_xml(session: Session, options: ExportOptions | None = None) -> str:
    """The whole ``.qdc`` file as text; DocumentError when the codebook has no categories (REFI-QDA needs one)."""
    options = options or ExportOptions(session.workshop.language)
    if not session.categories:
        raise DocumentError(word("qda_no_categories", session.workshop.language))
    redact = options.redactor(session) or (lambda text: text)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<CodeBook xmlns="{CODEBOOK_NS}" origin="{xml_attr(ORIGIN)}">\n'
        f"{codes_xml(session, redact)}\n"
        "</CodeBook>\n"
    )


def write_codebook(session: Session, target: Path, options: ExportOptions | None = None) -> None:
    """Write the ``.qdc`` codebook to ``target``."""
    target.write_text(codebook_xml(session, options), encoding="utf-8")


FORMAT = DocumentFormat(
    name="qdc",
    option="qdc",
    extension=".qdc",
    file_word="file.qdc",
    title="document_qdc",
    export="export_qdc",
    write=write_codebook,
    word_file=False,
)
"""The REFI-QDA codebook in the registry of documents (``workshop export --format qdc``)."""

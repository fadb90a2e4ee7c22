"""What a document module declares about the document it writes, so the registry can list it.

Each document module (``minutes``, ``route_cards``, ``quotes``, ``recommendations_report``,
``agenda``, ``qdc``, ``qdpx``) ends with one ``FORMAT = DocumentFormat(...)``;
:mod:`workshop.documents.registry` lists them, and everything else (``workshop export --format``,
the secretariat's exports, file names, the "wrote ..." line) is read from there. Adding a format
is one new module with its ``FORMAT`` and one entry in ``registry.FORMATS``.

Every writer gets the same :class:`ExportOptions`: the language, whether and how to anonymize,
the Word template, the export's time, a progress callback, the recommendations' history, and
whether the report has its appendix of notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from workshop.documents.anonymizing import HostPolicy as HostPolicy  # re-exported: the registry and the CLI name it
from workshop.documents.anonymizing import anonymizer_for

if TYPE_CHECKING:
    from workshop.model.session import AppendixChoice, Session
    from workshop.notes.recommendations import Version

Progress = Callable[[int, int], None]
"""Called with (done, total) while a long export runs: notes placed so far, of all to place."""


@dataclass(frozen=True)
class ExportOptions:
    """How to write a document: the same for every format."""

    language: str = "da"
    """The document's language ("da" or "en")."""
    anonymize: bool = False
    """Take every person out (names, e-mail addresses, phone and CPR numbers, profile links)."""
    hosts: HostPolicy = "pseudonym"
    """Anonymized: hosts like everyone else, or kept as their role."""
    template: Path | None = None
    """A Word template (.dotx/.docx) whose styles, page setup, header and footer the Word documents take."""
    moment: dt.datetime | None = None
    """The export's time (the files' created and modified); now when None."""
    progress: Progress | None = None
    """Told how far a long export has come."""
    history: Sequence[Version] = ()
    """The saved versions of the recommendations (for the report's "what the evening changed")."""
    files: Mapping[str, str] = field(default_factory=dict)
    """The file names of the session's other documents by kind (the agenda item lists them as attachments)."""
    redact: Callable[[str], str] | None = None
    """The anonymizer to use (the registry passes one, to read its report afterwards); made anew when None."""
    appendix: AppendixChoice | None = None
    """The recommendations report's appendix of notes ("off", "on": without names, "with-names"); None:
    the session's ``[workshop] report_appendix``."""

    def redactor(self, session: Session) -> Callable[[str], str] | None:
        """The filter every piece of text passes through: the given anonymizer, a new one, or None."""
        if not self.anonymize:
            return None
        if self.redact is not None:
            return self.redact
        return anonymizer_for(session, self.language, hosts=self.hosts)

    def when(self) -> dt.datetime:
        """The export's time, with the local zone."""
        return (self.moment or dt.datetime.now()).astimezone()


class DocumentError(ValueError):
    """The session has nothing to put in this document (no groups for route cards, no categories for a
    codebook); the message, in the session's language, says what to add."""


class Writer(Protocol):
    """Writes one document of a session to a file (the registry makes the write atomic)."""

    def __call__(self, session: Session, target: Path, options: ExportOptions) -> None: ...


@dataclass(frozen=True)
class DocumentFormat:
    """One kind of document: what it is called, how it is asked for, and what writes it."""

    name: str
    """The document's kind in code and in the catalogue's file words: "minutes", "route_cards", "quotes"."""
    option: str
    """The ``workshop export --format`` value that asks for it: "docx", "cards", "csv"."""
    extension: str
    """The file's extension, with the dot: ".docx"."""
    file_word: str
    """The catalogue key of the word in the file's name: "file.minutes" -> meeting-3-referat.docx."""
    title: str
    """The catalogue key of what users call it: "document_minutes" -> "Referat" / "Minutes"."""
    export: str
    """The catalogue key of the command that writes it: "export_minutes" -> "Eksportér referatet (.docx)"."""
    write: Writer
    """Writes the document to a path."""
    word_file: bool = True
    """A Word document (takes the template; LibreOffice converts it)."""


def given_options(
    session: Session,
    options: ExportOptions | None,
    *,
    language: str | None = None,
    anonymize: bool = False,
    progress: Progress | None = None,
) -> ExportOptions:
    """The options a document is written with: ``options`` when given, else the plain keywords
    (the session's language by default)."""
    if options is not None:
        return options
    return ExportOptions(language or session.workshop.language, anonymize, progress=progress)


def save_document(document: Any, target: Path | BinaryIO) -> None:
    """Save a python-docx Document to a path or a binary file object."""
    document.save(str(target) if isinstance(target, Path) else target)


def document_writer(build: Callable[..., Any]) -> Callable[..., None]:
    """``write(session, target, options=None, **keywords)``: the Word document ``build`` makes from
    ``options`` (or ``build``'s plain keywords), saved to a path or a binary file object."""

    def write(session: Session, target: Path | BinaryIO, options: ExportOptions | None = None, **keywords: Any) -> None:
        save_document(build(session, options, **keywords), target)

    return write


def word_document(name: str, option: str, build: Callable[[Session, ExportOptions], Any]) -> DocumentFormat:
    """The format of a Word document that ``build`` makes: its words are ``file.<name>``,
    ``document_<name>`` and ``export_<name>`` in the catalogue."""

    return DocumentFormat(
        name=name,
        option=option,
        extension=".docx",
        file_word=f"file.{name}",
        title=f"document_{name}",
        export=f"export_{name}",
        write=document_writer(build),
    )

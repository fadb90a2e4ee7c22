"""What a document module declares about the document it writes, so the registry can list it.

Each document module (``minutes``, ``route_cards``, ``quotes``) ends with one
``FORMAT = DocumentFormat(...)``; :mod:`workshop.documents.registry` lists them, and everything
else (``workshop export --format``, the secretariat's exports, file names, the "wrote ..." line)
is read from there. Adding a format is one new module with its ``FORMAT`` and one entry in
``registry.FORMATS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from workshop.model.session import Session

Progress = Callable[[int, int], None]
"""Called with (done, total) while a long export runs: notes placed so far, of all to place
(a note under two categories is placed twice)."""


class Writer(Protocol):
    """Writes one document of a session to a file (the registry makes the write atomic)."""

    def __call__(
        self, session: Session, target: Path, *, language: str, anonymize: bool, progress: Progress | None
    ) -> None: ...


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

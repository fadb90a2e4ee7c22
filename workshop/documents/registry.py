"""Every document the app exports, in one list; which files, where they go, and writing them safely.

Shared by ``workshop export`` and the secretariat's screen. Each document module declares its
:class:`~workshop.documents.format.DocumentFormat` (``FORMAT``), and :data:`FORMATS` lists them:
the ``--format`` choices, the secretariat's exports, the file names and the words for a
document all come from that list, so a new format is one module and one entry here.

A document is written to a temporary file beside its target and renamed into place
(:func:`workshop.storage.atomic_file.replacing`), so an export that fails (a full disk, the old
file still open in Word) never leaves half a document behind. Messages are in the session's
language and say what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.documents import minutes, quotes, route_cards
from workshop.documents.format import DocumentFormat, Progress
from workshop.documents.route_cards import RouteCardsError
from workshop.storage.atomic_file import make_private_folder, replacing
from workshop.words import word

if TYPE_CHECKING:
    from workshop.model.session import Session

EXPORTS = "exports"
"""The folder documents go to unless told otherwise (beside ``sessions/``)."""

FORMATS: tuple[DocumentFormat, ...] = (
    minutes.FORMAT,
    route_cards.FORMAT,
    quotes.FORMAT,
)
"""Every document the app writes, in the order ``--format all`` writes them."""

ALL = "all"
"""The ``--format`` value that asks for every document."""


class ExportError(Exception):
    """A document could not be written; the message says why and what to do."""


@dataclass(frozen=True)
class Exported:
    """A document that was written."""

    kind: DocumentFormat
    path: Path
    notes: int


@dataclass(frozen=True)
class ExportChoice:
    """One thing the secretariat can ask to export: the documents it writes, and its words."""

    key: str
    """The choice's name ("all", "minutes", "anonymized", ...)."""
    words: str
    """The catalogue key of the command's words: "export_minutes" -> "Eksportér referatet (.docx)"."""
    kinds: list[str]
    """The documents it writes (their names)."""
    anonymize: bool = False


def format_of(name: str) -> DocumentFormat:
    """The format of the document called ``name`` ("minutes", "route_cards", "quotes")."""
    for found in FORMATS:
        if found.name == name:
            return found
    raise KeyError(f"no document format {name!r}: add its module's FORMAT to workshop/documents/registry.py")


def options() -> list[str]:
    """The ``--format`` choices: each document's option, then "all"."""
    return [f.option for f in FORMATS] + [ALL]


def kinds_for(option: str) -> list[str]:
    """The documents a ``--format`` value asks for, by name."""
    if option == ALL:
        return [f.name for f in FORMATS]
    return [f.name for f in FORMATS if f.option == option]


def export_choices() -> list[ExportChoice]:
    """What the secretariat can export: everything, each document, and the anonymized minutes."""
    choices = [ExportChoice(ALL, "export_all", [f.name for f in FORMATS])]
    choices += [ExportChoice(f.name, f.export, [f.name]) for f in FORMATS]
    choices.append(ExportChoice("anonymized", "export_anonymized", [minutes.FORMAT.name], anonymize=True))
    return choices


def title(name: str, language: str) -> str:
    """What users call a document: "Referat", "Rutekort", "Notetabel" (or in English)."""
    return word(format_of(name).title, language)


# Where documents go ---------------------------------------------------------------------------


def default_folder(session_path: Path) -> Path:
    """Where documents go unless told otherwise: the ``exports/`` folder beside ``sessions/``.

    ``sessions/meeting-3.toml`` -> ``exports/``; a session file elsewhere gets an
    ``exports/`` folder beside it.
    """
    folder = session_path.parent
    if folder.name == "sessions":
        return folder.parent / EXPORTS
    return folder / EXPORTS


def file_name(session_path: Path, kind: str, language: str, anonymize: bool = False) -> str:
    """"meeting-3-referat.docx", "meeting-3-minutes-anonymized.docx", "meeting-3-noter.csv"."""
    found = format_of(kind)
    name = f"{session_path.stem}-{word(found.file_word, language)}"
    if anonymize:
        name += f"-{word('file.anonymized', language)}"
    return name + found.extension


def target_path(
    session_path: Path,
    kind: str,
    language: str,
    *,
    anonymize: bool = False,
    out: Path | None = None,
    message_language: str | None = None,
) -> Path:
    """Where a document goes: ``out`` (a file, or a folder to put the default name in) or the default folder.

    ``language`` names the file; ``message_language`` (default: the same) is the language of the
    ExportError raised for an ``out`` that does not fit the document.
    """
    name = file_name(session_path, kind, language, anonymize)
    if out is None:
        return default_folder(session_path) / name
    if out.is_dir():
        return out / name
    found = format_of(kind)
    if out.suffix.lower() != found.extension:
        raise ExportError(
            word(
                "doc_wrong_extension", message_language or language, out=out,
                title=word(found.title, message_language or language).lower(), extension=found.extension,
            )
        )
    return out


# Writing ------------------------------------------------------------------------------------------


def export(
    session: Session,
    kind: str,
    target: Path,
    *,
    language: str | None = None,
    anonymize: bool = False,
    progress: Progress | None = None,
    make_folder: bool = False,
) -> Exported:
    """Write one document to ``target`` (atomically). Raises ExportError, in the session's language."""
    speak = session.workshop.language
    found = format_of(kind)
    folder = target.parent
    if not folder.is_dir():
        if not make_folder:
            raise ExportError(word("doc_no_folder", speak, folder=folder))
        try:
            make_private_folder(folder)
        except OSError as error:
            raise ExportError(word("doc_cannot_make_folder", speak, folder=folder, reason=_reason(error))) from None
    try:
        with replacing(target) as temporary:
            found.write(
                session, temporary, language=language or speak, anonymize=anonymize, progress=progress
            )
    except RouteCardsError as error:
        raise ExportError(str(error)) from None
    except PermissionError:
        raise ExportError(word("doc_file_in_use", speak, target=target)) from None
    except OSError as error:
        raise ExportError(word("doc_cannot_write", speak, target=target, reason=_reason(error))) from None
    return Exported(found, target, len(session.notes))


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def snapshot_of(session: Session) -> Session:
    """A copy that later changes to the store do not touch (notes are replaced, never mutated)."""
    copy = session.model_copy()
    copy.notes = list(session.notes)
    return copy


def export_many(
    session: Session,
    session_path: Path,
    kinds: Sequence[str],
    *,
    language: str | None = None,
    anonymize: bool = False,
    progress: Callable[[float], None] | None = None,
) -> list[Exported]:
    """Write several documents to their default places; ``progress`` gets 0.0 ... 1.0.

    Raises ExportError at the first document that cannot be written (those before it stay).
    """
    language = language or session.workshop.language
    report = progress or (lambda fraction: None)
    done: list[Exported] = []
    for index, kind in enumerate(kinds):
        share = 1 / len(kinds)

        def step(count: int, total: int, index: int = index, share: float = share) -> None:
            report(min(1.0, (index + (count / total if total else 1.0)) * share))

        target = target_path(session_path, kind, language, anonymize=anonymize)
        done.append(
            export(session, kind, target, language=language, anonymize=anonymize, progress=step, make_folder=True)
        )
        report((index + 1) * share)
    return done

"""Exporting a session's documents: which files, where they go, and writing them safely.

Shared by ``workshop export`` and the secretariat's screen. A document is written to a
temporary file beside its target and renamed into place, so an export that fails (a full disk,
the old file still open in Word) never leaves half a document behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.words.phrases import file_word

if TYPE_CHECKING:  # the writers (and python-docx) are imported only when a document is written
    from workshop.documents.minutes import Progress
    from workshop.model.session import Session

EXPORTS = "exports"


def default_folder(session_path: Path) -> Path:
    """Where documents go unless told otherwise: the ``exports/`` folder beside ``sessions/``.

    ``sessions/meeting-3.toml`` -> ``exports/``; a session file elsewhere gets an
    ``exports/`` folder beside it.
    """
    folder = session_path.parent
    if folder.name == "sessions":
        return folder.parent / EXPORTS
    return folder / EXPORTS


@dataclass(frozen=True)
class Kind:
    """One kind of document."""

    name: str
    """minutes, route_cards or quotes."""
    format: str
    """The ``--format`` value that asks for it."""
    suffix: str
    title: str
    """What the user calls it."""


KINDS: dict[str, Kind] = {
    "minutes": Kind("minutes", "docx", ".docx", "minutes"),
    "route_cards": Kind("route_cards", "cards", ".docx", "route cards"),
    "quotes": Kind("quotes", "csv", ".csv", "quotes"),
}
FORMATS: dict[str, list[str]] = {
    "docx": ["minutes"],
    "cards": ["route_cards"],
    "csv": ["quotes"],
    "all": ["minutes", "route_cards", "quotes"],
}


class ExportError(Exception):
    """A document could not be written; the message says why and what to do."""


@dataclass(frozen=True)
class Exported:
    """A document that was written."""

    kind: Kind
    path: Path
    notes: int


def file_name(session_path: Path, kind: str, language: str, anonymize: bool = False) -> str:
    """"meeting-3-referat.docx", "meeting-3-minutes-anonymized.docx", "meeting-3-noter.csv"."""
    name = f"{session_path.stem}-{file_word(kind, language)}"
    if anonymize:
        name += f"-{file_word('anonymized', language)}"
    return name + KINDS[kind].suffix


def target_path(
    session_path: Path,
    kind: str,
    language: str,
    *,
    anonymize: bool = False,
    out: Path | None = None,
) -> Path:
    """Where a document goes: ``out`` (a file, or a folder to put the default name in) or the folder."""
    name = file_name(session_path, kind, language, anonymize)
    if out is None:
        return default_folder(session_path) / name
    if out.is_dir():
        return out / name
    suffix = KINDS[kind].suffix
    if out.suffix.lower() != suffix:
        raise ExportError(f"{out}: the {KINDS[kind].title} are written as a {suffix} file; give a name ending in {suffix}")
    return out


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
    """Write one document to ``target`` (atomically). Raises ExportError."""
    language = language or session.workshop.language
    folder = target.parent
    if not folder.is_dir():
        if not make_folder:
            raise ExportError(f"the folder {folder} does not exist; create it or choose another place")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ExportError(f"cannot create the folder {folder}: {error.strerror or error}") from None
    from workshop.documents.route_cards import RouteCardsError

    writer = _WRITERS[kind]
    temporary = folder / f".{target.name}.{os.getpid()}.tmp"
    try:
        writer(session, temporary, language, anonymize, progress)
        os.replace(temporary, target)
    except RouteCardsError as error:
        raise ExportError(str(error)) from None
    except PermissionError:
        raise ExportError(
            f"cannot write {target}: it is open in another program (Word?) or the folder is read-only; "
            "close it or choose another place"
        ) from None
    except OSError as error:
        raise ExportError(f"cannot write {target}: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return Exported(KINDS[kind], target, len(session.notes))


def _minutes(session: Session, path: Path, language: str, anonymize: bool, progress: Progress | None) -> None:
    from workshop.documents.minutes import write_minutes

    write_minutes(session, path, language=language, anonymize=anonymize, progress=progress)


def _route_cards(session: Session, path: Path, language: str, anonymize: bool, progress: Progress | None) -> None:
    from workshop.documents.route_cards import write_route_cards

    write_route_cards(session, path, language=language, anonymize=anonymize)


def _quotes(session: Session, path: Path, language: str, anonymize: bool, progress: Progress | None) -> None:
    from workshop.documents.quotes import write_quotes

    write_quotes(session, path, language=language, anonymize=anonymize)


_WRITERS: dict[str, Callable[[Session, Path, str, bool, Progress | None], None]] = {
    "minutes": _minutes,
    "route_cards": _route_cards,
    "quotes": _quotes,
}


def snapshot_of(session: Session) -> Session:
    """A copy that later changes to the store do not touch (notes are replaced, never mutated)."""
    copy = session.model_copy()
    copy.notes = list(session.notes)
    return copy


def export_many(
    session: Session,
    session_path: Path,
    kinds: list[str],
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

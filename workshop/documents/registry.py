"""Every document the app exports, in one list; which files, where they go, and writing them safely.

Shared by ``workshop export`` and the secretariat's screen. Each document module declares its
:class:`~workshop.documents.format.DocumentFormat` (``FORMAT``), and :data:`FORMATS` lists them:
the ``--format`` choices, the secretariat's exports, the file names and the words for a
document all come from that list, so a new format is one module and one entry here.

An export writes all its documents or none (:func:`export_documents`): each is written to a
temporary file beside its target, and only when every one is written are they renamed into
place, so an export that fails (a full disk, the old file still open in Word, a text a document
cannot hold) leaves no half document, no new folder and no document of the batch behind, and
the files already there as they were. Messages are in the session's language and say what to do.
An export killed mid-way (kill -9, a power cut) leaves its hidden temporary files behind; the next
export into the folder removes them (:func:`leftovers`), unless another export is writing there
right now (each holds a shared lock on the folder while it writes).

Anonymized, each document gets a report of what was replaced, written beside it
(``exports/meeting-3-referat-anonymiseret-rapport.txt``) and returned in :class:`Exported`, so
the app can show it and a person can check before sending. The Word documents take the
session's template (``[workshop] template``, relative to the session file) unless one is given.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import re
import secrets
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack

from workshop.documents import agenda, minutes, qdc, qdpx, quotes, recommendations_report, route_cards
from workshop.documents.anonymizing import anonymizer_for, anonymous_file_stem
from workshop.documents.docx_writer import TemplateError
from workshop.documents.format import DocumentError, DocumentFormat, ExportOptions, HostPolicy, Progress
from workshop.model.problems import one_line
from workshop.storage.atomic_file import (
    PRIVATE_FILE,
    TEMPORARY_SUFFIX,
    fsync_dir,
    make_private_folder,
    temporary_prefix,
)
from workshop.words import word

if TYPE_CHECKING:
    from workshop.documents.anonymize import AnonymizationReport
    from workshop.model.session import Session
    from workshop.notes.recommendations import Version

EXPORTS = "exports"
"""The folder documents go to unless told otherwise (beside ``sessions/``)."""

FORMATS: tuple[DocumentFormat, ...] = (
    minutes.FORMAT,
    route_cards.FORMAT,
    quotes.FORMAT,
    recommendations_report.FORMAT,
    agenda.FORMAT,
    qdc.FORMAT,
    qdpx.FORMAT,
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
    report: AnonymizationReport | None = None
    """Anonymized: what was replaced (the app shows it; :meth:`AnonymizationReport.lines` words it)."""
    report_path: Path | None = None
    """Anonymized: where the report was written, beside the document."""


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
    """What the secretariat can export: everything, each document, and the anonymized minutes.

    Each choice's ``words`` key is in the catalogue (``tests/test_exports.py`` checks it)."""
    choices = [ExportChoice(ALL, "export_all", [f.name for f in FORMATS])]
    choices += [ExportChoice(f.name, f.export, [f.name]) for f in FORMATS]
    choices.append(ExportChoice("anonymized", "export_anonymized", [minutes.FORMAT.name], anonymize=True))
    return choices


def title(name: str, language: str) -> str:
    """What users call a document: "Referat", "Rutekort", "Notetabel" (or in English)."""
    return word(format_of(name).title, language)


def in_sentence(text: str) -> str:
    """A document's title inside a sentence: its first letter small ("referat", "kodebog til ... (REFI-QDA)")."""
    return text[:1].lower() + text[1:]


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


def file_name(
    session_path: Path, kind: str, language: str, anonymize: bool = False, session: Session | None = None
) -> str:
    """ "meeting-3-referat.docx", "meeting-3-minutes-anonymized.docx", "meeting-3-noter.csv".

    Anonymized, with the ``session``: a session named after a person ("møde-med-pernille-larsen")
    leaves the name out of the files' names ("møde-med-referat-anonymiseret.docx")."""
    found = format_of(kind)
    stem = session_path.stem
    if anonymize and session is not None:
        stem = anonymous_file_stem(stem, session)
    name = f"{stem}-{word(found.file_word, language)}"
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
    session: Session | None = None,
) -> Path:
    """Where a document goes: ``out`` (a file, or a folder to put the default name in) or the default folder.

    ``language`` names the file; ``message_language`` (default: the same) is the language of the
    ExportError raised for an ``out`` that does not fit the document.
    """
    name = file_name(session_path, kind, language, anonymize, session)
    if out is None:
        return default_folder(session_path) / name
    if out.is_dir():
        return out / name
    found = format_of(kind)
    if out.suffix.lower() != found.extension:
        raise ExportError(
            word(
                "doc_wrong_extension",
                message_language or language,
                out=out,
                title=in_sentence(word(found.title, message_language or language)),
                extension=found.extension,
            )
        )
    return out


# Writing ------------------------------------------------------------------------------------------

_LEFTOVER = re.compile(
    r"\.(?P<name>.+)\.(?:[a-z0-9_]{8}|[0-9a-f]{12}\.old)" + re.escape(TEMPORARY_SUFFIX), flags=re.DOTALL
)
"""An export's temporary file (``.NAME.<mkstemp's 8 characters>.tmp``) or a document it set aside
while putting the new ones in place (``.NAME.<12 hex digits>.old.tmp``)."""


def leftovers(folder: Path) -> list[Path]:
    """The temporary files exports left in ``folder``: a half-written document, or an old version set
    aside (a hard link to a document the export was replacing), of a document an export writes.

    Only names an export makes are found (a document's extension, or a report's ``.txt``), never a
    session's own temporary files (``.aften.toml.….tmp``) or a user's hidden files.
    """
    extensions = {f.extension for f in FORMATS} | {".docx", ".txt"}  # .docx: a series' documents too
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = _LEFTOVER.fullmatch(entry.name)
        if match and Path(match["name"]).suffix.lower() in extensions and entry.is_file(follow_symlinks=False):
            found.append(Path(entry.path))
    return sorted(found)


def report_path(target: Path, language: str) -> Path:
    """Where an anonymized document's report goes: ``meeting-3-referat-anonymiseret-rapport.txt`` beside it."""
    return target.with_name(f"{target.stem}-{word('file.report', language)}.txt")


def template_of(session: Session, session_path: Path | None) -> Path | None:
    """The session's Word template (``[workshop] template``), read relative to the session file; None when unset."""
    written = session.workshop.template.strip()
    if not written:
        return None
    path = Path(written).expanduser()
    if not path.is_absolute() and session_path is not None:
        path = session_path.parent / path
    return path


class ExportKeywords(TypedDict, total=False):
    """What :func:`export` passes on to :func:`export_documents` as it is (the defaults are there)."""

    language: str | None
    anonymize: bool
    make_folder: bool
    hosts: HostPolicy
    template: Path | None
    moment: dt.datetime | None
    history: Sequence[Version]
    files: Mapping[str, str] | None


def export(
    session: Session, kind: str, target: Path, *, progress: Progress | None = None, **keywords: Unpack[ExportKeywords]
) -> Exported:
    """Write one document to ``target`` (atomically). Raises ExportError, in the session's language.

    ``template``: a Word template for the Word documents (the caller resolves the session's own,
    :func:`template_of`); ``history``: the recommendations' saved versions
    (:func:`workshop.notes.recommendations.versions`) for the report's "what the evening changed";
    anonymized, the report of what was replaced is written beside the document. The other keywords
    and their defaults: see :func:`export_documents`.
    """
    each = None if progress is None else (lambda index: progress)
    return export_documents(session, [(kind, target)], progress=each, **keywords)[0]


def export_documents(
    session: Session,
    documents: Sequence[tuple[str, Path]],
    *,
    language: str | None = None,
    anonymize: bool = False,
    progress: Callable[[int], Progress] | None = None,
    make_folder: bool = False,
    hosts: HostPolicy = "pseudonym",
    template: Path | None = None,
    moment: dt.datetime | None = None,
    history: Sequence[Version] = (),
    files: Mapping[str, str] | None = None,
    written: Callable[[int], None] | None = None,
) -> list[Exported]:
    """Write every document (kind, target) or none: each goes to a temporary file beside its
    target, and only when all are written are they renamed into place.

    A document that cannot be written (a full disk, a file open in Word, a text a document cannot
    hold) raises ExportError, in the session's language; the temporary files are removed, a folder
    made for the export is removed again, and every target is left as it was. ``progress(index)``
    is the progress callback of the index-th document; ``written(index)`` is called when it is
    written (to its temporary file). ``template``, ``history``: see :func:`export`.
    """
    speak = session.workshop.language
    language = language or speak
    moment = moment or dt.datetime.now().astimezone()
    batch = _Batch(speak, several=len(documents) > 1)
    done: list[Exported] = []
    try:
        for folder in dict.fromkeys(target.parent for _, target in documents):
            batch.folder(folder, make_folder)
        for index, (kind, target) in enumerate(documents):
            found = format_of(kind)
            anonymizer = None
            if anonymize:
                anonymizer = anonymizer_for(session, language, hosts=hosts)
            options = ExportOptions(
                language=language,
                anonymize=anonymize,
                hosts=hosts,
                template=template if found.word_file else None,
                moment=moment,
                progress=progress(index) if progress is not None else None,
                history=history,
                files=dict(files or {}),
                redact=anonymizer,
            )
            with batch.writing(target, in_sentence(word(found.title, speak))) as temporary:
                found.write(session, temporary, options)
            written_report: Path | None = None
            if anonymizer is not None:
                written_report = report_path(target, language)
                document = in_sentence(word(found.title, language))
                text = anonymizer.report.text(language, f"{document} ({target.name})")
                with batch.writing(written_report, document) as temporary:
                    temporary.write_text(text, encoding="utf-8")
            done.append(
                Exported(
                    found,
                    target,
                    len(session.notes),
                    anonymizer.report if anonymizer is not None else None,
                    written_report,
                )
            )
            if written is not None:
                written(index)
        batch.commit()
    except BaseException:
        batch.abandon()
        raise
    return done


def write_documents(
    language: str,
    documents: Sequence[tuple[Path, str, Callable[[Path], None]]],
    *,
    make_folder: bool = False,
) -> None:
    """Write documents (target, title in a sentence, write to a temporary path) all or none, as
    :func:`export_documents` does; for documents that are not one session's (a series')."""
    batch = _Batch(language, several=len(documents) > 1)
    try:
        for folder in dict.fromkeys(target.parent for target, _, _ in documents):
            batch.folder(folder, make_folder)
        for target, title, write in documents:
            with batch.writing(target, title) as temporary:
                write(temporary)
        batch.commit()
    except BaseException:
        batch.abandon()
        raise


class _Batch:
    """Documents written to temporary files beside their targets, put in place together or not at all."""

    def __init__(self, language: str, *, several: bool) -> None:
        self.language = language
        self.several = several
        """More than one document was asked for: a refusal says that none of them was written."""
        self.pending: list[tuple[Path, Path]] = []
        """(temporary file, target), in the order written."""
        self.made: list[Path] = []
        """The folders made for this export, the deepest first (removed again when it fails)."""
        self.held: list[int] = []
        """The folders this export writes into, open and under a shared lock until it ends."""

    def refused(self, message: str) -> ExportError:
        """The ExportError of ``message``; with several documents it adds that none was written."""
        if self.several:
            message = f"{message} - {word('doc_none_written', self.language)}"
        return ExportError(message)

    def folder(self, folder: Path, make: bool) -> None:
        """Make sure ``folder`` is there: make it (and remember it) when ``make``, else refuse; then hold it."""
        if folder.is_dir():
            self.hold(folder)
            return
        if not make:
            raise self.refused(word("doc_no_folder", self.language, folder=folder))
        missing = []
        parent = folder
        while not os.path.lexists(parent) and parent != parent.parent:
            missing.append(parent)
            parent = parent.parent
        try:
            make_private_folder(folder)
        except OSError as error:
            self.made += [m for m in missing if m.is_dir()]
            raise self.refused(
                word("doc_cannot_make_folder", self.language, folder=folder, reason=_reason(error))
            ) from None
        self.made += missing
        self.hold(folder)

    def hold(self, folder: Path) -> None:
        """Take a shared lock on ``folder`` for the rest of the export, so that another export sees it
        writing there; when no other export is, first remove what a killed one left (:func:`leftovers`).

        A folder that cannot be locked (a file system without locks) is written all the same, and
        nothing in it is removed.
        """
        try:
            descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            return
        self.held.append(descriptor)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass  # another export is writing here now: its temporary files are its own
        else:
            for leftover in leftovers(folder):
                with suppress(OSError):
                    leftover.unlink()
        with suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_SH)

    def release(self) -> None:
        """Let go of the folders (their locks go with them)."""
        for descriptor in self.held:
            with suppress(OSError):
                os.close(descriptor)
        self.held = []

    @contextmanager
    def writing(self, target: Path, title: str) -> Iterator[Path]:
        """A new temporary file beside ``target`` for the block to write; a failure becomes an ExportError."""
        try:
            descriptor, name = tempfile.mkstemp(
                prefix=temporary_prefix(target), suffix=TEMPORARY_SUFFIX, dir=target.parent
            )
            os.close(descriptor)
            temporary = Path(name)
            self.pending.append((temporary, target))
            yield temporary
        except (DocumentError, TemplateError) as error:
            raise self.refused(str(error)) from None
        except PermissionError:
            raise self.refused(word("doc_file_in_use", self.language, target=target)) from None
        except OSError as error:
            raise self.refused(word("doc_cannot_write", self.language, target=target, reason=_reason(error))) from None
        except Exception as error:
            if not _the_texts_fault(error):
                raise  # a bug: the caller's crash report (nothing is left behind all the same)
            reason = one_line(str(error))[:200]
            raise self.refused(word("doc_text_unwritable", self.language, title=title, reason=reason)) from None

    def commit(self) -> None:
        """Put every written document in place; when one rename fails, those before it are taken back."""
        for temporary, target in self.pending:
            try:
                os.chmod(temporary, _mode_of(target))
                with open(temporary, "rb+") as handle:
                    os.fsync(handle.fileno())
            except OSError as error:
                raise self.refused(
                    word("doc_cannot_write", self.language, target=target, reason=_reason(error))
                ) from None
        placed: list[tuple[Path, Path | None, bool]] = []  # (target, its old version set aside, it existed)
        try:
            for temporary, target in self.pending:
                existed = os.path.lexists(target)  # a file, or a link (which is put back as the link)
                old = _set_aside(target) if existed else None
                try:
                    os.replace(temporary, target)
                except BaseException:
                    if old is not None:
                        old.unlink(missing_ok=True)
                    raise
                placed.append((target, old, existed))
        except BaseException as error:
            for target, old, existed in reversed(placed):
                try:
                    if old is not None:
                        os.replace(old, target)
                    elif not existed:
                        target.unlink(missing_ok=True)
                except OSError:
                    pass  # the old version stays beside it, as a hidden temporary file
            if not isinstance(error, OSError):
                raise  # interrupted (Ctrl+C): the documents before are taken back all the same
            failed = next(target for temporary, target in self.pending if temporary.exists())
            if isinstance(error, PermissionError):
                raise self.refused(word("doc_file_in_use", self.language, target=failed)) from None
            raise self.refused(word("doc_cannot_write", self.language, target=failed, reason=_reason(error))) from None
        for _, old, _ in placed:
            if old is not None:
                old.unlink(missing_ok=True)
        for folder in dict.fromkeys(target.parent for _, target in self.pending):
            fsync_dir(folder)
        self.pending = []
        self.made = []
        self.release()

    def abandon(self) -> None:
        """Remove the temporary files and the folders made for the export: nothing of it is left."""
        for temporary, _ in self.pending:
            temporary.unlink(missing_ok=True)
        for folder in self.made:
            with suppress(OSError):  # not empty (someone put a file there meanwhile): it stays
                folder.rmdir()
        self.pending = []
        self.made = []
        self.release()


def _set_aside(target: Path) -> Path | None:
    """A second name for the file ``target`` (a hard link beside it), so a failed export can put it back.

    None where the file system has no hard links (the old file is then replaced without a way back).
    """
    for _ in range(10):
        aside = target.with_name(f"{temporary_prefix(target)}{secrets.token_hex(6)}.old{TEMPORARY_SUFFIX}")
        try:
            os.link(target, aside, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:
            return None
        return aside
    return None


def _mode_of(target: Path) -> int:
    """An existing document keeps its mode; a new one is its owner's only."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return PRIVATE_FILE


def _the_texts_fault(error: Exception) -> bool:
    """True for what a document library says about a text it cannot hold (lxml's "Text node too long",
    python-docx's "All strings must be XML compatible"), not a bug of the writer."""
    return isinstance(error, ValueError | OverflowError) or type(error).__module__.split(".")[0] == "lxml"


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
    hosts: HostPolicy = "pseudonym",
    template: Path | None = None,
    history: Sequence[Version] = (),
) -> list[Exported]:
    """Write several documents to their default places, all or none; ``progress`` gets 0.0 ... 1.0.

    The Word documents take ``template``, else the session's own (:func:`template_of`). Raises
    ExportError when a document cannot be written; then none is (see :func:`export_documents`).
    """
    language = language or session.workshop.language
    report = progress or (lambda fraction: None)
    template = template or template_of(session, session_path)
    files = {f.name: file_name(session_path, f.name, language, anonymize, session) for f in FORMATS}
    share = 1 / len(kinds) if kinds else 1.0

    def stepper(index: int) -> Progress:
        def step(count: int, total: int) -> None:
            report(min(1.0, (index + (count / total if total else 1.0)) * share))

        return step

    return export_documents(
        session,
        [(kind, target_path(session_path, kind, language, anonymize=anonymize, session=session)) for kind in kinds],
        language=language,
        anonymize=anonymize,
        progress=stepper,
        make_folder=True,
        hosts=hosts,
        template=template,
        history=history,
        files=files,
        written=lambda index: report((index + 1) * share),
    )

"""Every document the app exports, in one list; which files, where they go, and writing them safely.

Shared by ``workshop export`` and the secretariat's screen. Each document module declares its
:class:`~workshop.documents.format.DocumentFormat` (``FORMAT``), and :data:`FORMATS` lists them:
the ``--format`` choices, the secretariat's exports, the file names and the words for a
document all come from that list, so a new format is one module and one entry here.

A document is written to a temporary file beside its target and renamed into place
(:func:`workshop.storage.atomic_file.replacing`), so an export that fails (a full disk, the old
file still open in Word) never leaves half a document behind. Messages are in the session's
language and say what to do.

Anonymized, each document gets a report of what was replaced, written beside it
(``exports/meeting-3-referat-anonymiseret-rapport.txt``) and returned in :class:`Exported`, so
the app can show it and a person can check before sending. The Word documents take the
session's template (``[workshop] template``, relative to the session file) unless one is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.documents import agenda, minutes, qdc, qdpx, quotes, recommendations_report, route_cards
from workshop.documents.docx_writer import TemplateError
from workshop.documents.format import DocumentError, DocumentFormat, ExportOptions, HostPolicy, Progress
from workshop.storage.atomic_file import make_private_folder, replacing
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


def file_name(session_path: Path, kind: str, language: str, anonymize: bool = False) -> str:
    """ "meeting-3-referat.docx", "meeting-3-minutes-anonymized.docx", "meeting-3-noter.csv"."""
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
                "doc_wrong_extension",
                message_language or language,
                out=out,
                title=in_sentence(word(found.title, message_language or language)),
                extension=found.extension,
            )
        )
    return out


# Writing ------------------------------------------------------------------------------------------


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


def export(
    session: Session,
    kind: str,
    target: Path,
    *,
    language: str | None = None,
    anonymize: bool = False,
    progress: Progress | None = None,
    make_folder: bool = False,
    hosts: HostPolicy = "pseudonym",
    template: Path | None = None,
    moment: dt.datetime | None = None,
    history: Sequence[Version] = (),
    files: Mapping[str, str] | None = None,
) -> Exported:
    """Write one document to ``target`` (atomically). Raises ExportError, in the session's language.

    ``template``: a Word template for the Word documents (the caller resolves the session's own,
    :func:`template_of`); ``history``: the recommendations' saved versions
    (:func:`workshop.notes.recommendations.versions`) for the report's "what the evening changed";
    anonymized, the report of what was replaced is written beside the document.
    """
    speak = session.workshop.language
    found = format_of(kind)
    language = language or speak
    folder = target.parent
    if not folder.is_dir():
        if not make_folder:
            raise ExportError(word("doc_no_folder", speak, folder=folder))
        try:
            make_private_folder(folder)
        except OSError as error:
            raise ExportError(word("doc_cannot_make_folder", speak, folder=folder, reason=_reason(error))) from None
    anonymizer = None
    if anonymize:
        from workshop.documents.anonymize import anonymizer_for

        anonymizer = anonymizer_for(session, language, hosts=hosts)
    options = ExportOptions(
        language=language,
        anonymize=anonymize,
        hosts=hosts,
        template=template if found.word_file else None,
        moment=moment or dt.datetime.now().astimezone(),
        progress=progress,
        history=history,
        files=dict(files or {}),
        redact=anonymizer,
    )
    written_report: Path | None = None
    try:
        with replacing(target) as temporary:
            found.write(session, temporary, options)
        if anonymizer is not None:
            written_report = report_path(target, language)
            document = in_sentence(word(found.title, language))
            with replacing(written_report) as temporary:
                temporary.write_text(anonymizer.report.text(language, f"{document} ({target.name})"), encoding="utf-8")
    except (DocumentError, TemplateError) as error:
        raise ExportError(str(error)) from None
    except PermissionError:
        raise ExportError(word("doc_file_in_use", speak, target=target)) from None
    except OSError as error:
        raise ExportError(word("doc_cannot_write", speak, target=target, reason=_reason(error))) from None
    return Exported(
        found, target, len(session.notes), anonymizer.report if anonymizer is not None else None, written_report
    )


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
    """Write several documents to their default places; ``progress`` gets 0.0 ... 1.0.

    The Word documents take ``template``, else the session's own (:func:`template_of`). Raises
    ExportError at the first document that cannot be written (those before it stay).
    """
    language = language or session.workshop.language
    report = progress or (lambda fraction: None)
    template = template or template_of(session, session_path)
    moment = dt.datetime.now().astimezone()
    files = {f.name: file_name(session_path, f.name, language, anonymize) for f in FORMATS}
    done: list[Exported] = []
    for index, kind in enumerate(kinds):
        share = 1 / len(kinds)

        def step(count: int, total: int, index: int = index, share: float = share) -> None:
            report(min(1.0, (index + (count / total if total else 1.0)) * share))

        target = target_path(session_path, kind, language, anonymize=anonymize)
        done.append(
            export(
                session,
                kind,
                target,
                language=language,
                anonymize=anonymize,
                progress=step,
                make_folder=True,
                hosts=hosts,
                template=template,
                moment=moment,
                history=history,
                files=files,
            )
        )
        report((index + 1) * share)
    return done

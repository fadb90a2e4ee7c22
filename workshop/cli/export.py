"""``workshop export SESSION [--format docx|cards|csv|recommendations|agenda|qdc|qdpx|all] [--out PATH]
[--language da|en] [--anonymize [--hosts-as-roles]] [--template FILE.dotx] [--appendix [on|off|with-names]]``.

The minutes (``docx``, the default), the route cards (``cards``), the quote table (``csv``), the
recommendations report (``recommendations``), the draft agenda item (``agenda``), the codebook
and the coded notes for analysis programs (``qdc``, ``qdpx``: REFI-QDA) or all of them: the
choices come from the registry of documents. The session is read as it is now, the file with
every change still in its journal, and neither is written; the recommendations' history is read
from the journal (for the report's "what the evening changed"). Each written file is printed
with its path, in the session's language; anonymized, so is the report of what was replaced,
written beside each document. All documents are written or none; bad input is a message and
exit code 2, and nothing is written.

:func:`add_command` registers the command on the ``workshop`` parser.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.cli.errors import EXIT_OK, UsageError, print_notices, say
from workshop.documents.format import HostPolicy
from workshop.documents.registry import (
    ALL,
    FORMATS,
    ExportError,
    file_name,
    kinds_for,
    options,
    target_path,
)
from workshop.series import SERIES_OPTIONS

if TYPE_CHECKING:
    from workshop.storage.store import Store


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``workshop export`` on the ``workshop`` parser."""
    from workshop.words import word

    kinds = "; ".join(f"{f.option}: {word(f.title, 'en').lower()} ({f.extension})" for f in FORMATS)
    parser = commands.add_parser(
        "export",
        help="write the session's documents: " + ", ".join(word(f.title, "en").lower() for f in FORMATS),
        description=f"Write the session's documents. {kinds}; {ALL}: every one of them.",
    )
    parser.add_argument("session", type=Path)
    parser.add_argument(
        "--format",
        choices=list(dict.fromkeys([*options(), *SERIES_OPTIONS])),
        default=None,
        help=(
            f"which document (default: {FORMATS[0].option}, the {word(FORMATS[0].title, 'en').lower()}; "
            f"of a series: {SERIES_OPTIONS[0]})"
        ),
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=(
            "the file to write, or a folder for the default names (default: the exports/ folder beside sessions/); "
            f"with --format {ALL} a folder, created if missing"
        ),
    )
    parser.add_argument(
        "--language", choices=["da", "en"], default=None, help="the documents' language (default: the session's)"
    )
    parser.add_argument(
        "--anonymize",
        action="store_true",
        help=(
            "leave out the members and replace every participant, host and author name (any case, genitives), "
            "e-mail address, phone and CPR number; a report of what was replaced is written beside each document"
        ),
    )
    parser.add_argument(
        "--hosts-as-roles",
        action="store_true",
        help='with --anonymize: keep the hosts as their role ("Vært 1") instead of a pseudonym like everyone else',
    )
    parser.add_argument(
        "--template",
        type=Path,
        default=None,
        help=(
            "a Word template (.dotx or .docx) whose styles, page setup, header and footer the Word documents take "
            "(default: [workshop] template of the session)"
        ),
    )
    parser.add_argument(
        "--appendix",
        nargs="?",
        const="on",
        choices=["off", "on", "with-names"],
        default=None,
        help=(
            "the recommendations report's appendix of the notes behind each recommendation: on (every name in "
            "them replaced), with-names, or off (default: [workshop] report_appendix of the session, else off)"
        ),
    )
    parser.add_argument(
        "--recommendation",
        default=None,
        metavar="RID",
        help="a series: the recommendation of the memo (--format memo), or the only one in another document",
    )
    parser.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the documents asked for from the session as it is now (file and journal), and say where they went.

    The session is only read: nothing is written into it or its journal, no journal or backup is
    made, and a read-only session file and folder can be exported (the categories' REFI-QDA
    GUIDs are made from the session's identity, not kept in it). The documents are written all
    or none (:func:`~workshop.documents.registry.export_documents`): a refused export leaves no
    document, no folder and no journal behind.
    """
    from workshop.documents.registry import export_documents, in_sentence, snapshot_of, template_of, title
    from workshop.notes.recommendations import versions
    from workshop.storage.store import Store
    from workshop.words import word

    store = Store.open(args.session, backup=False, readonly=True)
    if store.session.series is not None and args.format is None:
        args.format = SERIES_OPTIONS[0]
    args.format = args.format or FORMATS[0].option
    if store.session.series is not None or args.format not in options() or args.recommendation is not None:
        series = store.session
        store.close()
        print_notices(store.notices)
        if series.series is None:
            raise UsageError(
                word("series_format_needs_series", series.workshop.language, path=args.session, value=args.format)
            )
        from workshop.cli.series import export_series

        return export_series(args, series)
    kinds = kinds_for(args.format)
    out: Path | None = args.out
    try:
        speak = store.session.workshop.language
        language = args.language or speak
        several = len(kinds) > 1
        if args.hosts_as_roles and not args.anonymize:
            raise UsageError(word("doc_roles_need_anonymize", speak))
        if out is not None and several:
            if (out.exists() and not out.is_dir()) or out.suffix.lower() in {f.extension for f in FORMATS}:
                raise UsageError(word("doc_out_not_folder", speak, out=out))
            targets = [out / file_name(args.session, kind, language, args.anonymize, store.session) for kind in kinds]
        else:
            try:
                targets = [
                    target_path(
                        args.session,
                        kind,
                        language,
                        anonymize=args.anonymize,
                        out=out,
                        message_language=speak,
                        session=store.session,
                    )
                    for kind in kinds
                ]
            except ExportError as error:
                raise UsageError(str(error)) from None
        template = args.template or template_of(store.session, args.session)
        if template is not None and not template.is_file():
            raise UsageError(word("template_missing", speak, path=template))
        make_folder = out is None or several
        session = snapshot_of(store.session)
        if not session.workshop.id:  # its GUIDs are made from its identity: the journal's, or the first line's
            session.workshop = session.workshop.model_copy(update={"id": _identity(store)})
        history = versions(store) if {"recommendations", "agenda"} & set(kinds) else []
    finally:
        store.close()
        print_notices(store.notices)
    if args.appendix is not None:  # this export's choice over the session's setting
        session.workshop = session.workshop.model_copy(update={"report_appendix": args.appendix})
    files = {f.name: file_name(args.session, f.name, language, args.anonymize, session) for f in FORMATS}
    hosts: HostPolicy = "roles" if args.hosts_as_roles else "pseudonym"
    try:
        written = export_documents(
            session,
            list(zip(kinds, targets, strict=True)),
            language=language,
            anonymize=args.anonymize,
            make_folder=make_folder,
            hosts=hosts,
            template=template,
            history=history,
            files=files,
        )
    except ExportError as error:
        raise UsageError(str(error)) from None
    for done in written:
        notes = word(f"doc_notes_{'one' if done.notes == 1 else 'many'}", speak, count=done.notes)
        say(word("doc_wrote", speak, path=done.path, title=in_sentence(title(done.kind.name, speak)), notes=notes))
        if done.report is not None and done.report_path is not None:
            for line in done.report.summary(speak):
                say("  " + line)
            for line in done.report.case_lines(speak):
                say("    " + line)
            say("  " + word("anon_report_written", speak, path=done.report_path))
    return EXIT_OK


def _identity(store: Store) -> str:
    """The session's identity when its ``[workshop] id`` line is gone: the journal's, or the file's first line's."""
    from workshop.storage.merge import identity

    return identity(store)

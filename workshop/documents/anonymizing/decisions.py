"""The cases anonymizing could not decide, found before a file is written, and the secretariat's
decisions kept in the session (``[[anonymizing]]``, written through the store like every change)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.documents.anonymizing.anonymizer import anonymizer_for
from workshop.documents.anonymizing.report import AnonymizationReport, Case, HostPolicy
from workshop.model.session import NameDecision
from workshop.storage.change_labels import change_label
from workshop.storage.operations import Op, SectionChanged

if TYPE_CHECKING:
    from workshop.model.session import Session
    from workshop.storage.writer import SessionWriter


def preview(
    session: Session,
    kinds: Sequence[str],
    *,
    language: str | None = None,
    hosts: HostPolicy = "pseudonym",
) -> AnonymizationReport:
    """What anonymizing these documents would do, from writing them where nobody sees them: the report,
    with every case that needs the secretariat's decision (:attr:`AnonymizationReport.undecided`)."""
    from workshop.documents.format import ExportOptions
    from workshop.documents.registry import format_of

    language = language or session.workshop.language
    anonymizer = anonymizer_for(session, language, hosts=hosts)
    options = ExportOptions(language=language, anonymize=True, hosts=hosts, redact=anonymizer)
    with tempfile.TemporaryDirectory(prefix="workshop-preview-") as folder:
        for kind in kinds:
            found = format_of(kind)
            try:
                found.write(session, Path(folder) / f"{kind}{found.extension}", options)
            except ValueError:  # a document the session has nothing for (no groups for route cards)
                continue
    return anonymizer.report


def decide(store: SessionWriter, decisions: Iterable[tuple[Case, bool]]) -> bool:
    """Keep the secretariat's decisions (True: a name there, replaced; False: the ordinary word, kept) in the
    session, replacing an earlier one for the same place. True when something changed."""
    chosen = [(case, name) for case, name in decisions]
    if not chosen:
        return False

    def edit(session: Session) -> list[Op]:
        kept = {(d.word.casefold(), d.context): d for d in session.anonymizing}
        for case, name in chosen:
            kept[case.key] = NameDecision(word=case.word, context=case.context, name=name)
        op = SectionChanged.of(session, "anonymizing", list(kept.values()))
        return [] if not op.changed else [op]

    if len(chosen) == 1:
        label = change_label("anonymizing_decided", word=chosen[0][0].word)
    else:
        label = change_label("anonymizing_decided_many", count=len(chosen))
    return store.change(label, edit) is not None

"""Hand edits of the session file: noticed (its checksum line no longer matches), taken in, and the
journal's newer changes merged on top of them; a copy of the edit goes to ``.backups``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.model.problems import SessionError
from workshop.model.session import Session
from workshop.scheduling.checks import check
from workshop.storage import snapshot_file as snapshot
from workshop.storage.journal import Event
from workshop.storage.operations import NoteIndex, dump_note, dump_section
from workshop.storage.session_file import parse, read_text
from workshop.words import word

if TYPE_CHECKING:
    from workshop.storage.sync import SessionSync


class FileMoved(Exception):
    """The session file changed between reading it and writing over it: the write is left undone."""


@dataclass(frozen=True)
class FileState:
    """What the session file looked like when we last read or wrote it."""

    inode: int
    size: int
    mtime: int

    @classmethod
    def of(cls, path: Path) -> FileState | None:
        """The file as it is now; None when it cannot be seen."""
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(stat.st_ino, stat.st_size, stat.st_mtime_ns)


def file_changed(sync: SessionSync, locked: bool = False) -> bool:
    """The file is not as we left it. True when it is fine to go on writing it."""
    journal = sync.writable()
    state = FileState.of(sync.path)
    try:
        text = read_text(sync.path)
    except SessionError as error:
        sync.file_blocked = True
        sync.file_state = state
        sync.tell_once(str(error))
        return False
    header = snapshot.read_header(text)
    if header is not None and header.ours:
        # Another instance folded: nothing to merge.
        sync.file_state = state
        sync.folded = max(sync.folded, header.seq)
        sync.file_blocked = False
        sync.file_ours = True
        return True
    if locked:
        return _hand_edit(sync, text, header, state)
    with journal.write():
        sync.catch_up()
        return _hand_edit(sync, text, header, state)


def _hand_edit(sync: SessionSync, text: str, header: snapshot.Header | None, state: FileState | None) -> bool:
    try:
        base = parse(text, sync.path)
    except SessionError as error:
        if not sync.file_blocked:
            sync.notices.append(word("notice_hand_edit_problems", sync.language, name=sync.path.name, problems=error))
        sync.file_blocked = True
        sync.file_state = state
        return False
    assert sync.journal is not None
    if base.workshop.id and sync.session_id and base.workshop.id != sync.session_id:
        if not sync.file_blocked:
            sync.notices.append(word("notice_hand_edit_id", sync.language, name=sync.path.name, own=sync.session_id))
        sync.file_blocked = True
        sync.file_state = state
        return False
    sync.adopt(base)
    folded = header.seq if header else sync.folded
    pending = sync.journal.since(folded)
    if not pending:
        _take_hand_edit(sync, base, state)
        return True
    try:
        merge(sync, base, text, header, pending, opening=False, state=state)
    except FileMoved:
        return False  # edited again while the merge was being written: the next look merges that
    return not sync.file_blocked


def _take_hand_edit(sync: SessionSync, base: Session, state: FileState | None) -> None:
    """A hand edit with no change of the journal to add: it is the session now, and the file stays as written."""
    sync.announce_new_base()
    sync.set_session(base)
    sync.file_state = state
    sync.file_ours = False
    sync.file_blocked = False
    sync.notices.append(word("notice_hand_edit_taken", sync.language, name=sync.path.name))


def merge(
    sync: SessionSync,
    base: Session,
    text: str,
    header: snapshot.Header | None,
    pending: list[Event],
    *,
    opening: bool,
    state: FileState | None,
) -> None:
    """Put the journal's changes that the file lacks on top of a hand-edited file."""
    assert sync.journal is not None
    copy = snapshot.backup(sync.path, "hand-edit")
    merged = base.model_copy(deep=True)
    index = NoteIndex(merged)
    conflicts: set[str] = set()
    first_before: dict[str, Any] = {}
    for event in pending:
        for op in event.ops:
            key = op["id"] if op["t"] == "note" else op["name"]
            first_before.setdefault(key, op)
    for key, op in first_before.items():
        if op["t"] == "note":
            if dump_note(index.get(key)) != op["before"]:
                conflicts.add("notes")
        elif dump_section(merged, key) != op["before"]:
            conflicts.add(key)
    sync.replay(pending, merged, index)
    language = merged.workshop.language
    problems = check(merged)
    if problems:
        sync.file_blocked = True
        sync.file_state = state
        if opening:
            for problem in problems:
                problem.message += word("after_merging", language)
            raise SessionError(sync.path, problems, language)
        listed = "\n".join(p.render(language=language) for p in problems)
        sync.notices.append(word("notice_hand_edit_misfit", language, name=sync.path.name, problems=listed))
        return
    seq = pending[-1].seq if pending else (header.seq if header else sync.seq)
    generation = str(sync.journal.get_number("generation") + 1)
    _commit_merge(sync, merged, seq, generation, state)
    count = sum(len(e.ops) for e in pending)
    merge = {"by": sync.instance, "store": sync.token, "count": count, "copy": str(copy)}
    sync.journal.set_meta("last_merge", json.dumps(merge))
    message = word("notice_hand_edit_merged", language, name=sync.path.name, count=count, copy=copy)
    if conflicts:
        message += word("notice_both_changed", language, parts=", ".join(sorted(conflicts)))
    sync.notices.append(message)


def _commit_merge(sync: SessionSync, merged: Session, seq: int, generation: str, state: FileState | None) -> None:
    """Write the merged session, and make it the one every instance starts again from."""
    assert sync.journal is not None
    sync.write_snapshot(merged, seq, state)
    sync.journal.set_meta("folded_seq", seq)
    sync.journal.set_meta("generation", generation)
    sync.generation = generation
    sync.set_session(merged)
    sync.seq = seq
    sync.folded = seq
    sync.file_blocked = False
    sync.file_state = FileState.of(sync.path)

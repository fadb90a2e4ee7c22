"""Hand edits of the session file: noticed (its checksum line no longer matches), taken in, and the
journal's newer changes merged on top of them; a copy of the edit goes to ``.backups``.
"""

from __future__ import annotations

import json
from typing import Any

from workshop.model.problems import SessionError
from workshop.model.session import Session
from workshop.scheduling.checks import check
from workshop.storage import snapshot_file as snapshot
from workshop.storage.journal import Event
from workshop.storage.operations import NoteIndex, dump_note, dump_section
from workshop.storage.session_file import parse, read_text
from workshop.storage.sync import FileMoved, FileState, SessionSync
from workshop.words import word


class HandEditedSync(SessionSync):
    """The sync engine that also watches the file: a hand edit is taken in, and the journal's newer changes
    merged on top of it (every store's engine is one)."""

    def file_changed(self, locked: bool = False) -> bool:
        """The file is not as we left it. True when it is fine to go on writing it."""
        journal = self.writable()
        state = FileState.of(self.path)
        try:
            text = read_text(self.path)
        except SessionError as error:
            self.file_blocked = True
            self.file_state = state
            self.tell_once(str(error))
            return False
        header = snapshot.read_header(text)
        if header is not None and header.ours:
            # Another instance folded: nothing to merge.
            self.file_state = state
            self.folded = max(self.folded, header.seq)
            self.file_blocked = False
            self.file_ours = True
            return True
        if locked:
            return self._hand_edit(text, header, state)
        with journal.write():
            self.catch_up()
            return self._hand_edit(text, header, state)

    def _hand_edit(self, text: str, header: snapshot.Header | None, state: FileState | None) -> bool:
        try:
            base = parse(text, self.path)
        except SessionError as error:
            if not self.file_blocked:
                self.notices.append(
                    word("notice_hand_edit_problems", self.language, name=self.path.name, problems=error)
                )
            self.file_blocked = True
            self.file_state = state
            return False
        assert self.journal is not None
        if base.workshop.id and self.session_id and base.workshop.id != self.session_id:
            if not self.file_blocked:
                self.notices.append(
                    word("notice_hand_edit_id", self.language, name=self.path.name, own=self.session_id)
                )
            self.file_blocked = True
            self.file_state = state
            return False
        self.adopt(base)
        folded = header.seq if header else self.folded
        pending = self.journal.since(folded)
        if not pending:
            self._take_hand_edit(base, state)
            return True
        try:
            self.merge(base, header, pending, opening=False, state=state)
        except FileMoved:
            return False  # edited again while the merge was being written: the next look merges that
        return not self.file_blocked

    def _take_hand_edit(self, base: Session, state: FileState | None) -> None:
        """A hand edit with no change of the journal to add: it is the session now, and the file stays as written."""
        self.announce_new_base()
        self.set_session(base)
        self.file_state = state
        self.file_ours = False
        self.file_blocked = False
        self.notices.append(word("notice_hand_edit_taken", self.language, name=self.path.name))

    def merge(
        self,
        base: Session,
        header: snapshot.Header | None,
        pending: list[Event],
        *,
        opening: bool,
        state: FileState | None,
    ) -> None:
        """Put the journal's changes that the file lacks on top of a hand-edited file."""
        assert self.journal is not None
        copy = snapshot.backup(self.path, "hand-edit")
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
        self.replay(pending, merged, index)
        language = merged.workshop.language
        problems = check(merged)
        if problems:
            self.file_blocked = True
            self.file_state = state
            if opening:
                for problem in problems:
                    problem.message += word("after_merging", language)
                raise SessionError(self.path, problems, language)
            listed = "\n".join(p.render(language=language) for p in problems)
            self.notices.append(word("notice_hand_edit_misfit", language, name=self.path.name, problems=listed))
            return
        seq = pending[-1].seq if pending else (header.seq if header else self.seq)
        generation = str(self.journal.get_number("generation") + 1)
        self._commit_merge(merged, seq, generation, state)
        count = sum(len(e.ops) for e in pending)
        merge = {"by": self.instance, "store": self.token, "count": count, "copy": str(copy)}
        self.journal.set_meta("last_merge", json.dumps(merge))
        message = word("notice_hand_edit_merged", language, name=self.path.name, count=count, copy=copy)
        if conflicts:
            message += word("notice_both_changed", language, parts=", ".join(sorted(conflicts)))
        self.notices.append(message)

    def _commit_merge(self, merged: Session, seq: int, generation: str, state: FileState | None) -> None:
        """Write the merged session, and make it the one every instance starts again from."""
        assert self.journal is not None
        self.write_snapshot(merged, seq, state)
        self.journal.set_meta("folded_seq", seq)
        self.journal.set_meta("generation", generation)
        self.generation = generation
        self.set_session(merged)
        self.seq = seq
        self.folded = seq
        self.file_blocked = False
        self.file_state = FileState.of(self.path)

"""The store: a session that is durable the moment a change returns, shared by many processes.

* The TOML file is the snapshot (readable, what people back up and mail around).
* Every change is first appended to the journal beside it (SQLite, WAL, fsync on commit)
  inside a write transaction that first catches up with everyone else's changes, so several
  app instances and scripts on one session lose nothing.
* The journal is folded back into the TOML file (temporary file, fsync, rename) on close,
  on export and after a quiet spell; on open, the changes the file does not yet hold are
  replayed, so a crash at any moment loses nothing that was acknowledged.
* A hand edit of the TOML file is noticed (its checksum line no longer matches) and the
  journal's newer changes are merged on top of it; a copy of the edit goes to ``.backups``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.model.problems import DEFAULT_LANGUAGE, Problem, SessionError
from workshop.model.session import Note, Session, model_fingerprint, now, revive
from workshop.model.validation import check
from workshop.scheduling.rotation import groups_at
from workshop.storage import snapshot_file as snapshot
from workshop.storage.atomic_file import write_atomic
from workshop.storage.change_labels import change_label
from workshop.storage.journal import Event, Journal, instance_id, journal_path
from workshop.storage.operations import (
    NoteIndex,
    Op,
    apply,
    dump_note,
    dump_section,
    note_op,
    section_op,
    shift_ops,
)
from workshop.storage.session_file import parse, read_text
from workshop.words import word

REVIVE_LIMIT = 1_000_000
"""Above this many characters of cached JSON (some 3,000 notes), pydantic's validator reads the cache
faster than :func:`~workshop.model.session.revive` rebuilds it, even counting the 15 ms to build it."""


class ChangeRefused(ValueError):
    """A change that would make the session invalid; nothing was written."""

    def __init__(self, problems: list[Problem], language: str = DEFAULT_LANGUAGE) -> None:
        self.problems = problems
        self.language = language
        """The session's language (the words of where each problem is)."""
        super().__init__("; ".join(p.render(language=language) for p in problems))


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


def default_author() -> str:
    """Whose changes these are when no ``--author`` is given: the login name."""
    import getpass  # here, not at the top: most starts are given an author or need none soon

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to fail
        return "unknown"


class Store:
    """One open session. Not thread-safe: use it from one thread (the app's)."""

    def __init__(self, path: Path, journal: Journal | None, author: str) -> None:
        self.path = path
        self.journal = journal
        self.author = author
        self.instance = instance_id()
        self.session: Session
        self.index: NoteIndex
        self.seq = 0
        """The last journal change the in-memory session holds."""
        self.folded = 0
        """The last journal change the TOML file holds."""
        self.generation = "0"
        self.file_state: FileState | None = None
        self.file_blocked = False
        """True while a hand edit of the file is invalid: the file is then never overwritten."""
        self.notices: list[str] = []
        """Messages for the user (hand edits merged, ...); the UI shows and clears them."""
        self.version = 0
        """Goes up by one whenever the in-memory session changes."""

    @property
    def language(self) -> str:
        """The session's language: what the store's notices and refusals are written in."""
        session: Session | None = getattr(self, "session", None)
        return session.workshop.language if session is not None else DEFAULT_LANGUAGE

    # Opening -----------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        author: str | None = None,
        backup: bool = True,
        readonly: bool = False,
        trust_cache: bool = True,
    ) -> Store:
        """Open a session. Raises SessionError (nothing written) when the file is unusable.

        ``readonly`` replays the journal without creating, merging or writing anything;
        ``trust_cache=False`` validates the file even when the store validated that very text
        before (``workshop check``, whose point is to validate).
        """
        path = Path(path)
        text = read_text(path)
        jpath = journal_path(path)
        parsed: tuple[str, Session] | None = None
        if not jpath.exists():
            base = parse(text, path)
            parsed = (text, base)  # every problem is reported before anything is created
            if readonly:
                store = cls(path, None, author or default_author())
                store._set_session(base)
                return store
        journal = Journal(jpath)
        store = cls(path, journal, author or default_author())
        try:
            if backup and not readonly:
                snapshot.backup(path)
            # Read the file and the journal as one consistent picture: no fold runs meanwhile.
            with journal.write():
                again = read_text(path)
                if parsed is not None and parsed[0] == again:
                    text, base = parsed  # parsed a moment ago, before the journal existed
                    if not readonly:
                        journal.cache_snapshot(_cache_key(text), base.model_dump_json())
                else:
                    text = again
                    base = store._parse(text, remember=not readonly, trust_cache=trust_cache)
                store._start(base, text, snapshot.read_header(text), readonly)
        except BaseException:
            journal.close()
            raise
        return store

    def _parse(self, text: str, remember: bool = False, trust_cache: bool = True) -> Session:
        """Parse the file, from the journal's cache when it holds exactly this text.

        The cache holds the session the store itself validated last (when it wrote the file,
        or read it), under the checksum of the file's text: when the text is still exactly
        that, the session is taken from the cache without validating it again (the start of
        the app, most days). Any other text, a hand edit above all, is parsed and validated.
        Call inside the journal's write lock; ``remember`` caches a fresh parse for next time.
        """
        assert self.journal is not None
        key = _cache_key(text)
        cached = self.journal.cached_snapshot(key) if trust_cache else None
        if cached is not None:
            try:
                if len(cached) > REVIVE_LIMIT:
                    return Session.model_validate_json(cached)
                return revive(Session, json.loads(cached))
            except (ValueError, TypeError, KeyError, AttributeError):
                pass  # a cache this version cannot read: read the TOML itself
        session = parse(text, self.path)
        if remember:
            self.journal.cache_snapshot(key, session.model_dump_json())
        return session

    def _start(self, base: Session, text: str, header: snapshot.Header | None, readonly: bool) -> None:
        assert self.journal is not None
        self.generation = self.journal.get_meta("generation", "0") or "0"
        folded_before = int(self.journal.get_meta("folded_seq", "0") or 0)
        folded = header.seq if header else folded_before
        self.folded = folded
        if not readonly:
            self.journal.ensure_after(folded)
        pending = self.journal.since(folded)
        self._set_session(base)
        # A file with a checksum that no longer matches, or one that lost its header after the
        # store had written it, was edited by hand.
        hand_edited = (header is not None and not header.ours) or (header is None and folded_before > 0)
        if hand_edited and pending and not readonly:
            self._merge(base, text, header, pending, opening=True)
            return
        for event in pending:
            apply(self.session, event.ops, self.index)
        self.seq = pending[-1].seq if pending else max(folded, 0)
        if hand_edited and pending and readonly:
            self.notices.append(
                word("notice_hand_edit_shown", self.language, name=self.path.name, count=len(pending))
            )
        problems = check(self.session) if pending else []
        if problems:
            for problem in problems:
                problem.message += word("after_replaying", self.language)
            raise SessionError(self.path, problems, self.language)
        self.file_state = FileState.of(self.path)
        self.journal.changed()

    def _set_session(self, session: Session) -> None:
        """Hold ``session`` as the one in memory, indexed, and count the change."""
        self.session = session
        self.index = NoteIndex(session)
        self.version += 1

    # Keeping up with the others --------------------------------------------------------------
    def refresh(self) -> list[Event]:
        """Take in the changes other processes made; returns them. Cheap when there are none."""
        if self.journal is None or not self.journal.changed():
            return []
        return self._catch_up()

    def _catch_up(self) -> list[Event]:
        assert self.journal is not None
        generation = self.journal.get_meta("generation", "0") or "0"
        if generation != self.generation:
            self._reload()
            return []
        events = self.journal.since(self.seq)
        for event in events:
            apply(self.session, event.ops, self.index)
            self.seq = event.seq
        if events:
            self.version += 1
        return events

    def _reload(self) -> None:
        """Another process merged a hand edit: start again from the file and the journal."""
        assert self.journal is not None
        text = read_text(self.path)
        header = snapshot.read_header(text)
        base = self._parse(text)
        self.generation = self.journal.get_meta("generation", "0") or "0"
        self.folded = header.seq if header else int(self.journal.get_meta("folded_seq", "0") or 0)
        self._set_session(base)
        events = self.journal.since(self.folded)
        for event in events:
            apply(self.session, event.ops, self.index)
        self.seq = events[-1].seq if events else self.folded
        self.file_state = FileState.of(self.path)

    def poll(self) -> bool:
        """Refresh from the journal and notice hand edits of the file. True if anything changed."""
        version = self.version
        self.refresh()
        if self.journal is not None and FileState.of(self.path) != self.file_state:
            self._file_changed()
        return self.version != version

    # Changing ------------------------------------------------------------------------------
    def transact(
        self,
        label: str,
        build: Callable[[Session], list[Op]],
        *,
        undoable: bool = True,
        action: str = "do",
        target: int | None = None,
    ) -> Event | None:
        """Make a change durable. ``build`` sees the latest session and returns the operations.

        Runs inside the journal's write lock, after catching up with every other process, so
        the change is computed from the newest state. Returns the event, or None if
        ``build`` returned nothing. Raises ChangeRefused if the result would be invalid.
        """
        journal = self._writable()
        with journal.write():
            self._catch_up()
            ops = build(self.session)
            if not ops and action == "do":
                return None
            self._validate(ops)
            at = now().isoformat()
            seq = journal.append(
                at=at,
                author=self.author,
                instance=self.instance,
                action=action,
                target=target,
                label=label,
                undoable=undoable,
                ops=ops,
            )
        apply(self.session, ops, self.index)
        self.seq = seq
        self.version += 1
        return Event(seq, at, self.author, self.instance, action, target, label, undoable, ops)

    def _writable(self) -> Journal:
        """The journal, to write to; a store opened read-only has none."""
        if self.journal is None:
            raise RuntimeError("this session was opened read-only")
        return self.journal

    def _validate(self, ops: list[Op]) -> None:
        """Refuse ``ops`` (ChangeRefused) when the session they would leave is not valid."""
        if all(op["t"] == "note" for op in ops) and len(ops) <= 50:
            problems = [p for op in ops if op["after"] for p in self._check_note(op["after"])]
        else:
            candidate = self.session.model_copy()
            candidate.notes = list(self.session.notes)
            apply(candidate, ops, NoteIndex(candidate))
            problems = check(candidate)
        if problems:
            raise ChangeRefused(problems, self.language)

    def _check_note(self, data: dict[str, Any]) -> list[Problem]:
        """What is wrong with a note's references (the quick check of a change of notes only)."""
        session = self.session
        language = self.language
        problems = []
        if session.station(data["station"]) is None:
            problems.append(
                Problem(word("note_unknown_station", language, id=data["station"]), word("note_fix_station", language))
            )
        if data.get("group") is not None and session.group(data["group"]) is None:
            problems.append(
                Problem(word("note_unknown_group", language, id=data["group"]), word("note_fix_group", language))
            )
        rounds = max(len(session.round_items()), len(session.rotation))
        if not 1 <= data["round"] <= max(rounds, 1):
            problems.append(
                Problem(
                    word("note_unknown_round", language, number=data["round"]),
                    word("note_fix_round", language, rounds=rounds),
                )
            )
        for category in data.get("categories", []):
            if session.category(category) is None:
                problems.append(
                    Problem(word("note_unknown_category", language, id=category), word("note_fix_category", language))
                )
        return problems

    # Notes --------------------------------------------------------------------------------
    def add_note(
        self,
        station: str,
        round_number: int,
        text: str,
        *,
        group: str | None = None,
        categories: Iterable[str] = (),
        author: str | None = None,
    ) -> Note:
        """Add a note; the group defaults to the one the rotation puts at the station."""
        moment = now()
        note = Note(
            station=station,
            round=round_number,
            group=group,
            text=text,
            categories=list(dict.fromkeys(categories)),
            author=self.author if author is None else author,
            created=moment,
            updated=moment,
        )

        def build(session: Session) -> list[Op]:
            if note.group is None:
                there = groups_at(session, station, round_number)
                note.group = there[0] if len(there) == 1 else None
            return [note_op(None, note)]

        self.transact(change_label("note_added"), build)
        return self.index.get(note.id) or note

    def edit_note(self, note_id: str, label: str | None = None, **changes: Any) -> Note:
        """Change fields of a note (text, categories, group, ...); ``label`` says what for undo."""

        def build(session: Session) -> list[Op]:
            before = self._note(note_id)
            data = before.model_dump()
            data.update(changes)
            if data == before.model_dump():
                return []
            data["updated"] = now()
            return [note_op(before, Note.model_validate(data))]

        self.transact(label or change_label("note_edited"), build)
        return self._note(note_id)

    def delete_note(self, note_id: str) -> None:
        """Delete a note (undo brings it back)."""
        self.transact(change_label("note_deleted"), lambda session: [note_op(self._note(note_id), None)])

    def toggle_category(self, note_id: str, category_id: str) -> Note:
        """Put the category on the note, or take it off if it is there."""

        def build(session: Session) -> list[Op]:
            before = self._note(note_id)
            categories = list(before.categories)
            if category_id in categories:
                categories.remove(category_id)
            else:
                categories.append(category_id)
            after = before.model_copy(update={"categories": categories, "updated": now()})
            return [note_op(before, after)]

        self.transact(change_label("category_toggled"), build)
        return self._note(note_id)

    def _note(self, note_id: str) -> Note:
        """The note with this id; a KeyError that says so when someone else has deleted it."""
        note = self.index.get(note_id)
        if note is None:
            raise KeyError(word("note_gone", self.language, id=note_id))
        return note

    # Sections -----------------------------------------------------------------------------
    def set_section(self, name: str, value: Any, label: str, *, undoable: bool = True) -> Event | None:
        """Replace one part of the session (codebook, stations, live state, ...)."""

        def build(session: Session) -> list[Op]:
            op = section_op(session, name, value)
            return [] if op["before"] == op["after"] else [op]

        return self.transact(label, build, undoable=undoable)

    def change(
        self, label: str, edit: Callable[[Session], Iterable[Op]], *, undoable: bool = True
    ) -> Event | None:
        """A change of several parts at once (merging categories moves notes and the codebook)."""
        return self.transact(label, lambda session: list(edit(session)), undoable=undoable)

    # Undo and redo ------------------------------------------------------------------------
    def can_undo(self) -> bool:
        """Has this author a change that undo can take back?"""
        return self.journal is not None and bool(self.journal.undo_stacks(self.author)[0])

    def can_redo(self) -> bool:
        """Has this author undone a change that redo can bring back?"""
        return self.journal is not None and bool(self.journal.undo_stacks(self.author)[1])

    def undo(self) -> Event | None:
        """Undo this author's latest change (also one made before a restart)."""
        return self._step("undo")

    def redo(self) -> Event | None:
        """Bring back this author's latest undone change."""
        return self._step("redo")

    def _step(self, action: str) -> Event | None:
        """Undo or redo: the label is the original change's behind "undo: " or "redo: "."""
        journal = self._writable()
        with journal.write():
            self._catch_up()
            done, undone = journal.undo_stacks(self.author)
            stack = done if action == "undo" else undone
            if not stack:
                return None
            original = journal.event(stack[-1])
        assert original is not None
        towards = "before" if action == "undo" else "after"
        label = f"{action}: {original.label}"
        event = self.transact(
            label,
            lambda session: shift_ops(original.ops, session, self.index, towards),
            action=action,
            target=original.seq,
        )
        return event

    def history(self, limit: int = 200) -> list[Event]:
        """The newest changes first, with who and when (the audit trail)."""
        return [] if self.journal is None else self.journal.history(limit)

    # Folding into the TOML file ---------------------------------------------------------------
    def pending(self) -> int:
        """How many changes the TOML file does not hold yet."""
        return max(self.seq - self.folded, 0)

    def fold(self) -> bool:
        """Write every change into the TOML file. False when the file may not be overwritten."""
        journal = self._writable()
        with journal.write():
            self._catch_up()
            if FileState.of(self.path) != self.file_state and not self._file_changed(locked=True):
                return False
            if self.file_blocked:
                return False
            folded = int(journal.get_meta("folded_seq", "0") or 0)
            if folded >= self.seq and self.folded >= self.seq:
                return True
            self._write_snapshot(self.session, self.seq)
            journal.set_meta("folded_seq", self.seq)
        self.folded = self.seq
        self.file_state = FileState.of(self.path)
        return True

    def _write_snapshot(self, session: Session, seq: int) -> None:
        """Write the TOML file and remember its parsed form (inside the journal's write lock)."""
        assert self.journal is not None
        text = snapshot.write(self.path, session, seq)
        self.journal.cache_snapshot(_cache_key(text), session.model_dump_json())

    def close(self) -> None:
        """Fold and let go of the journal. If the file may not be overwritten, keep a copy."""
        if self.journal is None:
            return
        try:
            if not self.fold():
                copy = self._save_copy("app")
                self.notices.append(word("notice_left_with_errors", self.language, name=self.path.name, copy=copy))
        finally:
            self.journal.close()
            self.journal = None

    def _save_copy(self, tag: str) -> Path:
        """Keep the app's version of the session in ``.backups`` (the file itself may not be written)."""
        target = snapshot.backup_path(self.path, tag)
        write_atomic(target, snapshot.render(self.session, self.seq))
        return target

    # Hand edits ------------------------------------------------------------------------------
    def _file_changed(self, locked: bool = False) -> bool:
        """The file is not as we left it. True when it is fine to go on writing it."""
        journal = self._writable()
        try:
            text = read_text(self.path)
        except SessionError as error:
            self.file_blocked = True
            self.file_state = FileState.of(self.path)
            self.notices.append(str(error))
            return False
        header = snapshot.read_header(text)
        if header is not None and header.ours:
            # Another instance folded: nothing to merge.
            self.file_state = FileState.of(self.path)
            self.folded = max(self.folded, header.seq)
            self.file_blocked = False
            return True
        if locked:
            return self._hand_edit(text, header)
        with journal.write():
            self._catch_up()
            return self._hand_edit(text, header)

    def _hand_edit(self, text: str, header: snapshot.Header | None) -> bool:
        try:
            base = parse(text, self.path)
        except SessionError as error:
            if not self.file_blocked:
                self.notices.append(
                    word("notice_hand_edit_problems", self.language, name=self.path.name, problems=error)
                )
            self.file_blocked = True
            self.file_state = FileState.of(self.path)
            return False
        assert self.journal is not None
        folded = header.seq if header else self.folded
        pending = self.journal.since(folded)
        self._merge(base, text, header, pending, opening=False)
        return not self.file_blocked

    def _merge(
        self,
        base: Session,
        text: str,
        header: snapshot.Header | None,
        pending: list[Event],
        *,
        opening: bool,
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
        for event in pending:
            apply(merged, event.ops, index)
        language = merged.workshop.language
        problems = check(merged)
        if problems:
            self.file_blocked = True
            self.file_state = FileState.of(self.path)
            if opening:
                for problem in problems:
                    problem.message += word("after_merging", language)
                raise SessionError(self.path, problems, language)
            listed = "\n".join(p.render(language=language) for p in problems)
            self.notices.append(word("notice_hand_edit_misfit", language, name=self.path.name, problems=listed))
            return
        seq = pending[-1].seq if pending else (header.seq if header else self.seq)
        generation = str(int(self.journal.get_meta("generation", "0") or 0) + 1)
        self._commit_merge(merged, seq, generation)
        count = sum(len(e.ops) for e in pending)
        message = word("notice_hand_edit_merged", language, name=self.path.name, count=count, copy=copy)
        if conflicts:
            message += word("notice_both_changed", language, parts=", ".join(sorted(conflicts)))
        self.notices.append(message)

    def _commit_merge(self, merged: Session, seq: int, generation: str) -> None:
        """Write the merged session, and make it the one every instance starts again from."""
        assert self.journal is not None
        self._write_snapshot(merged, seq)
        self.journal.set_meta("folded_seq", seq)
        self.journal.set_meta("generation", generation)
        self.generation = generation
        self._set_session(merged)
        self.seq = seq
        self.folded = seq
        self.file_blocked = False
        self.file_state = FileState.of(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cache_key(text: str) -> str:
    """Where the journal keeps the session parsed from ``text``: the text's checksum, for this model only."""
    return f"{model_fingerprint()}:{snapshot.text_checksum(text)}"

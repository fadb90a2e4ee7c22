"""The write door: every wing writes through SessionWriter with typed operations; the journal still reads old changes.

The store is split in two: the write API (``storage/store.py``) and the sync engine behind it
(``storage/sync.py``, ``storage/opening.py``, ``storage/hand_edits.py``). These tests keep it so.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.model.session import Note, Session
from workshop.storage.journal import Event
from workshop.storage.operations import NoteChanged, SectionChanged, from_json
from workshop.storage.store import Store
from workshop.storage.writer import ChangeRefused, SessionWriter

PACKAGE = Path(__file__).parents[1] / "workshop"
OLD_JOURNAL = Path(__file__).parent / "data" / "journal_before_typed_operations"
LONGEST_CLASS = 500

OPENERS = ("workshop.cli", "workshop.tui.app")
"""The places that really open a store: the CLI's commands and the app's start (it is handed the opened store)."""


def module_name(path: Path) -> str:
    return "workshop." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports (also under TYPE_CHECKING, also inside a function), absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_no_class_is_over_500_lines():
    long = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lines = (node.end_lineno or node.lineno) - first + 1
                if lines > LONGEST_CLASS:
                    long[f"{path.relative_to(PACKAGE)}:{node.name}"] = lines
    assert long == {}


def test_only_the_openers_import_the_store():
    """Outside storage, a module writes through SessionWriter; only the CLI and the app's start open a Store."""
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        if name.startswith("workshop.storage") or any(name == o or name.startswith(o + ".") for o in OPENERS):
            continue
        if "workshop.storage.store" in imports_of(path):
            offenders[name] = "imports workshop.storage.store"
    assert offenders == {}
    assert "workshop.storage.store" in imports_of(PACKAGE / "tui" / "app.py")  # the test sees what it looks for


def test_the_wings_build_no_operation_as_a_dict():
    """A ``{"t": ...}`` literal is the journal's form: only storage writes and reads it."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        if module_name(path).startswith("workshop.storage"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and any(isinstance(k, ast.Constant) and k.value == "t" for k in node.keys):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            looked_up = isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)
            if looked_up and node.slice.value in ("before", "after") and ast.unparse(node.value) == "op":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def test_the_store_is_a_session_writer(tmp_path):
    shutil.copy(OLD_JOURNAL / "aften.toml", tmp_path / "aften.toml")
    with Store.open(tmp_path / "aften.toml", author="Asta", backup=False) as store:
        writer: SessionWriter = store
        note = writer.add_note(writer.session.stations[0].id, 1, "Mere tid til de nye")
        assert writer.note(note.id) == note
        assert [event.kind.key for event in writer.changes_since(0)] == ["note_added"]


# A journal written before typed operations ------------------------------------------------------------


@pytest.fixture
def old_session(tmp_path: Path) -> Path:
    for name in ("aften.toml", "aften.toml.journal", "aften.toml.journal-mark"):
        shutil.copy(OLD_JOURNAL / name, tmp_path / name)
    return tmp_path / "aften.toml"


def test_a_journal_written_before_typed_operations_opens_with_every_change(old_session):
    with Store.open(old_session, author="Lærke", backup=False) as store:
        texts = sorted(note.text for note in store.session.notes)
        assert texts == ["Bedre introduktion af nye kolleger", "Flere hænder i hjemmeplejen om aftenen"]
        coded = next(n for n in store.session.notes if n.text.startswith("Bedre"))
        assert [store.session.category(c).name for c in coded.categories] == ["Fastholdelse af nye"]
        assert store.session.summary.overall != "Udvalget vil rekruttere bredere"  # that change was undone
        kinds = [event.kind.key for event in store.changes_since(0)]
        assert kinds[:3] == ["note_added", "note_added", "note_added"]
        assert kinds[-1] == "overall_summary_written"  # the undo's kind is the change it took back


def test_undo_takes_back_a_change_an_old_journal_holds(old_session):
    with Store.open(old_session, author="Lærke", backup=False) as store:
        undone = store.undo()  # the category put on the note (the summary's undo was the last change)
        assert undone is not None
        coded = next(n for n in store.session.notes if n.text.startswith("Bedre"))
        assert coded.categories == []
        assert store.redo() is not None
        assert next(n for n in store.session.notes if n.text.startswith("Bedre")).categories != []
    with Store.open(old_session, backup=False, readonly=True) as again:  # folded, and read back
        assert len(again.session.notes) == 2


# Typed operations and the journal's form -------------------------------------------------------------


def test_a_refused_note_leaves_the_session_and_journal_as_they_were(old_session):
    with Store.open(old_session, author="Lærke", backup=False) as store:
        before = len(store.changes_since(0))
        with pytest.raises(ChangeRefused):
            store.add_note("no-such-station", 1, "Hvor?")
        assert len(store.changes_since(0)) == before
        assert len(store.session.notes) == 2


texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)


@given(before=st.one_of(st.none(), texts), after=st.one_of(st.none(), texts))
def test_a_note_change_reads_back_from_the_journal_as_it_was(before, after):
    def note(text: str | None) -> Note | None:
        return None if text is None else Note(id="n1", station="s1", round=1, text=text, author="Asta")

    if before is None and after is None:
        with pytest.raises(ValueError):
            NoteChanged(None, None)
        return
    op = NoteChanged(note(before), note(after))
    assert from_json(op.to_json()) == op
    event = Event(1, "2026-03-12T18:00:00", "Asta", "i", "do", None, "change_note_added", True, [op.to_json()])
    assert event.ops == [op.to_json()]


def test_a_section_change_keeps_the_journal_form(tmp_path):
    session = Session.model_validate({"workshop": {"title": "Aften", "language": "da"}})
    op = SectionChanged.of(session, "summary", session.summary.model_copy(update={"overall": "Opsamling"}))
    data = op.to_json()
    assert data["t"] == "section" and data["name"] == "summary" and data["after"]["overall"] == "Opsamling"
    assert from_json(data) == op
    with pytest.raises(ValueError):
        SectionChanged("notes", None, None)  # notes change one by one, never as a section

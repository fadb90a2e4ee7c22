"""An export writes all its documents or none, and only reads the session.

What a user notices: ``workshop export`` (``--format qdc``, ``qdpx``, ``all`` included) leaves the
session's folder byte for byte as it was, works on a read-only session file and folder, and a
refused export (a missing or bad template, a missing or locked folder, a bad language, a document
that cannot be written) is one line with exit code 2 that leaves no document, no folder, no
journal and no backup behind, and the documents already there as they were. The categories'
REFI-QDA GUIDs are the same in every export without being written anywhere.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from export_notes import EVERY_FILE, add_notes
from hypothesis import given, settings
from hypothesis import strategies as st
from test_read_only_commands import unwritable

from workshop.cli import main as cli
from workshop.documents import registry
from workshop.documents.qdc import category_guids, codebook_xml
from workshop.documents.registry import ExportError, export_documents, export_many
from workshop.model.recommendations import Agenda
from workshop.model.session import Category, Session, Workshop
from workshop.storage.store import Store

ROOT = Path(__file__).parents[1]


def workshop(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m workshop ARGS`` as its own process, as a user types it."""
    return subprocess.run(
        [sys.executable, "-m", "workshop", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def tree(folder: Path) -> dict[str, tuple[str, int, bytes]]:
    """Every file and folder below ``folder``: what it is, its mode and (a file's) bytes.

    The bytes of a ``-shm`` file (SQLite's shared memory between the processes on a journal, where
    every reader marks what it reads) are not compared, only that it is there.
    """
    state = {}
    for path in sorted(folder.rglob("*")):
        kind = "folder" if path.is_dir() else "file"
        content = path.read_bytes() if kind == "file" and not path.name.endswith("-shm") else b""
        state[str(path.relative_to(folder))] = (kind, path.stat().st_mode, content)
    return state


def guids_in(path: Path) -> list[str]:
    if path.suffix == ".qdpx":
        with zipfile.ZipFile(path) as archive:
            text = archive.read("project.qde").decode("utf-8")
        return re.findall(r'<Code guid="([^"]+)"', text)
    return re.findall(r'guid="([^"]+)"', path.read_text(encoding="utf-8"))


@pytest.fixture
def noted(session_path: Path) -> Path:
    """The evening with six notes folded into the file, and one more still only in its journal."""
    with Store.open(session_path, author="Nora Notesen") as store:
        add_notes(store)
    writer = Store.open(session_path, author="Nora Notesen", backup=False)
    writer.add_note("s2", 2, "Kun i journalen endnu", categories=["c1"])
    assert writer.journal is not None
    writer.journal.close()  # the app is gone before it folded: the note is in the journal only
    return session_path


# Export only reads ------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["qdc", "qdpx", "all"])
def test_export_leaves_the_session_folder_byte_for_byte(noted: Path, tmp_path: Path, form: str):
    before = tree(noted.parent)
    out = tmp_path / "ud"
    out.mkdir()

    result = workshop("export", noted, "--format", form, "--out", out)

    assert result.returncode == 0, result.stderr
    assert tree(noted.parent) == before  # no GUIDs written, no fold, no backup, no journal file changed
    if form in ("qdpx", "all"):
        with zipfile.ZipFile(out / "evening-qda-projekt.qdpx") as archive:
            texts = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("sources/")]
        assert "Kun i journalen endnu" in texts  # read with the journal, without folding it


@pytest.mark.parametrize("form", ["qdc", "qdpx", "all"])
def test_a_session_without_a_journal_gets_none_from_export(session_path: Path, tmp_path: Path, form: str):
    before = tree(session_path.parent)
    result = workshop("export", session_path, "--format", form, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert tree(session_path.parent) == before
    assert sorted(p.name for p in session_path.parent.iterdir()) == ["evening.toml"]


def test_the_guids_are_the_same_in_every_export_and_after_a_rename(noted: Path, tmp_path: Path):
    first, second, renamed = tmp_path / "1.qdc", tmp_path / "2.qdpx", tmp_path / "3.qdc"
    assert workshop("export", noted, "--format", "qdc", "--out", first).returncode == 0
    assert workshop("export", noted, "--format", "qdpx", "--out", second).returncode == 0
    with Store.open(noted, author="Nora Notesen") as store:  # the app folds; the title changes
        store.set_section("workshop", store.session.workshop.model_copy(update={"title": "Et nyt navn"}), "renamed")
    assert workshop("export", noted, "--format", "qdc", "--out", renamed).returncode == 0

    guids = guids_in(first)
    assert len(guids) == len(set(guids)) == 4
    assert guids_in(second) == guids == guids_in(renamed)
    assert "guid" not in noted.read_text(encoding="utf-8")  # made each time, never kept in the session


def test_a_guid_the_session_holds_is_honoured(session_path: Path, tmp_path: Path):
    text = session_path.read_text(encoding="utf-8")
    kept = "{9F4C2B1A-0E7D-4C3B-A2F1-5D6E7F809A1B}"
    session_path.write_text(text.replace('id = "c2"\n', f'id = "c2"\nguid = "{kept}"\n', 1), encoding="utf-8")
    assert workshop("export", session_path, "--format", "qdc", "--out", tmp_path / "k.qdc").returncode == 0
    assert guids_in(tmp_path / "k.qdc")[1] == kept.strip("{}")


def test_a_read_only_session_file_and_folder_can_be_exported(noted: Path, tmp_path: Path):
    folder = noted.parent
    journal = noted.with_name(f"{noted.name}.journal")
    out = tmp_path / "ud"
    before = tree(folder)
    with unwritable(folder, noted, journal):
        result = workshop("export", noted, "--format", "all", "--out", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == EVERY_FILE
    assert tree(folder) == before


# A refused export leaves nothing ----------------------------------------------------------------


REFUSED = [
    # (the arguments after SESSION, the words the one line holds)
    (["--format", "qdc", "--template", "{tmp}/findes-ikke.dotx"], "findes-ikke.dotx findes ikke"),
    (["--format", "all", "--template", "{tmp}/skabelon.dotx"], "skabelon.dotx kan ikke bruges"),
    (["--format", "qdpx", "--out", "{tmp}/mangler/projekt.qdpx"], "mappen {tmp}/mangler findes ikke"),
    (["--format", "all", "--language", "fr"], "--language"),
    (["--format", "all", "--out", "{tmp}/låst/ny"], "kan ikke oprette mappen {tmp}/låst/ny"),
    (["--format", "all", "--out", "{tmp}/låst"], "intet dokument er skrevet"),
    (["--format", "qdc", "--out", "{tmp}/låst"], "kan ikke skrive {tmp}/låst/evening-kodebog.qdc"),
]


@pytest.mark.parametrize(("arguments", "words"), REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_a_refused_export_leaves_no_trace(noted: Path, tmp_path: Path, arguments: list[str], words: str):
    (tmp_path / "skabelon.dotx").write_bytes(b"not a Word template at all")
    (tmp_path / "låst").mkdir()
    arguments = [a.replace("{tmp}", str(tmp_path)) for a in arguments]
    before = tree(tmp_path)

    with unwritable(tmp_path / "låst"):
        result = workshop("export", noted, *arguments)

    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert words.replace("{tmp}", str(tmp_path)) in result.stderr
    assert result.stdout == ""
    assert tree(tmp_path) == before  # no exports/, no half document, no journal, no backup, no GUIDs


def test_a_fresh_session_whose_export_is_refused_gets_no_journal(session_path: Path, tmp_path: Path):
    """What issue 22 found: a missing template had already made the journal, a backup and exports/."""
    before = tree(tmp_path)
    result = workshop("export", session_path, "--format", "all", "--template", tmp_path / "findes-ikke.dotx")
    assert result.returncode == 2
    assert tree(tmp_path) == before


def test_one_document_that_cannot_be_written_means_none_is(noted: Path, tmp_path: Path):
    """The seventh document fails (its place is taken by a folder): the six before it are not put in place,
    and the documents of an earlier export stay as they were."""
    exports = tmp_path / "exports"
    exports.mkdir()
    last = "evening-qda-projekt.qdpx"  # the last in the order of --format all
    for name in EVERY_FILE:
        if name != last:
            (exports / name).write_bytes(b"last week's " + name.encode())
    (exports / last).mkdir()
    shared = tmp_path / "delt-referat.docx"  # the minutes are a link to a shared copy
    shared.write_bytes(b"the shared minutes")
    (exports / "evening-referat.docx").unlink()
    (exports / "evening-referat.docx").symlink_to(shared)
    before = tree(tmp_path)

    result = workshop("export", noted, "--format", "all")

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"workshop export: kan ikke skrive {exports / last}: Is a directory "
        "- intet dokument er skrevet, og filer, der lå der i forvejen, er urørte"
    ]
    assert tree(tmp_path) == before  # the six old documents put back, no temporary file left
    assert (exports / "evening-referat.docx").readlink() == shared  # the link put back as the link


def test_a_session_without_categories_exports_nothing_with_all(session_path: Path, tmp_path: Path):
    text = session_path.read_text(encoding="utf-8")
    session_path.write_text(text[: text.index("[[categories]]")], encoding="utf-8")
    before = tree(tmp_path)
    result = workshop("export", session_path, "--format", "all")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "workshop export: kodebogen har ingen kategorier, og en REFI-QDA-kodebog skal have mindst én; "
        "opret en kategori først - intet dokument er skrevet, og filer, der lå der i forvejen, er urørte"
    ]
    assert tree(tmp_path) == before  # not even exports/


def test_the_secretariats_export_writes_all_or_none_too(session_path: Path):
    """F5 in the secretariat's screen exports every document through ``export_many``."""
    text = session_path.read_text(encoding="utf-8")
    session_path.write_text(text[: text.index("[[categories]]")], encoding="utf-8")
    with Store.open(session_path, readonly=True) as store:
        session = store.session
    seen: list[float] = []
    with pytest.raises(ExportError, match="intet dokument er skrevet"):
        export_many(session, session_path, [f.name for f in registry.FORMATS], progress=seen.append)
    assert not (session_path.parent.parent / "exports").exists()
    assert seen and max(seen) < 1.0


def test_a_text_a_document_cannot_hold_is_a_message_not_a_crash(session_path: Path, tmp_path: Path):
    """The 15 MB ``proposed_decision`` that crashed with lxml's "Text node too long" (in a session that
    skipped validation: ``check`` refuses it now): a message, and the documents before it are not written."""
    with Store.open(session_path, readonly=True) as store:
        session = store.session.model_copy()
    session.agenda = Agenda.model_construct(proposed_decision="Forvaltningen indstiller, at " * 520_000)
    documents = [(kind, tmp_path / "ud" / f"d-{kind}.docx") for kind in ("minutes", "route_cards", "agenda")]

    with pytest.raises(ExportError) as refused:
        export_documents(session, documents, make_folder=True)

    assert str(refused.value).startswith("dagsordenspunkt kan ikke skrives (")
    assert "kør workshop check" in str(refused.value)
    assert "intet dokument er skrevet" in str(refused.value)
    assert not (tmp_path / "ud").exists()  # the folder made for the export is gone again


def test_a_bug_in_a_writer_is_a_crash_line_and_leaves_nothing(
    session_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    def broken(session: Session, target: Path, options: object) -> None:
        target.write_bytes(b"half a document")
        raise RuntimeError("a bug")

    formats = tuple(dataclasses.replace(f, write=broken) if f.name == "qdc" else f for f in registry.FORMATS)
    monkeypatch.setattr(registry, "FORMATS", formats)
    out = tmp_path / "ud"
    assert cli.main(["export", str(session_path), "--format", "all", "--out", str(out)]) == 1
    assert "RuntimeError: a bug" in capsys.readouterr().err
    assert not out.exists()


# The GUIDs as a property ------------------------------------------------------------------------

ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå0123456789-_", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    identity=st.uuids().map(str),
    other=st.uuids().map(str),
    category_ids=st.lists(ids, min_size=1, max_size=30, unique=True),
    title=st.text(min_size=1, max_size=40).filter(lambda title: title.strip() != ""),  # a title of spaces is refused
    data=st.data(),
)
def test_guids_are_stable_distinct_and_name_based(
    identity: str, other: str, category_ids: list[str], title: str, data: st.DataObject
):
    def session(identity: str, title: str, order: list[str]) -> Session:
        categories = [Category(id=i, name=f"Kategori {i}") for i in order]
        return Session(workshop=Workshop(title=title, id=identity), categories=categories)

    guids = category_guids(session(identity, "Værksted", category_ids))
    shuffled = data.draw(st.permutations(category_ids))

    assert len(set(guids.values())) == len(category_ids)  # distinct
    assert category_guids(session(identity, title, shuffled)) == guids  # stable: not by title or order
    for value in guids.values():
        made = uuid.UUID(value)
        assert made.version == 5 and str(made).upper() == value  # a name-based UUID, as REFI-QDA writes it
    if other != identity:  # another session's categories of the same ids are other GUIDs
        assert set(category_guids(session(other, "Værksted", category_ids)).values()).isdisjoint(guids.values())
    assert re.findall(r'guid="([^"]+)"', codebook_xml(session(identity, title, category_ids))) == [
        guids[i] for i in category_ids
    ]


# An export killed mid-way -------------------------------------------------------------------------

STUCK_EXPORT = """
import dataclasses, sys, time
from workshop.cli import main as cli
from workshop.documents import registry

def stuck(session, target, options):
    target.write_bytes(b"half a document")
    print("writing", flush=True)
    time.sleep(3600)

registry.FORMATS = tuple(
    dataclasses.replace(f, write=stuck) if f.name == sys.argv[2] else f for f in registry.FORMATS
)
sys.exit(cli.main(["export", sys.argv[1], "--format", "all"]))
"""
"""``workshop export --format all`` in its own process, stopping for good while it writes the document
named in its second argument (the ones before it are written to their temporary files)."""


def start_stuck_export(session_path: Path, stuck_at: str) -> subprocess.Popen[str]:
    """The export, once it is writing ``stuck_at``."""
    process = subprocess.Popen(
        [sys.executable, "-c", STUCK_EXPORT, str(session_path), stuck_at],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "writing\n"
    return process


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_the_next_export_removes_what_an_export_killed_mid_way_left(noted: Path, tmp_path: Path):
    exports = tmp_path / "exports"
    exports.mkdir()
    own = [".evening-referat.docx.bak", ".evening.toml.abcdefgh.tmp", ".noter.md.abcdefgh.tmp"]
    for name in own:  # a user's hidden files, and names no export makes: never touched
        (exports / name).write_text("mine", encoding="utf-8")
    killed = start_stuck_export(noted, "qdc")
    killed.kill()  # SIGKILL: no clean-up of its own
    killed.wait()
    aside = exports / ".evening-referat.docx.0123456789ab.old.tmp"  # and last week's minutes, set aside by a
    aside.write_bytes(b"last week's minutes")  # run killed while it put the new documents in place
    left = [name for name in hidden(exports) if name not in own]
    assert len(left) == 7 and all(name.endswith(".tmp") for name in left)  # five documents, qdc's half, aside

    result = workshop("export", noted, "--format", "all")

    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in exports.iterdir()) == sorted(EVERY_FILE + own)
    assert all((exports / name).read_text(encoding="utf-8") == "mine" for name in own)


def test_an_export_leaves_the_files_of_one_still_writing_alone(noted: Path, tmp_path: Path):
    """Two exports into one folder at once (the secretariat's F5 and a terminal): neither takes the other's files."""
    exports = tmp_path / "exports"
    running = start_stuck_export(noted, "agenda")
    try:
        writing = hidden(exports)
        assert len(writing) == 5  # minutes, route cards, quotes, the report and the agenda being written

        result = workshop("export", noted, "--format", "csv")

        assert result.returncode == 0, result.stderr
        assert hidden(exports) == writing
    finally:
        running.kill()
        running.wait()
    assert workshop("export", noted, "--format", "csv").returncode == 0
    assert hidden(exports) == []  # nobody writes there now: the killed one's files are gone

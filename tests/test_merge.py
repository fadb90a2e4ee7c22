"""``workshop merge``: note-takers' copies of a session, used where the venue had no network, merged back.

The made-up evening (tests/data/evening.toml) is MAIN; a copy is the file copied to a "USB stick"
folder, then changed through its own store as ``workshop run COPY --station s2`` would.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.cli.main import main
from workshop.model.session import Category, Live, Note, Session
from workshop.model.validation import check
from workshop.storage.change_labels import change_label, describe_change
from workshop.storage.journal import Event, journal_path
from workshop.storage.merge import CONFLICT_WORDS, Side, plan_merge, simulate
from workshop.storage.operations import NoteIndex, Op, apply, note_op, section_op
from workshop.storage.session_file import load
from workshop.storage.store import Store
from workshop.words import LANGUAGES, has_word, word

EVENING = Path(__file__).parent / "data" / "evening.toml"

ROOT = Path(__file__).parents[1]
EIGHT = dt.datetime(2026, 3, 12, 20, 0, 0)


# The evening: MAIN, a copy on a USB stick, and a wall clock the tests move ------------------------------


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dt.datetime]]:
    """The wall clock of every store in this process, moved by hand: ``clock[0] += ...``."""
    moment = [dt.datetime(2026, 3, 12, 18, 0, 0)]
    monkeypatch.setattr("workshop.storage.store.now", lambda: moment[0])
    yield moment


@pytest.fixture
def main_path(session_path: Path, clock: list[dt.datetime]) -> Path:
    """MAIN, opened once by the app before the evening (so its file carries its identity), with one note."""
    with Store.open(session_path, author="Sekretariatet") as store:
        store.add_note("s1", 1, "Fra formødet: trivsel kræver tid til kollegerne")
    assert load(session_path)[0].workshop.id
    return session_path


def take_copy(main_path: Path, name: str = "aften-s2.toml", *, journal: bool = True) -> Path:
    """Copy MAIN to the USB stick before the evening, as the README says: the file and its journal
    (``cp sessions/evening.toml /media/usb/aften-s2.toml``, ``cp sessions/evening.toml.journal
    /media/usb/aften-s2.toml.journal``), or the file alone and a new journal for it
    (``workshop check /media/usb/aften-s2.toml --new-journal``)."""
    usb = main_path.parent.parent / "usb"
    usb.mkdir(exist_ok=True)
    target = usb / name
    shutil.copy(main_path, target)
    if journal_path(main_path).exists():
        if journal:
            shutil.copy(journal_path(main_path), journal_path(target))
        else:
            assert main(["check", str(target), "--new-journal"]) == 0
    return target


def later(clock: list[dt.datetime], minutes: int = 1) -> None:
    clock[0] += dt.timedelta(minutes=minutes)


def merge(*arguments: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``workshop merge ARGUMENTS`` as a user types it: the exit code, stdout and stderr."""
    code = main(["merge", *(str(a) for a in arguments)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def state(path: Path) -> tuple[bytes, bytes, int]:
    """The session file's bytes, its journal's, and how many files lie beside them (backups included)."""
    journal = journal_path(path)
    files = sum(len(f) for _, _, f in os.walk(path.parent))
    return path.read_bytes(), journal.read_bytes() if journal.exists() else b"", files


def history(path: Path) -> list[Event]:
    with Store.open(path, readonly=True) as store:
        return store.history(10_000)


def notes_of(path: Path) -> dict[str, Note]:
    return {note.id: note for note in load(path)[0].notes}


# Notes ------------------------------------------------------------------------------------------------


def test_a_copys_notes_and_categories_are_added_and_merging_again_changes_nothing(main_path, clock, capsys):
    copy = take_copy(main_path)
    with Store.open(copy, author="Anna") as store:  # at station 2, no network
        store.change(
            change_label("category_created", name="Tid"),
            lambda s: [section_op(s, "categories", [*s.categories, Category(id="c5", name="Tid", key=5)])],
        )
        first = store.add_note("s2", 1, "Vi mangler tid – også til æøå", categories=["c5"])
        second = store.add_note("s2", 2, "Praktikken skal have en fast vejleder", categories=["c2"])
    with Store.open(main_path, author="Bo") as store:  # meanwhile in the room with the network
        store.change(
            change_label("category_created", name="tid"),
            lambda s: [section_op(s, "categories", [*s.categories, Category(id="c5", name="tid", key=6)])],
        )
        own = store.add_note("s1", 1, "Ledelse er et fag", categories=["c5"])

    code, out, err = merge(main_path, copy, capsys=capsys)

    assert code == 0, err
    assert out.splitlines()[:4] == [
        f"Flettet {copy} ind i {main_path}:",
        "  noter: 2 tilføjet, 0 opdateret, 0 beholdt som i hovedfilen, 0 slettet, 1 uændret, 0 ikke flettet ind",
        "  kategorier: 1 slået sammen med hovedfilens, 0 tilføjet",
        "  ingen konflikter",
    ]
    merged = notes_of(main_path)
    assert set(merged) >= {first.id, second.id, own.id}
    session = load(main_path)[0]
    assert [c.name for c in session.categories] == ["Ledelse", "Uddannelse", "Rekruttering", "Fastholdelse", "tid"]
    assert merged[first.id].categories == ["c5"]  # MAIN's "tid"
    assert merged[first.id].text == "Vi mangler tid – også til æøå" and merged[first.id].author == "Anna"
    changes = history(main_path)
    assert describe_change(changes[0].label, "da") == "noter flettet ind fra aften-s2.toml"

    before = state(main_path)
    code, out, _ = merge(main_path, copy, capsys=capsys)
    assert code == 0
    assert "noter: 0 tilføjet, 0 opdateret, 0 beholdt som i hovedfilen, 0 slettet, 3 uændret" in out
    assert state(main_path)[:2] == before[:2]
    assert len(history(main_path)) == len(changes)


def test_a_category_the_copy_named_differently_from_mains_is_joined_and_its_notes_re_pointed(main_path, clock, capsys):
    copy = take_copy(main_path)
    with Store.open(main_path, author="Bo") as store:
        store.change(
            change_label("category_created", name="tid"),
            lambda s: [section_op(s, "categories", [*s.categories, Category(id="c5", name="tid", key=5)])],
        )
    with Store.open(copy, author="Anna") as store:
        store.change(
            change_label("category_created", name="Bolig"),
            lambda s: [section_op(s, "categories", [*s.categories, Category(id="c5", name="Bolig", key=5)])],
        )
        store.change(
            change_label("category_created", name="Tid"),
            lambda s: [section_op(s, "categories", [*s.categories, Category(id="c7", name="Tid")])],
        )
        note = store.add_note("s2", 1, "Boliger og tid", categories=["c5", "c7"])

    code, out, _ = merge(main_path, copy, capsys=capsys)

    assert code == 0
    session = load(main_path)[0]
    names = {c.id: c.name for c in session.categories}
    assert names["c5"] == "tid"  # MAIN's c5 stays MAIN's
    bolig = next(c for c in session.categories if c.name == "Bolig")
    assert bolig.id == "c6"  # c5 is MAIN's "tid", c7 the copy's "Tid" (joined with it)
    assert bolig.key is None  # key 5 is "tid"'s in MAIN
    assert notes_of(main_path)[note.id].categories == [bolig.id, "c5"]
    assert "kategorier: 1 slået sammen med hovedfilens, 1 tilføjet" in out
    assert "kategorien «Bolig»: tasten 5 bruges allerede i hovedfilen, så den er tilføjet uden tast" in out


def test_a_note_edited_only_in_the_copy_is_updated_and_one_edited_only_in_main_is_kept(main_path, clock, capsys):
    before = next(iter(notes_of(main_path)))
    with Store.open(main_path, author="Bo") as store:
        other = store.add_note("s3", 1, "Noget om fastholdelse").id
    copy = take_copy(main_path)
    later(clock)
    with Store.open(copy, author="Anna") as store:
        store.edit_note(before, text="Fra formødet: trivsel kræver tid – rettet i kopien")
    later(clock)
    with Store.open(main_path, author="Bo") as store:
        store.edit_note(other, text="Noget om fastholdelse – rettet i salen")

    code, out, _ = merge(main_path, copy, capsys=capsys)

    assert code == 0
    assert "1 opdateret, 1 beholdt som i hovedfilen" in out and "ingen konflikter" in out
    merged = notes_of(main_path)
    assert merged[before].text.endswith("rettet i kopien")
    assert merged[other].text.endswith("rettet i salen")


def test_an_edit_in_both_keeps_the_newer_and_the_history_keeps_the_other(main_path, clock, capsys):
    note = next(iter(notes_of(main_path)))
    with Store.open(main_path, author="Bo") as store:
        second = store.add_note("s1", 2, "Anden note fra før").id
    copy = take_copy(main_path)
    later(clock, 5)
    with Store.open(main_path, author="Bo") as store:
        store.edit_note(note, text="Salens udgave, skrevet først")
    later(clock, 5)
    with Store.open(copy, author="Anna") as store:
        store.edit_note(note, text="Kopiens udgave, skrevet sidst")
        store.edit_note(second, text="Kopiens anden, skrevet før salens")
    later(clock, 5)
    with Store.open(main_path, author="Bo") as store:
        store.edit_note(second, text="Salens anden, skrevet sidst")

    code, out, _ = merge(main_path, copy, capsys=capsys)

    assert code == 0
    merged = notes_of(main_path)
    assert merged[note].text == "Kopiens udgave, skrevet sidst"
    assert merged[second].text == "Salens anden, skrevet sidst"
    lines = out.splitlines()
    assert "  konflikter (2):" in lines
    newer_copy = next(line for line in lines if note in line)
    assert newer_copy == (
        f"  - note {note} (station s1, runde 1): rettet begge steder; kopiens udgave (18:10) er nyest og taget, "
        "hovedfilens (18:05) står i historikken – hovedfilen: «Salens udgave, skrevet først», "
        "kopien: «Kopiens udgave, skrevet sidst»"
    )
    newer_main = next(line for line in lines if second in line)
    assert "(station s1, runde 2): rettet begge steder; hovedfilens udgave (18:15) er nyest og beholdt" in newer_main
    assert "kopien: «Kopiens anden, skrevet før salens»" in newer_main
    texts = [op["after"]["text"] for e in history(main_path) for op in e.ops if op["t"] == "note" and op["after"]]
    befores = [op["before"]["text"] for e in history(main_path) for op in e.ops if op["t"] == "note" and op["before"]]
    assert "Salens udgave, skrevet først" in befores  # the older, replaced: in the history
    assert "Kopiens anden, skrevet før salens" in texts  # the copy's older one: in the history too

    count = len(history(main_path))
    before = state(main_path)
    code, out, _ = merge(main_path, copy, capsys=capsys)
    assert code == 0 and "ingen konflikter" in out
    assert len(history(main_path)) == count
    assert state(main_path)[:2] == before[:2]


def test_the_history_of_a_kept_version_leaves_undo_alone(main_path, clock, capsys):
    note = next(iter(notes_of(main_path)))
    copy = take_copy(main_path)
    later(clock)
    with Store.open(copy, author="Anna") as store:
        store.edit_note(note, text="Kopiens")
    later(clock)
    with Store.open(main_path, author="Bo") as store:
        store.edit_note(note, text="Salens")
    assert merge(main_path, copy, "--author", "Bo", capsys=capsys)[0] == 0
    with Store.open(main_path, author="Bo") as store:
        store.undo()  # Bo's latest undoable change: his own edit, not the record of the copy's version
        assert store.session.notes[0].text == "Fra formødet: trivsel kræver tid til kollegerne"


def test_deleted_in_the_copy_is_deleted_unless_main_changed_it(main_path, clock, capsys):
    with Store.open(main_path, author="Bo") as store:
        plain = store.add_note("s2", 1, "En dublet").id
        changed = store.add_note("s2", 2, "Slettes i kopien, rettes i salen").id
    copy = take_copy(main_path)
    later(clock)
    with Store.open(copy, author="Anna") as store:
        store.delete_note(plain)
        store.delete_note(changed)
    with Store.open(main_path, author="Bo") as store:
        store.edit_note(changed, text="Rettet i salen, så den skal blive")

    code, out, _ = merge(main_path, copy, capsys=capsys)

    assert code == 0
    merged = notes_of(main_path)
    assert plain not in merged
    assert merged[changed].text == "Rettet i salen, så den skal blive"
    assert "1 slettet" in out
    assert (
        f"note {changed} (station s2, runde 2): slettet i kopien, men rettet i hovedfilen; hovedfilens er beholdt"
    ) in out


def test_a_note_main_deleted_stays_deleted_unless_the_copy_edited_it(main_path, clock, capsys):
    with Store.open(main_path, author="Bo") as store:
        untouched = store.add_note("s3", 1, "Slettes i salen").id
        edited = store.add_note("s3", 2, "Slettes i salen, rettes i kopien").id
    copy = take_copy(main_path)
    with Store.open(main_path, author="Bo") as store:
        store.delete_note(untouched)
        store.delete_note(edited)
    later(clock)
    with Store.open(copy, author="Anna") as store:
        store.edit_note(edited, text="Rettet i kopien")

    code, out, _ = merge(main_path, copy, capsys=capsys)

    assert code == 0
    merged = notes_of(main_path)
    assert untouched not in merged
    assert merged[edited].text == "Rettet i kopien"
    assert f"note {edited} (station s3, runde 2): slettet i hovedfilen, men rettet i kopien" in out


def test_a_note_at_a_station_main_does_not_have_is_reported_and_not_merged(main_path, clock, capsys):
    from workshop.model.session import Station

    copy = take_copy(main_path)
    with Store.open(copy, author="Anna") as store:
        store.set_section(
            "stations", [*store.session.stations, Station(id="s4", name="Ekstra bord")], change_label("station_added")
        )
        lost = store.add_note("s4", 1, "Ved et bord, hovedfilen ikke kender")
        kept = store.add_note("s2", 1, "Ved station 2")

    code, out, _ = merge(main_path, copy, capsys=capsys)

    assert code == 0
    merged = notes_of(main_path)
    assert lost.id not in merged and kept.id in merged
    assert "1 ikke flettet ind" in out
    assert (
        f"note {lost.id} (station s4, runde 1): stationen s4 findes ikke i hovedfilen; noten er ikke flettet ind "
        "– tilføj stationen i hovedfilen og flet igen – kopien: «Ved et bord, hovedfilen ikke kender»"
    ) in out
    assert "[stations] er ændret i kopien; hovedfilens er beholdt" in out
    assert [s.id for s in load(main_path)[0].stations] == ["s1", "s2", "s3"]


def test_mains_clock_running_is_no_conflict_but_a_programme_changed_in_the_copy_is(main_path, clock, capsys):
    copy = take_copy(main_path)
    with Store.open(main_path, author="Ordstyrer") as store:
        store.set_section("live", Live(current="p1", started=clock[0]), change_label("clock", what="start"))
    with Store.open(copy, author="Anna") as store:
        program = [
            item.model_copy(update={"minutes": 45}) if item.id == "p2" else item for item in store.session.program
        ]
        store.set_section("program", program, change_label("item_changed"))

    code, out, _ = merge(main_path, copy, capsys=capsys)

    assert code == 0
    assert "[program] er ændret i kopien; hovedfilens er beholdt" in out
    assert "[live]" not in out
    session = load(main_path)[0]
    assert session.live.current == "p1" and session.program[1].minutes == 30


def test_the_report_is_in_the_sessions_language(tmp_path, capsys, clock):
    english = tmp_path / "sessions" / "evening.toml"
    english.parent.mkdir()
    assert main(["new", str(english), "--language", "en"]) == 0
    copy = take_copy(english, "evening-s1.toml")
    with Store.open(copy, author="Ann") as store:
        store.add_note("s1", 1, "From the copy")
    capsys.readouterr()
    code, out, _ = merge(english, copy, capsys=capsys)
    assert code == 0
    assert out.splitlines() == [
        f"Merged {copy} into {english}:",
        "  notes: 1 added, 0 updated, 0 kept as in the main file, 0 deleted, 0 unchanged, 0 not merged",
        "  categories: 0 joined with the main file's, 0 added",
        "  no conflicts",
    ]


# Several copies, dry runs ----------------------------------------------------------------------------------


def test_two_copies_at_once_and_a_dry_run_writes_nothing(main_path, clock, capsys):
    first = take_copy(main_path, "aften-s1.toml")
    second = take_copy(main_path, "aften-s2.toml", journal=False)
    with Store.open(first, author="Anna") as store:
        one = store.add_note("s1", 1, "Fra station 1").id
    with Store.open(second, author="Bo") as store:
        two = store.add_note("s2", 1, "Fra station 2").id

    before = state(main_path)
    code, out, _ = merge(main_path, first, second, "--dry-run", capsys=capsys)
    assert code == 0
    assert out.count("Prøve – intet er skrevet:") == 2
    assert out.count("noter: 1 tilføjet") == 2
    assert state(main_path) == before

    code, out, _ = merge(main_path, first, second, capsys=capsys)
    assert code == 0
    assert {one, two} <= set(notes_of(main_path))
    assert main(["check", str(main_path)]) == 0


# Refusals: nothing written ----------------------------------------------------------------------------------


def refused(main_path: Path, *arguments: str | Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Merge and expect a refusal: exit code 2, one line on stderr, nothing at all written."""
    before = state(main_path)
    code, out, err = merge(main_path, *arguments, capsys=capsys)
    assert code == 2, out + err
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert state(main_path) == before
    return err.strip()


def test_a_copy_of_another_session_is_refused(main_path, tmp_path, clock, capsys):
    other = tmp_path / "usb" / "sidste-maaned.toml"
    other.parent.mkdir()
    assert main(["new", str(other)]) == 0
    capsys.readouterr()
    err = refused(main_path, other, capsys=capsys)
    own = load(main_path)[0].workshop.id
    found = load(other)[0].workshop.id
    assert err == (
        f"{other}: [workshop], id: er en anden session (id {found}), ikke en kopi af {main_path} (id {own}) - flet "
        f"kun kopier taget af {main_path}; er filen kopieret fra {main_path}, før den havde et id, så flet med --adopt"
    )


def test_a_copy_taken_before_main_had_an_identity_needs_adopt(session_path, clock, capsys):
    copy = take_copy(session_path)  # the evening's file was never opened: no id in it
    with Store.open(copy, author="Anna") as store:  # the copy's app gives the copy an id of its own
        note = store.add_note("s2", 1, "Fra kopien")
    err = refused(session_path, copy, capsys=capsys)
    assert "har intet id" in err and "--adopt" in err
    code, out, _ = merge(session_path, copy, "--adopt", capsys=capsys)
    assert code == 0 and "1 tilføjet" in out
    assert note.id in notes_of(session_path)


def test_a_missing_copy_is_refused(main_path, clock, capsys):
    err = refused(main_path, main_path.parent / "findes-ikke.toml", capsys=capsys)
    assert err.startswith(str(main_path.parent / "findes-ikke.toml"))


def test_a_broken_copy_is_refused_with_its_line(main_path, clock, capsys):
    copy = take_copy(main_path)
    copy.write_text(copy.read_text(encoding="utf-8") + '\n[[notes]\nstation = "s1"\n', encoding="utf-8")
    err = refused(main_path, copy, capsys=capsys)
    assert err.startswith(f"{copy}: linje ")


@pytest.mark.parametrize("how", ["itself", "link", "written-differently"])
def test_the_session_itself_as_a_copy_is_refused(main_path, clock, capsys, how):
    if how == "itself":
        given: Path = main_path
    elif how == "link":
        given = main_path.parent / "link.toml"
        given.symlink_to(main_path)
    else:
        given = main_path.parent / ".." / main_path.parent.name / main_path.name
    err = refused(main_path, given, capsys=capsys)
    assert err == (
        f"{given}: er selve sessionen {main_path}, ikke en kopi af den - angiv kopien, som notetageren "
        f"har brugt, f.eks. workshop merge {main_path} /media/usb/aften-s2.toml"
    )


def test_a_good_copy_before_a_bad_one_is_not_merged_either(main_path, clock, capsys):
    good = take_copy(main_path, "god.toml")
    with Store.open(good, author="Anna") as store:
        store.add_note("s2", 1, "Fra den gode kopi")
    refused(main_path, good, main_path.parent / "mangler.toml", capsys=capsys)


def test_every_conflict_has_its_words_in_both_languages():
    for kind, key in CONFLICT_WORDS.items():
        assert has_word(key), kind
        for language in LANGUAGES:
            assert word(
                key,
                language,
                id="n",
                station="s1",
                round=1,
                group="g9",
                text="t",
                main_text="a",
                copy_text="b",
                main_time="18:00",
                copy_time="19:00",
                recommendation="r1",
                section="[x]",
                main_category="A",
                copy_category="B",
                new_id="c9",
                name="N",
                key=1,
            )


# Alongside a running app: a real second process -----------------------------------------------------------


NOTE_TAKER = """
import pathlib, sys, time
from workshop.storage.store import Store

path, ack, stop, expected = sys.argv[1:5]
store = Store.open(path, author="Salen", backup=False)
with open(ack, "a", encoding="utf-8") as written:
    number = 0
    while not pathlib.Path(stop).exists():
        note = store.add_note(f"s{number % 3 + 1}", number % 3 + 1, f"Salens note {number}")
        written.write(note.id + "\\n")
        written.flush()
        number += 1
        store.poll()
        time.sleep(0.01)
seen = expected in {note.id for note in store.session.notes}
store.close()
print("seen" if seen else "not seen")
"""
"""An app in the room: it adds a note every 10 ms until told to stop, and says whether it saw a merged note."""


def test_merging_while_another_process_adds_notes_loses_nothing(main_path, clock, tmp_path):
    copy = take_copy(main_path)
    with Store.open(copy, author="Anna") as store:
        from_copy = [store.add_note("s2", 1 + n % 3, f"Kopiens note {n}").id for n in range(30)]
    ack, stop = tmp_path / "ack.txt", tmp_path / "stop"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    app = subprocess.Popen(
        [sys.executable, "-c", NOTE_TAKER, str(main_path), str(ack), str(stop), from_copy[-1]],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def written() -> list[str]:
        return ack.read_text(encoding="utf-8").split() if ack.exists() else []

    def wait_for(count: int) -> None:
        deadline = time.monotonic() + 60
        while len(written()) < count and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(written()) >= count, app.stderr.read() if app.poll() is not None else "the app is too slow"

    try:
        wait_for(3)
        merged = subprocess.run(
            [sys.executable, "-m", "workshop", "merge", str(main_path), str(copy)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert merged.returncode == 0, merged.stderr
        assert "30 tilføjet" in merged.stdout
        wait_for(len(written()) + 3)
        stop.touch()
        out, err = app.communicate(timeout=120)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, err
    assert out.strip() == "seen"  # the running app has the merged notes
    changes = history(main_path)
    merging = next(e.seq for e in changes if describe_change(e.label, "da").startswith("noter flettet ind"))
    by_app = [e.seq for e in changes if e.author == "Salen"]
    assert min(by_app) < merging < max(by_app)  # the app wrote before, and went on writing after
    with Store.open(main_path, readonly=True) as store:
        held = {note.id for note in store.session.notes}
        assert check(store.session) == []
    assert set(from_copy) <= held and set(written()) <= held


# Properties: merging twice changes nothing; two copies merge to the same notes in either order --------------


NAMES = ("Tid", "tid", "Bolig", "Økonomi", "Ledelse", "Trivsel")


@dataclass
class Evening:
    """One side of the evening in memory: a session and its journal's changes, changed like the app changes it."""

    session: Session
    instance: str
    second: int = 0
    """The second of each minute this side's clock shows: two people never change a note at the very same moment."""
    events: list[Event] = field(default_factory=list)
    made: itertools.count[int] = field(default_factory=itertools.count)

    def change(self, ops: list[Op], minute: int) -> None:
        if not ops:
            return
        apply(self.session, ops, NoteIndex(self.session))
        at = (EIGHT + dt.timedelta(minutes=minute)).isoformat()
        seq = len(self.events) + 1
        self.events.append(Event(seq, at, self.instance, self.instance, "do", None, "change", True, ops))

    def copy(self, instance: str, with_journal: bool, second: int) -> Evening:
        events = list(self.events) if with_journal else []
        return Evening(self.session.model_copy(deep=True), instance, second, events)

    def side(self) -> Side:
        return Side(self.session, list(self.events))

    def act(self, action: tuple[str, int, int, int]) -> None:
        kind, first, second, minute = action
        session = self.session
        when = EIGHT + dt.timedelta(minutes=minute, seconds=self.second)
        notes = session.notes
        categories = session.categories
        if kind == "add":
            note = Note(
                id=f"{self.instance}-{next(self.made)}",
                station=f"s{first % 3 + 1}",
                round=second % 3 + 1,
                text=f"{self.instance} skrev {minute}",
                created=when,
                updated=when,
                categories=[categories[second % len(categories)].id] if categories else [],
            )
            self.change([note_op(None, note)], minute)
        elif kind == "edit" and notes:
            note = notes[first % len(notes)]
            self.change(
                [
                    note_op(
                        note,
                        note.model_copy(update={"text": f"{note.text} / {self.instance} {minute}", "updated": when}),
                    )
                ],
                minute,
            )
        elif kind == "delete" and notes:
            self.change([note_op(notes[first % len(notes)], None)], minute)
        elif kind == "code" and notes and categories:
            note = notes[first % len(notes)]
            category = categories[second % len(categories)].id
            coded = (
                [c for c in note.categories if c != category]
                if category in note.categories
                else [*note.categories, category]
            )
            self.change([note_op(note, note.model_copy(update={"categories": coded, "updated": when}))], minute)
        elif kind == "category":
            name = NAMES[first % len(NAMES)]
            if any(c.name.casefold() == name.casefold() for c in categories):
                return
            used = {c.id for c in categories}
            number = next(n for n in itertools.count(len(categories) + 1) if f"c{n}" not in used)
            keys = {c.key for c in categories}
            key = next((k for k in range(1, 10) if k not in keys), None)
            self.change(
                [section_op(session, "categories", [*categories, Category(id=f"c{number}", name=name, key=key)])],
                minute,
            )
        elif kind == "rename" and categories:
            name = NAMES[second % len(NAMES)]
            target = categories[first % len(categories)]
            if any(c.name.casefold() == name.casefold() for c in categories):
                return
            renamed = [c.model_copy(update={"name": name}) if c.id == target.id else c for c in categories]
            self.change([section_op(session, "categories", renamed)], minute)
        elif kind == "drop" and categories:
            target = categories[first % len(categories)].id
            ops = [
                note_op(
                    n, n.model_copy(update={"categories": [c for c in n.categories if c != target], "updated": when})
                )
                for n in notes
                if target in n.categories
            ]
            self.change([*ops, section_op(session, "categories", [c for c in categories if c.id != target])], minute)


KINDS = ("add", "add", "edit", "edit", "delete", "code", "category", "rename", "drop")


def actions(kinds: tuple[str, ...] = KINDS) -> st.SearchStrategy[list[tuple[str, int, int, int]]]:
    """What people do during the evening: (kind, which, which, the minute after 20:00)."""
    return st.lists(
        st.tuples(st.sampled_from(kinds), st.integers(0, 20), st.integers(0, 20), st.integers(0, 120)), max_size=8
    )


ACTIONS = actions()
WITHOUT_RENAMES = actions(tuple(kind for kind in KINDS if kind != "rename"))


def base() -> Evening:
    session, _ = load(EVENING)
    session.workshop.id = "aften"
    for number in range(3):
        when = EIGHT - dt.timedelta(hours=2)
        session.notes.append(
            Note(
                id=f"før-{number}",
                station=f"s{number + 1}",
                round=1,
                text=f"Før aftenen {number}",
                categories=["c1"],
                created=when,
                updated=when,
            )
        )
    return Evening(session, "main")


def merged(main: Side, copy: Side) -> Side:
    return simulate(main, plan_merge(main, copy))


def by_name(side: Side) -> dict[str, tuple[object, ...]]:
    """The notes as a reader sees them: categories by name (their ids and keys may differ by the order)."""
    names = {c.id: c.name.casefold() for c in side.session.categories}
    return {
        note.id: (
            note.station,
            note.round,
            note.group,
            note.text,
            note.updated,
            tuple(sorted(names[c] for c in note.categories)),
        )
        for note in side.session.notes
    }


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=ACTIONS, in_main=ACTIONS, in_copy=ACTIONS, with_journal=st.booleans(), then_main=ACTIONS, then_copy=ACTIONS
)
def test_merging_a_copy_twice_changes_nothing_and_leaves_a_valid_session(
    before, in_main, in_copy, with_journal, then_main, then_copy
):
    evening = base()
    for action in before:
        evening.act(action)
    copy = evening.copy("kopi", with_journal, second=1)
    for action in in_main:
        evening.act(action)
    for action in in_copy:
        copy.act(action)
    once = merged(evening.side(), copy.side())
    assert check(once.session) == []
    again = plan_merge(once, copy.side())
    assert not again.writes, again
    made = {n.id for n in copy.session.notes if n.id.startswith("kopi-")}
    assert made <= {n.id for n in once.session.notes}  # nothing written in the copy is lost

    # The evening goes on in both, and the copy is merged once more (a break with a network, say).
    evening = Evening(once.session.model_copy(deep=True), "main", 0, list(once.events), evening.made)
    for action in then_main:
        evening.act(action)
    for action in then_copy:
        copy.act(action)
    twice = merged(evening.side(), copy.side())
    assert check(twice.session) == []
    assert not plan_merge(twice, copy.side()).writes


def test_two_edits_at_the_same_second_give_the_same_note_in_either_order():
    evening = base()
    first = evening.copy("a", with_journal=False, second=0)
    second = evening.copy("b", with_journal=False, second=0)
    first.act(("edit", 0, 0, 5))
    second.act(("edit", 0, 0, 5))
    one_way = merged(merged(evening.side(), first.side()), second.side())
    other_way = merged(merged(evening.side(), second.side()), first.side())
    assert by_name(one_way) == by_name(other_way)
    assert by_name(one_way)["før-0"][3] in ("Før aftenen 0 / a 5", "Før aftenen 0 / b 5")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(in_main=WITHOUT_RENAMES, in_first=WITHOUT_RENAMES, in_second=WITHOUT_RENAMES)
def test_two_copies_merge_to_the_same_notes_in_either_order(in_main, in_first, in_second):
    """The notes, their texts and which categories (by name) they carry do not depend on the order of merging.

    Not with renamed categories: MAIN's name stays, so of two copies that renamed one category, the first
    merged gives the name (the notes still share the category).
    """
    evening = base()
    first = evening.copy("a", with_journal=False, second=1)
    second = evening.copy("b", with_journal=False, second=2)
    for side, actions in ((evening, in_main), (first, in_first), (second, in_second)):
        for action in actions:
            side.act(action)
    one_way = merged(merged(evening.side(), first.side()), second.side())
    other_way = merged(merged(evening.side(), second.side()), first.side())
    assert check(one_way.session) == [] and check(other_way.session) == []
    assert by_name(one_way) == by_name(other_way)
    assert {c.name.casefold() for c in one_way.session.categories} == {
        c.name.casefold() for c in other_way.session.categories
    }

"""The commands, as a user types them."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.cli.main import main
from workshop.storage.session_file import load

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "sessions" / "meeting-3.toml"


@pytest.fixture
def meeting_3(tmp_path: Path) -> Path:
    """A copy of the shipped example, so a journal beside the original cannot change results."""
    target = tmp_path / "meeting-3.toml"
    shutil.copy(EXAMPLE, target)
    return target


def test_check_counts_everything_in_the_sessions_language(meeting_3: Path, capsys):
    assert main(["check", str(meeting_3)]) == 0
    assert capsys.readouterr().out.strip() == "ok: 3 stationer, 3 grupper, 3 runder, 4 kategorier, 0 noter"
    text = meeting_3.read_text(encoding="utf-8").replace('language = "da"', 'language = "en"')
    meeting_3.write_text(text, encoding="utf-8")
    assert main(["check", str(meeting_3)]) == 0
    assert capsys.readouterr().out.strip() == "ok: 3 stations, 3 groups, 3 rounds, 4 categories, 0 notes"


def test_schedule_prints_the_slides_table(meeting_3: Path, capsys):
    assert main(["schedule", str(meeting_3)]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if "Runde" in line]
    assert len(rows) == 3
    assert "Runde 1: 18.20 – 18.50" in rows[0]
    assert "Runde 2: 19.20 – 19.50" in rows[1]
    assert "Runde 3: 19.50 – 20.20" in rows[2]
    cells = [[c.strip() for c in row.split("│")[2:5]] for row in rows]
    assert cells == [
        ["Gruppe 1", "Gruppe 2", "Gruppe 3"],
        ["Gruppe 3", "Gruppe 1", "Gruppe 2"],
        ["Gruppe 2", "Gruppe 3", "Gruppe 1"],
    ]
    for header in ("Station 1", "Ledelse som fag", "v. Rikke", "v. Signe", "v. Kristine"):
        assert header in out


def test_schedule_as_json(meeting_3: Path, capsys):
    assert main(["schedule", str(meeting_3), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rounds"][0] == {
        "round": 1,
        "start": "18:20",
        "end": "18:50",
        "stations": {"s1": ["g1"], "s2": ["g2"], "s3": ["g3"]},
    }
    assert [r["start"] for r in data["rounds"]] == ["18:20", "19:20", "19:50"]
    assert data["rounds"][2]["stations"] == {"s1": ["g2"], "s2": ["g3"], "s3": ["g1"]}


def test_note_adds_a_durable_note_with_the_rotations_group(session_path: Path, capsys):
    code = main(
        [
            "note",
            str(session_path),
            "--station",
            "s2",
            "--round",
            "2",
            "--category",
            "Uddannelse",
            "--category",
            "Praktik",
            "--author",
            "Karen Mose",
            "Eleverne skal mødes af en fast vejleder",
        ]
    )
    assert code == 0
    note_id = capsys.readouterr().out.strip()
    session, _ = load(session_path)  # the TOML itself holds it
    note = next(n for n in session.notes if n.id == note_id)
    assert note.group == "g1"  # round 2, station 2 -> Gruppe 1 as on the slide
    assert note.author == "Karen Mose"
    names = [session.category(c).name for c in note.categories]
    assert names == ["Uddannelse", "Praktik"]  # "Praktik" was created on the way
    assert session.category(note.categories[1]).key == 5


def test_note_reads_standard_input(session_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "note", str(session_path), "--station", "s1", "--round", "1", "-"],
        input="Linje et\nLinje to – æøå\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    session, _ = load(session_path)
    assert session.notes[0].text == "Linje et\nLinje to – æøå\n"


def test_new_writes_a_session_that_checks(tmp_path: Path, capsys):
    path = tmp_path / "evening.toml"
    assert main(["new", str(path), "--stations", "4", "--title", "Theme night", "--language", "en"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"wrote {path}: 4 stations, 4 groups, 4 rounds. Next: workshop run {path}"
    )
    session, _ = load(path)
    assert session.workshop.title == "Theme night" and session.workshop.language == "en"
    assert session.program[0].title == "Welcome"
    assert session.stations[0].questions[0] == "Have we overlooked anything?"
    assert [c.name for c in session.categories] == ["Idea", "Concern"]
    assert len(session.stations) == len(session.groups) == len(session.round_items()) == 4
    assert main(["check", str(path)]) == 0
    assert "ok: 4 stations, 4 groups, 4 rounds" in capsys.readouterr().out


def test_new_speaks_danish_by_default(tmp_path: Path, capsys):
    path = tmp_path / "aften.toml"
    assert main(["new", str(path)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"skrev {path}: 3 stationer, 3 grupper, 3 runder. Næste skridt: workshop run {path}"
    )
    session, _ = load(path)
    assert session.workshop.title == "Værksted"
    assert [item.title for item in session.program] == [
        "Velkomst",
        "Runde 1",
        "Runde 2",
        "Pause",
        "Runde 3",
        "Opsamling i plenum",
    ]
    assert [c.name for c in session.categories] == ["Idé", "Bekymring"]


def test_new_refuses_more_rounds_than_any_group_needs(tmp_path: Path, capsys):
    assert main(["new", str(tmp_path / "x.toml"), "--stations", "3", "--rounds", "5"]) == 2
    assert "efter 3 runder" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "x.toml"), "--stations", "3", "--rounds", "5", "--language", "en"]) == 2
    assert "after 3 rounds" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "x.toml"), "--start", "seks"]) == 2
    assert '--start "seks": angiv et klokkeslæt som 18:00' in capsys.readouterr().err
    assert not (tmp_path / "x.toml").exists()


def test_new_with_more_groups_than_stations_lets_groups_wait(tmp_path: Path, capsys):
    path = tmp_path / "stor.toml"
    assert main(["new", str(path), "--stations", "3", "--groups", "5"]) == 0
    capsys.readouterr()
    assert main(["schedule", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("Runde ") == 5
    assert "venter" in out


def test_python_dash_m_works(meeting_3: Path):
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "check", str(meeting_3)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("ok: 3 stationer")


def test_check_validates_the_file_even_when_the_store_knows_it(session_path: Path, capsys, monkeypatch):
    from workshop.model import validation

    assert main(["note", str(session_path), "--station", "s1", "--round", "1", "Første note"]) == 0
    capsys.readouterr()
    calls: list[int] = []
    check = validation.check

    def counting(*args, **kwargs):
        calls.append(1)
        return check(*args, **kwargs)

    monkeypatch.setattr("workshop.storage.session_file.check", counting)
    assert main(["check", str(session_path)]) == 0
    assert calls  # the file was checked, not taken from the journal's cache
    assert capsys.readouterr().out.strip() == "ok: 3 stationer, 3 grupper, 3 runder, 4 kategorier, 1 note"


def test_a_count_of_one_is_said_in_the_singular(tmp_path: Path, capsys):
    path = tmp_path / "lille.toml"
    assert main(["new", str(path), "--stations", "1"]) == 0
    assert "1 station, 1 gruppe, 1 runde." in capsys.readouterr().out
    english = tmp_path / "small.toml"
    assert main(["new", str(english), "--stations", "1", "--language", "en"]) == 0
    assert "1 station, 1 group, 1 round." in capsys.readouterr().out


def test_an_empty_note_is_refused_as_the_app_refuses_it(tmp_path, capsys, monkeypatch):
    import io

    session = tmp_path / "aften.toml"
    shutil.copy(Path(__file__).parent / "data" / "evening.toml", session)
    assert main(["note", str(session), "--station", "s1", "--round", "1", "  \n\t "]) == 2
    assert "noten er tom" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\n\n")))
    assert main(["note", str(session), "--station", "s1", "--round", "1", "-"]) == 2
    assert not (tmp_path / "aften.toml.journal").exists()  # a refused command leaves no trace


@pytest.mark.parametrize(
    ("args", "danish", "english"),
    [
        (
            ["groups", "{s}", "--count", "tre"],
            'workshop groups: --count: "tre" er ikke et helt tal - skriv et helt tal,',
            'workshop groups: --count: "tre" is not a whole number - write a whole number,',
        ),
        (
            ["export", "{s}", "--format", "pdf"],
            'workshop export: --format: "pdf" findes ikke - brug en af: docx, cards',
            'workshop export: --format: there is no "pdf" - use one of: docx, cards',
        ),
        (
            ["note", "{s}", "--station"],
            "workshop note: --station skal have en værdi - skriv værdien efter --station",
            "workshop note: --station needs a value - write the value after --station",
        ),
        (
            ["note", "{s}", "--round", "1", "tekst"],
            "workshop note: der mangler: --station - se workshop note --help",
            "workshop note: missing: --station - see workshop note --help",
        ),
        (
            ["check", "{s}", "--grundigt"],
            "workshop: ukendte argumenter: --grundigt - se workshop --help",
            "workshop: unknown arguments: --grundigt - see workshop --help",
        ),
    ],
)
def test_an_argument_argparse_refuses_is_one_line_in_the_sessions_language(
    args: list[str], danish: str, english: str, session_path: Path, capsys
):
    for language, expected in (("da", danish), ("en", english)):
        if language == "en":
            text = session_path.read_text(encoding="utf-8").replace('language = "da"', 'language = "en"')
            session_path.write_text(text, encoding="utf-8")
        before = sorted(p.name for p in session_path.parent.iterdir())
        with pytest.raises(SystemExit) as exited:
            main([arg.format(s=session_path) for arg in args])
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith(expected), err
        assert len(err.strip().splitlines()) == 1 and "usage:" not in err and "error:" not in err
        assert sorted(p.name for p in session_path.parent.iterdir()) == before  # no journal, no backup


def test_an_unknown_command_is_told_in_danish_when_there_is_no_session(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["referat"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        'workshop: kommandoen "referat" findes ikke - brug en af: run, serve, new, check, schedule, groups, note, '
        "copy, merge, export, series\n"
    )


ARGUMENT = st.sampled_from(
    ["--count", "--round", "--station", "--format", "--mode", "--seed", "--json", "--write", "--apart", "-x", "--"]
) | st.text(max_size=12)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(["check", "schedule", "groups", "note"]), rest=st.lists(ARGUMENT, max_size=6))
def test_any_arguments_get_an_answer_never_a_traceback(command: str, rest: list[str], meeting_3: Path):
    """Hostile or mistyped arguments: exit 0 or 2 and words, never Python; argparse's complaints are one line."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main([command, str(meeting_3), *rest])
        except SystemExit as exited:
            code = exited.code
            assert len(err.getvalue().strip().splitlines()) == 1, err.getvalue()
    assert code in (0, 2), (code, err.getvalue())
    assert "Traceback" not in err.getvalue() and "usage:" not in err.getvalue()

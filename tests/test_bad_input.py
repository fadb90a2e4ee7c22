"""Bad input: a clear message naming the file, the place and the fix; exit 2; nothing touched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workshop.cli.main import main


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def break_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_cli(args: list[str], capsys) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.err


CASES = {
    # name: (old text, new text, what the message must say)
    "malformed toml": ('minutes = 20', 'minutes = = 20', ["line 11", "column", "not valid TOML"]),
    "wrong type": ('minutes = 30', 'minutes = "half an hour"', ["line 17", "[[program]] #2, minutes", "integer"]),
    "unknown section": ("[[stations]]", "[[stationer]]\nid = 'x'\n\n[[stations]]", ['unknown section "stationer"', 'did you mean "stations"']),
    "unknown field": ('host = "Bodil"', 'host = "Bodil"\nvaert = "Bodil"', ['unknown field "vaert"', "[[stations]] #1"]),
    "duplicate ids": ('id = "s2"', 'id = "s1"', ['station id "s1" is used more than once', "give each station its own id"]),
    "zero duration": ('minutes = 20', 'minutes = 0', ["line 11", "minutes must be more than zero"]),
    "negative duration": ('minutes = 25', 'minutes = -5', ["[[program]] #6, minutes", "more than zero"]),
    "bad language": ('language = "da"', 'language = "de"', ["[workshop], language", "'da' or 'en'"]),
    "bad clock": ('start = "18:00"', 'start = "six"', ["[workshop], start", "18:00"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_explained_and_left_alone(case: str, session_path: Path, capsys):
    old, new, expected = CASES[case]
    break_file(session_path, old, new)
    before = folder_state(session_path.parent)
    for command in (["check"], ["schedule"], ["note", "--station", "s1", "--round", "1"]):
        args = [command[0], str(session_path), *command[1:]] + (["tekst"] if command[0] == "note" else [])
        code, err = run_cli(args, capsys)
        assert code == 2, err
        assert str(session_path) in err
        for fragment in expected:
            assert fragment in err, (fragment, err)
        assert " - " in err  # every message says what to do
    assert folder_state(session_path.parent) == before


def test_a_file_that_ends_inside_an_open_list_names_its_last_line(session_path: Path, capsys):
    text = session_path.read_text(encoding="utf-8").rstrip("\n") + '\nextra = ["half a list"\n'
    session_path.write_text(text, encoding="utf-8")
    last = len(text.rstrip("\n").split("\n"))
    before = folder_state(session_path.parent)
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2
    assert f"{session_path}: line {last}: this is not valid TOML" in err
    assert "end of the file" in err and "close what is still open" in err
    assert folder_state(session_path.parent) == before


def test_dangling_references_are_all_listed(session_path: Path, capsys):
    text = session_path.read_text(encoding="utf-8")
    text += (
        '\n[[notes]]\nid = "n1"\nstation = "s9"\nround = 7\ngroup = "g8"\ntext = "x"\ncategories = ["c77"]\n'
    )
    session_path.write_text(text, encoding="utf-8")
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2
    for fragment in ['unknown station "s9"', 'unknown group "g8"', 'unknown category "c77"', "round 7 does not exist"]:
        assert fragment in err
    assert err.count("line ") >= 4


def test_a_session_without_stations(tmp_path: Path, capsys):
    path = tmp_path / "empty.toml"
    path.write_text('[workshop]\ntitle = "Tom aften"\n', encoding="utf-8")
    code, err = run_cli(["check", str(path)], capsys)
    assert code == 2
    assert "no stations" in err and "add at least one [[stations]]" in err


def test_a_file_that_is_not_utf8(session_path: Path, capsys):
    data = session_path.read_bytes().replace("Bodil".encode(), "Bødil".encode("latin-1"))
    session_path.write_bytes(data)
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2
    assert "not UTF-8" in err and "line 52" in err and "save it as UTF-8" in err
    assert session_path.read_bytes() == data


def test_a_missing_file_and_a_folder(tmp_path: Path, capsys):
    code, err = run_cli(["check", str(tmp_path / "nowhere.toml")], capsys)
    assert code == 2 and "no such file" in err and "workshop new" in err
    code, err = run_cli(["run", str(tmp_path)], capsys)
    assert code == 2 and "folder, not a session file" in err
    assert list(tmp_path.iterdir()) == []


def test_no_traceback_from_a_real_process(session_path: Path):
    break_file(session_path, "[[groups]]", "[[groups]\n")
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "run", str(session_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not valid TOML" in result.stderr and "line" in result.stderr
    assert sorted(p.name for p in session_path.parent.iterdir()) == ["evening.toml"]


def test_bad_arguments_are_refused_with_exit_2(session_path: Path, capsys):
    code, err = run_cli(["note", str(session_path), "--station", "s9", "--round", "1", "x"], capsys)
    assert code == 2 and 'no such station' in err and "s1, s2, s3" in err
    code, err = run_cli(["note", str(session_path), "--station", "s1", "--round", "4", "x"], capsys)
    assert code == 2 and "rounds 1 to 3" in err
    code, err = run_cli(["new", str(session_path)], capsys)
    assert code == 2 and "exists already" in err

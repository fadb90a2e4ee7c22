"""Bad input: a clear message naming the file, the place and the fix; exit 2; nothing touched.

The made-up evening is Danish: where a problem is ("linje 17") and what to do about it are in
Danish; the message itself may quote the TOML in English. An English session gets English.
"""

from __future__ import annotations

import re
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


def make_english(path: Path) -> None:
    break_file(path, 'language = "da"', 'language = "en"')


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.err


CASES = {
    # name: (old text, new text, what the Danish message must say, what the English one must say)
    "malformed toml": (
        "minutes = 20",
        "minutes = = 20",
        ["linje 11", "kolonne", "ikke gyldig TOML", "ret skrivemåden"],
        ["line 11", "column", "not valid TOML", "correct the syntax"],
    ),
    "wrong type": (
        "minutes = 30",
        'minutes = "half an hour"',
        [
            "linje 17",
            "[[program]] #2, minutes: skal være et helt tal",
            '(der står "half an hour")',
            "skriv et helt tal",
        ],
        ["line 17", "[[program]] #2, minutes", "integer", '(found "half an hour")', "write a whole number"],
    ),
    "unknown section": (
        "[[stations]]",
        "[[stationer]]\nid = 'x'\n\n[[stations]]",
        ['ukendt tabel "stationer"', 'mente du "stations"'],
        ['unknown section "stationer"', 'did you mean "stations"'],
    ),
    "unknown field": (
        'host = "Bodil"',
        'host = "Bodil"\nvaert = "Bodil"',
        ['ukendt felt "vaert"', "[[stations]] #1", "tjek stavemåden"],
        ['unknown field "vaert"', "[[stations]] #1", "check the spelling"],
    ),
    "duplicate ids": (
        'id = "s2"',
        'id = "s1"',
        ['stations-id\'et "s1" bruges mere end én gang', "giv hver station sit eget id"],
        ['station id "s1" is used more than once', "give each station its own id"],
    ),
    "zero duration": (
        "minutes = 20",
        "minutes = 0",
        ["linje 11", "minutterne skal være over nul", "minutter over 0"],
        ["line 11", "minutes must be more than zero", "minutes above 0"],
    ),
    "negative duration": (
        "minutes = 25",
        "minutes = -5",
        ["[[program]] #6, minutes", "over nul", "(der står -5)", "minutter over 0"],
        ["[[program]] #6, minutes", "more than zero", "(found -5)", "minutes above 0"],
    ),
    "bad language": (
        'language = "da"',
        'language = "de"',
        ['[workshop], language: skal være en af "da" eller "en"', 'brug en af værdierne "da", "en"'],
        None,  # a file that says neither "da" nor "en" is told in Danish
    ),
    "bad clock": (
        'start = "18:00"',
        'start = "six"',
        ["[workshop], start", '(der står "six")', 'skriv klokkeslættet som "18:00"'],
        ["[workshop], start", '(found "six")', 'write it as "18:00"'],
    ),
    "a time for a date": (
        "date = 2026-03-12",
        "date = 18:30:00",
        ["[workshop], date: skal være en dato (der står 18:30:00)", "skriv en dato som 2026-11-25"],
        ["[workshop], date", "(found 18:30:00)", "write a date such as 2026-11-25"],
    ),
}


BAD_FILES = [
    (case, language) for case in sorted(CASES) for language in ("da", "en") if CASES[case][2 if language == "da" else 3]
]


@pytest.mark.parametrize(("case", "language"), BAD_FILES)
def test_bad_file_is_explained_and_left_alone(
    case: str, language: str, session_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new, danish, english = CASES[case]
    expected = danish if language == "da" else english
    assert expected is not None
    if language == "en":
        make_english(session_path)
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
        assert "datetime." not in err and "Traceback" not in err  # no Python in the words
        if language == "da":  # Danish all through: what is wrong too, not only where and the fix
            said = err.replace(str(session_path), "")
            english = [w for w in ENGLISH_WORDS if re.search(rf"\b{w}\b", said, re.IGNORECASE)]
            assert not english, (english, err)
    assert folder_state(session_path.parent) == before


ENGLISH_WORDS = ("found", "should", "must", "unknown", "missing", "input", "valid", "used", "more than", "line", "the")
"""Words of the English messages that no Danish message has (the TOML's own names are not among them)."""


def test_a_danish_file_gets_no_english_fixes(session_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_file(session_path, "minutes = 30", 'minutes = "half an hour"')
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2
    fix = err.split(" - ", 1)[1]
    assert "skriv et helt tal uden anførselstegn" in fix
    for english in ("write", "number", "quotes", "line "):
        assert english not in err


def test_a_file_too_broken_to_read_is_told_in_its_own_language(
    session_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_english(session_path)
    break_file(session_path, "[[groups]]", "[[groups]\n")
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2
    assert "line 67" in err and "not valid TOML" in err and "correct the syntax" in err


def test_a_file_that_ends_inside_an_open_list_names_its_last_line(
    session_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = session_path.read_text(encoding="utf-8").rstrip("\n") + '\nextra = ["half a list"\n'
    session_path.write_text(text, encoding="utf-8")
    last = len(text.rstrip("\n").split("\n"))
    before = folder_state(session_path.parent)
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2
    assert f"{session_path}: linje {last}: dette er ikke gyldig TOML" in err
    assert "ved slutningen af filen" in err and "luk det, der stadig er åbent" in err
    assert folder_state(session_path.parent) == before


def test_dangling_references_are_all_listed(session_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = session_path.read_text(encoding="utf-8")
    text += '\n[[notes]]\nid = "n1"\nstation = "s9"\nround = 7\ngroup = "g8"\ntext = "x"\ncategories = ["c77"]\n'
    session_path.write_text(text, encoding="utf-8")
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2
    for fragment in ['ukendt station "s9"', 'ukendt gruppe "g8"', 'ukendt kategori "c77"', "runde 7 findes ikke"]:
        assert fragment in err
    assert "brug et af stationernes id'er (s1, s2, s3)" in err
    assert "brug et af gruppernes id'er (g1, g2, g3)" in err
    assert err.count("linje ") >= 4


def test_a_session_without_stations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.toml"
    path.write_text('[workshop]\ntitle = "Tom aften"\n', encoding="utf-8")
    code, err = run_cli(["check", str(path)], capsys)
    assert code == 2
    assert "sessionen har ingen stationer" in err and "tilføj mindst én [[stations]]-tabel" in err
    path.write_text('[workshop]\ntitle = "Empty evening"\nlanguage = "en"\n', encoding="utf-8")
    code, err = run_cli(["check", str(path)], capsys)
    assert code == 2
    assert "no stations" in err and "add at least one [[stations]] table" in err


def test_a_file_that_is_not_utf8(session_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = session_path.read_bytes().replace(b"Bodil", "Bødil".encode("latin-1"))
    session_path.write_bytes(data)
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2
    assert "ikke UTF-8" in err and "linje 52" in err and "gem den som UTF-8" in err
    assert session_path.read_bytes() == data


def test_a_missing_file_and_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli(["check", str(tmp_path / "nowhere.toml")], capsys)
    assert code == 2 and "filen findes ikke" in err and "workshop new" in err
    code, err = run_cli(["run", str(tmp_path)], capsys)
    assert code == 2 and "en mappe, ikke en sessionsfil" in err
    assert list(tmp_path.iterdir()) == []


def test_no_traceback_from_a_real_process(session_path: Path) -> None:
    break_file(session_path, "[[groups]]", "[[groups]\n")
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "run", str(session_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "ikke gyldig TOML" in result.stderr and "linje 67" in result.stderr
    assert sorted(p.name for p in session_path.parent.iterdir()) == ["evening.toml"]


def test_bad_arguments_are_refused_with_exit_2(session_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli(["note", str(session_path), "--station", "s9", "--round", "1", "x"], capsys)
    assert code == 2 and "stationen findes ikke" in err and "s1, s2, s3" in err
    code, err = run_cli(["note", str(session_path), "--station", "s1", "--round", "4", "x"], capsys)
    assert code == 2 and "programmet har runde 1 til 3" in err
    code, err = run_cli(["note", str(session_path), "--station", "s1", "--round", "1", "--group", "g7", "x"], capsys)
    assert code == 2 and "gruppen findes ikke" in err and "g1, g2, g3" in err
    code, err = run_cli(["run", str(session_path), "--station", "s7"], capsys)
    assert code == 2 and "stationen findes ikke" in err
    code, err = run_cli(["new", str(session_path)], capsys)
    assert code == 2 and "findes allerede" in err


def test_bad_arguments_of_an_english_session_are_refused_in_english(
    session_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_english(session_path)
    code, err = run_cli(["note", str(session_path), "--station", "s9", "--round", "1", "x"], capsys)
    assert code == 2 and "no such station" in err and "s1, s2, s3" in err
    code, err = run_cli(["note", str(session_path), "--station", "s1", "--round", "4", "x"], capsys)
    assert code == 2 and "rounds 1 to 3" in err
    code, err = run_cli(["new", str(session_path), "--language", "en"], capsys)
    assert code == 2 and "exists already" in err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["note", "--station", "s9", "--round", "1", "x"], "stationen findes ikke"),
        (["note", "--station", "s1", "--round", "9", "x"], "programmet har runde 1 til 3"),
        (["note", "--station", "s1", "--round", "-1", "x"], "programmet har runde 1 til 3"),
        (["note", "--station", "s1", "--round", "1", "--group", "g9", "x"], "gruppen findes ikke"),
        (["note", "--station", "s1", "--round", "1", "--category", " ", "x"], "--category skal have mellem 1 og"),
        (["note", "--station", "s1", "--round", "1", "x" * 100_001], "en note har højst 100000"),
        (["run", "--station", "s9"], "stationen findes ikke"),
        (["groups", "--count", "2", "--write", "--pin", "Ingen Sinde=1"], "Ingen Sinde"),
        (["groups", "--count", "2", "--write", "--apart", "Åse Lund"], "--apart"),
    ],
    ids=lambda value: " ".join(value)[:50] if isinstance(value, list) else None,
)
def test_a_refused_command_leaves_no_trace(
    args: list[str], fragment: str, session_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = folder_state(session_path.parent)
    code, err = run_cli([args[0], str(session_path), *args[1:]], capsys)
    assert code == 2 and fragment in err, err
    assert sorted(p.name for p in session_path.parent.iterdir()) == ["evening.toml"]  # no journal, no backups
    assert folder_state(session_path.parent) == before


def test_a_crash_is_one_line_and_a_log_not_a_traceback(
    session_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop.cli import check

    def broken(args: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(check, "cmd_check", broken)
    monkeypatch.setattr("workshop.cli.main.build_parser", _parser_with(check, broken))
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 1
    assert err.startswith("workshop check: en uventet fejl (ZeroDivisionError: a bug); detaljerne ligger i ")
    log = Path(err.split("detaljerne ligger i ")[1].split(" - ")[0])
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8") and "Traceback" not in err
    log.unlink()


def _parser_with(module: object, handler: object):
    """The command line's parser with ``workshop check`` handled by ``handler``."""
    from workshop.cli.main import build_parser as real

    def build(only: str | None = None):
        parser = real(only)
        for action in parser._subparsers._group_actions:  # noqa: SLF001 - argparse keeps its commands there
            for name, sub in action.choices.items():
                if name == "check":
                    sub.set_defaults(handler=handler)
        return parser

    return build


@pytest.mark.parametrize(
    ("added", "danish", "english"),
    [
        ("minutter = = 20", "værdien kan ikke læses", "Invalid value"),
        ('titel = "uden slut', "en tekst mangler sit afsluttende anførselstegn", "Unterminated string"),
        ("[[program", 'der mangler "]]" efter tabellens navn', 'Expected "]]" at the end of an array declaration'),
        ("x = 1 2", "der mangler et linjeskift efter værdien", "Expected newline or end of document"),
        ("x = { b = 1, b = 2 }", 'nøglen "b" står to gange i samme { }-tabel', 'Duplicate inline table key "b"'),
        ('sti = "C:\\mapper"', "en enkelt \\ i en tekst", 'Unescaped "\\" in a string'),
        ("x = [1, 2", "en liste [ ] er ikke lukket", "Unclosed array"),
    ],
)
def test_the_toml_parsers_complaint_is_in_the_sessions_language(
    added: str, danish: str, english: str, session_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = session_path.read_text(encoding="utf-8")
    session_path.write_text(text + "\n" + added + "\n", encoding="utf-8")
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2 and f"dette er ikke gyldig TOML ({danish}" in err, err
    said = err.replace(str(session_path), "")
    assert not [w for w in ENGLISH_WORDS if re.search(rf"\b{w}\b", said, re.IGNORECASE)], err
    make_english(session_path)
    code, err = run_cli(["check", str(session_path)], capsys)
    assert code == 2 and f"this is not valid TOML ({english}" in err, err

"""Every field has its limit (the README's table): the themes, the recommendations and the
``[agenda]`` table are checked like every other value, and ``[live]`` names only items of the programme.

What a user notices: ``workshop check`` answers one line naming the file, the line, what is
wrong and the fix, in the session's language, with exit code 2, and leaves the folder as it was.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.model import limits
from workshop.model.problems import SessionError
from workshop.planning import setup
from workshop.storage.session_file import load, parse
from workshop.storage.store import Store

ROOT = Path(__file__).parents[1]


def workshop(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m workshop ARGS`` as its own process, as a user types it."""
    return subprocess.run(
        [sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def tree(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file and folder below ``folder``: its mode and (a file's) bytes."""
    return {
        str(p.relative_to(folder)): (p.stat().st_mode, p.read_bytes() if p.is_file() else b"")
        for p in sorted(folder.rglob("*"))
    }


def appended(session_path: Path, toml: str) -> int:
    """Add ``toml`` at the end of the session file; the line number of its first line."""
    text = session_path.read_text(encoding="utf-8")
    session_path.write_text(text + "\n" + toml, encoding="utf-8")
    return text.count("\n") + 2


def line_of(session_path: Path, start: int, needle: str) -> int:
    """The number of the first line from ``start`` on that holds ``needle``."""
    lines = session_path.read_text(encoding="utf-8").splitlines()
    return next(n for n in range(start, len(lines) + 1) if needle in lines[n - 1])


TOO_LONG = [
    # (the TOML, the key the message names, the limit)
    ('[[themes]]\nname = "{long}"\n', "[[themes]] #1, name", limits.NAME_LENGTH),
    ('[[themes]]\nname = "Ledelse"\nintro = "{long}"\n', "[[themes]] #1, intro", limits.TEXT_LENGTH),
    ('[[recommendations]]\nid = "r1"\ntitle = "{long}"\n', "[[recommendations]] #1, title", limits.NAME_LENGTH),
    ('[[recommendations]]\nid = "{long}"\ntitle = "Ny i ledelse"\n', "[[recommendations]] #1, id", limits.ID_LENGTH),
    (
        '[[recommendations]]\nid = "r1"\ntitle = "Ny i ledelse"\ntheme = "{long}"\n',
        "[[recommendations]] #1, theme",
        limits.NAME_LENGTH,
    ),
    (
        '[[recommendations]]\nid = "r1"\ntitle = "Ny i ledelse"\nactions = "{long}"\n',
        "[[recommendations]] #1, actions",
        limits.TEXT_LENGTH,
    ),
    (
        '[[recommendations]]\nid = "r1"\ntitle = "Ny i ledelse"\nnext_step = "{long}"\n',
        "[[recommendations]] #1, next_step",
        limits.TEXT_LENGTH,
    ),
    ('[agenda]\nproposed_decision = "{long}"\n', "[agenda], proposed_decision", limits.TEXT_LENGTH),
]


@pytest.mark.parametrize(("toml", "field", "limit"), TOO_LONG, ids=[t[1] for t in TOO_LONG])
def test_a_text_one_character_too_long_is_refused_by_check(session_path: Path, toml: str, field: str, limit: int):
    start = appended(session_path, toml.format(long="x" * (limit + 1)))
    line = line_of(session_path, start, "x" * 50)
    before = tree(session_path.parent)

    result = workshop("check", str(session_path))

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f'{session_path}: linje {line}: {field}: må højst have {limit} tegn (der står "{"x" * 58}…) '
        f"- forkort teksten til højst {limit} tegn"
    ]
    assert tree(session_path.parent) == before


def test_a_text_at_its_limit_is_accepted(session_path: Path):
    appended(
        session_path,
        f'[[themes]]\nname = "{"t" * limits.NAME_LENGTH}"\n\n'
        f'[[recommendations]]\nid = "{"r" * limits.ID_LENGTH}"\ntitle = "{"x" * limits.NAME_LENGTH}"\n'
        f'purpose = "{"p" * limits.TEXT_LENGTH}"\n\n'
        f'[agenda]\nproposed_decision = "{"d" * limits.TEXT_LENGTH}"\n',
    )
    result = workshop("check", str(session_path))
    assert result.returncode == 0, result.stderr


def test_a_15_mb_proposed_decision_is_refused_by_check_and_export_alike(session_path: Path):
    """The 15 MB agenda that crashed ``export --format all`` after four documents (lxml "Text node too long")."""
    decision = "Forvaltningen indstiller, at " * 520_000
    start = appended(session_path, f'[agenda]\nproposed_decision = "{decision}"\n')
    assert session_path.stat().st_size > 15_000_000
    before = tree(session_path.parent.parent)
    expected = (
        f"{session_path}: linje {start + 1}: [agenda], proposed_decision: må højst have 100000 tegn "
        '(der står "Forvaltningen indstiller, at Forvaltningen indstiller, at …) '
        "- forkort teksten til højst 100000 tegn"
    )

    checked = workshop("check", str(session_path))
    exported = workshop("export", str(session_path), "--format", "all")

    for result in (checked, exported):
        assert result.returncode == 2
        assert result.stderr.splitlines() == [expected]
        assert "Traceback" not in result.stderr
    assert exported.stdout == ""
    assert tree(session_path.parent.parent) == before  # no exports/, no journal, no backup


def test_an_english_session_is_told_in_english(session_path: Path):
    text = session_path.read_text(encoding="utf-8").replace('language = "da"', 'language = "en"')
    session_path.write_text(text, encoding="utf-8")
    start = appended(session_path, f'[[themes]]\nname = "{"x" * 1001}"\n')
    result = workshop("check", str(session_path))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{session_path}: line {start + 1}: [[themes]] #1, name: String should have at most 1000 characters "
        f'(found "{"x" * 58}…) - shorten the text to 1000 characters at most'
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    field=st.sampled_from(
        [
            ("themes", "name", limits.NAME_LENGTH),
            ("themes", "intro", limits.TEXT_LENGTH),
            ("recommendations", "title", limits.NAME_LENGTH),
            ("recommendations", "baseline", limits.TEXT_LENGTH),
            ("recommendations", "resources", limits.TEXT_LENGTH),
            ("agenda", "proposed_decision", limits.TEXT_LENGTH),
        ]
    ),
    over=st.integers(min_value=-3, max_value=3),
    letter=st.sampled_from(["a", "æ", "ø", "å", "€", "漢", "\U0001f600"]),
)
def test_every_length_is_accepted_up_to_its_limit_and_refused_beyond(
    session_path: Path, field: tuple[str, str, int], over: int, letter: str
):
    """The limit counts characters, not bytes: a Danish letter or an emoji is one character too."""
    table, key, limit = field
    text = letter * (limit + over)
    base = session_path.read_text(encoding="utf-8")
    toml = {
        ("agenda", "proposed_decision"): f'[agenda]\n{key} = "{text}"\n',
        ("themes", "name"): f'[[themes]]\nname = "{text}"\n',
        ("themes", "intro"): f'[[themes]]\nname = "Ledelse"\nintro = "{text}"\n',
        ("recommendations", "title"): f'[[recommendations]]\nid = "r1"\ntitle = "{text}"\n',
    }.get((table, key), f'[[recommendations]]\nid = "r1"\ntitle = "Ny"\n{key} = "{text}"\n')
    full = base + "\n" + toml
    if over <= 0:
        parse(full, session_path)
    else:
        with pytest.raises(SessionError) as refused:
            parse(full, session_path)
        assert f"{key}: må højst have {limit} tegn" in str(refused.value)


# [live] names items of the programme -------------------------------------------------------------


def test_a_run_of_an_item_that_does_not_exist_is_refused_with_its_line(session_path: Path):
    start = appended(
        session_path,
        '[live]\ncurrent = "p2"\nstarted = 2026-03-12T18:15:00\n\n'
        '[[live.actual]]\nitem = "p1"\nstart = 2026-03-12T18:00:00\nend = 2026-03-12T18:15:00\n\n'
        '[[live.actual]]\nitem = "p42"\nstart = 2026-03-12T18:15:00\n',
    )
    result = workshop("check", str(session_path))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f'{session_path}: linje {start + 10}: [live], actual.2.item: ukendt programpunkt "p42" '
        "- brug et af programpunkternes id'er (p1, p2, p3, p4, p5, p6, p7)"
    ]


@pytest.mark.parametrize(
    "toml",
    [
        '[live]\ncurrent = "p99"\nstarted = 2026-03-12T18:00:00\n',
        "[live]\nminutes = { p99 = 10 }\n",
        '[live]\nactual = [{ item = "p99", start = 2026-03-12T18:00:00 }]\n',
    ],
    ids=["current", "minutes", "actual"],
)
def test_every_reference_of_live_is_checked(session_path: Path, toml: str):
    appended(session_path, toml)
    result = workshop("check", str(session_path))
    assert result.returncode == 2
    assert 'ukendt programpunkt "p99"' in result.stderr and len(result.stderr.splitlines()) == 1


def test_removing_an_item_that_ran_keeps_the_session_valid(session_path: Path):
    from workshop.scheduling import evening

    with Store.open(session_path, author="Testa Testesen") as store:
        store.set_section("live", evening.start(store.session, dt.datetime(2026, 3, 12, 18, 0)), "started")
        store.set_section("live", evening.next_item(store.session, dt.datetime(2026, 3, 12, 18, 15)), "next")
        assert [run.item for run in store.session.live.actual] == ["p1", "p2"]
        setup.remove_item(store, "p1")
        assert [run.item for run in store.session.live.actual] == ["p2"]
    session, _ = load(session_path)  # the file the store wrote reads back and validates
    assert [run.item for run in session.live.actual] == ["p2"]
    assert workshop("check", str(session_path)).returncode == 0

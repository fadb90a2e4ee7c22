"""Every session the store writes is valid TOML that reads back as the same session.

A session with every table the model has (an explicit ``[[rotation]]``, the live clock, members
with affiliations, themes, recommendations, the agenda, ...) filled with any text at all: written
by ``dumps`` and by the store's fold, parsed by the standard library's TOML parser, validated, and
compared with what was written. ``.ci/run`` runs this file again under each tomli-w release the
dependency range allows, since tomli-w's choices between inline and separate tables differ by release.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.model.recommendations import Agenda, Recommendation, Theme
from workshop.model.session import (
    ActualTime,
    Category,
    Comment,
    Live,
    Member,
    Note,
    RotationRound,
    Schedule,
    Session,
    Summaries,
)
from workshop.notes import comments
from workshop.storage import session_file
from workshop.storage.store import Store

EVENING = Path(__file__).parent / "data" / "evening.toml"

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda text: text.strip() != ""
) | st.sampled_from(
    [
        "Trivsel [/ miljø]",
        '"citat" fra Word',
        "a\r\nb",
        "§ 17, stk. 4 – æøå",
        "'''",
        '"""',
        "# ikke en kommentar",
        "x]]",
    ]
)
IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_ æø.\"'[]=", min_size=1, max_size=12).filter(
    lambda text: text.strip() == text and text != ""
)
WHEN = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)).map(
    lambda moment: moment.replace(microsecond=0)
)


def _base() -> Session:
    return session_file.parse(EVENING.read_text(encoding="utf-8"), EVENING)


@st.composite
def full_sessions(draw: st.DrawFn) -> Session:
    """The made-up evening with every table of the model filled, the ids and texts drawn at random."""
    session = _base()
    session.workshop.title = draw(TEXT)
    for station in session.stations:
        station.name = draw(TEXT)
        station.questions = draw(st.lists(TEXT, max_size=2))
    session.groups[0].members = [Member(name=draw(TEXT), affiliation=draw(TEXT)), *session.groups[0].members[1:]]
    session.participants = [Member(name="Ekstra Person"), Member(name="Anden Person", affiliation=draw(TEXT))]
    station_ids = [s.id for s in session.stations]
    group_ids = [g.id for g in session.groups]
    rounds = len(session.round_items())
    order = draw(st.permutations(group_ids))
    session.rotation = [
        RotationRound(round=n, stations={s: [order[(i + n) % len(order)]] for i, s in enumerate(station_ids)})
        for n in range(1, rounds + 1)
    ]
    session.schedule = Schedule(seed=draw(st.integers(-1000, 1000)), apart=[["Freja Holm", "Henrik Dal"]])
    key = draw(st.sampled_from(["c-ny", "c ny", "c.ny", 'c"ny']))
    session.categories = [*session.categories, Category(id=key, name=draw(TEXT), key=9, guid="", description="")]
    category_ids = [c.id for c in session.categories]
    notes = []
    for number in range(draw(st.integers(0, 4))):
        notes.append(
            Note(
                id=f"n{number}",
                station=draw(st.sampled_from(station_ids)),
                round=draw(st.integers(1, rounds)),
                group=draw(st.sampled_from([*group_ids, None])),
                text=draw(TEXT),
                categories=draw(st.lists(st.sampled_from(category_ids), unique=True, max_size=3)),
                author=draw(TEXT),
                created=draw(WHEN),
                updated=draw(WHEN),
            )
        )
    session.notes = notes
    items = [item.id for item in session.program]
    started = draw(WHEN)
    session.live = Live(
        current=items[1],
        started=started,
        extra_minutes=draw(st.integers(-30, 30)),
        minutes={items[2]: 25},
        actual=[ActualTime(item=items[0], start=started - dt.timedelta(minutes=20), end=started)],
    )
    session.summary = Summaries(overall=draw(TEXT), introduction=draw(TEXT), stations={station_ids[0]: draw(TEXT)})
    session.themes = [Theme(name=draw(TEXT), intro=draw(TEXT))]
    session.recommendations = [
        Recommendation(
            id=draw(IDS),
            theme=session.themes[0].name,
            title=draw(TEXT),
            purpose=draw(TEXT),
            station=station_ids[0],
            notes=[n.id for n in notes[:1]],
        )
    ]
    parts = ["intro", "purpose", "goals", "actions", "follow_up", "baseline", "resources", "next_step"]
    session.comments = [
        Comment(
            id=f"k{number}",
            recommendation=session.recommendations[0].id,
            section=draw(st.sampled_from(parts)),
            author=draw(TEXT),
            text=draw(TEXT),
            created=draw(WHEN),
            handled=draw(st.booleans()),
            handled_by=draw(st.one_of(st.just(""), TEXT)),
        )
        for number in range(draw(st.integers(0, 3)))
    ]
    session.agenda = Agenda(
        title=draw(TEXT),
        route=draw(TEXT),
        committee=draw(TEXT),
        meeting=draw(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)))),
        case=draw(TEXT),
        proposed_decision=draw(TEXT),
    )
    session.workshop.report_appendix = draw(st.sampled_from(["off", "on", "with-names"]))
    # Through the model's door, as a file or a form brings it in: text is cleaned there, once.
    return Session.model_validate(session.model_dump())


def _same(written: Session, read: Session) -> None:
    assert read.model_dump(mode="json") == written.model_dump(mode="json")


ROUND_TRIPS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIPS
@given(session=full_sessions())
def test_dumps_is_valid_toml_that_reads_back_as_the_same_session(session: Session):
    text = session_file.dumps(session)
    tomllib.loads(text)  # valid TOML: the standard library's parser reads it
    _same(session, session_file.parse(text, Path("aften.toml")))


def test_a_session_with_an_explicit_rotation_stays_valid_after_a_note(tmp_path: Path):
    """Issue 22: `new`, three [[rotation]] tables and one note wrote `stations = [stations]]`."""
    path = tmp_path / "aften.toml"
    text = EVENING.read_text(encoding="utf-8")
    text += "".join(
        f"\n[[rotation]]\nround = {n}\n"
        f'stations = {{ s1 = ["g{n}"], s2 = ["g{n % 3 + 1}"], s3 = ["g{(n + 1) % 3 + 1}"] }}\n'
        for n in (1, 2, 3)
    )
    path.write_text(text, encoding="utf-8")
    with Store.open(path, author="Testperson") as store:
        store.add_note("s1", 1, "En note")
        store.fold()
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    assert written["rotation"][1] == {"round": 2, "stations": {"s1": ["g2"], "s2": ["g3"], "s3": ["g1"]}}
    session, _ = session_file.load(path)
    assert [n.text for n in session.notes] == ["En note"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(session=full_sessions())
def test_the_file_the_store_folds_reads_back_without_its_journal(session: Session, tmp_path_factory: Any):
    folder = tmp_path_factory.mktemp("fold")
    path = folder / "aften.toml"
    path.write_text(session_file.dumps(session), encoding="utf-8")
    with Store.open(path, author="Testperson") as store:
        store.add_note(session.stations[0].id, 1, "Noten efter\r\nlinjeskift")
        said = comments.add(store, session.recommendations[0].id, "goals", "Kommentaren efter\r\nlinjeskift")
        comments.set_handled(store, said.id, True)
        store.fold()
        expected = store.session.model_copy(deep=True)
    for journal in folder.glob("*journal*"):
        journal.unlink()
    alone = tomllib.loads(path.read_text(encoding="utf-8"))  # the file alone, no journal to lean on
    assert alone["rotation"] and alone["recommendations"] and alone["comments"]
    _same(expected, session_file.load(path)[0])


def test_runs_under_the_tomli_w_release_ci_asked_for():
    """`.ci/run` sets WORKSHOP_TOMLI_W to the release it put on the path: this run really uses it."""
    import os

    wanted = os.environ.get("WORKSHOP_TOMLI_W")
    version = getattr(tomli_w, "__version__", None) or _installed_version()
    assert version
    if wanted:
        assert version == wanted


def _installed_version() -> str:
    from importlib.metadata import version

    return version("tomli-w")


def test_inline_values_are_toml_on_one_line():
    value: dict[str, Any] = {"s1": ["g1"], "s 2": ["g2", "g3"], "x": {"a": 'q"\n'}, "l": [{"name": "a"}]}
    line = session_file._inline(value)  # noqa: SLF001 - the module's own inline writer, tested alone
    assert "\n" not in line
    assert tomllib.loads(f"v = {line}")["v"] == value
    assert tomllib.loads(tomli_w.dumps({"v": 1}))["v"] == 1


def test_a_name_of_spaces_is_refused_and_a_padded_name_is_trimmed(tmp_path: Path):
    """Text is cleaned once where it comes in: names are trimmed like members, so "   " is no name."""
    from workshop.cli.main import main

    text = EVENING.read_text(encoding="utf-8")
    blank = tmp_path / "tom.toml"
    blank.write_text(text.replace('name = "Ledelse som fag"', 'name = "   "'), encoding="utf-8")
    assert main(["check", str(blank)]) == 2
    padded = tmp_path / "luft.toml"
    padded.write_text(text.replace('name = "Ledelse som fag"', 'name = "  Ledelse som fag "'), encoding="utf-8")
    session, _ = session_file.load(padded)
    assert session.stations[0].name == "Ledelse som fag"

"""A series file is a session file with [series]: every one the store writes is valid TOML that reads back the same.

Written by ``dumps`` and by the store's fold (the same store and journal as a session: undo and a
hand edit work on it as on a meeting), parsed by the standard library, validated, compared.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_session_file_roundtrip import IDS, TEXT

from workshop.cli.main import main
from workshop.model.series import MILESTONE_KINDS, STATUSES, Decision, FollowUp, GroupMember, Meeting, Milestone, Series
from workshop.model.session import Session, Workshop
from workshop.storage import session_file
from workshop.storage.store import Store

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1))
LONG = st.one_of(TEXT, st.just(""), st.just("- første\n- anden\n\nafsnit"))


@st.composite
def series_sessions(draw: st.DrawFn) -> Session:
    """A series file with every part of [series] filled, the ids and texts drawn at random."""
    milestones = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(DAYS)
        end = draw(st.one_of(st.none(), st.integers(0, 60).map(lambda days, s=start: s + dt.timedelta(days=days))))
        milestones.append(Milestone(date=start, end=end, kind=draw(st.sampled_from(MILESTONE_KINDS)), title=draw(TEXT)))
    ids = draw(st.lists(IDS, unique=True, max_size=3))
    decisions = {
        rid: Decision(status=draw(st.sampled_from(STATUSES)), date=draw(DAYS), by=draw(st.one_of(TEXT, st.just(""))))
        for rid in ids
    }
    follow_up = {
        rid: FollowUp(
            year=draw(st.one_of(st.none(), st.integers(1990, 2100))),
            baseline=draw(LONG),
            measure=draw(LONG),
            progress=draw(LONG),
            title=draw(st.one_of(TEXT, st.just(""))),
            date=draw(st.one_of(st.none(), DAYS)),
            reference=draw(st.one_of(TEXT, st.just(""))),
            members=[GroupMember(name=draw(TEXT), role=draw(st.one_of(TEXT, st.just("")))) for _ in range(2)],
            actions=draw(LONG),
            proposed_decision=draw(LONG),
        )
        for rid in ids[: draw(st.integers(0, len(ids)))]
    }
    files = draw(st.lists(st.sampled_from(["møde 1.toml", "a/b.toml", 'x"y.toml', "m-2.toml"]), unique=True))
    series = Series(
        meetings=[Meeting(file=f) for f in files],
        milestones=milestones,
        now=draw(st.one_of(st.none(), DAYS)),
        decisions=decisions,
        follow_up=follow_up,
    )
    session = Session(workshop=Workshop(title=draw(TEXT), language=draw(st.sampled_from(["da", "en"]))), series=series)
    return Session.model_validate(session.model_dump())


def _same(written: Session, read: Session) -> None:
    assert read.model_dump(mode="json") == written.model_dump(mode="json")


ROUND_TRIPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIPS
@given(session=series_sessions())
def test_a_series_is_valid_toml_that_reads_back_as_the_same_series(session: Session):
    text = session_file.dumps(session)
    raw = tomllib.loads(text)
    assert "program" not in raw and "stations" not in raw
    _same(session, session_file.parse(text, Path("serie.toml")))


@ROUND_TRIPS
@given(session=series_sessions())
def test_the_store_writes_a_series_that_reads_back_without_its_journal(session: Session, tmp_path_factory: Any):
    folder = tmp_path_factory.mktemp("series")
    path = folder / "serie.toml"
    path.write_text(session_file.dumps(Session(workshop=session.workshop, series=Series())), encoding="utf-8")
    with Store.open(path, author="Testa Testesen") as store:
        store.set_section("series", session.series, "test")
    text = path.read_text(encoding="utf-8")
    tomllib.loads(text)
    for journal in folder.glob("serie.journal*"):
        journal.unlink()
    read = session_file.parse(text, path)
    assert read.series == session.series


def test_a_series_change_is_undone_through_the_journal_like_any_other(tmp_path: Path):
    path = tmp_path / "serie.toml"
    assert main(["series", "new", str(path), "--title", "Udvalget"]) == 0
    store = Store.open(path, author="Testa Testesen")
    try:
        milestone = Milestone(date=dt.date(2023, 4, 6), kind="deadline", title="Frist for kommentarer")
        assert store.session.series is not None
        store.set_section("series", store.session.series.model_copy(update={"milestones": [milestone]}), "frist")
        assert store.session.series.milestones == [milestone]
        store.undo()
        assert store.session.series.milestones == []
    finally:
        store.close()
    assert Store.open(path, readonly=True).session.series == Series()


def test_a_hand_edit_of_the_series_is_read_and_a_wrong_one_refused_with_its_line(tmp_path: Path, capsys):
    path = tmp_path / "serie.toml"
    assert main(["series", "new", str(path), "--title", "Udvalget"]) == 0
    capsys.readouterr()
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text
        + '\n[[series.milestones]]\ndate = 2023-04-26\nend = 2023-04-30\nkind = "comments"\ntitle = "Kommentering"\n',
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "ok: serie med 0 møder, 0 anbefalinger, 1 milepæl"
    path.write_text(
        text + '\n[[series.milestones]]\ndate = 2023-04-26\nkind = "later"\ntitle = "x"\n', encoding="utf-8"
    )
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "serie.toml" in err and "kind" in err


def test_a_series_holds_no_stations(tmp_path: Path, capsys):
    path = tmp_path / "serie.toml"
    path.write_text(
        '[workshop]\ntitle = "Udvalget"\n\n[series]\nmeetings = []\n\n[[stations]]\nid = "s1"\nname = "Ledelse"\n',
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert 'en seriefil har ingen "stations"' in err and "workshop series add" in err

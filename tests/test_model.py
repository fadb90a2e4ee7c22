"""The session model, its TOML file and the clock times of the programme."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.model.session import Note, Session
from workshop.scheduling.timetable import clock, planned, round_slots, span
from workshop.storage.session_file import dumps, load, parse

ROOT = Path(__file__).parents[1]
MEETING_3 = ROOT / "sessions" / "meeting-3.toml"


def test_meeting_3_programme_times_are_those_on_the_slide():
    session, _ = load(MEETING_3)
    ends = [clock(slot.end, "da") for slot in planned(session)]
    assert ends == ["18.20", "18.50", "19.20", "19.50", "20.20", "20.45", "21.00"]
    assert [span(s, "da") for s in round_slots(session)] == [
        "18.20 \u2013 18.50",
        "19.20 \u2013 19.50",
        "19.50 \u2013 20.20",
    ]


def test_meeting_3_has_the_slides_stations_hosts_groups_and_questions():
    session, _ = load(MEETING_3)
    assert [s.host for s in session.stations] == ["Rikke", "Signe", "Kristine"]
    assert session.stations[0].name == "Ledelse som fag"
    assert "Er der noget vi har overset?" in session.stations[1].questions
    assert [g.name for g in session.groups] == ["Gruppe 1", "Gruppe 2", "Gruppe 3"]
    assert [len(g.members) for g in session.groups] == [8, 8, 6]
    assert session.workshop.date == dt.date(2023, 4, 19)
    assert session.workshop.language == "da"


def test_english_sessions_show_times_with_a_colon():
    moment = dt.datetime(2026, 3, 12, 9, 5)
    assert clock(moment, "en") == "09:05"
    assert clock(moment, "da") == "09.05"


def test_start_time_may_be_written_the_danish_way(session_path: Path):
    text = session_path.read_text(encoding="utf-8").replace('start = "18:00"', 'start = "17.30"')
    session = parse(text, session_path)
    assert clock(planned(session)[0].end, "da") == "17.50"


def test_programme_items_get_ids_when_left_out(session_path: Path):
    lines = session_path.read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines if not line.startswith('id = "p'))
    session = parse(text, session_path)
    assert [p.id for p in session.program] == [f"p{n}" for n in range(1, 8)]


def test_members_may_be_plain_names_or_tables(session_path: Path):
    session, _ = load(session_path)
    first = session.groups[0].members
    assert first[0].name == "Åse Lund" and first[0].affiliation == "politician"
    assert first[2].name == "Freja Holm" and first[2].affiliation is None


def test_a_written_session_reads_back_the_same(session_path: Path):
    session, _ = load(session_path)
    session.notes.append(Note(station="s1", round=2, group="g3", text="Første linje\nanden linje", categories=["c1"]))
    again = parse(dumps(session), session_path)
    assert again == session


TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=200
) | st.sampled_from(
    [
        "nul\x00 lodret tab\x0b sideskift\x0c escape\x1b",
        "emoji 😀👍🏽 and ‘quotes’ “from Word” – § 17, stk. 4",
        "æøå ÆØÅ\n\tindrykket\n\n",
        '"""triple""" and \\ backslash',
        "x" * 100_000,
    ]
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=TEXTS)
def test_any_note_text_is_stored_and_read_back_unchanged(session_path: Path, text: str):
    session, _ = load(session_path)
    session.notes.append(Note(station="s2", round=1, text=text))
    again = parse(dumps(session), session_path)
    assert again.notes[-1].text == text


def test_windows_line_ends_become_plain_ones():
    assert Note(station="s1", round=1, text="a\r\nb").text == "a\nb"


def test_session_lookups():
    session, _ = load(MEETING_3)
    assert isinstance(session, Session)
    assert session.station("s2").host == "Signe"
    assert session.group("g3").name == "Gruppe 3"
    assert session.category("nope") is None
    assert len(session.people()) == 22
    assert (session.station_number("s2"), session.station_number("s9"), session.station_number(None)) == (2, None, None)


def test_problems_show_values_as_toml_and_fixes_in_the_sessions_language():
    import pytest
    from pydantic import ValidationError

    from workshop.model.pydantic_problems import problems_from
    from workshop.model.session import Live, ProgramItem

    with pytest.raises(ValidationError) as caught:
        Live.model_validate({"started": dt.time(18, 30), "paused_seconds": -1, "minutes": {"p1": "ti"}})
    danish = {p.loc: p for p in problems_from(caught.value, "da", prefix=("live",))}
    assert danish[("live", "started")].message == "skal være en dato med klokkeslæt (der står 18:30:00)"
    assert danish[("live", "paused_seconds")].message == "skal være mindst 0 (der står -1)"
    assert danish[("live", "started")].fix == "skriv dato og klokkeslæt som 2026-11-25 18:30:00"
    assert danish[("live", "paused_seconds")].fix == "brug et tal, der er mindst 0"
    assert danish[("live", "minutes", "p1")].fix == "skriv et helt tal uden anførselstegn, fx 30"
    with pytest.raises(ValidationError) as caught:
        ProgramItem.model_validate({"title": ["Velkomst", 2, True, {"a": dt.date(2026, 3, 12)}], "minutes": 10})
    (english,) = problems_from(caught.value, "en")
    assert english.message == 'Input should be a valid string (found ["Velkomst", 2, true, { a = 2026-03-12 }])'
    assert english.fix == 'write text in quotes, e.g. "Gruppe 1"'
    for problem in [*danish.values(), english]:
        assert "datetime." not in problem.message and "{'" not in problem.message


def test_a_session_revived_from_its_dump_is_the_same_session(session_path: Path):
    import json

    from workshop.model.session import revive

    session, _ = load(session_path)
    session.notes.append(Note(station="s1", round=2, group="g3", text="æøå\nto linjer", categories=["c1"]))
    again = revive(Session, json.loads(session.model_dump_json()))
    assert again == session
    assert isinstance(again.notes[0].created, dt.datetime)
    assert isinstance(again.workshop.start, dt.time)
    assert type(again.groups[0].members[0]).__name__ == "Member"


def test_a_number_is_a_number_and_a_yes_is_a_yes():
    import pytest
    from pydantic import ValidationError

    from workshop.model.session import ProgramItem, Schedule

    for mistyped in (True, "30", 30.0):
        with pytest.raises(ValidationError):
            ProgramItem.model_validate({"title": "Runde", "minutes": mistyped})
    for mistyped in (1, "true", "yes"):
        with pytest.raises(ValidationError):
            Schedule.model_validate({"williams": mistyped})
    assert ProgramItem.model_validate({"title": "Runde", "minutes": 30}).minutes == 30


def test_limits_a_real_workshop_never_reaches():
    import pytest
    from pydantic import ValidationError

    from workshop.model import limits
    from workshop.model.session import Live, ProgramItem, Workshop

    assert ProgramItem.model_validate({"title": "Hele dagen", "minutes": limits.MINUTES}).minutes == 1440
    for too_much in (limits.MINUTES + 1, 2**63 - 1, 10**30):
        with pytest.raises(ValidationError):
            ProgramItem.model_validate({"title": "Runde", "minutes": too_much})
    with pytest.raises(ValidationError):
        Live.model_validate({"extra_minutes": 10**12})
    for day in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        with pytest.raises(ValidationError):
            Workshop.model_validate({"title": "Aften", "date": day})
    far = dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14)))
    with pytest.raises(ValidationError) as caught:
        Note.model_validate({"station": "s1", "round": 1, "created": far})
    assert caught.value.errors()[0]["type"] == "date_range"


def test_a_session_larger_than_any_workshop_is_refused_by_the_check(session_path: Path):
    from workshop.model import limits
    from workshop.model.session import Station
    from workshop.model.validation import check

    session, _ = load(session_path)
    session.stations += [Station(id=f"x{n}", name=f"Ekstra {n}") for n in range(limits.STATIONS)]
    problems = check(session)
    assert [p.loc for p in problems] == [("stations",)]
    assert problems[0].message == f"{limits.STATIONS + 3} stationer: et værksted har højst {limits.STATIONS}"
    assert "et værksted har højst 100" in problems[0].fix

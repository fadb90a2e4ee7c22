"""Setup edits through the store: saved at once, checked like ``workshop check``, undoable."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.planning import setup
from workshop.scheduling.rotation import rotation
from workshop.scheduling.timetable import clock, planned
from workshop.storage.store import ChangeRefused, Store


def reopen(store: Store) -> Store:
    """A second look at the same file, as another process would have it."""
    return Store.open(store.path, backup=False, readonly=True)


def test_the_evening_changes_and_the_times_follow(store):
    setup.update_workshop(store, title="Temaaften om trivsel", start="18.30", date="2026-04-01", language="en")
    w = store.session.workshop
    assert (w.title, w.start, w.date) == ("Temaaften om trivsel", dt.time(18, 30), dt.date(2026, 4, 1))
    assert w.language == "en"
    assert clock(planned(store.session)[-1].end) == "21.30"
    assert reopen(store).session.workshop.title == "Temaaften om trivsel"
    setup.update_workshop(store, date="")
    assert store.session.workshop.date is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"title": ""},
            '[workshop], title: skal have mindst 1 tegn (der står "") - skriv mindst ét tegn; feltet må ikke være tomt',
        ),
        (
            {"start": "25.00"},
            '[workshop], start: et klokkeslæt som "18:00" eller "18.00" forventes (der står "25.00") - '
            'skriv klokkeslættet som "18:00" eller "18.00"',
        ),
        (
            {"date": "1. april"},
            '[workshop], date: skal være en dato (der står "1. april") - skriv en dato som 2026-11-25',
        ),
        (
            {"language": "sv"},
            '[workshop], language: skal være en af "da" eller "en" (der står "sv") - brug en af værdierne "da", "en"',
        ),
    ],
)
def test_bad_evening_values_are_refused_with_the_field_and_the_fix(store, changes, message):
    before = store.version
    with pytest.raises(ChangeRefused) as refused:
        setup.update_workshop(store, **changes)
    assert message in str(refused.value)
    assert store.version == before


def test_an_english_evening_is_refused_in_english(store):
    setup.update_workshop(store, language="en")
    with pytest.raises(ChangeRefused) as refused:
        setup.update_item(store, "p1", minutes="half an hour")
    assert str(refused.value) == (
        "[[program]] #1, minutes: Input should be a valid integer "
        '(found "half an hour") - write a whole number without quotes, e.g. 30'
    )
    store.add_note("s1", 1, "A note")
    with pytest.raises(ChangeRefused, match='station "Ledelse som fag" has 1 note'):
        setup.remove_station(store, "s1")


def test_programme_items_are_added_moved_changed_and_removed(store):
    outcome = setup.add_item(store, "Kaffe", 10, "break", after="p1")
    assert outcome.id == "p8"
    assert [i.id for i in store.session.program][:3] == ["p1", "p8", "p2"]
    assert clock(planned(store.session)[2].start) == "18.30"
    setup.move_item(store, "p8", 1)
    assert [i.id for i in store.session.program][:3] == ["p1", "p2", "p8"]
    setup.update_item(store, "p8", minutes=15, title="Kaffe og kage")
    item = next(i for i in store.session.program if i.id == "p8")
    assert (item.title, item.minutes, item.kind) == ("Kaffe og kage", 15, "break")
    setup.remove_item(store, "p8")
    assert "p8" not in [i.id for i in store.session.program]
    assert store.undo() is not None
    assert "p8" in [i.id for i in store.session.program]


def test_zero_minutes_is_refused_like_check(store):
    with pytest.raises(ChangeRefused) as refused:
        setup.update_item(store, "p1", minutes=0)
    assert str(refused.value) == (
        "[[program]] #1, minutes: minutterne skal være over nul (der står 0) - skriv et antal minutter over 0, fx 30"
    )


def test_a_round_too_many_is_refused_with_the_rotation_fix(store):
    with pytest.raises(ChangeRefused, match="skriv rotationen ud som \\[\\[rotation\\]\\]-tabeller"):
        setup.add_item(store, "Runde 4", 30, "round")
    assert len(store.session.round_items()) == 3


def test_the_running_item_cannot_be_removed(store):
    from workshop.scheduling import evening as live

    store.set_section("live", live.start(store.session, dt.datetime(2026, 3, 12, 18, 0)), "started", undoable=False)
    with pytest.raises(ChangeRefused) as refused:
        setup.remove_item(store, "p1")
    assert str(refused.value) == (
        "[live], current: «Velkomst v. formanden» er det punkt, der kører nu - "
        "gå videre til næste punkt (eller afslut det), før du fjerner det"
    )


def test_adding_a_station_adds_a_group_and_a_round(store):
    outcome = setup.add_station(store, "Fastholdelse", "Mette", ["Hvad virker?", " ", "Hvad mangler?"])
    session = store.session
    assert outcome.id == "s4"
    assert outcome.also == [("group", "Gruppe 4"), ("round", "Runde 4 ved stationer")]
    assert session.station("s4").questions == ["Hvad virker?", "Hvad mangler?"]
    assert [i.title for i in session.round_items()][-1] == "Runde 4 ved stationer"
    # The round goes after the last round, before the plenary.
    assert [i.id for i in session.program][5:7] == ["p8", "p6"]
    assert len(rotation(session)) == 4
    assert reopen(store).session.station("s4").host == "Mette"


def test_removing_a_station_removes_a_round_and_a_group(store):
    setup.add_station(store, "Fastholdelse", "Mette")
    outcome = setup.remove_station(store, "s4")
    assert outcome.also == [("round", "Runde 4 ved stationer"), ("group", "Gruppe 4")]
    assert len(store.session.stations) == len(store.session.groups) == len(store.session.round_items()) == 3


def test_removing_a_station_keeps_the_people_of_its_group(store):
    outcome = setup.remove_station(store, "s3")
    # Every group has people, so the last one goes and its people wait without a group.
    assert ("without_group", "5") in outcome.also
    assert [p.name for p in store.session.participants][:2] == ["Birthe Møller", "Kasper Væver"]


def test_a_station_with_notes_is_kept(store):
    store.add_note("s2", 1, "Mentorordning for nye ledere")
    with pytest.raises(ChangeRefused, match="har 1 note"):
        setup.remove_station(store, "s2")


def test_a_station_is_changed_and_moved(store):
    setup.update_station(store, "s1", name="Ledelse", host="Bodil B.", questions=["Et", "", "To"])
    station = store.session.station("s1")
    assert (station.name, station.host, station.questions) == ("Ledelse", "Bodil B.", ["Et", "To"])
    setup.move_station(store, "s1", 1)
    assert [s.id for s in store.session.stations] == ["s2", "s1", "s3"]
    with pytest.raises(ChangeRefused, match="feltet må ikke være tomt"):
        setup.update_station(store, "s1", name="")


def test_people_are_added_changed_and_moved_between_groups(store):
    setup.add_member(store, "g3", "Viggo Ravn", "union")
    assert store.session.group("g3").members[-1].affiliation == "union"
    setup.update_member(store, "g3", 5, name="Viggo Ravnsholt", affiliation="", was="Viggo Ravn")
    assert store.session.group("g3").members[-1].model_dump() == {"name": "Viggo Ravnsholt", "affiliation": None}
    setup.move_member(store, "g3", 5, "g1", was="Viggo Ravnsholt")
    assert store.session.group("g1").members[-1].name == "Viggo Ravnsholt"
    assert len(store.session.group("g3").members) == 5
    setup.move_member(store, "g1", 6, None)
    assert [p.name for p in store.session.participants] == ["Viggo Ravnsholt"]
    setup.move_member(store, None, 0, "g2")
    assert store.session.participants == []
    setup.remove_member(store, "g2", 6, was="Viggo Ravnsholt")
    assert len(store.session.group("g2").members) == 6
    setup.rename_group(store, "g2", "De blå")
    assert store.session.group("g2").name == "De blå"


def test_someone_elses_change_is_noticed(store):
    with pytest.raises(KeyError, match="se efter igen"):
        setup.update_member(store, "g1", 0, name="X", affiliation=None, was="Somebody Else")
    with pytest.raises(KeyError, match="stationen s9 findes ikke længere"):
        setup.update_station(store, "s9", name="Væk")
    with pytest.raises(ChangeRefused, match=r"\[\[groups\]\] #1, members\.7\.name: .* - skriv mindst ét tegn"):
        setup.add_member(store, "g1", "  ")


def test_a_group_alone_waits_in_turn(store):
    from workshop.scheduling.rotation import plan

    outcome = setup.add_group(store, "Gruppe 4")
    assert outcome.id == "g4"
    assert plan(store.session).waiting == [["g4"], ["g3"], ["g2"]]
    # No longer a square: a new station now comes alone.
    assert setup.add_station(store, "Fastholdelse").also == []


def test_a_remix_evening_grows_by_a_station_and_a_round(store):
    store.set_section("schedule", store.session.schedule.model_copy(update={"mode": "remix"}), "remix")
    outcome = setup.add_station(store, "Fastholdelse")
    assert outcome.also == [("round", "Runde 4 ved stationer")]
    assert len(store.session.groups) == 3
    outcome = setup.remove_station(store, "s4")
    assert outcome.also == [("round", "Runde 4 ved stationer")]


def test_the_programme_item_kinds_are_the_models():
    from workshop.model.session import ProgramItem

    assert setup.KINDS == ("plenary", "round", "break")
    for kind in setup.KINDS:
        assert ProgramItem(title="x", minutes=5, kind=kind).kind == kind


def test_setup_changes_say_what_they_did_for_undo(store):
    setup.add_station(store, "Fastholdelse")
    event = store.undo()
    from workshop.storage.change_labels import describe_change

    assert describe_change(event.label, "da") == "station tilføjet"
    assert describe_change(event.label, "en") == "station added"

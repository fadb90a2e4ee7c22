"""Every version of every recommendation through a series, computed from the meetings (workshop.series.versions).

Properties (hypothesis): the meetings may be given in any order (the series orders them by date);
any subset of the meetings may change a recommendation; a meeting that does not hold it carries
it on unchanged; the changed parts are exactly those whose wording differs from the version
before; the notes of the meeting linked to a changed part are the ones that qualified it.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.model.recommendations import SECTION_NAMES, Recommendation
from workshop.model.session import Note, Session, Station, Workshop
from workshop.series.timeline import entries, now_position
from workshop.series.versions import COMPARED, MeetingSession, histories, in_date_order, latest_session, part

RIDS = ["r1", "r2", "r3"]
PARTS = ["title", "purpose", "actions", "baseline"]


def meeting(number: int, day: dt.date, recommendations: list[Recommendation], notes: list[Note]) -> Session:
    return Session(
        workshop=Workshop(title="Udvalget", subtitle=f"Møde {number}", date=day),
        stations=[Station(id="s1", name="Ledelse")],
        recommendations=recommendations,
        notes=notes,
    )


@st.composite
def series_of_meetings(draw: st.DrawFn) -> tuple[list[MeetingSession], dict[tuple[int, str], dict[str, str]]]:
    """Meetings on distinct days; at each, each recommendation is absent, kept, or changed in some parts.

    Returns the meetings (in date order) and what each meeting wrote: (meeting, rid) -> the parts' wording.
    """
    count = draw(st.integers(1, 5))
    days = sorted(
        draw(st.lists(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)), min_size=count, max_size=count, unique=True))
    )
    wrote: dict[tuple[int, str], dict[str, str]] = {}
    current: dict[str, dict[str, str]] = {}
    meetings = []
    for index, day in enumerate(days):
        recommendations = []
        notes = []
        for rid in RIDS:
            action = draw(st.sampled_from(["absent", "keep", "change"]))
            if action == "absent" or (action == "keep" and rid not in current):
                continue
            wording = dict(current.get(rid, {"title": f"Titel {rid}"}))
            if action == "change":
                for name in draw(st.lists(st.sampled_from(PARTS), unique=True, min_size=1)):
                    wording[name] = f"{name} {rid} ved møde {index + 1}"
                    if draw(st.booleans()):
                        notes.append(
                            Note(
                                id=f"n{index}{rid}{name}",
                                station="s1",
                                round=1,
                                text=f"om {name}",
                                recommendation=rid,
                                section=None if name == "title" else name,
                            )
                        )
            current[rid] = wording
            wrote[(index, rid)] = wording
            recommendations.append(Recommendation(id=rid, **wording))
        meetings.append(MeetingSession(f"m{index}.toml", meeting(index + 1, day, recommendations, notes), index))
    return meetings, wrote


@settings(max_examples=150, deadline=None)
@given(data=series_of_meetings(), order=st.randoms(use_true_random=False))
def test_any_order_and_any_subset_of_changes_give_every_version(data, order):
    meetings, wrote = data
    shuffled = list(meetings)
    order.shuffle(shuffled)
    found = {h.id: h for h in histories(shuffled)}
    assert [m.file for m in in_date_order(shuffled)] == [m.file for m in meetings]
    assert set(found) == {rid for _, rid in wrote}
    for rid, history in found.items():
        first = min(index for index, r in wrote if r == rid)
        assert [v.meeting for v in history.versions] == list(range(first, len(meetings)))
        previous: Recommendation | None = None
        for version in history.versions:
            written = wrote.get((version.meeting, rid))
            if written is None:
                assert version.carried and version.changes == () and version.recommendation == previous
            else:
                assert not version.carried
                assert {k: part(version.recommendation, k) for k in written} == written
                expected = [s for s in COMPARED if part(previous, s) != part(version.recommendation, s)]
                assert list(version.changed) == expected
                for change in version.changes:
                    assert change.before == part(previous, change.section)
                    assert change.after == part(version.recommendation, change.section)
                    assert all(n.recommendation == rid and n.section == change.section for n in change.notes)
                notes = meetings[version.meeting].session.notes
                assert list(version.notes) == [n for n in notes if n.recommendation == rid]
            previous = version.recommendation
        last = max(index for index, r in wrote if r == rid)
        assert history.latest == Recommendation(id=rid, **wrote[(last, rid)])


@settings(max_examples=50, deadline=None)
@given(data=series_of_meetings())
def test_the_latest_session_holds_the_latest_version_of_every_recommendation(data):
    meetings, _ = data
    session = latest_session(meetings, "Serien", "da")
    assert session is not None
    assert session.workshop.title == "Serien"
    latest = {h.id: h.latest for h in histories(meetings)}
    assert {r.id: r for r in session.recommendations} == latest


def test_a_recommendation_no_later_meeting_touches_is_carried_to_the_end():
    one = Recommendation(id="r1", title="Ny i ledelse", purpose="Robust ledelse")
    two = one.model_copy(update={"purpose": "Robust og solid ledelse", "actions": "- før-lederforløb"})
    note = Note(id="n1", station="s1", round=1, text="også mentorer", recommendation="r1", section="actions")
    meetings = [
        MeetingSession("m3.toml", meeting(3, dt.date(2023, 4, 19), [two], [note]), 0),
        MeetingSession(
            "m2.toml", meeting(2, dt.date(2023, 3, 27), [one, Recommendation(id="r2", title="Ledige")], []), 1
        ),
        MeetingSession("m4.toml", meeting(4, dt.date(2023, 5, 10), [], []), 2),
    ]
    (r1, r2) = histories(meetings)
    assert [v.carried for v in r1.versions] == [False, False, True]
    assert r1.versions[1].changed == ("purpose", "actions")
    assert r1.versions[1].changes[1].notes == (note,)
    assert r1.latest == two
    assert [v.carried for v in r2.versions] == [False, True, True] and r2.latest.title == "Ledige"
    assert set(SECTION_NAMES) < set(COMPARED)


def test_the_timeline_orders_meetings_and_milestones_and_places_now():
    from workshop.model.series import Milestone

    meetings = [
        MeetingSession("m3.toml", meeting(3, dt.date(2023, 4, 19), [], []), 0),
        MeetingSession("m2.toml", meeting(2, dt.date(2023, 3, 27), [], []), 1),
    ]
    milestones = [
        Milestone(date=dt.date(2023, 5, 1), end=dt.date(2023, 6, 30), kind="political", title="Politisk behandling"),
        Milestone(date=dt.date(2023, 4, 6), kind="deadline", title="Frist"),
    ]
    timeline = entries(meetings, milestones)
    assert [e.title for e in timeline] == ["Møde 2", "Frist", "Møde 3", "Politisk behandling"]
    assert now_position(timeline, dt.date(2023, 4, 19)) == 3
    assert now_position(timeline, dt.date(2020, 1, 1)) == 0
    assert timeline[3].covers(dt.date(2023, 6, 1))

"""The review logic without a screen: filters, search, grouping, the matrix; and coding helpers."""

from __future__ import annotations

import datetime as dt

import pytest
from fixed_notes import put

from workshop.model.session import ActualTime, Live
from workshop.notes import codebook
from workshop.notes.capture import (
    Choice,
    apply_choice,
    category_for_key,
    clean_text,
    next_round_choice,
    place,
    prompt_choices,
    round_now,
)
from workshop.notes.review import (
    NoteFilter,
    authors,
    by_category,
    by_station,
    cycle,
    filter_notes,
    in_order,
    matrix,
    next_uncoded,
    search_terms,
    station_notes,
    stations_and_notes,
    tally,
)
from workshop.storage.change_labels import describe_change
from workshop.storage.store import ChangeRefused


@pytest.fixture
def evening(store):
    """Nine notes over three stations and rounds, some coded, by two note-takers."""
    put(store, "s1", 1, "Ledelse som fag kræver tid til ledelse", group="g1", categories=["c1"], minute=1)
    put(store, "s1", 1, "Nye ledere savner en mentor", group="g1", minute=2)
    put(store, "s1", 2, "Ledelsesspænd er for stort", group="g3", categories=["c1", "c4"], minute=40)
    put(store, "s2", 1, "Praktik tidligt i skolen", group="g2", categories=["c2"], author="Bo", minute=3)
    put(store, "s2", 2, "Studiejob for elever", group="g1", categories=["c2", "c3"], author="Bo", minute=41)
    put(store, "s2", 3, "Ingen har nævnt lønnen", group="g3", author="Bo", minute=70)
    put(store, "s3", 1, "Ledige kan tage uddannelse med løn", group="g3", categories=["c3"], author="Cai", minute=4)
    put(
        store,
        "s3",
        2,
        'Fastholdelse via trivsel\nog "nye kolleger"',
        group="g2",
        categories=["c4"],
        author="Cai",
        minute=42,
    )
    put(store, "s3", 3, "Tak for i dag", group="g1", author="Cai", minute=71)
    return store


def texts(notes):
    return [n.text.split("\n")[0] for n in notes]


# Filters and search -----------------------------------------------------------------------------


def test_no_filter_shows_every_note(evening):
    assert len(filter_notes(evening.session.notes, NoteFilter())) == 9
    assert not NoteFilter().active


def test_each_filter_narrows_down(evening):
    notes = evening.session.notes
    assert len(filter_notes(notes, NoteFilter(station="s1"))) == 3
    assert len(filter_notes(notes, NoteFilter(round=1))) == 4
    assert len(filter_notes(notes, NoteFilter(group="g3"))) == 3
    assert texts(filter_notes(notes, NoteFilter(category="c1"))) == [
        "Ledelse som fag kræver tid til ledelse",
        "Ledelsesspænd er for stort",
    ]
    assert len(filter_notes(notes, NoteFilter(author="Bo"))) == 3
    assert texts(filter_notes(notes, NoteFilter(uncoded=True))) == [
        "Nye ledere savner en mentor",
        "Ingen har nævnt lønnen",
        "Tak for i dag",
    ]


def test_filters_combine(evening):
    notes = evening.session.notes
    assert texts(filter_notes(notes, NoteFilter(station="s2", round=2, category="c3"))) == ["Studiejob for elever"]
    assert filter_notes(notes, NoteFilter(station="s1", author="Bo")) == []


def test_search_ignores_case_and_needs_every_word(evening):
    notes = evening.session.notes
    assert len(filter_notes(notes, NoteFilter(text="LEDELSE"))) == 2
    assert texts(filter_notes(notes, NoteFilter(text="ledere mentor"))) == ["Nye ledere savner en mentor"]
    assert filter_notes(notes, NoteFilter(text="ledere løn")) == []
    assert texts(filter_notes(notes, NoteFilter(text="LØNNEN"))) == ["Ingen har nævnt lønnen"]


def test_search_keeps_quoted_words_together(evening):
    notes = evening.session.notes
    assert search_terms('trivsel "Nye Kolleger"') == ["trivsel", "nye kolleger"]
    assert texts(filter_notes(notes, NoteFilter(text='"nye kolleger"'))) == ["Fastholdelse via trivsel"]
    assert search_terms('  "" ') == []


def test_search_finds_text_on_any_line(evening):
    assert len(filter_notes(evening.session.notes, NoteFilter(text="kolleger", station="s3"))) == 1


def test_station_notes_keep_the_order_they_were_written(evening):
    assert texts(station_notes(evening.session, "s2")) == [
        "Praktik tidligt i skolen",
        "Studiejob for elever",
        "Ingen har nævnt lønnen",
    ]


def test_in_order_is_station_then_round_then_time(evening):
    ordered = in_order(evening.session, evening.session.notes)
    assert [(n.station, n.round) for n in ordered] == [
        ("s1", 1),
        ("s1", 1),
        ("s1", 2),
        ("s2", 1),
        ("s2", 2),
        ("s2", 3),
        ("s3", 1),
        ("s3", 2),
        ("s3", 3),
    ]


def test_within_a_round_the_groups_follow_the_sessions_order(store):
    put(store, "s1", 1, "Gruppe 3 skrev først", group="g3", minute=1)
    put(store, "s1", 1, "Gruppe 1 skrev bagefter", group="g1", minute=5)
    put(store, "s1", 1, "Uden gruppe", minute=0)
    expected = ["Gruppe 1 skrev bagefter", "Gruppe 3 skrev først", "Uden gruppe"]
    assert texts(in_order(store.session, store.session.notes)) == expected
    assert texts(stations_and_notes(store.session)[0].notes) == expected  # the minutes read them alike
    assert texts(by_station(store.session, store.session.notes)[0].notes) == expected


def test_next_uncoded_wraps_round(evening):
    notes = in_order(evening.session, evening.session.notes)
    first = next_uncoded(notes)
    assert first.text == "Nye ledere savner en mentor"
    second = next_uncoded(notes, first.id)
    assert second.text == "Ingen har nævnt lønnen"
    last = next_uncoded(notes, second.id)
    assert last.text == "Tak for i dag"
    assert next_uncoded(notes, last.id) is first
    assert next_uncoded([n for n in notes if n.categories]) is None
    assert next_uncoded([]) is None


def test_authors_and_cycling(evening):
    assert authors(evening.session.notes) == ["Anna", "Bo", "Cai"]
    assert cycle(["s1", "s2"], None) == "s1"
    assert cycle(["s1", "s2"], "s1") == "s2"
    assert cycle(["s1", "s2"], "s2") is None
    assert cycle(["s1", "s2"], "gone") is None
    assert cycle([], None) is None


# Grouping and the matrix ------------------------------------------------------------------------


def test_grouped_by_station(evening):
    groups = by_station(evening.session, evening.session.notes)
    assert [(g.station.name, len(g.notes)) for g in groups] == [
        ("Ledelse som fag", 3),
        ("Uddannelse – før, under og efter. Tidlig interesse for fagene", 3),
        ("Fra ledighed til uddannelse til fastansættelse og fastholdelse", 3),
    ]


def test_grouped_by_category_lists_a_note_under_each_of_its_categories(evening):
    groups = by_category(evening.session, evening.session.notes)
    summary = [(g.category.name if g.category else None, len(g.notes)) for g in groups]
    assert summary == [("Ledelse", 2), ("Uddannelse", 2), ("Rekruttering", 2), ("Fastholdelse", 2), (None, 3)]


def test_matrix_counts_notes_per_station_and_category(evening):
    counts = matrix(evening.session, evening.session.notes)
    assert counts.count("s1", "c1") == 2
    assert counts.count("s1", "c4") == 1
    assert counts.count("s2", "c2") == 2
    assert counts.count("s3", "c2") == 0
    assert counts.count("s1", None) == 1  # uncoded
    assert counts.totals == {"s1": 3, "s2": 3, "s3": 3}
    assert counts.column_total("c3") == 2
    assert counts.column_total(None) == 3
    assert counts.total == 9


def test_the_minutes_overview_and_the_review_matrix_count_alike(evening):
    overview, counts = tally(evening.session), matrix(evening.session, evening.session.notes)
    assert overview == counts
    assert [(c.name, numbers) for c, numbers in overview.rows] == [
        ("Ledelse", [2, 0, 0]),
        ("Uddannelse", [0, 2, 0]),
        ("Rekruttering", [0, 1, 1]),
        ("Fastholdelse", [1, 0, 1]),
    ]
    assert overview.uncoded == [1, 1, 1] and overview.notes == [3, 3, 3]
    assert overview.placed == [4, 4, 3]  # a note under two categories is placed under both


def test_every_station_has_one_title(evening):
    entries = stations_and_notes(evening.session)
    assert entries[0].title("da") == "Station 1 – Ledelse som fag v. Bodil"
    assert entries[0].title("en") == "Station 1 – Ledelse som fag with Bodil"
    long_name = "Fra ledighed til uddannelse til fastansættelse og fastholdelse"
    assert entries[2].title("da", host=False) == f"Station 3 – {long_name}"
    assert [g.number for g in by_station(evening.session, evening.session.notes)] == [1, 2, 3]


def test_matrix_of_filtered_notes(evening):
    counts = matrix(evening.session, filter_notes(evening.session.notes, NoteFilter(round=1)))
    assert counts.total == 4
    assert counts.count("s3", "c3") == 1


# Where a note goes --------------------------------------------------------------------------


def test_before_the_evening_notes_go_to_round_one(store):
    where = place(store.session, "s2")
    assert (where.round, where.why, where.group) == (1, "first", "g2")
    assert where.station.host == "Jonas"
    assert where.number == 2
    assert where.slot.start.strftime("%H.%M") == "18.20"


def test_the_round_follows_the_facilitator(store):
    # p4 is "Runde 2 ved stationer"; in round 2 group 1 is at station 2 (as on the slide).
    store.set_section("live", Live(current="p4", started=dt.datetime(2026, 3, 12, 19, 20)), "round 2 started")
    where = place(store.session, "s2")
    assert (where.round, where.why, [g.name for g in where.groups]) == (2, "live", ["Gruppe 1"])


def test_in_the_break_notes_go_to_the_round_that_ran_last(store):
    actual = [ActualTime(item="p2", start=dt.datetime(2026, 3, 12, 18, 20), end=dt.datetime(2026, 3, 12, 18, 50))]
    store.set_section("live", Live(current="p3", started=dt.datetime(2026, 3, 12, 18, 50), actual=actual), "break")
    assert round_now(store.session) == (1, "latest")
    store.set_section("live", Live(current=None, finished=True, actual=actual), "finished")
    assert round_now(store.session) == (1, "finished")


def test_a_chosen_round_wins_and_steps_back_to_following(store):
    assert place(store.session, "s1", chosen_round=3).round == 3
    assert place(store.session, "s1", chosen_round=3).why == "chosen"
    assert place(store.session, "s1", chosen_round=9).why == "first"  # no such round: follow
    assert [next_round_choice(c, 3) for c in (None, 1, 2, 3)] == [1, 2, 3, None]
    assert next_round_choice(None, 0) is None


def test_an_unknown_station_has_no_place(store):
    assert place(store.session, "s9") is None


def test_clean_text_keeps_lines_and_drops_blank_edges():
    assert clean_text("\n\n  Første linje\r\nanden linje   \n\n") == "Første linje\nanden linje"
    assert clean_text("   \n\t\n") == ""
    assert clean_text("§ 17 – æøå\x0b") == "§ 17 – æøå\x0b"


# Coding -------------------------------------------------------------------------------------


def test_digits_find_the_category_with_that_key(store):
    assert category_for_key(store.session, 3).name == "Rekruttering"
    assert category_for_key(store.session, 9) is None


def test_prompt_offers_matches_then_a_new_category(store):
    choices = prompt_choices(store.session, "le")
    assert choices[0] == Choice("c1", "Ledelse")
    assert choices[-1] == Choice(None, "le")
    assert prompt_choices(store.session, "Løn") == [Choice(None, "Løn")]
    exact = prompt_choices(store.session, "uddannelse")
    assert exact[0] == Choice("c2", "Uddannelse") and all(not c.creates for c in exact)
    assert len(prompt_choices(store.session, "")) == 4


def test_a_new_name_is_created_and_applied_in_one_undoable_change(store):
    note = store.add_note("s1", 1, "Løn og vilkår")
    category, changed = apply_choice(store, note.id, Choice(None, "  Løn   og vilkår "))
    assert changed and category.name == "Løn og vilkår" and category.key == 5
    assert store.index.get(note.id).categories == [category.id]
    store.undo()
    assert store.index.get(note.id).categories == []
    assert codebook.find_by_name(store.session, "Løn og vilkår") is None


def test_every_way_of_making_a_category_takes_the_next_free_key_and_colour(store):
    note = store.add_note("s1", 1, "Løn")
    made = [
        codebook.create(store, "Arbejdsmiljø"),
        codebook.split(store, "c1", [], "Ledelse i praksis"),
        apply_choice(store, note.id, Choice(None, "Løn"))[0],
        codebook.category_for_name(store, "Trivsel"),  # workshop note --category Trivsel
    ]
    assert [(c.id, c.key) for c in made] == [("c5", 5), ("c6", 6), ("c7", 7), ("c8", 8)]
    # Each new colour can be told apart at a glance from every other category's and from the uncoded warning.
    colours = [codebook.rgb(c.colour) for c in store.session.categories] + [codebook.rgb(codebook.UNCODED_WARNING)]
    for category in made:
        mine = codebook.rgb(category.colour)
        assert mine is not None
        others = [c for c in colours if c is not None and c != mine]
        assert min(codebook.colour_distance(mine, other) for other in others) >= codebook.DISTINCT
    assert codebook.category_for_name(store, " trivsel ") == made[3]  # found again, not made twice
    with pytest.raises(ChangeRefused, match='der er allerede en kategori, der hedder "arbejdsmiljø"'):
        codebook.split(store, "c1", [], "arbejdsmiljø")


def test_undo_says_what_a_codebook_change_did_in_the_sessions_language(store):
    codebook.create(store, "Løn")
    codebook.merge(store, "c4", "c1")
    assert describe_change(store.undo().label, "da") == "kategorier flettet ind i «Ledelse»"
    assert describe_change(store.undo().label, "da") == "kategori «Løn» oprettet"
    note = store.add_note("s1", 1, "x")
    apply_choice(store, note.id, Choice(None, "Tid"))
    assert describe_change(store.undo().label, "en") == "category “Tid” created"


def test_applying_an_existing_category_twice_keeps_it(store):
    note = store.add_note("s1", 1, "Ledelse")
    assert apply_choice(store, note.id, Choice("c1", "Ledelse"))[1] is True
    assert apply_choice(store, note.id, Choice("c1", "Ledelse"))[1] is False
    assert store.index.get(note.id).categories == ["c1"]


def test_applying_a_deleted_category_is_refused(store):
    note = store.add_note("s1", 1, "x")
    with pytest.raises(ChangeRefused):
        apply_choice(store, note.id, Choice("c99", "Borte"))

"""The quote table: one row per note, UTF-8 with a BOM and ';', as Danish Excel wants it."""

from __future__ import annotations

import csv
import re

from export_notes import NOTES, add_notes

from workshop.documents.quotes import write_quotes


def read(path):
    raw = path.read_bytes()
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return raw, list(csv.reader(handle, delimiter=";"))


def test_the_table_round_trips_through_the_csv_module(store, tmp_path):
    add_notes(store)
    write_quotes(store.session, tmp_path / "q.csv")
    raw, rows = read(tmp_path / "q.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and "følges op – også efter § 17".encode() in raw
    assert rows[0] == ["Station", "Runde", "Gruppe", "Skribent", "Tidspunkt", "Kategorier", "Tekst"]
    assert len(rows) == len(NOTES) + 1
    first = rows[1]
    assert first[0] == "Station 1 – Ledelse som fag"
    assert first[1:4] == ["1", "Gruppe 1", "Nora Notesen"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", first[4])
    assert first[5:] == ["Ledelse", "Lederne mangler tid til faglig sparring"]
    two = next(r for r in rows if r[6].startswith("Praktikpladser"))
    assert two[5] == "Uddannelse, Rekruttering" and two[2] == "Gruppe 3"
    assert two[6] == "Praktikpladser skal følges op – også efter § 17"


def test_separators_quotes_and_line_breaks_inside_a_note_survive(store, tmp_path):
    text = 'Et "citat"; med semikolon\nog ny linje\x0bfra Word\x00'
    store.add_note("s2", 2, text)
    write_quotes(store.session, tmp_path / "q.csv")
    _, rows = read(tmp_path / "q.csv")
    assert rows[1][6] == 'Et "citat"; med semikolon\nog ny linje\nfra Word'
    assert rows[1][2] == "Gruppe 1"


def test_a_note_that_looks_like_a_formula_stays_text(store, tmp_path):
    store.add_note("s1", 1, "- flere hænder\n- mere tid")
    store.add_note("s1", 1, "=SUM(A1:A9)")
    write_quotes(store.session, tmp_path / "q.csv")
    _, rows = read(tmp_path / "q.csv")
    assert [r[6] for r in rows[1:]] == ["'- flere hænder\n- mere tid", "'=SUM(A1:A9)"]


def test_english_header_and_an_empty_session(store, tmp_path):
    write_quotes(store.session, tmp_path / "q.csv", language="en")
    _, rows = read(tmp_path / "q.csv")
    assert rows == [["Station", "Round", "Group", "Author", "Time", "Categories", "Text"]]


def test_anonymized_quotes_have_no_authors_or_participants(store, tmp_path):
    add_notes(store)
    write_quotes(store.session, tmp_path / "q.csv", anonymize=True)
    text = (tmp_path / "q.csv").read_text(encoding="utf-8-sig")
    assert "Nora Notesen" not in text and "Åse Lund" not in text and "Mikkel" not in text
    assert "Deltager 1 foreslog en mentorordning" in text
    assert "Skribent 1" in text and "Bodil" not in text


def test_a_note_longer_than_a_spreadsheet_cell_is_split_over_rows_and_marked(store, tmp_path):
    long = " ".join(f"ord{n}" for n in range(9_000))  # 70,889 characters
    store.add_note("s3", 2, long, categories=["c3"])
    write_quotes(store.session, tmp_path / "q.csv")
    _, rows = read(tmp_path / "q.csv")
    parts = rows[1:]
    assert len(parts) == 3
    assert [r[6].split(" ", 3)[:3] for r in parts] == [["(del", "1", "af"], ["(del", "2", "af"], ["(del", "3", "af"]]
    assert all(len(r[6]) <= 32_767 for r in parts)
    assert all(r[:6] == parts[0][:6] for r in parts)  # the same station, round, group, author, time, categories
    rejoined = "".join(r[6].split(") ", 1)[1] for r in parts)
    assert rejoined == long

"""Made-up notes for the made-up evening (tests/data/evening.toml), used by the export tests."""

from __future__ import annotations

from workshop.storage.store import Store

NOTES = [
    # station, round, categories, author, text
    ("s1", 1, ["c1"], "Nora Notesen", "Lederne mangler tid til faglig sparring"),
    ("s1", 2, ["c2", "c3"], "Nora Notesen", "Praktikpladser skal følges op – også efter § 17"),
    ("s1", 3, [], "Peter Papir", "Åse Lund foreslog en mentorordning"),
    ("s2", 1, ["c2"], "Peter Papir", "Tidlig interesse for fagene i grundskolen"),
    ("s3", 1, ["c3", "c4"], "Nora Notesen", "Ledige kan opkvalificeres; Mikkels idé om jobrotation"),
    ("s3", 2, [], "Nora Notesen", "Kørsel mellem institutionerne tager tid"),
]
"""Station 2 has one note, station 1 three; category c1 one note, c4 one, uncoded two."""

AUTHORS = ["Nora Notesen", "Peter Papir"]

EVERY_FILE = [
    "evening-anbefalinger.docx",
    "evening-dagsordenspunkt.docx",
    "evening-kodebog.qdc",
    "evening-noter.csv",
    "evening-qda-projekt.qdpx",
    "evening-referat.docx",
    "evening-rutekort.docx",
]
"""Every document's file name, sorted: `workshop export --format all`, the secretariat's F5."""


def add_notes(store: Store) -> dict[str, object]:
    """Add the notes (the group is the one the rotation puts there); returns text -> note."""
    added = {}
    for station, round_number, categories, author, text in NOTES:
        added[text] = store.add_note(station, round_number, text, categories=categories, author=author)
    return added

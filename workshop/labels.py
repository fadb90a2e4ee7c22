"""The words the screens and documents use, in Danish and English.

``label("round", "da")`` -> "Runde". Keep keys in the users' own words. A module that needs a
word adds it here, so both languages always travel together.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    "activity": ("Aktivitet", "Activity"),
    "actual": ("Faktisk", "Actual"),
    "affiliation": ("Tilknytning", "Affiliation"),
    "author": ("Skribent", "Author"),
    "break": ("Pause", "Break"),
    "categories": ("Kategorier", "Categories"),
    "category": ("Kategori", "Category"),
    "codebook": ("Kodebog", "Codebook"),
    "count": ("Antal", "Count"),
    "date": ("Dato", "Date"),
    "description": ("Beskrivelse", "Description"),
    "ends": ("Slutter", "Ends"),
    "group": ("Gruppe", "Group"),
    "groups": ("Grupper", "Groups"),
    "host": ("Vært", "Host"),
    "host_prefix": ("v.", "with"),
    "location": ("Sted", "Place"),
    "members": ("Deltagere", "Members"),
    "minutes": ("Referat", "Minutes"),
    "minutes_unit": ("min.", "min"),
    "next": ("Næste", "Next"),
    "no_notes": ("Ingen noter.", "No notes."),
    "note": ("Note", "Note"),
    "notes": ("Noter", "Notes"),
    "overview": ("Overblik", "Overview"),
    "participants": ("Deltagere", "Participants"),
    "planned": ("Planlagt", "Planned"),
    "plenary": ("Plenum", "Plenary"),
    "program": ("Program", "Programme"),
    "questions": ("Spørgsmål", "Questions"),
    "remaining": ("Tilbage", "Left"),
    "rotation": ("Rotation", "Rotation"),
    "round": ("Runde", "Round"),
    "rounds": ("Runder", "Rounds"),
    "route": ("Rute", "Route"),
    "route_cards": ("Rutekort", "Route cards"),
    "start": ("Start", "Start"),
    "station": ("Station", "Station"),
    "stations": ("Stationer", "Stations"),
    "summary": ("Opsamling", "Summary"),
    "theme": ("Tema", "Theme"),
    "time": ("Tidspunkt", "Time"),
    "total": ("I alt", "Total"),
    "uncoded": ("Ikke kodet", "Uncoded"),
    "waiting": ("Venter", "Waiting"),
}


def label(key: str, language: str = "da") -> str:
    """The word for ``key`` in ``language`` ("da" or "en"); the key itself if unknown."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if language == "da" else pair[1]


def station_title(number: int, name: str, host: str, language: str = "da") -> str:
    """"Station 1 - Ledelse som fag v. Rikke"."""
    text = f"{label('station', language)} {number} - {name}"
    if host:
        text += f" {label('host_prefix', language)} {host}"
    return text

"""The words of the exported documents (minutes, route cards, quote table), Danish and English.

The words the screens share live in :mod:`workshop.labels`; the few only the documents need
are kept here in the same shape, with the dates and the participants' affiliations.
"""

from __future__ import annotations

import datetime as dt

from .labels import label

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    "anonymized": (
        "Navne på deltagere og skribenter er fjernet fra dette referat.",
        "The names of participants and note-takers have been removed from these minutes.",
    ),
    "counted_under_each": (
        "En note med flere kategorier tælles under hver af dem.",
        "A note with several categories is counted under each of them.",
    ),
    "key": ("Tast", "Key"),
    "name_placeholder": ("[navn]", "[name]"),
    "no_groups": ("Ingen grupper.", "No groups."),
    "no_members": ("Ingen deltagere.", "No members."),
    "no_rotation": ("Rotationen kan ikke vises", "The rotation cannot be shown"),
    "no_stations": ("Ingen stationer.", "No stations."),
    "no_categories": ("Ingen kategorier.", "No categories."),
    "notes_in_all": ("Noter i alt", "Notes in all"),
    "other_participants": ("Øvrige deltagere", "Other participants"),
    "people_count": ("{n} deltagere", "{n} people"),
    "personal_cards": (
        "i re-mix flytter hver deltager for sig, så rutekortene er personlige og kan ikke anonymiseres",
        "when re-mixing, each person moves on their own, so the route cards are personal and cannot be anonymized",
    ),
    "quotes": ("Noter", "Notes"),
    "route_card": ("Rutekort", "Route card"),
    "text": ("Tekst", "Text"),
    "waiting_here": ("Venter (ingen station)", "Waiting (no station)"),
}

FILE_WORDS: dict[str, tuple[str, str]] = {
    "minutes": ("referat", "minutes"),
    "route_cards": ("rutekort", "route-cards"),
    "quotes": ("noter", "notes"),
    "anonymized": ("anonymiseret", "anonymized"),
}
"""The words in the exported files' names: meeting-3-referat.docx, meeting-3-minutes.docx."""

AFFILIATIONS: dict[str, tuple[str, str]] = {
    "politician": ("politiker", "politician"),
    "administration": ("administration", "administration"),
    "staff": ("medarbejder", "staff"),
    "union": ("faglig organisation", "union"),
    "education": ("uddannelse", "education"),
}

_MONTHS_DA = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)
_WEEKDAYS_DA = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def word(key: str, language: str = "da") -> str:
    """A document word; falls back to the screens' labels."""
    pair = WORDS.get(key)
    if pair is None:
        return label(key, language)
    return pair[0] if language == "da" else pair[1]


def file_word(key: str, language: str = "da") -> str:
    pair = FILE_WORDS[key]
    return pair[0] if language == "da" else pair[1]


def affiliation(value: str | None, language: str = "da") -> str:
    """"politician" -> "politiker" in Danish; unknown values are shown as written."""
    if not value:
        return ""
    pair = AFFILIATIONS.get(value.strip().casefold())
    if pair is None:
        return value
    return pair[0] if language == "da" else pair[1]


def long_date(day: dt.date, language: str = "da") -> str:
    """"onsdag den 19. april 2023" / "Wednesday 19 April 2023"."""
    if language == "da":
        return f"{_WEEKDAYS_DA[day.weekday()]} den {day.day}. {_MONTHS_DA[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS_EN[day.weekday()]} {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def group_and_round(group_name: str | None, round_number: int, language: str = "da") -> str:
    """"Gruppe 2, runde 1" / "Group 2, round 1"; "Runde 1" when the note has no group."""
    if not group_name:
        return f"{label('round', language)} {round_number}"
    return f"{group_name}, {label('round', language).lower()} {round_number}"

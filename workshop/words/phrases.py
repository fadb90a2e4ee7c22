"""Phrases built from the catalogue's words: a station's title, a long date, "Gruppe 2, runde 1".

Each is formatted here and nowhere else, so every screen and document writes it the same way.
"""

from __future__ import annotations

import datetime as dt

from workshop.words import CATALOGUE, word


def station_title(number: int, name: str, host: str, language: str) -> str:
    """ "Station 1 – Ledelse som fag v. Rikke" (the title every screen and document uses).

    A station still named as ``workshop new`` named it ("Station 1") is "Station 1", not "Station 1 – Station 1".
    """
    text = station_label(number, name, language)
    if host:
        text += f" {word('host_prefix', language)} {host}"
    return text


def station_label(number: int, name: str, language: str, between: str = " – ") -> str:
    """ "Station 1 – Ledelse som fag" (``between`` "\\n" in a column head); just "Station 1" when that is its name."""
    plain = f"{word('station', language)} {number}"
    if name.strip().casefold() == plain.casefold():
        return plain
    return f"{plain}{between}{name}"


def long_date(day: dt.date, language: str) -> str:
    """ "onsdag den 19. april 2023" / "Wednesday 19 April 2023"."""
    return word(
        "long_date",
        language,
        weekday=word(f"weekday_{day.weekday()}", language),
        day=day.day,
        month=word(f"month_{day.month}", language),
        year=day.year,
    )


def written_day(day: dt.date, language: str) -> str:
    """A day written short, as the slides write it: "19.04.2023" in Danish, "2023-04-19" in English."""
    return day.strftime("%d.%m.%Y") if language == "da" else day.isoformat()


def group_and_round(group_name: str | None, round_number: int, language: str) -> str:
    """ "Gruppe 2, runde 1" / "Group 2, round 1"; "Runde 1" when the note has no group."""
    if not group_name:
        return f"{word('round', language)} {round_number}"
    return f"{group_name}, {word('round', language).lower()} {round_number}"


def affiliation(value: str | None, language: str) -> str:
    """ "politician" -> "politiker" in Danish; an affiliation the catalogue does not know is shown as written."""
    if not value:
        return ""
    key = f"affiliation.{value.strip().casefold()}"
    if key not in CATALOGUE:
        return value
    return word(key, language)


def file_word(kind: str, language: str) -> str:
    """The word in an exported file's name: "referat" in meeting-3-referat.docx."""
    return word(f"file.{kind}", language)

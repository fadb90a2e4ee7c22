"""Words of the exported documents: the minutes, the route cards and the quote table."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
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
    "rotation_not_shown": ("Rotationen kan ikke vises", "The rotation cannot be shown"),
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
    # the words in the exported files' names: meeting-3-referat.docx / meeting-3-minutes.docx
    "minutes": ("referat", "minutes"),
    "route_cards": ("rutekort", "route-cards"),
    "quotes": ("noter", "notes"),
    "anonymized": ("anonymiseret", "anonymized"),
}

AFFILIATIONS: dict[str, tuple[str, str]] = {
    # an affiliation as written in the session -> (Danish, English)
    "politician": ("politiker", "politician"),
    "administration": ("administration", "administration"),
    "staff": ("medarbejder", "staff"),
    "union": ("faglig organisation", "union"),
    "education": ("uddannelse", "education"),
}

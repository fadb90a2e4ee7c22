"""Words of the exported documents: the minutes, the route cards and the quote table."""

from __future__ import annotations

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
    # exporting (workshop export and the secretariat's screen): what was written, and what went wrong
    "doc_wrote": ("skrev {path} ({title}, {notes})", "wrote {path} ({title}, {notes})"),
    "doc_notes_one": ("1 note", "1 note"),
    "doc_notes_many": ("{count} noter", "{count} notes"),
    "doc_wrong_extension": (
        "{out}: dette dokument ({title}) er en {extension}-fil; giv et navn, der ender på {extension}",
        "{out}: this document ({title}) is a {extension} file; give a name ending in {extension}",
    ),
    "doc_out_not_folder": (
        "--out {out}: med --format all skal du angive en mappe (den oprettes, hvis den mangler), ikke en fil",
        "--out {out}: with --format all, give a folder (it is created if missing), not a file",
    ),
    "doc_no_folder": (
        "mappen {folder} findes ikke; opret den, eller vælg et andet sted",
        "the folder {folder} does not exist; create it or choose another place",
    ),
    "doc_cannot_make_folder": ("kan ikke oprette mappen {folder}: {reason}", "cannot create the folder {folder}: {reason}"),
    "doc_file_in_use": (
        "kan ikke skrive {target}: filen er åben i et andet program (Word?), eller mappen er skrivebeskyttet; "
        "luk filen, eller vælg et andet sted",
        "cannot write {target}: it is open in another program (Word?) or the folder is read-only; "
        "close it or choose another place",
    ),
    "doc_cannot_write": ("kan ikke skrive {target}: {reason}", "cannot write {target}: {reason}"),
    "doc_no_participants": (
        "sessionen har ingen deltagere, så der er ingen rutekort at skrive ud",
        "the session has no participants, so there are no route cards to print",
    ),
    "doc_no_groups": (
        "sessionen har ingen grupper, så der er ingen rutekort at skrive ud",
        "the session has no groups, so there are no route cards to print",
    ),
    "doc_no_route": ("ingen rutekort: {problem}", "no route cards: {problem}"),
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

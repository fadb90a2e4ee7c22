"""Words of the command line: what each command prints, its usage errors, and the content of a new session."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # workshop check
    "check_ok": ("ok: {counts}", "ok: {counts}"),
    # workshop new
    "new_wrote": ("skrev {path}: {counts}. Næste skridt: workshop run {path}", "wrote {path}: {counts}. Next: workshop run {path}"),
    "new_exists": ("{path} findes allerede; vælg et andet navn (intet er ændret)", "{path} exists already; choose another name (nothing was changed)"),
    "new_no_folder": ("mappen {folder} findes ikke; opret den først", "the folder {folder} does not exist; create it first"),
    "new_not_toml": ("{path}: en sessionsfil skal ende på .toml", "{path}: a session file ends in .toml"),
    "new_too_few_stations": ("--stations skal være 1 eller mere", "--stations must be 1 or more"),
    "new_too_few": ("--groups og --rounds skal være 1 eller mere", "--groups and --rounds must be 1 or more"),
    "new_too_many_rounds": (
        "--rounds {rounds}: med {stations} stationer og {groups} grupper har hver gruppe besøgt hver station efter {needed} runder",
        "--rounds {rounds}: with {stations} stations and {groups} groups every group has visited every station after {needed} rounds",
    ),
    "new_bad_start": ('--start "{value}": angiv et klokkeslæt som 18:00', '--start "{value}": give a clock time such as 18:00'),
    "new_bad_date": ('--date "{value}": angiv en dato som 2026-11-25', '--date "{value}": give a date such as 2026-11-25'),
    # what a new session holds (workshop new)
    "starter_title": ("Værksted", "Workshop"),
    "starter_welcome": ("Velkomst", "Welcome"),
    "starter_plenary_summary": ("Opsamling i plenum", "Summary in plenary"),
    "starter_idea": ("Idé", "Idea"),
    "starter_concern": ("Bekymring", "Concern"),
    "starter_question_1": ("Er der noget vi har overset?", "Have we overlooked anything?"),
    "starter_question_2": ("Noget der mangler at blive beskrevet?", "Is something missing from the description?"),
    "starter_question_3": ("Vil det skabe merværdi?", "Will it add value?"),
    # workshop run and workshop note
    "run_no_station": (
        '--station "{station}": stationen findes ikke i {path}; brug en af {known}',
        '--station "{station}": no such station in {path}; use one of {known}',
    ),
    "note_no_station": ('--station "{station}": stationen findes ikke; brug en af {known}', '--station "{station}": no such station; use one of {known}'),
    "note_no_round": ("--round {round}: programmet har runde 1 til {rounds}", "--round {round}: the programme has rounds 1 to {rounds}"),
    "note_no_group": ('--group "{group}": gruppen findes ikke; brug en af {known}', '--group "{group}": no such group; use one of {known}'),
}

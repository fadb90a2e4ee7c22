"""Words of the command line: what each command prints, its usage errors, and the content of a new session."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # workshop check
    "check_ok": ("ok: {counts}", "ok: {counts}"),
    # every command: an argument argparse refuses (workshop.cli.arguments)
    "arg_no_command": ("kommandoen {value} findes ikke", "there is no command {value}"),
    "arg_invalid_int": ("{option}: {value} er ikke et helt tal", "{option}: {value} is not a whole number"),
    "arg_fix_int": ("skriv et helt tal, fx {option} 3", "write a whole number, e.g. {option} 3"),
    "arg_invalid_value": ("{option}: {value} kan ikke bruges", "{option}: {value} cannot be used"),
    "arg_invalid_choice": ("{option}: {value} findes ikke", "{option}: there is no {value}"),
    "arg_fix_choice": ("brug en af: {choices}", "use one of: {choices}"),
    "arg_expected_one": ("{option} skal have en værdi", "{option} needs a value"),
    "arg_fix_value": ("skriv værdien efter {option}", "write the value after {option}"),
    "arg_required": ("der mangler: {names}", "missing: {names}"),
    "arg_unrecognized": ("ukendte argumenter: {names}", "unknown arguments: {names}"),
    "arg_fix_help": ("se {prog} --help", "see {prog} --help"),
    # every command
    "cli_crashed": (
        "workshop {command}: en uventet fejl ({summary}); detaljerne ligger i {log} - send dem gerne med en fejlrapport",
        "workshop {command}: an unexpected error ({summary}); the details are in {log} - please send them with a report",
    ),
    # workshop check --new-journal: a new change log (the store's journal, NAME.toml.journal)
    "new_journal_not_needed": (
        "ændringsloggen til {path} er i orden; intet er ændret",
        "the change log of {path} is fine; nothing was changed",
    ),
    "new_journal_damaged": (
        "ny ændringslog startet for {path} fra filen (som rækker til ændring {position}); {carried} ændring(er) ført over fra den beskadigede ændringslog, {lost} kunne ikke læses eller passede ikke, og ændringer i den beskadigede del kan mangle; den gamle ændringslog ligger i {kept}",
        "started a new change log for {path} from the file (which reaches change {position}); {carried} change(s) carried over from the damaged change log, {lost} could not be read or no longer fit, and changes in its damaged part may be missing; the old change log is in {kept}",
    ),
    "new_journal_missing": (
        "ny ændringslog startet for {path} fra filen, som den er (den rækker til ændring {position})",
        "started a new change log for {path} from the file as it is (it reaches change {position})",
    ),
    "new_journal_behind": (
        "ny ændringslog startet for {path} fra filen (som rækker til ændring {position}); den gamle ændringslog ligger i {kept}",
        "started a new change log for {path} from the file (which reaches change {position}); the old change log is in {kept}",
    ),
    "new_journal_foreign": (
        "ny ændringslog startet for {path}; den anden sessions ændringslog ligger i {kept}",
        "started a new change log for {path}; the other session's change log is in {kept}",
    ),
    # workshop new
    "new_wrote": (
        "skrev {path}: {counts}. Næste skridt: workshop run {path}",
        "wrote {path}: {counts}. Next: workshop run {path}",
    ),
    "new_exists": (
        "{path} findes allerede; vælg et andet navn (intet er ændret)",
        "{path} exists already; choose another name (nothing was changed)",
    ),
    "new_no_folder": (
        "mappen {folder} findes ikke; opret den først",
        "the folder {folder} does not exist; create it first",
    ),
    "new_not_toml": ("{path}: en sessionsfil skal ende på .toml", "{path}: a session file ends in .toml"),
    "new_too_few_stations": ("--stations skal være 1 eller mere", "--stations must be 1 or more"),
    "new_too_few": ("--groups og --rounds skal være 1 eller mere", "--groups and --rounds must be 1 or more"),
    "new_too_many": (
        "{option} {count}: et værksted har højst {limit}",
        "{option} {count}: a workshop has at most {limit}",
    ),
    "new_bad_title": (
        "--title skal have mellem 1 og {limit} tegn",
        "--title must have between 1 and {limit} characters",
    ),
    "new_too_many_rounds": (
        "--rounds {rounds}: med {stations} stationer og {groups} grupper har hver gruppe besøgt hver station efter {needed} runder",
        "--rounds {rounds}: with {stations} stations and {groups} groups every group has visited every station after {needed} rounds",
    ),
    "new_bad_start": (
        '--start "{value}": angiv et klokkeslæt som 18:00',
        '--start "{value}": give a clock time such as 18:00',
    ),
    "new_bad_date": (
        '--date "{value}": angiv en dato som 2026-11-25',
        '--date "{value}": give a date such as 2026-11-25',
    ),
    # what a new session holds (workshop new)
    "starter_title": ("Værksted", "Workshop"),
    "starter_welcome": ("Velkomst", "Welcome"),
    "starter_plenary_summary": ("Opsamling i plenum", "Summary in plenary"),
    "starter_idea": ("Idé", "Idea"),
    "starter_concern": ("Bekymring", "Concern"),
    "starter_question_1": ("Er der noget vi har overset?", "Have we overlooked anything?"),
    "starter_question_2": ("Noget der mangler at blive beskrevet?", "Is something missing from the description?"),
    "starter_question_3": ("Vil det skabe merværdi?", "Will it add value?"),
    # workshop groups
    "groups_bad_count": (
        "--count {count}: brug et antal grupper fra 1 til {limit}",
        "--count {count}: use a number of groups from 1 to {limit}",
    ),
    # workshop run and workshop note
    "run_no_station": (
        '--station "{station}": stationen findes ikke i {path}; brug en af {known}',
        '--station "{station}": no such station in {path}; use one of {known}',
    ),
    "run_bad_device": (
        '--device "{device}": et enheds-id er bogstaver, tal og _.:- (højst 100 tegn) - skriv fx --device tablet-2',
        '--device "{device}": a device id is letters, digits and _.:- (at most 100 characters) - write e.g. --device tablet-2',
    ),
    "note_no_station": (
        '--station "{station}": stationen findes ikke; brug en af {known}',
        '--station "{station}": no such station; use one of {known}',
    ),
    "note_no_round": (
        "--round {round}: programmet har runde 1 til {rounds}",
        "--round {round}: the programme has rounds 1 to {rounds}",
    ),
    "note_stdin_not_utf8": (
        "standardinput er ikke UTF-8-tekst (byte {position}); gem teksten som UTF-8, og prøv igen",
        "standard input is not UTF-8 text (byte {position}); save the text as UTF-8 and try again",
    ),
    "note_not_utf8": (
        "teksten, forfatteren eller en kategori er ikke UTF-8-tekst; skriv den i et UTF-8-terminalvindue, eller læs teksten fra en UTF-8-fil med -",
        "the text, author or a category is not UTF-8 text; type it in a UTF-8 terminal, or read the text from a UTF-8 file with -",
    ),
    "note_too_long": (
        "noten har {length} tegn; en note har højst {limit}",
        "the note has {length} characters; a note has {limit} at most",
    ),
    "note_bad_category": (
        "--category skal have mellem 1 og {limit} tegn",
        "--category must have between 1 and {limit} characters",
    ),
    "note_bad_author": ("--author kan højst have {limit} tegn", "--author may have {limit} characters at most"),
    "note_no_group": (
        '--group "{group}": gruppen findes ikke; brug en af {known}',
        '--group "{group}": no such group; use one of {known}',
    ),
    "copy_wrote": (
        "skrev {path} med {notes}. Noteføreren åbner den med: workshop run {path} --station ID; bagefter: workshop merge {session} {path}",
        "wrote {path} with {notes}. The note-taker opens it with: workshop run {path} --station ID; afterwards: workshop merge {session} {path}",
    ),
    "copy_no_identity": (
        "{path} har endnu ingen identitet, som en kopi kan flettes tilbage med - åbn sessionen én gang (workshop run {path}), og kopiér så igen",
        "{path} has no identity yet that a copy could be merged back by - open the session once (workshop run {path}), then copy again",
    ),
    "note_empty": (
        "noten er tom - skriv noget tekst (eller - for at læse den fra standard-input)",
        "the note is empty - write some text (or - to read it from standard input)",
    ),
    "groups_evening_runs": (
        "aftenen er i gang, og de nye grupper ville flytte folk i denne eller en senere runde - intet er gemt; dan grupperne i appens skema (k, f), som viser runderne før og efter og spørger først",
        "the evening is running, and the new groups would move people in this or a later round - nothing saved; form the groups in the app's schedule (k, f), which shows the rounds before and after and asks first",
    ),
}

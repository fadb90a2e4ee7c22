"""Words of the session's checks: where a problem is, the fix each problem suggests, and the
refusals of the setup screen's changes.

Where a problem is and what to do about it are in the session's language; what is wrong is
worded in :mod:`workshop.words.complaints`. Field names and ids are quoted as the TOML writes
them; the TOML parser's complaints are worded here too (one it does not know stays English).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # where a problem is
    "where_line": ("linje {line}", "line {line}"),
    "where_column": ("kolonne {column}", "column {column}"),
    # a file that cannot be read
    "problem_no_such_file": ("filen findes ikke", "no such file"),
    "fix_no_such_file": (
        "tjek stien, eller opret filen med: workshop new {path}",
        "check the path, or create it with: workshop new {path}",
    ),
    "problem_folder": ("dette er en mappe, ikke en sessionsfil", "this is a folder, not a session file"),
    "fix_folder": ("angiv stien til en .toml-fil i mappen", "give the path of a .toml file inside it"),
    "problem_unreadable": ("filen kan ikke læses ({reason})", "cannot be read ({reason})"),
    "fix_unreadable": ("tjek filens rettigheder", "check its permissions"),
    "problem_not_a_file": ("dette er ikke en almindelig fil, men {kind}", "this is not a regular file but {kind}"),
    "fix_not_a_file": ("angiv stien til en .toml-sessionsfil", "give the path of a .toml session file"),
    "kind_pipe": ("et rør (FIFO)", "a pipe (FIFO)"),
    "kind_socket": ("en socket", "a socket"),
    "kind_device": ("en enhed", "a device"),
    "problem_file_too_large": (
        "filen er større end {megabytes} MB; ingen værkstedssession er så stor",
        "the file is larger than {megabytes} MB; no workshop session is that large",
    ),
    "fix_file_too_large": ("tjek, at det er den rigtige fil", "check that it is the right file"),
    "problem_link_loop": ("stien er en løkke af symbolske links", "the path is a loop of symbolic links"),
    "fix_link_loop": (
        "lad linket pege på selve sessionsfilen (se det med: ls -l)",
        "make the link point at the session file itself (see it with: ls -l)",
    ),
    "problem_dangling_link": (
        "linket peger på {target}, som ikke findes",
        "the link points at {target}, which does not exist",
    ),
    "fix_dangling_link": (
        "ret linket, eller angiv stien til selve sessionsfilen",
        "fix the link, or give the path of the session file itself",
    ),
    "problem_name_too_long": ("navnet er for langt til filsystemet", "the name is too long for the file system"),
    "fix_name_too_long": ("brug et kortere navn", "use a shorter name"),
    "reason_permission": ("ingen adgang", "permission denied"),
    "reason_io": ("læsefejl på disken", "a read error on the disk"),
    "problem_empty_file": ("filen er tom", "the file is empty"),
    "fix_empty_file": (
        "skriv en session i den, eller slet den og lav en ny med: workshop new {path}",
        "write a session into it, or delete it and make one with: workshop new {path}",
    ),
    "problem_too_deep": (
        "lister og tabeller ligger mere end {limit} lag inden i hinanden",
        "lists and tables are nested more than {limit} levels deep",
    ),
    "fix_too_deep": (
        "en session har højst fem lag; fjern de ekstra [ ] og { }",
        "a session needs five levels at most; remove the extra [ ] and { }",
    ),
    "problem_number_too_long": ("et tal har flere end 4.300 cifre", "a number has more than 4,300 digits"),
    "fix_number_too_long": (
        "skriv et tal, som et værksted kan bruge, fx 30",
        "write a number a workshop can use, e.g. 30",
    ),
    "problem_table_twice": ("tabellen [{name}] står der to gange", "the table [{name}] is there twice"),
    "fix_table_twice": (
        "saml dem i én [{name}], eller skriv [[{name}]] for en liste af tabeller",
        "merge them into one [{name}], or write [[{name}]] for a list of tables",
    ),
    "problem_key_twice": ("samme nøgle har fået en værdi to gange", "the same key is given a value twice"),
    "fix_key_twice_toml": ("slet den ene af de to linjer", "remove one of the two lines"),
    "problem_bad_clock": (
        "{value} er ikke et klokkeslæt (timer 0-23, minutter 0-59)",
        "{value} is not a clock time (hours 0-23, minutes 0-59)",
    ),
    "problem_clock_unquoted": (
        "klokkeslættet {value} skal stå i anførselstegn",
        "the clock time {value} must be in quotes",
    ),
    "fix_bad_clock": ('skriv fx {key} = "{clock}"', 'write e.g. {key} = "{clock}"'),
    "problem_bad_date": ("{value} er ikke en dato, der findes", "{value} is not a date that exists"),
    "fix_bad_date": ("skriv en dato som 2026-11-25 (år-måned-dag)", "write a date such as 2026-11-25 (year-month-day)"),
    "fix_too_many": (
        "et værksted har højst {limit}; tjek tallet, eller del sessionen op",
        "a workshop has at most {limit}; check the number, or split the session",
    ),
    "fix_too_many_remix": (
        'så mange kan ikke blandes hurtigt nok; brug mode = "groups" (faste grupper), eller del sessionen op',
        'that many cannot be re-mixed fast enough; use mode = "groups" (fixed groups), or split the session',
    ),
    "fix_date_range": ("brug en dato mellem {first} og {last}", "use a date between {first} and {last}"),
    "fix_text_too_long": ("forkort teksten til højst {limit} tegn", "shorten the text to {limit} characters at most"),
    "fix_list_too_long": ("skriv højst {limit} i listen", "put {limit} in the list at most"),
    "fix_text_not_utf8": ("gem teksten som UTF-8, og prøv igen", "save the text as UTF-8 and try again"),
    "value_big_number": ("et tal med ca. {digits} cifre", "a number of about {digits} digits"),
    "problem_not_utf8": ("filen er ikke UTF-8-tekst", "the file is not UTF-8 text"),
    "fix_not_utf8": (
        "gem den som UTF-8 (i Notesblok: Gem som, Kodning UTF-8)",
        "save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)",
    ),
    # TOML syntax (the detail in parentheses is the TOML parser's complaint, in the words below)
    "toml_invalid_statement": ("en linje, der hverken er en [tabel] eller nøgle = værdi", "Invalid statement"),
    "toml_expected_newline": (
        "der mangler et linjeskift efter værdien",
        "Expected newline or end of document after a statement",
    ),
    "toml_unclosed_array": ("en liste [ ] er ikke lukket", "Unclosed array"),
    "toml_unclosed_table": ("en tabel i krøllede parenteser er ikke lukket", "Unclosed inline table"),
    "toml_unterminated_string": ("en tekst mangler sit afsluttende anførselstegn", "Unterminated string"),
    "toml_invalid_value": ("værdien kan ikke læses", "Invalid value"),
    "toml_invalid_key": (
        "en nøgle begynder med et tegn, der ikke er tilladt",
        "Invalid initial character for a key part",
    ),
    "toml_invalid_hex": ("ugyldig \\u-kode i en tekst", "Invalid hex value"),
    "toml_invalid_date": ("ugyldig dato eller klokkeslæt", "Invalid date or datetime"),
    "toml_expected_array_end": (
        'der mangler "]]" efter tabellens navn',
        'Expected "]]" at the end of an array declaration',
    ),
    "toml_expected_table_end": (
        'der mangler "]" efter tabellens navn',
        'Expected "]" at the end of a table declaration',
    ),
    "toml_expected_equals": ('der mangler "=" efter nøglen', 'Expected "=" after a key in a key/value pair'),
    "toml_bad_escape": (
        "et \\-tegn i en tekst er ikke et gyldigt Unicode-tegn",
        "Escaped character is not a Unicode scalar value",
    ),
    "toml_unescaped_backslash": (
        "en enkelt \\ i en tekst; skriv \\\\ eller brug enkelte anførselstegn",
        'Unescaped "\\" in a string',
    ),
    "toml_bad_character": ("tegnet {char} er ikke tilladt her", "Illegal character {char}"),
    "toml_duplicate_inline_key": ("nøglen {key} står to gange i samme {{ }}-tabel", "Duplicate inline table key {key}"),
    "toml_redefined_table": ("tabellen {name} er allerede skrevet", "Cannot redefine namespace {name}"),
    "toml_expected": ("her forventes {expected}", "Expected {expected}"),
    "problem_not_toml": ("dette er ikke gyldig TOML ({detail})", "this is not valid TOML ({detail})"),
    "problem_not_toml_at_end": (
        "dette er ikke gyldig TOML ({detail}) ved slutningen af filen",
        "this is not valid TOML ({detail}) at the end of the file",
    ),
    "fix_syntax": ("ret skrivemåden på det sted", "correct the syntax at that place"),
    "fix_close_open": (
        "luk det, der stadig er åbent dér ([ ], { } eller anførselstegn), eller skriv værdien færdig",
        "close what is still open there (a [ ], { } or quotes) or finish the value",
    ),
    # fields: what the TOML says does not fit the model
    "did_you_mean": ('mente du "{name}"? ', 'did you mean "{name}"? '),
    "fix_unknown_section": (
        "{hint}fjern den, eller brug en af: {sections}",
        "{hint}remove it or use one of: {sections}",
    ),
    "fix_unknown_field": ("fjern feltet, eller tjek stavemåden", "remove it or check the spelling"),
    "fix_missing": ("tilføj {name} = ...", "add {name} = ..."),
    "fix_int": ("skriv et helt tal uden anførselstegn, fx 30", "write a whole number without quotes, e.g. 30"),
    "fix_bool": ("skriv true eller false", "write true or false"),
    "fix_string": ('skriv tekst i anførselstegn, fx "Gruppe 1"', 'write text in quotes, e.g. "Gruppe 1"'),
    "fix_not_empty": (
        "skriv mindst ét tegn; feltet må ikke være tomt",
        "write at least one character; it may not be empty",
    ),
    "fix_list": ('skriv en liste i kantede parenteser, fx ["a", "b"]', 'write a list in brackets, e.g. ["a", "b"]'),
    "fix_table": (
        'skriv en tabel, fx [workshop] eller { s1 = ["g1"] }',
        'write a table, e.g. [workshop] or { s1 = ["g1"] }',
    ),
    "fix_one_of": ("brug en af værdierne {values}", "use one of the values {values}"),
    "fix_date": ("skriv en dato som 2026-11-25", "write a date such as 2026-11-25"),
    "fix_datetime": (
        "skriv dato og klokkeslæt som 2026-11-25 18:30:00",
        "write a date and time such as 2026-11-25 18:30:00",
    ),
    "fix_clock": ('skriv klokkeslættet som "18:00" eller "18.00"', 'write it as "18:00" or "18.00"'),
    "fix_minutes": ("skriv et antal minutter over 0, fx 30", "write a number of minutes above 0, e.g. 30"),
    "fix_colour": (
        'skriv farven som "#4e79a7" eller som et navn som "red"',
        'write the colour as "#4e79a7" or as a name such as "red"',
    ),
    "fix_at_least": ("brug et tal, der er mindst {limit}", "use a number of at least {limit}"),
    "fix_above": ("brug et tal over {limit}", "use a number above {limit}"),
    "fix_at_most": ("brug et tal, der højst er {limit}", "use a number of at most {limit}"),
    "fix_below": ("brug et tal under {limit}", "use a number below {limit}"),
    "fix_value": ("ret værdien", "correct the value"),
    "value_nothing": ("ingenting", "nothing"),
    # references and shape (workshop check)
    "fix_own_id_program": ("giv hvert programpunkt sit eget id", "give each programme item its own id"),
    "fix_own_id_stations": ("giv hver station sit eget id", "give each station its own id"),
    "fix_own_id_groups": ("giv hver gruppe sit eget id", "give each group its own id"),
    "fix_own_id_categories": ("giv hver kategori sit eget id", "give each category its own id"),
    "fix_own_id_notes": ("giv hver note sit eget id", "give each note its own id"),
    "fix_add_station": ("tilføj mindst én [[stations]]-tabel", "add at least one [[stations]] table"),
    "fix_category_name_twice": ("omdøb den ene af dem, eller flet dem", "rename one of them or merge them"),
    "fix_key_twice": ("giv hver tast 1-9 til højst én kategori", "give each key 1-9 to one category at most"),
    "fix_use_station": ("brug et af stationernes id'er ({known})", "use one of the station ids ({known})"),
    "fix_use_group": ("brug et af gruppernes id'er ({known})", "use one of the group ids ({known})"),
    "fix_use_category": ("brug et af kategoriernes id'er ({known})", "use one of the category ids ({known})"),
    "fix_use_item": ("brug et af programpunkternes id'er ({known})", "use one of the programme item ids ({known})"),
    "none_defined": ("der er ingen", "none defined"),
    "fix_round_number": (
        "brug et rundenummer fra 1 til antallet af runder i programmet",
        "use a round number from 1 to the number of round items",
    ),
    "fix_shape": (
        "ret antallene eller [schedule], eller skriv rotationen ud som [[rotation]]-tabeller",
        "change the counts or the [schedule], or write the rotation out as [[rotation]] tables",
    ),
    "fix_apart_pair": ('skriv parret som ["Anna", "Bo"]', 'write ["Anna", "Bo"]'),
    "fix_apart_name": ("brug et navn fra grupperne eller deltagerne", "use a name from the groups or participants"),
    "fix_replanned_minutes": ("brug et antal minutter over 0", "use minutes above 0"),
    "fix_rotation_numbers": (
        "nummerér [[rotation]]-tabellerne 1, 2, 3, ... én gang hver",
        "number the [[rotation]] tables 1, 2, 3, ... once each",
    ),
    "fix_rotation_count": (
        "gør antallet af [[rotation]]-tabeller lig med antallet af runder i [[program]]",
        "make the number of [[rotation]] tables and of round items in [[program]] equal",
    ),
    "fix_rotation_station": ("brug id'erne fra [[stations]]", "use the ids of [[stations]]"),
    "fix_rotation_group": ("brug id'erne fra [[groups]]", "use the ids of [[groups]]"),
    "fix_one_station_per_round": (
        "sæt hver gruppe ved én station pr. runde",
        "put each group at one station per round",
    ),
    # the setup screen's changes (planning/setup.py): what is refused and why
    "refused_item_running": ("«{title}» er det punkt, der kører nu", '"{title}" is the item running now'),
    "fix_item_running": (
        "gå videre til næste punkt (eller afslut det), før du fjerner det",
        "move on to the next item (or end it) before removing it",
    ),
    "refused_station_has_notes": ("stationen «{name}» har {count} note(r)", 'station "{name}" has {count} note(s)'),
    "fix_station_has_notes": (
        "behold stationen, eller flyt eller slet dens noter først",
        "keep the station, or move or delete its notes first",
    ),
    "refused_last_station": ("sessionen skal have mindst én station", "the session has no stations then"),
    "fix_last_station": ("behold mindst én station", "keep at least one station"),
    "refused_last_round_has_notes": (
        "runde {number} har noter, og når en station fjernes, fjernes den sidste runde",
        "round {number} has notes, and removing a station removes the last round",
    ),
    "fix_last_round_has_notes": (
        "behold stationen, eller flyt noterne fra den sidste runde først",
        "keep the station, or move the notes of the last round first",
    ),
    "refused_last_round_running": (
        "«{title}» kører nu, og når en station fjernes, fjernes den sidste runde",
        '"{title}" is running now, and removing a station removes the last round',
    ),
    "fix_last_round_running": ("fjern stationen efter den runde", "remove the station after that round"),
    "refused_every_group_has_notes": (
        "alle grupper har noter, og når en station fjernes, fjernes en gruppe",
        "every group has notes, and removing a station removes a group",
    ),
    "fix_keep_station": ("behold stationen", "keep the station"),
    "gone_item": (
        "programpunktet {id} findes ikke længere (fjernet af en anden?)",
        "no programme item {id} (removed by someone else?)",
    ),
    "gone_station": (
        "stationen {id} findes ikke længere (fjernet af en anden?)",
        "no station {id} (removed by someone else?)",
    ),
    "gone_group": (
        "gruppen {id} findes ikke længere (fjernet af en anden?)",
        "no group {id} (removed by someone else?)",
    ),
    "gone_person": (
        "personen er flyttet eller ændret af en anden; se efter igen",
        "that person has been moved or changed by someone else; look again",
    ),
}

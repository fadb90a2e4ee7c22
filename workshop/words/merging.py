"""Words of ``workshop merge``: the report of merging a note-taker's copy back into the session, and its refusals."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # what the merge did, in the change log (undo says it)
    "change_notes_merged": ("noter flettet ind fra {source}", "notes merged in from {source}"),
    "change_merge_versions_kept": (
        "{count} ældre udgave(r) af noter fra {source} gemt i historikken",
        "{count} older version(s) of notes from {source} kept in the history",
    ),
    # the report
    "merge_heading": ("Flettet {copy} ind i {main}:", "Merged {copy} into {main}:"),
    "merge_heading_dry_run": (
        "Prøve – intet er skrevet: {copy} flettet ind i {main} ville give:",
        "Dry run – nothing was written: merging {copy} into {main} would give:",
    ),
    "merge_note_counts": (
        "noter: {added} tilføjet, {updated} opdateret, {kept} beholdt som i hovedfilen, {deleted} slettet, {unchanged} uændret, {skipped} ikke flettet ind",
        "notes: {added} added, {updated} updated, {kept} kept as in the main file, {deleted} deleted, {unchanged} unchanged, {skipped} not merged",
    ),
    "merge_category_counts": (
        "kategorier: {joined} slået sammen med hovedfilens, {added} tilføjet",
        "categories: {joined} joined with the main file's, {added} added",
    ),
    "merge_no_conflicts": ("ingen konflikter", "no conflicts"),
    "merge_conflicts": ("konflikter ({count}):", "conflicts ({count}):"),
    # one line per conflict
    "merge_both_copy_newer": (
        "note {id} (station {station}, runde {round}): rettet begge steder; kopiens udgave ({copy_time}) er nyest og taget, hovedfilens ({main_time}) står i historikken – hovedfilen: «{main_text}», kopien: «{copy_text}»",
        "note {id} (station {station}, round {round}): edited in both; the copy's version ({copy_time}) is newer and taken, the main file's ({main_time}) is in the history – main file: “{main_text}”, copy: “{copy_text}”",
    ),
    "merge_both_main_newer": (
        "note {id} (station {station}, runde {round}): rettet begge steder; hovedfilens udgave ({main_time}) er nyest og beholdt, kopiens ({copy_time}) er gemt i historikken – hovedfilen: «{main_text}», kopien: «{copy_text}»",
        "note {id} (station {station}, round {round}): edited in both; the main file's version ({main_time}) is newer and kept, the copy's ({copy_time}) is kept in the history – main file: “{main_text}”, copy: “{copy_text}”",
    ),
    "merge_both_main_newer_unrecorded": (
        "note {id} (station {station}, runde {round}): rettet begge steder; hovedfilens udgave ({main_time}) er nyest og beholdt; kopiens ({copy_time}) passer ikke til hovedfilen og findes kun i kopien – hovedfilen: «{main_text}», kopien: «{copy_text}»",
        "note {id} (station {station}, round {round}): edited in both; the main file's version ({main_time}) is newer and kept; the copy's ({copy_time}) does not fit the main file and is only in the copy – main file: “{main_text}”, copy: “{copy_text}”",
    ),
    "merge_back_from_copy": (
        "note {id} (station {station}, runde {round}): slettet i hovedfilen, men rettet i kopien; kopiens udgave er sat ind igen – slet den igen, hvis den skal væk – kopien: «{copy_text}»",
        "note {id} (station {station}, round {round}): deleted in the main file but edited in the copy; the copy's version is back – delete it again if it should go – copy: “{copy_text}”",
    ),
    "merge_deleted_but_changed": (
        "note {id} (station {station}, runde {round}): slettet i kopien, men rettet i hovedfilen; hovedfilens er beholdt – slet den i hovedfilen, hvis den skal væk – hovedfilen: «{main_text}»",
        "note {id} (station {station}, round {round}): deleted in the copy but edited in the main file; the main file's is kept – delete it there if it should go – main file: “{main_text}”",
    ),
    "merge_deleted_but_cited": (
        "note {id} (station {station}, runde {round}): slettet i kopien, men anbefaling {recommendation} citerer den; den er beholdt – hovedfilen: «{main_text}»",
        "note {id} (station {station}, round {round}): deleted in the copy, but recommendation {recommendation} cites it; it is kept – main file: “{main_text}”",
    ),
    "merge_no_station": (
        "note {id} (station {station}, runde {round}): stationen {station} findes ikke i hovedfilen; noten er ikke flettet ind – tilføj stationen i hovedfilen og flet igen – kopien: «{text}»",
        "note {id} (station {station}, round {round}): the main file has no station {station}; the note was not merged – add the station to the main file and merge again – copy: “{text}”",
    ),
    "merge_no_group": (
        "note {id} (station {station}, runde {round}): gruppen {group} findes ikke i hovedfilen; noten er ikke flettet ind – tilføj gruppen i hovedfilen og flet igen – kopien: «{text}»",
        "note {id} (station {station}, round {round}): the main file has no group {group}; the note was not merged – add the group to the main file and merge again – copy: “{text}”",
    ),
    "merge_no_round": (
        "note {id} (station {station}, runde {round}): hovedfilens program har ingen runde {round}; noten er ikke flettet ind – tilføj runden i hovedfilen og flet igen – kopien: «{text}»",
        "note {id} (station {station}, round {round}): the main file's programme has no round {round}; the note was not merged – add the round to the main file and merge again – copy: “{text}”",
    ),
    "merge_link_dropped": (
        "note {id} (station {station}, runde {round}): anbefaling {recommendation} findes ikke i hovedfilen; noten er flettet ind uden henvisningen",
        "note {id} (station {station}, round {round}): the main file has no recommendation {recommendation}; the note was merged without the link",
    ),
    "merge_section_changed": (
        "{section} er ændret i kopien; hovedfilens er beholdt – ret det i hovedfilen, hvis kopiens skal gælde",
        "{section} was changed in the copy; the main file's is kept – change it in the main file if the copy's should count",
    ),
    "merge_section_differs": (
        "{section} er anderledes i kopien (kopien har ingen ændringslog, så det kan ikke ses, hvor det er ændret); hovedfilens er beholdt",
        "{section} differs in the copy (the copy has no change log, so where it was changed cannot be told); the main file's is kept",
    ),
    "merge_category_renamed": (
        "kategori {id} hedder «{main_category}» i hovedfilen og «{copy_category}» i kopien; det er den samme, og navnet fra hovedfilen er beholdt",
        "category {id} is called “{main_category}” in the main file and “{copy_category}” in the copy; it is the same one, and the main file's name is kept",
    ),
    "merge_category_maybe_same": (
        "kategori {id} er «{main_category}» i hovedfilen, men «{copy_category}» i kopien; «{copy_category}» er tilføjet som {new_id} – slå dem sammen i kodebogen, hvis de er den samme",
        "category {id} is “{main_category}” in the main file but “{copy_category}” in the copy; “{copy_category}” was added as {new_id} – merge the two in the codebook if they are the same",
    ),
    "merge_category_back": (
        "kategorien «{name}» er fjernet i hovedfilen, men noter fra kopien bruger den; den er tilføjet igen som {new_id} – flet den i kodebogen, hvis den skal væk",
        "the category “{name}” was removed in the main file, but notes from the copy use it; it was added again as {new_id} – merge it in the codebook if it should go",
    ),
    "merge_category_no_key": (
        "kategorien «{name}»: tasten {key} bruges allerede i hovedfilen, så den er tilføjet uden tast – giv den en i kodebogen",
        "the category “{name}”: the key {key} is taken in the main file, so it was added without a key – give it one in the codebook",
    ),
    # refusals: the file, the place, the fix
    "merge_copy_is_main": (
        "er selve sessionen {main}, ikke en kopi af den",
        "is the session {main} itself, not a copy of it",
    ),
    "fix_merge_copy_is_main": (
        "angiv kopien, som notetageren har brugt, f.eks. workshop merge {main} /media/usb/aften-s2.toml",
        "name the copy the note-taker used, e.g. workshop merge {main} /media/usb/evening-s2.toml",
    ),
    "merge_other_session": (
        "er en anden session (id {found}), ikke en kopi af {main} (id {own})",
        "is another session (id {found}), not a copy of {main} (id {own})",
    ),
    "fix_merge_other_session": (
        "flet kun kopier taget af {main}; er filen kopieret fra {main}, før den havde et id, så flet med --adopt",
        "merge only copies taken from {main}; if the file was copied from {main} before it had an id, merge with --adopt",
    ),
    "merge_no_identity": (
        "har intet id, så det kan ikke ses, om {copy} er en kopi af {main}",
        "has no id, so whether {copy} is a copy of {main} cannot be told",
    ),
    "fix_merge_no_identity": (
        "er {copy} kopieret fra {main}, så flet med --adopt",
        "if {copy} was copied from {main}, merge with --adopt",
    ),
    "merge_refused": (
        "{copy} kan ikke flettes ind i {main}: {reason}",
        "{copy} cannot be merged into {main}: {reason}",
    ),
}

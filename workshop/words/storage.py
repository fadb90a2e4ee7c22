"""Words of the store: notices about hand edits, backups and the change log, and what a change did (undo, redo).

The store's journal (``NAME.toml.journal``) is "ændringsloggen" / "the change log" to the user: "journal" is a
case file in a Danish municipality (journalisering), and the user only needs to know it holds the latest changes.
Its file name is said wherever the user must act on the file (keep it, move it, put it back).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # notices: what the store tells the user about the file and the change log
    "notice_hand_edit_shown": (
        "{name} er rettet i hånden; {count} nyere ændring(er) fra ændringsloggen vises oven på rettelsen",
        "{name} was edited by hand; {count} newer change(s) from the change log are shown on top",
    ),
    "notice_left_with_errors": (
        "{name} har fejl og er derfor ikke ændret; appens udgave ligger i {copy}",
        "{name} has errors, so it was left as it is; the app's version is in {copy}",
    ),
    "notice_hand_edit_problems": (
        "{name} er rettet i hånden og har fejl; filen får lov at være, og alle ændringer gemmes i ændringsloggen, "
        "til fejlen er rettet:\n{problems}",
        "{name} was edited by hand and has problems; it is left as it is and every change is kept in the "
        "change log until it is fixed:\n{problems}",
    ),
    "notice_hand_edit_misfit": (
        "{name} er rettet i hånden, og appens nyere ændringer passer ikke til rettelsen; filen får lov at være, "
        "og ændringerne bliver i ændringsloggen:\n{problems}",
        "{name} was edited by hand, and the app's newer changes do not fit the edit; the file is left as it is "
        "and the changes stay in the change log:\n{problems}",
    ),
    "notice_hand_edit_merged": (
        "{name} er rettet i hånden; {count} ændring(er) fra ændringsloggen er lagt oven på rettelsen "
        "(en kopi af rettelsen ligger i {copy}).",
        "{name} was edited by hand; {count} change(s) from the change log were merged on top of the edit "
        "(a copy of the edit is in {copy}).",
    ),
    "notice_both_changed": (
        " Både rettelsen og appen ændrede {parts}; dér gælder appens senere ændring.",
        " Both the edit and the app changed: {parts}; the app's later change was kept there.",
    ),
    "after_replaying": (
        " (med ændringerne fra ændringsloggen lagt til)",
        " (with the changes from the change log applied)",
    ),
    "after_merging": (
        " (efter at ændringerne fra ændringsloggen er lagt oven på den håndrettede fil)",
        " (after merging the changes from the change log into the hand-edited file)",
    ),
    # the disk, the folder and the change log (workshop.storage.failures, journal, store)
    "storage_disk_full": (
        "disken er fuld, så {name} kunne ikke skrives",
        "the disk is full, so {name} could not be written",
    ),
    "fix_disk_full": (
        "frigør plads på disken, og prøv igen; alt, hvad der allerede var gemt, er der stadig",
        "free some space on the disk and try again; everything saved before is still there",
    ),
    "storage_read_only_file": ("{name} er skrivebeskyttet", "{name} is read-only"),
    "storage_read_only_folder": (
        "mappen {folder} er skrivebeskyttet, og workshop gemmer ændringsloggen og sikkerhedskopierne ved siden af sessionen",
        "the folder {folder} is read-only, and workshop keeps the change log and backups beside the session",
    ),
    "storage_cannot_open": (
        "{name} kan ikke åbnes for at skrive i mappen {folder} (findes mappen, og må du skrive i den?)",
        "{name} cannot be opened for writing in the folder {folder} (does it exist, and may you write there?)",
    ),
    "fix_read_only": (
        "gør mappen og filen skrivbare (chmod u+w), eller kopiér sessionen til en mappe, du kan skrive i; "
        "workshop check, schedule og export virker også skrivebeskyttet",
        "make the folder and file writable (chmod u+w), or copy the session to a folder you can write to; "
        "workshop check, schedule and export work read-only too",
    ),
    "storage_locked": (
        "{name} har været optaget af et andet program i mere end 30 sekunder",
        "{name} has been busy with another program for more than 30 seconds",
    ),
    "fix_locked": (
        "vent lidt, eller luk det andet program, og prøv igen",
        "wait a moment, or close the other program, and try again",
    ),
    "storage_failed": (
        "{name} kunne ikke læses eller skrives ({reason})",
        "{name} could not be read or written ({reason})",
    ),
    "fix_storage_failed": ("tjek disken og mappen, og prøv igen", "check the disk and the folder and try again"),
    "journal_damaged": (
        "ændringsloggen {name} er beskadiget ({detail})",
        "the change log {name} is damaged ({detail})",
    ),
    "fix_journal_damaged": (
        "læg en sikkerhedskopi af {name} tilbage, eller start en ny ændringslog ud fra sessionsfilen med: workshop check {session} "
        "--new-journal (den beskadigede ændringslog gemmes ved siden af, og de ændringer, der kan læses, føres over)",
        "put back a backup of {name}, or start a new change log from the session file with: workshop check {session} "
        "--new-journal (the damaged change log is kept beside it, and the changes that can be read are carried over)",
    ),
    "journal_detail_foreign_tables": (
        "det er ikke en ændringslog fra workshop; den indeholder: {tables}",
        "not a change log of workshop's; it holds: {tables}",
    ),
    "journal_detail_missing_table": (
        "en del af ændringsloggen mangler (tabellen {table})",
        "a part of the change log is missing (the table {table})",
    ),
    "journal_detail_columns": (
        "tabellen {table} er ikke bygget som i en ændringslog fra workshop",
        "the table {table} is not laid out as in a change log of workshop's",
    ),
    "journal_detail_number": (
        "ændring nummer {seq} er ikke et nummer, workshop giver",
        "change number {seq} is not a number workshop gives",
    ),
    "journal_detail_change": ("ændring {seq} kan ikke læses", "change {seq} cannot be read"),
    "journal_detail_not_a_log": ("filen er ikke en ændringslog", "the file is not a change log"),
    "journal_detail_garbled": ("dele af filen er ødelagt", "parts of the file are garbled"),
    "journal_newer": (
        "ændringsloggen {name} er skrevet af en nyere udgave af workshop (format {found}; denne udgave kender {known})",
        "the change log {name} was written by a newer version of workshop (format {found}; this version knows {known})",
    ),
    "fix_journal_newer": ("opdatér workshop, og prøv igen", "update workshop and try again"),
    "journal_no_access": (
        "ændringsloggen {name} må ikke læses (ingen adgang)",
        "the change log {name} may not be read (permission denied)",
    ),
    "fix_journal_no_access": (
        "giv dig selv læseadgang til den (chmod u+r), eller bed dens ejer om det",
        "give yourself read access to it (chmod u+r), or ask its owner to",
    ),
    "journal_is_folder": (
        "{name} er en mappe, men workshop gemmer sessionens ændringslog under det navn",
        "{name} is a folder, but workshop keeps the session's change log under that name",
    ),
    "journal_is_special": (
        "{name} er ikke en almindelig fil, men workshop gemmer sessionens ændringslog under det navn",
        "{name} is not a regular file, but workshop keeps the session's change log under that name",
    ),
    "journal_link_loop": ("{name} er en løkke af symbolske links", "{name} is a loop of symbolic links"),
    "journal_dangling_link": (
        "{name} er et link, der peger på noget, som ikke findes",
        "{name} is a link to something that does not exist",
    ),
    "fix_journal_not_a_file": (
        "flyt det væk (eller omdøb det), så workshop kan gemme ændringsloggen dér",
        "move it away (or rename it) so workshop can keep the change log there",
    ),
    "journal_foreign": (
        "ændringsloggen {name} hører til en anden session ({found}), ikke til {file} ({own})",
        "the change log {name} belongs to another session ({found}), not to {file} ({own})",
    ),
    "fix_journal_foreign": (
        "flyt {name} væk, eller lad workshop lægge den til side og starte en ny ændringslog med: "
        "workshop check {session} --new-journal",
        "move {name} away, or let workshop set it aside and start a new change log with: "
        "workshop check {session} --new-journal",
    ),
    "journal_foreign_no_id": (
        "ændringsloggen {name} hører til sessionen {found}, men {file} har intet id",
        "the change log {name} belongs to the session {found}, but {file} has no id",
    ),
    "fix_journal_foreign_no_id": (
        'er {name} denne fils ændringslog, så skriv id = "{found}" under [workshop]; ellers lad workshop lægge den til side '
        "og starte en ny med: workshop check {session} --new-journal",
        'if {name} is this file\'s change log, write id = "{found}" under [workshop]; otherwise let workshop set it aside '
        "and start a new one with: workshop check {session} --new-journal",
    ),
    "journal_missing": (
        "ændringsloggen {name} mangler, men {file} siger, at den rækker til ændring {seq}; ændringer efter den sidste "
        "gemning i filen kan mangle, og sessionen åbnes ikke for at skrive",
        "the change log {name} is missing, but {file} says it reaches change {seq}; changes after the file was last "
        "written may be missing, and the session is not opened for writing",
    ),
    "journal_behind": (
        "ændringsloggen {name} rækker kun til ændring {last}, men {file} rækker til {seq} (tømt, afkortet eller en ældre "
        "kopi); sessionen åbnes ikke for at skrive",
        "the change log {name} reaches change {last} only, but {file} reaches {seq} (emptied, cut short or an older "
        "copy); the session is not opened for writing",
    ),
    "fix_journal_lost": (
        "læg ændringsloggen {name} tilbage fra en sikkerhedskopi (kopier af sessionsfilen ligger i {backups}), eller fortsæt fra filen, "
        "som den er, med: workshop check {session} --new-journal",
        "put the change log {name} back from a backup (copies of the session file are in {backups}), or go on from the file as it "
        "is with: workshop check {session} --new-journal",
    ),
    "journal_lost_changes": (
        "ændringsloggen {name} har mistet {count} ændring(er): den har haft ændring {marked}, men den og filen rækker "
        "nu kun til {last} (filen {name}-wal ved siden af er slettet, afkortet eller ødelagt efter et nedbrud, eller "
        "en ældre kopi af ændringsloggen er lagt tilbage); sessionen åbnes ikke for at skrive",
        "the change log {name} lost {count} change(s): it had change {marked}, but it and the file now reach {last} "
        "only (the file {name}-wal beside it was deleted, cut short or garbled after a crash, or an older copy of "
        "the change log was put back); the session is not opened for writing",
    ),
    "fix_journal_lost_changes": (
        "læg filen {name}-wal eller den nyeste kopi af {name} tilbage, hvis du har dem; ellers fortsæt med det, "
        "ændringsloggen stadig har, med: workshop check {session} --new-journal (den gamle ændringslog gemmes ved "
        "siden af)",
        "put the file {name}-wal or the newest copy of {name} back if you have them; otherwise go on with what the "
        "change log still holds with: workshop check {session} --new-journal (the old change log is kept beside it)",
    ),
    "new_journal_lost": (
        "ny ændringslog startet for {path} fra filen (som rækker til ændring {position}); {carried} ændring(er) ført "
        "over fra den gamle ændringslog, {lost} var tabt fra den eller passede ikke; den gamle ændringslog ligger i "
        "{kept}",
        "started a new change log for {path} from the file (which reaches change {position}); {carried} change(s) "
        "carried over from the old change log, {lost} were lost from it or no longer fit; the old change log is in "
        "{kept}",
    ),
    "problem_named_like_journal": (
        "en sessionsfil kan ikke ende på .journal; den slags navne bruger workshop til ændringsloggen",
        "a session file cannot end in .journal; workshop gives such names to its change logs",
    ),
    "fix_named_like_journal": ("omdøb den, fx til {name}", "rename it, e.g. to {name}"),
    "refused_read_only": ("{name} er åbnet skrivebeskyttet", "{name} was opened read-only"),
    "fix_refused_read_only": (
        "luk og åbn sessionen igen for at ændre den",
        "close and open the session again to change it",
    ),
    # notices about the change log and the file (workshop.storage.store)
    "notice_journal_missing_shown": (
        "ændringsloggen {name} mangler, men {file} siger, at den rækker til ændring {seq}: filen vises, som den er; "
        "ændringer efter den sidste gemning kan mangle",
        "the change log {name} is missing, but {file} says it reaches change {seq}: the file is shown as it is; "
        "changes after it was last written may be missing",
    ),
    "notice_journal_behind_shown": (
        "ændringsloggen {name} rækker kun til ændring {last}, men {file} rækker til {seq}: filen vises, som den er",
        "the change log {name} reaches change {last} only, but {file} reaches {seq}: the file is shown as it is",
    ),
    "notice_no_backup": (
        "der kunne ikke tages en sikkerhedskopi af {name} ({reason}); hver ændring gemmes stadig i ændringsloggen",
        "no backup of {name} could be taken ({reason}); every change is still saved in the change log",
    ),
    "notice_no_copy": (
        "appens udgave af {name} kunne ikke gemmes i .backups ({reason}); den ligger stadig i ændringsloggen",
        "the app's version of {name} could not be saved in .backups ({reason}); it is still in the change log",
    ),
    "notice_fold_failed": (
        "{name} kunne ikke skrives: {reason}. Hver ændring er gemt i ændringsloggen og kommer i filen, så snart det kan lade sig gøre",
        "{name} could not be written: {reason}. Every change is saved in the change log and goes into the file as soon as it can",
    ),
    "notice_comments_dropped": (
        "{name} havde kommentarer (# ...), som workshop ikke bevarer, når den skriver filen; den håndskrevne udgave ligger i {copy}",
        "{name} had comments (# ...), which workshop does not keep when it writes the file; the hand-written version is in {copy}",
    ),
    "notice_hand_edit_taken": (
        "{name} er rettet i hånden; appen viser nu rettelsen",
        "{name} was edited by hand; the app shows the edit now",
    ),
    "notice_hand_edit_id": (
        '{name} er rettet i hånden, og dens id er ændret; filen får lov at være, og alle ændringer gemmes i ændringsloggen, til id = "{own}" står der igen',
        '{name} was edited by hand and its id changed; it is left as it is and every change is kept in the change log until id = "{own}" is back',
    ),
    "notice_merged_elsewhere": (
        "{name} blev rettet i hånden, og workshop i et andet vindue eller på en anden enhed har lagt {count} "
        "ændring(er) fra ændringsloggen oven på rettelsen; appen viser nu resultatet (en kopi af rettelsen ligger i "
        "{copy})",
        "{name} was edited by hand, and workshop in another window or on another device merged {count} change(s) "
        "from the change log on top of the edit; the app shows the result now (a copy of the edit is in {copy})",
    ),
    "notice_taken_elsewhere": (
        "{name} blev rettet i hånden (set af workshop i et andet vindue eller på en anden enhed); appen viser nu "
        "rettelsen",
        "{name} was edited by hand (noticed by workshop in another window or on another device); the app shows the "
        "edit now",
    ),
    "notice_journal_gone": (
        "ændringsloggen {name} er slettet eller skiftet ud, mens sessionen var åben; appens udgave er gemt i {copy}, "
        "og der gemmes ikke mere. Luk appen; {file} åbnes igen, når {name} er lagt tilbage eller en ny ændringslog "
        "er startet",
        "the change log {name} was deleted or replaced while the session was open; the app's version is saved in "
        "{copy}, and nothing more is saved. Close the app; {file} opens again once {name} is back or a new change "
        "log is started",
    ),
    # a note the store refuses
    "note_unknown_station": ("stationen «{id}» findes ikke", 'unknown station "{id}"'),
    "note_fix_station": ("vælg en af stationerne", "choose one of the stations"),
    "note_unknown_group": ("gruppen «{id}» findes ikke", 'unknown group "{id}"'),
    "note_fix_group": ("vælg en af grupperne", "choose one of the groups"),
    "note_unknown_round": ("runde {number} findes ikke", "round {number} does not exist"),
    "note_fix_round": ("brug en runde fra 1 til {rounds}", "use a round from 1 to {rounds}"),
    "note_unknown_category": ("kategorien «{id}» findes ikke", 'unknown category "{id}"'),
    "note_fix_category": ("opret den i kodebogen først", "create it in the codebook first"),
    "station_gone": (
        "stationen {id} findes ikke længere (fjernet af en anden?)",
        "no station {id} (removed by someone else?)",
    ),
    "note_gone": ("noten {id} findes ikke længere (slettet af en anden?)", "no note {id} (deleted by someone else?)"),
    # what a change did (undo and redo say it): change_<key> for change_label("<key>", ...)
    "change_note_added": ("note tilføjet", "note added"),
    "change_note_edited": ("note rettet", "note edited"),
    "change_note_deleted": ("note slettet", "note deleted"),
    "change_category_toggled": ("kategori sat på eller taget af en note", "category toggled on a note"),
    "change_category_created": ("kategori «{name}» oprettet", "category “{name}” created"),
    "change_category_changed": ("kategori ændret", "category changed"),
    "change_categories_merged": ("kategorier flettet ind i «{name}»", "categories merged into “{name}”"),
    "change_category_split": ("kategori delt: «{name}»", "category split: “{name}”"),
    "change_category_deleted": ("kategori «{name}» slettet", "category “{name}” deleted"),
    "change_summary_written": ("opsamling for {station} skrevet", "summary of {station} written"),
    "change_overall_summary_written": ("samlet opsamling skrevet", "overall summary written"),
    "change_evening_changed": ("aftenens data ændret", "evening changed"),
    "change_item_added": ("programpunkt tilføjet", "programme item added"),
    "change_item_changed": ("programpunkt ændret", "programme item changed"),
    "change_item_removed": ("programpunkt fjernet", "programme item removed"),
    "change_item_moved": ("programpunkt flyttet", "programme item moved"),
    "change_station_added": ("station tilføjet", "station added"),
    "change_station_changed": ("station ændret", "station changed"),
    "change_station_moved": ("station flyttet", "station moved"),
    "change_station_removed": ("station fjernet", "station removed"),
    "change_group_added": ("gruppe tilføjet", "group added"),
    "change_group_renamed": ("gruppe omdøbt", "group renamed"),
    "change_groups_formed": ("grupper dannet", "groups formed"),
    "change_person_added": ("person tilføjet", "person added"),
    "change_person_changed": ("person ændret", "person changed"),
    "change_person_removed": ("person fjernet", "person removed"),
    "change_person_moved": ("person flyttet", "person moved"),
    "change_schedule_changed": ("skemaets form ændret", "schedule changed"),
    "change_clock": ("rundeuret: {what}", "the round clock: {what}"),
}

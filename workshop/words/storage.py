"""Words of the store: notices about hand edits, backups and the journal, and what a change did (undo, redo)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # notices: what the store tells the user about the file and the journal
    "notice_hand_edit_shown": (
        "{name} er rettet i hånden; {count} nyere ændring(er) fra journalen vises oven på rettelsen",
        "{name} was edited by hand; {count} newer change(s) from the journal are shown on top",
    ),
    "notice_left_with_errors": (
        "{name} har fejl og er derfor ikke ændret; appens udgave ligger i {copy}",
        "{name} has errors, so it was left as it is; the app's version is in {copy}",
    ),
    "notice_hand_edit_problems": (
        "{name} er rettet i hånden og har fejl; filen får lov at være, og alle ændringer gemmes i journalen, "
        "til fejlen er rettet:\n{problems}",
        "{name} was edited by hand and has problems; it is left as it is and every change is kept in the "
        "journal until it is fixed:\n{problems}",
    ),
    "notice_hand_edit_misfit": (
        "{name} er rettet i hånden, og appens nyere ændringer passer ikke til rettelsen; filen får lov at være, "
        "og ændringerne bliver i journalen:\n{problems}",
        "{name} was edited by hand, and the app's newer changes do not fit the edit; the file is left as it is "
        "and the changes stay in the journal:\n{problems}",
    ),
    "notice_hand_edit_merged": (
        "{name} er rettet i hånden; {count} ændring(er) fra journalen er lagt oven på rettelsen "
        "(en kopi af rettelsen ligger i {copy}).",
        "{name} was edited by hand; {count} change(s) from the journal were merged on top of the edit "
        "(a copy of the edit is in {copy}).",
    ),
    "notice_both_changed": (
        " Både rettelsen og appen ændrede {parts}; dér gælder appens senere ændring.",
        " Both the edit and the app changed: {parts}; the app's later change was kept there.",
    ),
    "after_replaying": (" (efter at journalen er afspillet)", " (after replaying the journal)"),
    "after_merging": (
        " (efter at journalen er lagt oven på den håndrettede fil)",
        " (after merging the journal into the hand-edited file)",
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

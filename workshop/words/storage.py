"""Words of the store: notices about hand edits, backups and the journal, and what a change did (undo, redo)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
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

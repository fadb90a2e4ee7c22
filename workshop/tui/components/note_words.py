"""The words of the note-taker's, codebook and review screens, in Danish and English.

Words that :mod:`workshop.labels` already has come from there; the ones below are missing
there (kept here so these screens need no change in the shared module).
"""

from __future__ import annotations


from textual.dom import DOMNode

from ...labels import LABELS, label
from ..localise import localise_bindings as localise

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    "all": ("alle", "all"),
    "by_category": ("efter kategori", "by category"),
    "by_station": ("efter station", "by station"),
    "choose_category": ("Vælg kategori", "Choose a category"),
    "choose_station": ("Vælg station", "Choose a station"),
    "chosen": ("valgt med ctrl+r", "chosen with ctrl+r"),
    "clock_short": ("Kl.", "Time"),
    "codebook_hint": (
        "n ny · r omdøb · c farve · d beskriv · k tast · m flet · s del · x slet · ctrl+z fortryd",
        "n new · r rename · c colour · d describe · k key · m merge · s split · x delete · ctrl+z undo",
    ),
    "colour": ("Farve", "Colour"),
    "colour_hint": ("et farvenavn eller #rrggbb", "a colour name or #rrggbb"),
    "create": ("Opret", "Create"),
    "deleted": ("Noten er slettet (ctrl+z fortryder)", "Note deleted (ctrl+z undoes it)"),
    "describe": ("Beskriv", "Describe"),
    "edit_note": ("Ret note", "Edit note"),
    "editor_hint": ("ctrl+s gemmer · esc fortryder", "ctrl+s saves · esc cancels"),
    "empty_note": ("Noten er tom; intet gemt", "The note is empty; nothing saved"),
    "every_coded": ("Alle noter er kodet", "Every note is coded"),
    "filter_hint": (
        "/ søg · s station · r runde · g gruppe · k kategori · a skribent · o ikke kodede · x nulstil · v visning · m matrix",
        "/ search · s station · r round · g group · k category · a author · o uncoded · x clear · v view · m matrix",
    ),
    "finished": ("aftenen er slut", "the evening is over"),
    "first": ("før første runde", "before the first round"),
    "flat": ("liste", "list"),
    "key": ("Tast", "Key"),
    "key_hint": ("et tal 1-9, eller tomt for ingen", "a digit 1-9, or empty for none"),
    "latest": ("seneste runde", "latest round"),
    "live": ("nu", "now"),
    "merge_into": ("Flet «{name}» ind i", "Merge “{name}” into"),
    "merged": ("«{source}» flettet ind i «{target}»: {count} noter flyttet (ctrl+z fortryder)",
               "“{source}” merged into “{target}”: {count} notes moved (ctrl+z undoes it)"),
    "matrix": ("Station × kategori", "Station × category"),
    "name": ("Navn", "Name"),
    "name_needed": ("En kategori skal have et navn", "A category needs a name"),
    "name_taken": ("Der er allerede en kategori, der hedder «{name}». Vælg et andet navn, eller flet de to (m).",
                   "There is a category called “{name}” already. Choose another name, or merge the two (m)."),
    "new_category": ("Ny kategori", "New category"),
    "new_note": ("Ny note", "New note"),
    "no_category": ("Ingen kategori", "No category"),
    "no_category_key": ("Ingen kategori har tasten {key}; tryk c for at finde eller oprette en",
                        "No category has key {key}; press c to find or create one"),
    "no_group": ("ingen gruppe", "no group"),
    "no_last": ("Ingen kategori brugt endnu", "No category used yet"),
    "no_note_selected": ("Vælg en note først", "Choose a note first"),
    "no_round": ("ingen runder", "no rounds"),
    "no_station": ("Ingen station valgt: tryk ctrl+t", "No station chosen: press ctrl+t"),
    "notes_of": ("noter af", "notes of"),
    "only_uncoded": ("kun ikke kodede", "uncoded only"),
    "prompt_hint": ("skriv for at finde · enter vælger · esc lukker", "type to narrow · enter applies · esc closes"),
    "recolour": ("Ny farve", "New colour"),
    "rekey": ("Ny tast", "New key"),
    "rename": ("Omdøb", "Rename"),
    "review": ("Gennemsyn", "Review"),
    "search": ("Søg i noterne", "Search the notes"),
    "split_choose": ("Vælg noterne der flyttes (mellemrum markerer, enter fortsætter)",
                     "Choose the notes to move (space marks, enter goes on)"),
    "split_empty": ("«{name}» har ingen noter at dele", "“{name}” has no notes to split"),
    "split_name": ("Navn på den nye kategori", "Name of the new category"),
    "split_none": ("Ingen noter valgt; intet delt", "No notes chosen; nothing split"),
    "unknown_colour": ("ukendt farve", "unknown colour"),
    "already_coded": ("Noten har allerede «{name}»", "The note has “{name}” already"),
    "created_category": ("Ny kategori «{name}» på tast {key}", "New category “{name}” on key {key}"),
    "created_category_nokey": ("Ny kategori «{name}» (alle taster er brugt)", "New category “{name}” (every key is in use)"),
    "deleted_category": ("«{name}» slettet; {count} noter mistede den (ctrl+z fortryder)",
                         "“{name}” deleted; {count} notes lost it (ctrl+z undoes it)"),
    "split_done": ("{count} noter flyttet til «{name}»", "{count} notes moved to “{name}”"),
    "merge_self": ("Vælg en anden kategori", "Choose another category"),
    "key_invalid": ("Tasten skal være et tal fra 1 til 9", "The key must be a digit from 1 to 9"),
}

BINDING_WORDS: dict[str, str] = {
    # binding id: Danish description (the English one is the binding's own)
    "notes.code.1": "Kod 1-9",
    "notes.repeat": "Gentag",
    "notes.prompt": "Kategori",
    "notes.next_uncoded": "Næste ikke kodede",
    "notes.edit": "Ret",
    "notes.delete": "Slet",
    "capture.save": "Gem",
    "capture.to_notes": "Til noterne",
    "capture.write": "Skriv",
    "capture.round": "Runde",
    "capture.station": "Station",
    "capture.codebook": "Kodebog",
    "capture.review": "Gennemsyn",
    "codebook.new": "Ny",
    "codebook.rename": "Omdøb",
    "codebook.colour": "Farve",
    "codebook.describe": "Beskriv",
    "codebook.key": "Tast",
    "codebook.merge": "Flet",
    "codebook.split": "Del",
    "codebook.delete": "Slet",
    "codebook.close": "Luk",
    "review.search": "Søg",
    "review.station": "Station",
    "review.round": "Runde",
    "review.group": "Gruppe",
    "review.category": "Kategori",
    "review.author": "Skribent",
    "review.uncoded": "Ikke kodede",
    "review.clear": "Nulstil",
    "review.view": "Visning",
    "review.matrix": "Matrix",
    "review.codebook": "Kodebog",
    "review.close": "Luk",
    "dialog.save": "Gem",
    "dialog.cancel": "Fortryd",
    "dialog.mark": "Markér",
}


def word(key: str, language: str = "da", /, **values: object) -> str:
    """The word for ``key`` (from here or from labels.py), with ``{names}`` filled in."""
    pair = WORDS.get(key)
    if pair is None:
        text = label(key, language) if key in LABELS else key
    else:
        text = pair[0] if language == "da" else pair[1]
    return text.format(**values) if values else text


def localize_bindings(node: DOMNode, language: str) -> None:
    """Show this node's own key descriptions in Danish in a Danish session (the footer, F1)."""
    localise(node, language, BINDING_WORDS)

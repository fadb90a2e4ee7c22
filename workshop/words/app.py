"""Words of the app as a whole: undo and redo, saving, the help screen, the palette, notices."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # The modes, as the help's title names them
    "mode_facilitator": ("facilitator", "facilitator"),
    "mode_notes": ("notetager", "note-taker"),
    "mode_secretariat": ("sekretariat", "secretariat"),
    # Who signs a device's changes before its person has given a name (never the computer's login)
    "unnamed_facilitator": ("Facilitator", "Facilitator"),
    "unnamed_notes": ("Notetager", "Note-taker"),
    "unnamed_secretariat": ("Sekretariatet", "The secretariat"),
    # ctrl+q: what was saved and what kept as a draft
    "draft_back_saved": (
        "Din tekst, som ikke var nået at blive gemt ({what}), er gemt nu",
        "Your text that had not been saved yet ({what}) is saved now",
    ),
    "draft_back_clash": (
        "Din tekst, som ikke var gemt ({what}), står i feltet; en anden har ændret teksten siden - ctrl+s gemmer din over deres",
        "Your unsaved text ({what}) is in the field; someone else changed the text since - ctrl+s saves yours over theirs",
    ),
    "draft_what_summary_overall": ("den samlede opsamling", "the overall summary"),
    "draft_what_summary_station": ("opsamlingen for station {number}", "the summary of station {number}"),
    "quit_saved": ("Gemt: {what}", "Saved: {what}"),
    "quit_kept": (
        "Kunne ikke gemmes, men er gemt som kladde og kommer frem igen, når du vender tilbage: {what}",
        "Could not be saved, so it is kept as a draft and comes back when you return: {what}",
    ),
    # F1: the keys of the screen
    "help_title": ("Taster – {mode}", "Keys – {mode}"),
    "help_key": ("Tast", "Key"),
    "help_action": ("Handling", "Action"),
    "help_what": ("Hvad den gør", "What it does"),
    # Undo and redo (the change in words: workshop.storage.change_labels.describe_change)
    "undone": ("Fortrudt: {change}", "Undone: {change}"),
    "redone": ("Gentaget: {change}", "Redone: {change}"),
    "nothing_to_undo": ("Intet at fortryde", "Nothing to undo"),
    "stopped_banner": (
        "⚠ Gemmes ikke mere: ændringsloggen er væk. Appens udgave er i .backups – luk appen.",
        "⚠ Not saved any more: the change log is gone. The app's version is in .backups – close the app.",
    ),
    "nothing_to_redo": ("Intet at gentage", "Nothing to redo"),
    # The command palette (ctrl+p)
    "palette_placeholder": ("Søg efter en kommando …", "Search for commands…"),
    "palette_no_matches": ("Ingen kommando passer", "No matches found"),
    "screenshot": ("Skærmbillede", "Screenshot"),
    "screenshot_help": (
        "Gem et billede (SVG) af skærmen, som den ser ud nu",
        "Save an SVG picture of the screen as it is now",
    ),
    "screenshot_saved": ("Skærmbilledet er gemt", "Screenshot saved"),
    "screenshot_saved_to": ("Skærmbilledet er gemt i {path}", "Screenshot saved to {path}"),
    "screenshot_failed": ("Skærmbilledet kunne ikke gemmes", "Failed to save screenshot"),
    "maximize": ("Fuld skærm", "Maximize"),
    "maximize_help": (
        "Vis den del, der har fokus, på hele skærmen",
        "Show the part that has the focus on the whole screen",
    ),
    "minimize": ("Normal størrelse", "Minimize"),
    "minimize_help": ("Vis delen i normal størrelse igen", "Show the part at its normal size again"),
    # Notices
    "journal_unreadable": ("Ændringsloggen kunne ikke læses: {error}", "Could not read the change log: {error}"),
}

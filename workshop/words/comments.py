"""Words of the comment round between meetings: the comment mode, the comments beside the sections, the link."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # The mode, as the help's title names it, and who signs before a name is given
    "mode_comment": ("kommentering", "commenting"),
    "unnamed_comment": ("Udvalgsmedlem uden navn", "Unnamed member"),
    # What a session's [[comments]] may not hold (workshop.model.comments)
    "comment_said_id_twice": ('kommentaren "{id}" står to gange', 'the comment "{id}" is there twice'),
    "comment_fix_id_twice": ("giv den ene et andet id, eller slet den", "give one of them another id, or delete it"),
    "comment_fix_recommendation": (
        "brug et af anbefalingernes id'er ({known}), eller slet kommentaren",
        "use one of the recommendation ids ({known}) or delete the comment",
    ),
    "comment_fix_section": ("brug et af afsnittene: {known}", "use one of the sections: {known}"),
    # Making and handling a comment (workshop.notes.comments)
    "comment_empty": ("Skriv en kommentar først", "Write a comment first"),
    "comment_no_section": (
        'Der er intet afsnit "{section}"; afsnittene er: {known}',
        'There is no section "{section}"; the sections are: {known}',
    ),
    "comment_gone": ("Kommentaren findes ikke længere", "The comment is no longer there"),
    "change_comment_added": ("kommentar tilføjet", "comment added"),
    "change_comment_handled": ("kommentar markeret som behandlet", "comment marked handled"),
    "change_comment_reopened": ("kommentar markeret som ubehandlet", "comment marked not handled"),
    # The comment screen (workshop.tui.screens.comment)
    "comment_who": ("Hvem kommenterer?", "Who is commenting?"),
    "comment_who_hint": (
        "Dit navn står ved dine kommentarer; du bliver kun spurgt én gang. Esc: spring over",
        "Your name goes with your comments; you are asked only once. Esc: skip",
    ),
    "comment_signed_as": ("Dine kommentarer skrives med navnet {name}", "Your comments are signed {name}"),
    "comment_placeholder": (
        "Skriv en kommentar til afsnittet – Enter gemmer",
        "Write a comment on the section – Enter saves it",
    ),
    "comment_line_keys": (
        "Din kommentar · Enter gemmer · «Afsnit» (Esc): tilbage til afsnittene",
        "Your comment · Enter saves · “Sections” (Esc): back to the sections",
    ),
    "comment_round_open": (
        "Kommentering af udkastene: vælg et afsnit, og skriv din kommentar",
        "Commenting on the drafts: choose a section and write your comment",
    ),
    "comment_round_open_until": (
        "Kommentering af udkastene – frist {day}",
        "Commenting on the drafts – deadline {day}",
    ),
    "comment_round_closed": (
        "Kommenteringen er lukket (fristen var {day}); du kan læse kommentarerne, men ikke skrive nye",
        "The comment round is closed (the deadline was {day}); you can read the comments but not add any",
    ),
    "comment_no_drafts": ("Der er ingen udkast til anbefalinger endnu", "There are no draft recommendations yet"),
    "comment_section_empty": ("(afsnittet er ikke skrevet endnu)", "(the section is not written yet)"),
    "comment_none_yet": ("Ingen kommentarer til afsnittet endnu", "No comments on the section yet"),
    "comment_heading": ("Kommentarer ({count})", "Comments ({count})"),
    "comment_no_author": ("uden navn", "no name"),
    "comment_handled_mark": ("✓ behandlet", "✓ handled"),
    "comment_open_mark": ("● ubehandlet", "● not handled"),
    "comment_handled_by": ("af {name}", "by {name}"),
    "comment_saved": ("Din kommentar er gemt", "Your comment is saved"),
    "comment_choose_section": ("Vælg først et afsnit", "Choose a section first"),
    # The secretariat's recommendations editor: the section's comments
    "rec_comments_none": ("Ingen kommentarer til {section}", "No comments on {section}"),
    "rec_comments_title": (
        "Kommentarer til {section}: {count}, {open} ubehandlet",
        "Comments on {section}: {count}, {open} not handled",
    ),
    "rec_comment_handled_now": ("Markeret som behandlet", "Marked handled"),
    "rec_comment_reopened_now": ("Markeret som ubehandlet", "Marked not handled"),
    # workshop serve
    "serve_link_comment": ("Kommentering", "Comments"),
}

KEYS: dict[str, tuple[str, str]] = {
    # binding id: (Danish description, Danish tooltip); the English ones are the bindings' own
    "comment.sections": ("Afsnit", "Tilbage til listen over afsnit"),
    "comment.write": ("Kommentér", "Skriv en kommentar til afsnittet under markøren (Enter gemmer den)"),
    "recommendations.comments": ("Kommentarer", "Gå til kommentarerne til afsnittet for at markere dem behandlet"),
    "comments.handled": ("Behandlet", "Markér kommentaren som behandlet, eller ubehandlet igen (ctrl+z fortryder)"),
}
"""The Danish words of the comment mode's keys and the secretariat's keys for the comments."""

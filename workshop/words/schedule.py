"""Words of the schedule screen and of what a schedule costs."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    "schedule_title": ("Skema", "Schedule"),
    "mode_groups": ("Faste grupper roterer", "Fixed groups rotate"),
    "mode_remix": ("Deltagerne blandes mellem runderne", "People re-mix between rounds"),
    "pause": (
        "flere grupper end stationer: grupperne venter på skift",
        "more groups than stations: groups wait in turn",
    ),
    "share": (
        "flere grupper end stationer: grupperne deler stationer",
        "more groups than stations: groups share stations",
    ),
    "williams": (
        "rækkefølgen balanceret: hver station følger hver anden lige ofte",
        "balanced order: every station follows every other equally often",
    ),
    "no_cost": (
        "Skemaet koster intet: alle besøger alle stationer.",
        "Nothing is lost: everyone visits every station.",
    ),
    "waits": ("venter", "waits"),
    "form_title": ("Dan grupper", "Form groups"),
    "group_count": ("Antal grupper", "Number of groups"),
    "seed": ("Frø (samme frø giver samme grupper)", "Seed (the same seed gives the same groups)"),
    "balance": ("Balancér", "Balance"),
    "by_affiliation": ("efter tilknytning", "by affiliation"),
    "no": ("nej", "no"),
    "formed": ("grupper dannet", "groups formed"),
    "gave_way": ("Gav efter", "Gave way"),
    # Changes during the evening (workshop.scheduling.evening_changes and the dialog that shows them)
    "evening_fewer_rounds": (
        "runde {rounds} er allerede gået i gang, så programmet skal have mindst {rounds} runder resten af aftenen",
        "round {rounds} has already started, so the programme must keep at least {rounds} rounds for the rest of the evening",
    ),
    "evening_gone": (
        "{names} var med i en runde, der er gået i gang (runde 1-{rounds}), og kan ikke fjernes, mens aftenen kører",
        "{names} took part in a round that has started (rounds 1-{rounds}) and cannot be removed while the evening runs",
    ),
    "evening_fix": (
        "vent til aftenen er slut, eller lav en ændring, der ikke rører de runder, der er gået i gang",
        "wait until the evening is over, or make a change that leaves the started rounds alone",
    ),
    "evening_meanwhile": (
        "runderne er ændret af en anden, mens du så på dem",
        "someone else changed the rounds while you were looking at them",
    ),
    "evening_meanwhile_fix": ("se ændringen igen og bekræft på ny", "look at the change again and confirm it anew"),
    "evening_title": ("Aftenen er i gang – denne ændring flytter folk", "The evening is on – this change moves people"),
    "evening_kept": (
        "Runde 1-{rounds} er gået i gang og bliver, som de er.",
        "Rounds 1-{rounds} have started and stay as they are.",
    ),
    "evening_kept_one": ("Runde 1 er gået i gang og bliver, som den er.", "Round 1 has started and stays as it is."),
    "evening_remix_moves": (
        "Blandingen laves forfra: også runde {rounds}, der er gået i gang, ændres på papiret.",
        "The re-mix is made anew: round {rounds}, which has started, changes on paper too.",
    ),
    "evening_cards": (
        "Rutekortene passer ikke længere til runderne herunder: del nye ud, eller sig det højt.",
        "The route cards no longer match the rounds below: hand out new ones, or say it out loud.",
    ),
    "evening_before": ("Før", "Before"),
    "evening_after": ("Efter", "After"),
    "evening_confirm_hint": (
        "Enter gennemfører ændringen · Esc lader alt være, som det er",
        "Enter makes the change · Esc leaves everything as it is",
    ),
    "evening_switch_remix": (
        "Skift til blanding af deltagerne midt i aftenen?",
        "Switch to re-mixing people mid-evening?",
    ),
    "evening_cancelled": ("Intet er ændret", "Nothing was changed"),
    "nobody": ("ingen", "nobody"),
}

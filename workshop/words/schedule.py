"""Words of the schedule screen and of what a schedule costs."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    "schedule_title": ("Skema", "Schedule"),
    "mode_groups": ("Faste grupper roterer", "Fixed groups rotate"),
    "mode_remix": ("Deltagerne blandes mellem runderne", "People re-mix between rounds"),
    "pause": ("flere grupper end stationer: grupperne venter på skift", "more groups than stations: groups wait in turn"),
    "share": ("flere grupper end stationer: grupperne deler stationer", "more groups than stations: groups share stations"),
    "williams": ("rækkefølgen balanceret (Williams)", "carry-over balanced (Williams)"),
    "no_cost": ("Skemaet koster intet: alle besøger alle stationer.", "Nothing is lost: everyone visits every station."),
    "waits": ("venter", "waits"),
    "form_title": ("Dan grupper", "Form groups"),
    "group_count": ("Antal grupper", "Number of groups"),
    "seed": ("Frø (samme frø giver samme grupper)", "Seed (the same seed gives the same groups)"),
    "balance": ("Balancér", "Balance"),
    "by_affiliation": ("efter tilknytning", "by affiliation"),
    "no": ("nej", "no"),
    "formed": ("grupper dannet", "groups formed"),
    "gave_way": ("Gav efter", "Gave way"),
}

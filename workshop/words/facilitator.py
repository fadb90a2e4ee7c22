"""Words of the facilitator's screens: the live view, the round clock, the board and setup."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # The live view and the round clock
    "ready": ("Klar", "Ready"),
    "running": ("Kører", "Running"),
    "paused": ("På pause – uret står stille", "Paused – the clock stands still"),
    "finished": ("Aftenen er slut", "The evening is over"),
    "expected": ("Faktisk / forventet", "Actual / expected"),
    "expected_narrow": ("Tid", "Time"),
    "late": ("min. forsinket", "min late"),
    "early": ("min. foran", "min early"),
    "on_time": ("Til tiden", "On time"),
    "press_start": ("Tryk s for at starte aftenen", "Press s to start the evening"),
    "press_next": ("Tryk n for at gå videre", "Press n to go on"),
    "ends_at": ("Slutter", "Ends"),
    "plan_short": ("plan", "plan"),
    "starts_at": ("Starter", "Starts"),
    "then_item": ("Derefter", "Then"),
    "moved": ("flyttet", "moved"),
    # The clock's state in words beside the digits (never colour alone)
    "overtime_by": ("Overtid {time}", "Overtime {time}"),
    "paused_short": ("Pause", "Paused"),
    "ended_short": ("Afsluttet", "Ended"),
    "ended_at": ("Afsluttet kl. {time} – tryk n for næste punkt", "Ended at {time} – press n for the next item"),
    # Corrections of the clock
    "clock_nothing_to_undo": ("Intet trin på uret at fortryde", "No clock step to undo"),
    "clock_undo_stale": (
        "«{step}» kan ikke fortrydes: uret eller aftenens starttid er ændret siden",
        "«{step}» cannot be undone: the clock or the evening's start has changed since",
    ),
    "confirm_end_title": (
        "«{title}» startede for {seconds} sekunder siden. Afslut det nu?",
        "«{title}» started {seconds} seconds ago. End it now?",
    ),
    "confirm_end_stay": ("Nej – lad «{title}» køre videre", "No – let «{title}» go on"),
    "confirm_end_next": ("Ja – afslut «{title}» og start «{next}»", "Yes – end «{title}» and start «{next}»"),
    "confirm_end_only": ("Ja – afslut «{title}» nu", "Yes – end «{title}» now"),
    "confirm_end_early_title": (
        "Afslut «{title}» nu, {minutes} min. før tid? Det næste punkt venter, til du starter det (u fortryder).",
        "End «{title}» now, {minutes} min. early? The next item waits until you start it (u undoes it).",
    ),
    "confirm_end_last_title": (
        "Afslut «{title}» nu, {minutes} min. før tid? Det er aftenens sidste punkt (u fortryder).",
        "End «{title}» now, {minutes} min. early? It is the evening's last item (u undoes it).",
    ),
    "confirm_skip_title": (
        "Start «{title}» nu? Det springer {items} over, der ikke har kørt: {skipped} (u fortryder).",
        "Start «{title}» now? That skips {items} that have not run: {skipped} (u undoes it).",
    ),
    "skip_one": ("1 punkt", "1 item"),
    "skip_many": ("{count} punkter", "{count} items"),
    "confirm_skip_go": ("Ja – start «{title}» nu", "Yes – start «{title}» now"),
    "confirm_skip_stay": ("Nej – start ikke noget", "No – start nothing"),
    "move_plan_title": (
        "Aftenen er planlagt til kl. {planned}, og klokken er {now}: {distance}. Flyt planen til nu?",
        "The evening is planned for {planned} and it is {now}: {distance}. Move the plan to now?",
    ),
    "before_plan": ("{hours} t. {minutes} min. før planen", "{hours} h {minutes} min before the plan"),
    "after_plan": ("{hours} t. {minutes} min. efter planen", "{hours} h {minutes} min after the plan"),
    "after_plan_day": ("1 dag efter planen (planen er fra {date})", "1 day after the plan (the plan is for {date})"),
    "before_plan_day": ("1 dag før planen (planen er til {date})", "1 day before the plan (the plan is for {date})"),
    "after_plan_days": (
        "{days} dage efter planen (planen er fra {date})",
        "{days} days after the plan (the plan is for {date})",
    ),
    "before_plan_days": (
        "{days} dage før planen (planen er til {date})",
        "{days} days before the plan (the plan is for {date})",
    ),
    "move_plan_yes": (
        "Flyt planen: start kl. {now}, og alle tider følger med",
        "Move the plan: start at {now}, and every time follows",
    ),
    "move_plan_no": (
        "Behold planen kl. {planned} (tiderne viser forskellen)",
        "Keep the plan at {planned} (the times show the difference)",
    ),
    # Notes per station in the round, on the live view
    "notes_in_round": ("Noter i runde {round} –", "Notes in round {round} –"),
    "quiet": ("stille", "quiet"),
    # The board
    "board": ("Rotationstavle", "Rotation board"),
    "next_round": ("Næste runde", "Next round"),
    "all_rounds_done": ("Alle runder er slut", "All rounds are over"),
    "plenary_next": ("Plenum", "Plenary"),
    "at": ("kl.", "at"),
    "board_hint": (
        "Esc: tilbage · j: QR-koder til notetagerne · F1: taster",
        "Esc: back · j: QR codes for the note-takers · F1: keys",
    ),
    "no_rotation": ("Ingen rotation", "No rotation"),
    "waits_next": ("Venter", "Waits"),
    "board_go_to": ("Hvor skal jeg hen i runde {round}?", "Where do I go in round {round}?"),
    "board_go_next": ("Hvor skal jeg hen efter runde {round}?", "Where do I go after round {round}?"),
    "rotation_people": ("Rotation – deltagerne blandes", "Rotation – people re-mix"),
    # The board's join view: a QR code per station while `workshop serve` runs
    "join_title": (
        "Tag noter på din egen enhed: scan QR-koden ved din station",
        "Take notes on your own device: scan the QR code of your station",
    ),
    "join_no_server": (
        "Ingen server kører for denne session, så der er ingen links at vise endnu. Start den i en terminal:",
        "No server is running for this session, so there are no links to show yet. Start one in a terminal:",
    ),
    "join_waiting": (
        "Koderne kommer frem her af sig selv, så snart serveren kører.",
        "The codes show here by themselves as soon as the server runs.",
    ),
    "join_no_stations": (
        "Sessionen har ingen stationer endnu: tilføj dem under Opsætning (o).",
        "The session has no stations yet: add them in Setup (o).",
    ),
    "join_page": (
        "Esc: tilbage · ←/→: stationerne {first}–{last} af {count} · et større vindue viser alle",
        "Esc: back · ←/→: stations {first}–{last} of {count} · a larger window shows them all",
    ),
    "join_page_one": (
        "Esc: tilbage · ←/→: station {number} af {count} · et større vindue viser flere",
        "Esc: back · ←/→: station {number} of {count} · a larger window shows more",
    ),
    "join_too_small": (
        "Vinduet er for lille til QR-koderne: gør det større (eller skriften mindre). Linkene kan skrives af.",
        "The window is too small for the QR codes: make it larger (or the font smaller). The links can be typed.",
    ),
    "join_hint": ("Esc: tilbage til tavlen · F1: taster", "Esc: back to the board · F1: keys"),
    "join_loopback": (
        "⚠ Linkene virker kun på denne computer (127.0.0.1), ikke på telefoner. Stop serveren, og start den med: {command}",
        "⚠ These links work on this computer only (127.0.0.1), not on phones. Stop the server and start it with: {command}",
    ),
    "shape_costs": ("Rotationen koster", "What the rotation costs"),
    # Setup
    "setup": ("Opsætning", "Setup"),
    "evening": ("Aftenen", "The evening"),
    "field": ("Felt", "Field"),
    "value": ("Værdi", "Value"),
    "title": ("Titel", "Title"),
    "subtitle": ("Undertitel", "Subtitle"),
    "language": ("Sprog", "Language"),
    "name": ("Navn", "Name"),
    "kind": ("Type", "Kind"),
    "without_group": ("Uden gruppe", "Without a group"),
    "people": ("Personer", "People"),
    "questions_hint": ("Ét spørgsmål pr. linje", "One question a line"),
    "form_hint": ("Enter eller ctrl+s gemmer · Esc fortryder", "Enter or ctrl+s saves · Esc cancels"),
    "lines_hint": ("ctrl+s gemmer · Esc fortryder", "ctrl+s saves · Esc cancels"),
    "move_to": ("Flyt til", "Move to"),
    "whole_number": ("skriv et helt tal, fx 30", "write a whole number, e.g. 30"),
    "also_added": ("Også tilføjet, så rotationen går op", "Also added, to keep the rotation whole"),
    "also_removed": ("Også fjernet, så rotationen går op", "Also removed, to keep the rotation whole"),
    "saved": ("Gemt", "Saved"),
    "new_item": ("Nyt punkt", "New item"),
    "new_station": ("Ny station", "New station"),
    "square_title": (
        "Aftenen går op med {stations} stationer, {stations} grupper og {stations} runder. Hvad skal der ske med «{name}»?",
        "The evening is square: {stations} stations, {stations} groups and {stations} rounds. What about “{name}”?",
    ),
    "square_add_group_round": (
        "Tilføj også Gruppe {number} og en runde mere, så alle grupper når alle stationer",
        "Also add Group {number} and one more round, so every group visits every station",
    ),
    "square_add_round": (
        "Tilføj også en runde mere, så alle når alle stationer",
        "Also add one more round, so everyone visits every station",
    ),
    "square_leave_idle": (
        "Tilføj kun stationen; den står tom i de runder, hvor ingen gruppe er der",
        "Add only the station; it stands empty in the rounds where no group is there",
    ),
    "new_person": ("Ny person", "New person"),
    "rename_group": ("Omdøb gruppe", "Rename group"),
    "edit": ("Ret", "Edit"),
    "da": ("Dansk", "Danish"),
    "en": ("Engelsk", "English"),
    "none": ("(ingen)", "(none)"),
    "replan_title": ("Ny varighed i minutter", "New length in minutes"),
    "caught_up": ("forkortet", "shortened"),
    "still_late": ("stadig", "still"),
    "affiliation_hint": ("fx {examples}", "e.g. {examples}"),
    # What the clock's steps did, as the journal keeps them: change_label("clock_started")
    "change_clock_started": ("aftenen startet", "evening started"),
    "change_clock_paused": ("uret sat på pause", "clock paused"),
    "change_clock_resumed": ("uret kører igen", "clock resumed"),
    "change_clock_extended": ("punktet forlænget med {minutes} min.", "item extended by {minutes} min"),
    "change_clock_shortened": ("punktet forkortet med {minutes} min.", "item shortened by {minutes} min"),
    "change_clock_started_moved": (
        "aftenen startet, planen flyttet fra {planned} til {start}",
        "evening started, the plan moved from {planned} to {start}",
    ),
    "change_clock_undone": ("trin på uret fortrudt: {step}", "clock step undone: {step}"),
    "change_clock_ended": ("punktet afsluttet før tid", "item ended early"),
    "change_clock_next": ("næste punkt startet", "next item started"),
    "change_clock_jumped": ("valgt punkt startet", "chosen item started"),
    "change_clock_caught_up": ("punktet forkortet for at indhente forsinkelsen", "item shortened to catch up"),
    "change_clock_replanned": ("punktet har fået en ny varighed", "item re-planned"),
}


KEYS: dict[str, tuple[str, str]] = {
    # binding id: (Danish description, Danish tooltip) of the facilitator's new keys; to be merged
    # into workshop/words/keys.py (which another part of the work owns right now).
    "facilitator.shorten1": ("-1 min", "Tag ét minut fra det aktuelle punkt"),
    "facilitator.shorten5": ("-5 min", "Tag fem minutter fra det aktuelle punkt"),
    "facilitator.undo_clock": (
        "Fortryd ur",
        "Tag det seneste trin på uret tilbage (start, pause, ±min., næste, …); noter og opsætning røres ikke",
    ),
    "board.undo_clock": (
        "Fortryd ur",
        "Tag det seneste trin på uret tilbage (start, pause, ±min., næste, …); noter og opsætning røres ikke",
    ),
    "board.join": (
        "QR-koder",
        "Vis en QR-kode og et link pr. station, så notetagerne kan deltage fra deres egen enhed",
    ),
    "join.back": ("Tilbage", "Tilbage til tavlen"),
    "join.next": ("Næste stationer", "Vis de næste stationers koder (når ikke alle kan være der)"),
    "join.previous": ("Forrige stationer", "Vis de forrige stationers koder"),
}

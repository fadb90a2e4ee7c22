"""The facilitator's words in Danish and English, and key descriptions in the session's language.

``word(key, language)`` looks here first and then in :mod:`workshop.labels`; these words could
move into ``labels.py`` as they are (same shape: key -> (Danish, English)).
"""

from __future__ import annotations


from textual.dom import DOMNode

from ...labels import label
from ..localise import localise_bindings as localise

WORDS: dict[str, tuple[str, str]] = {
    # The live view and the round clock
    "ready": ("Klar", "Ready"),
    "running": ("Kører", "Running"),
    "paused": ("På pause – uret står stille", "Paused – the clock stands still"),
    "overtime": ("Overtid", "Overtime"),
    "ended": ("Afsluttet – venter på næste punkt", "Ended – waiting for the next item"),
    "finished": ("Aftenen er slut", "The evening is over"),
    "expected": ("Faktisk / forventet", "Actual / expected"),
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
    # The board
    "board": ("Rotationstavle", "Rotation board"),
    "now": ("Nu", "Now"),
    "goes_on_to": ("Går videre til", "Goes on to"),
    "next_round": ("Næste runde", "Next round"),
    "all_rounds_done": ("Alle runder er slut", "All rounds are over"),
    "plenary_next": ("Plenum", "Plenary"),
    "at": ("kl.", "at"),
    "board_hint": ("Esc: tilbage · F1: taster", "Esc: back · F1: keys"),
    "no_rotation": ("Ingen rotation", "No rotation"),
    "waits_next": ("Venter", "Waits"),
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
    "new_person": ("Ny person", "New person"),
    "rename_group": ("Omdøb gruppe", "Rename group"),
    "edit": ("Ret", "Edit"),
    "da": ("Dansk", "Danish"),
    "en": ("Engelsk", "English"),
    "none": ("(ingen)", "(none)"),
    "replan_title": ("Ny varighed i minutter", "New length in minutes"),
    "caught_up": ("forkortet", "shortened"),
    "still_late": ("stadig", "still"),
    # Affiliations (stored in English, shown in the session's language)
    "politician": ("Politiker", "Politician"),
    "administration": ("Administration", "Administration"),
    "staff": ("Medarbejder", "Staff"),
    "union": ("Faglig organisation", "Union"),
    "education": ("Uddannelse", "Education"),
}


def word(key: str, language: str = "da") -> str:
    """The word for ``key``: from this module, else from :mod:`workshop.labels`."""
    pair = WORDS.get(key)
    if pair is None:
        return label(key, language)
    return pair[0] if language == "da" else pair[1]


DANISH_KEYS: dict[str, tuple[str, str]] = {
    # binding id: (description, tooltip) in Danish
    "facilitator.start": ("Start", "Start aftenens første punkt nu"),
    "facilitator.pause": ("Pause", "Sæt uret på pause, eller lad det køre videre"),
    "facilitator.extend1": ("+1 min", "Giv det aktuelle punkt ét minut mere"),
    "facilitator.extend5": ("+5 min", "Giv det aktuelle punkt fem minutter mere"),
    "facilitator.end": ("Afslut nu", "Afslut det aktuelle punkt før tid; det næste venter"),
    "facilitator.next": ("Næste", "Afslut det aktuelle punkt og start det næste nu"),
    "facilitator.replan": ("Ny varighed", "Giv det valgte senere punkt en ny varighed"),
    "facilitator.catch_up": ("Indhent", "Forkort det valgte senere punkt med forsinkelsen"),
    "facilitator.jump": ("Start valgte", "Start det valgte punkt nu (det aktuelle afsluttes)"),
    "facilitator.board": ("Tavle", "Vis rotationstavlen til projektoren"),
    "facilitator.schedule": ("Skema", "Alles ruter, hvad formen koster, blanding og gruppedannelse"),
    "facilitator.setup": ("Opsætning", "Ret program, stationer, grupper og aftenens data"),
    "board.back": ("Tilbage", "Tilbage til programmet"),
    "board.pause": ("Pause", "Sæt uret på pause, eller lad det køre videre"),
    "board.next": ("Næste", "Afslut det aktuelle punkt og start det næste nu"),
    "setup.back": ("Tilbage", "Tilbage til programmet"),
    "setup.tab.evening": ("Aftenen", "Titel, dato, start og sprog"),
    "setup.tab.program": ("Program", "Programpunkter, minutter og typer"),
    "setup.tab.stations": ("Stationer", "Stationer, værter og spørgsmål"),
    "setup.tab.groups": ("Grupper", "Grupper og deltagere"),
    "setup.edit": ("Ret", "Ret det valgte"),
    "setup.add": ("Tilføj", "Tilføj et nyt"),
    "setup.remove": ("Fjern", "Fjern det valgte"),
    "setup.up": ("Op", "Flyt det valgte op"),
    "setup.down": ("Ned", "Flyt det valgte ned"),
    "setup.add_person": ("Tilføj person", "Tilføj en person til den valgte gruppe"),
    "setup.move_person": ("Flyt person", "Flyt den valgte person til en anden gruppe"),
    "setup.rename_group": ("Omdøb gruppe", "Giv den valgte gruppe et nyt navn"),
    "setup.add_group": ("Ny gruppe", "Tilføj en gruppe"),
    "form.save": ("Gem", "Gem og luk"),
    "form.cancel": ("Fortryd", "Luk uden at gemme"),
    "form.next": ("Næste felt", "Gå til næste felt"),
    "form.previous": ("Forrige felt", "Gå tilbage til feltet før"),
}


def localise_bindings(node: DOMNode, language: str) -> None:
    """Show ``node``'s own key descriptions and tooltips in ``language`` (Danish from DANISH_KEYS)."""
    localise(node, language, DANISH_KEYS)

"""Every key's description and tooltip in Danish, by binding id.

Bindings are declared once in English, each with an ``id`` (``Binding(..., id="capture.save")``);
a Danish session shows these instead (the footer, F1 and the palette). An empty description
keeps a key out of the footer, F1 and the palette, as its empty English one does; the tooltip
says what the key does. ``tests/test_words.py`` checks that every binding of the app is here.
"""

from __future__ import annotations

from workshop.words import comments as comment_keys
from workshop.words import series as series_keys

KEYS: dict[str, tuple[str, str]] = {
    # binding id: (Danish description, Danish tooltip)
    # The app's own keys
    "app.help": ("Hjælp", "Vis alle taster på denne skærm"),
    "app.mode.facilitator": ("Facilitator", "Programmet, rundeuret og rotationstavlen"),
    "app.mode.notes": ("Noter", "Skriv og kod noter ved en station"),
    "app.mode.secretariat": ("Sekretariat", "Gennemse, opsummér og eksportér referatet"),
    "app.undo": ("Fortryd", "Fortryd din seneste ændring"),
    "app.redo": ("Gentag", "Gentag det, du fortrød"),
    "app.quit": ("Afslut", "Gem alt og afslut"),
    "app.palette": ("Kommandoer", "Find en kommando på denne skærm ved navn"),
    "help.close": ("Luk", "Luk hjælpen"),
    # The facilitator
    "facilitator.start": ("Start", "Start aftenens første punkt nu"),
    "facilitator.pause": ("Pause", "Sæt uret på pause, eller lad det køre videre"),
    "facilitator.extend1": ("+1 min", "Giv det aktuelle punkt ét minut mere"),
    "facilitator.extend5": ("+5 min", "Giv det aktuelle punkt fem minutter mere"),
    "facilitator.shorten1": ("-1 min", "Tag ét minut fra det aktuelle punkt"),
    "facilitator.shorten5": ("-5 min", "Tag fem minutter fra det aktuelle punkt"),
    "facilitator.undo_clock": (
        "Fortryd ur",
        "Tag urets seneste skridt tilbage (start, pause, ±min, næste, …); noter og opsætning bliver",
    ),
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
    "board.join": (
        "QR-koder",
        "Vis en QR-kode og et link pr. station, så noteskriverne kan koble sig på fra egne enheder",
    ),
    "join.back": ("Tilbage", "Tilbage til tavlen"),
    "join.next": ("Næste stationer", "Vis de næste stationers koder (når de ikke alle kan være der)"),
    "join.previous": ("Forrige stationer", "Vis de forrige stationers koder"),
    "board.undo_clock": (
        "Fortryd ur",
        "Tag urets seneste skridt tilbage (start, pause, ±min, næste, …); noter og opsætning bliver",
    ),
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
    # The note-taker, the codebook and the review
    "notes.code.1": ("Kod 1-9", "Sæt eller fjern kategorien med tast 1 (2, …, 9) på den valgte note"),
    **{f"notes.code.{k}": ("", f"Sæt eller fjern kategorien med tast {k} på den valgte note") for k in range(2, 10)},
    "notes.repeat": ("Samme kategori", "Sæt den senest brugte kategori på den valgte note også"),
    "notes.prompt": ("Kategori", "Skriv for at finde en kategori (eller oprette en ny) og sæt den på"),
    "notes.next_uncoded": ("Næste ikke kodede", "Gå til den næste note uden kategori"),
    "notes.edit": ("Ret", "Ret den valgte notes tekst"),
    "notes.delete": ("Slet", "Slet den valgte note (ctrl+z henter den tilbage)"),
    "capture.save": (
        "Gem",
        "Gem noten: den ligger på disken med det samme, med station, runde, gruppe, skribent og tid",
    ),
    "capture.to_notes": ("Til noterne", "Gå fra notefeltet til noterne for at kode dem med 1-9"),
    "capture.write": ("Skriv", "Gå til notefeltet og skriv en ny note"),
    "capture.round": ("Runde", "Vælg runden selv (igen for den næste; efter den sidste følges facilitatoren)"),
    "capture.station": ("Station", "Tag noter ved en anden station (ctrl+g i en browser, som selv bruger ctrl+t)"),
    "capture.codebook": ("Kodebog", "Kodebogen: omdøb, farv, beskriv, giv tast, flet, del og slet kategorier"),
    "capture.review": ("Gennemsyn", "Alle noter: filtrér, søg, sortér efter station eller kategori, tæl"),
    "capture.unfold": (
        "Fold ud",
        "Fold toppen ud (alle navne, spørgsmålene og udkastet til en anbefaling i fuld længde), eller fold den sammen igen",
    ),
    "capture.link": ("Knyt til udkast", "Knyt den valgte note til det afsnit af udkastet, den kvalificerer"),
    **{
        f"capture.code.{k}": ("", f"Til noterne, og sæt eller fjern kategorien med tast {k} på den valgte note")
        for k in range(1, 10)
    },
    "codebook.new": ("Ny", "Tilføj en kategori (den får den næste ledige tast og farve)"),
    "codebook.rename": ("Omdøb", "Giv kategorien et nyt navn (navnene skal være forskellige)"),
    "codebook.colour": ("Farve", "Giv kategorien en anden farve"),
    "codebook.describe": ("Beskriv", "Skriv, hvad der hører til i kategorien"),
    "codebook.key": ("Tast", "Giv kategorien en tast 1-9 (en tast i brug flyttes hertil)"),
    "codebook.merge": ("Flet", "Flyt alle kategoriens noter til en anden kategori og fjern den (kan fortrydes)"),
    "codebook.split": ("Del", "Flyt udvalgte noter fra kategorien til en ny"),
    "codebook.delete": ("Slet", "Slet kategorien; dens noter mister den (kan fortrydes)"),
    "codebook.close": ("Luk", "Tilbage til noterne"),
    "review.search": ("Søg", "Søg i noternes tekst (alle ord skal forekomme)"),
    "review.station": ("Station", "Vis én station, den næste, …, alle"),
    "review.round": ("Runde", "Vis én runde, den næste, …, alle"),
    "review.group": ("Gruppe", "Vis én gruppe, den næste, …, alle"),
    "review.category": ("Kategori", "Vis én kategoris noter (skriv for at finde den); igen: alle kategorier"),
    "review.author": ("Skribent", "Vis én skribents noter, den næste, …, alle"),
    "review.uncoded": ("Ikke kodede", "Vis kun noterne uden kategori, eller alle"),
    "review.clear": ("Nulstil", "Fjern alle filtre og søgningen"),
    "review.view": ("Visning", "Vis noterne som liste, efter station eller efter kategori"),
    "review.matrix": ("Matrix", "Tæl noterne pr. station og kategori"),
    "review.codebook": ("Kodebog", "Åbn kodebogen"),
    "review.close": ("Luk", "Tilbage (fra søgningen: til noterne)"),
    **{
        f"review.code.{k}": ("", f"Tilbage til noterne, og sæt eller fjern kategorien med tast {k} på den valgte note")
        for k in range(1, 10)
    },
    "dialog.save": ("Gem", "Gem noten"),
    "dialog.cancel": ("Fortryd", "Luk uden at ændre noget"),
    "dialog.mark": ("Markér", "Markér noten, eller fjern markeringen"),
    "dialog.done": ("Fortsæt", "Fortsæt med de markerede noter"),
    "dialog.close": ("Luk", "Tilbage til matrixen"),
    "prompt.down": ("Næste", "Fremhæv den næste kategori"),
    "prompt.up": ("Forrige", "Fremhæv den forrige kategori"),
    # The secretariat
    "secretariat.save": ("Gem", "Gem den opsamling, du skriver"),
    "secretariat.export": (
        "Eksportér",
        "Skriv alle dokumenter i mappen exports: referat, rutekort, notetabel, anbefalinger, dagsordenspunkt og "
        "de to REFI-QDA-filer",
    ),
    "secretariat.export_anonymized": ("Anonymiseret", "Skriv referatet uden navne på deltagere og skribenter"),
    "secretariat.list": ("Opsamlinger", "Gå til listen over opsamlinger"),
    "secretariat.write": ("Skriv", "Gå til opsamlingens tekst (ctrl+e i en browser, som selv bruger ctrl+t)"),
    "secretariat.review": ("Gennemsyn", "Alle noter: filtrér, søg, omkod, matrixen station × kategori"),
    "secretariat.codebook": ("Kodebog", "Omdøb, flet, del og slet kategorier"),
    "secretariat.recommendations": ("Anbefalinger", "Skriv anbefalingerne, temaerne og indstillingen ud fra noterne"),
    # The recommendations editor
    "recommendations.close": ("Tilbage", "Tilbage til opsamlingerne (det skrevne er gemt)"),
    "recommendations.save": ("Gem", "Gem den tekst, du skriver"),
    "recommendations.new": ("Ny", "Skriv en ny anbefaling (F9 i en browser, som selv bruger ctrl+n)"),
    "recommendations.title": ("Titel", "Giv anbefalingen en ny titel"),
    "recommendations.theme": ("Tema", "Sæt anbefalingen under et andet tema"),
    "recommendations.station": ("Station", "Vælg den station, hvis noter anbefalingen bygger på"),
    "recommendations.next_section": ("Næste afsnit", "Skriv anbefalingens næste afsnit"),
    "recommendations.previous_section": ("Forrige afsnit", "Skriv anbefalingens forrige afsnit"),
    "recommendations.move_up": ("Flyt op", "Flyt anbefalingen én plads op i sit tema"),
    "recommendations.move_down": ("Flyt ned", "Flyt anbefalingen én plads ned i sit tema"),
    "recommendations.delete": ("Slet", "Slet anbefalingen (ctrl+z i listen henter den tilbage)"),
    "recommendations.list": ("Liste", "Gå til listen over anbefalinger"),
    "recommendations.write": ("Skriv", "Gå til teksten, du skriver (ctrl+e i en browser, som selv bruger ctrl+t)"),
    "recommendations.notes": (
        "Noter",
        "Gå til stationens noter for at citere dem (c) eller knytte dem til afsnittet (l)",
    ),
    "recommendations.cite": ("Citér", "Citér den valgte note i anbefalingen (igen: fjern citatet)"),
    "recommendations.link": ("Knyt", "Knyt den valgte note til afsnittet, du skriver (igen: fjern koblingen)"),
    # The schedule
    "schedule.back": ("Tilbage", "Tilbage til programmet"),
    "schedule.mode": ("Grupper/bland", "Skift mellem faste grupper og at blande deltagerne"),
    "schedule.extra": ("Vent/del", "Flere grupper end stationer: vent på skift eller del stationer"),
    "schedule.williams": (
        "Balance",
        "Slå balanceret rækkefølge til eller fra (hver station følger efter hver anden station lige ofte)",
    ),
    "schedule.form": ("Dan grupper", "Dan balancerede grupper af deltagerne"),
    # A change during the evening that moves people
    "evening.confirm": ("Gennemfør", "Gennemfør ændringen: runderne bliver, som der står under Efter"),
    "evening.cancel": ("Lad være", "Lad alt være, som det er"),
    "names.name": ("Navn", "Ordet er en persons navn her: erstat det"),
    "names.word": ("Almindeligt ord", "Ordet er det almindelige ord her: behold det"),
    "names.done": ("Skriv", "Skriv filen med disse afgørelser (de huskes til næste eksport)"),
    "names.cancel": ("Annullér", "Skriv intet"),
    # The series screen (workshop/words/series.py)
    **series_keys.KEYS,
    # The comment round (workshop/words/comments.py)
    **comment_keys.KEYS,
}

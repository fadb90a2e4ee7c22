"""Words of the secretariat's screen: summaries and exports."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # The documents, as the export names them
    "document_minutes": ("Referat", "Minutes"),
    "document_route_cards": ("Rutekort", "Route cards"),
    "document_quotes": ("Notetabel", "Quote table"),
    # What the palette offers
    "export_all": ("Eksportér alle dokumenter", "Export every document"),
    "export_minutes": ("Eksportér referatet (.docx)", "Export the minutes (.docx)"),
    "export_anonymized": ("Eksportér det anonymiserede referat (.docx)", "Export the anonymized minutes (.docx)"),
    "export_route_cards": ("Eksportér rutekortene (.docx)", "Export the route cards (.docx)"),
    "export_quotes": ("Eksportér notetabellen (.csv til Excel)", "Export the quote table (.csv for Excel)"),
    "export_where": ("Skriver i mappen exports", "Writes into the exports folder"),
    # While and after exporting
    "exporting": ("Eksporterer {what} …", "Exporting {what}…"),
    "exported": ("Eksporteret:", "Exported:"),
    "exported_to": ("{count} filer i {folder}", "{count} files in {folder}"),
    "export_failed": ("Eksporten mislykkedes: {problem}", "Export failed: {problem}"),
    "export_running": ("En eksport kører allerede", "An export is already running"),
    "export_report_at": ("Rapporten over erstatningerne: {path}", "The report of the replacements: {path}"),
    "export_report_title": ("Anonymisering – tjek før afsendelse", "Anonymizing – check before sending"),
    "export_not_delivered": (
        "{name} er skrevet i mappen exports, men kunne ikke sendes til browseren: {problem}",
        "{name} is written in the exports folder but could not be sent to the browser: {problem}",
    ),
    # Writing the summaries
    "opening_introduction": (
        "Indledning i anbefalingsrapporten",
        "Introduction of the recommendations report",
    ),
    "opening_case": ("Sagsfremstilling i dagsordenspunktet", "Presentation of the case in the agenda item"),
    "opening_prefilled": (
        "Ikke skrevet endnu: teksten er hentet fra «{source}». Ret den her, så bliver den sin egen.",
        "Not written yet: the text is taken from “{source}”. Change it here to make it its own.",
    ),
    "summary_saved": ("Opsamlingen er gemt", "Summary saved"),
    "nothing_new": ("Intet nyt at gemme", "Nothing new to save"),
    "summary_clash": (
        "En anden har også ændret denne opsamling; din tekst bliver stående, og ctrl+s gemmer den over deres.",
        "Someone else changed this summary too; your text stays in the editor, and ctrl+s saves it over theirs.",
    ),
}

"""Words of the recommendations: the template's sections, the report and the agenda item."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # the template's seven sections (seed 000's "Skabelon for de endelige anbefalinger"), as headings
    "section_purpose": ("Formål", "Purpose"),
    "section_goals": ("Mål", "Goals"),
    "section_actions": ("Indsatser", "Actions"),
    "section_follow_up": ("Opfølgning", "Follow-up"),
    "section_baseline": ("Baseline", "Baseline"),
    "section_resources": ("Ressourcer og økonomi", "Resources and budget"),
    "section_next_step": ("Næste step (efter politisk stillingtagen)", "Next step (after the political decision)"),
    # the same, short (the editor's fields, the note-taker's folded view)
    "section_short_next_step": ("Næste step", "Next step"),
    "recommendation_intro": ("Indledning til anbefalingen", "Introduction to the recommendation"),
    # the recommendations report (seed 001)
    "recommendations_title": ("Anbefalinger", "Recommendations"),
    "recommendation_numbered": ("Anbefaling {number}: {title}", "Recommendation {number}: {title}"),
    "theme_heading_one": ("Anbefaling – {theme}", "Recommendation – {theme}"),
    "theme_heading_many": ("Anbefalinger – {theme}", "Recommendations – {theme}"),
    "theme_none": ("Øvrige anbefalinger", "Other recommendations"),
    "theme_list_lead_one": (
        "Den underliggende konkrete anbefaling er:",
        "The recommendation under this theme is:",
    ),
    "theme_list_lead_many": (
        "De underliggende konkrete anbefalinger er:",
        "The recommendations under this theme are:",
    ),
    "contents": ("Indhold", "Contents"),
    "contents_update": (
        "Højreklik og vælg «Opdater felt» (Word) eller «Opdater indeks» (LibreOffice) for sidetal.",
        "Right-click and choose “Update Field” (Word) or “Update Index” (LibreOffice) for page numbers.",
    ),
    "introduction": ("Indledning", "Introduction"),
    "no_recommendations": ("Der er ingen anbefalinger endnu.", "There are no recommendations yet."),
    "appendix_cited": ("Bilag: Noter fra stationerne", "Appendix: Notes from the stations"),
    "appendix_cited_lead": (
        "Noterne, som anbefalingerne henviser til, og noterne, der kvalificerer et afsnit, med station, gruppe og runde.",
        "The notes the recommendations cite, and the notes that qualify a section, with station, group and round.",
    ),
    "cited_notes": ("Noter, som anbefalingen henviser til", "Notes the recommendation cites"),
    "qualifies_section": ("Kvalificerer «{section}»", "Qualifies “{section}”"),
    "no_cited_notes": ("Ingen noter.", "No notes."),
    "evening_changed": ("Hvad aftenen ændrede", "What the evening changed"),
    "evening_changed_lead": (
        "Anbefalingerne sammenlignet med udkastene, som de stod, før aftenen begyndte ({moment}).",
        "The recommendations compared with the drafts as they stood before the evening began ({moment}).",
    ),
    "evening_new": ("ny på aftenen", "new during the evening"),
    "evening_removed": ("fjernet på aftenen", "removed during the evening"),
    "evening_unchanged": ("uændret", "unchanged"),
    "evening_sections": ("ændret: {sections}", "changed: {sections}"),
    "title_word": ("titel", "title"),
    "theme_word": ("tema", "theme"),
    # the draft agenda item (seed 004)
    "agenda_title": ("Anbefalinger fra {title}", "Recommendations of {title}"),
    "agenda_open_case": ("Åben sag", "Open case"),
    "agenda_case": ("Sagsfremstilling", "Presentation of the case"),
    "agenda_case_lead": (
        "Udvalget har formuleret {count} anbefalinger:",
        "The committee has formulated {count} recommendations:",
    ),
    "agenda_case_lead_one": (
        "Udvalget har formuleret én anbefaling:",
        "The committee has formulated one recommendation:",
    ),
    "agenda_proposal": ("Indstilling", "Recommended decision"),
    "agenda_proposes": ("Forvaltningen indstiller, {clause}", "The administration recommends {clause}"),
    "agenda_proposal_clause": ("at", "that"),
    "agenda_proposal_missing": (
        "[Indstillingen mangler: skriv under anbefalingerne, hvad forvaltningen indstiller, at udvalget beslutter]",
        "[The recommended decision is missing: write, under the recommendations, what the administration "
        "recommends the committee to decide]",
    ),
    "agenda_route": ("Sagsgang", "Case route"),
    "agenda_route_missing": (
        "[Sagsgangen mangler: de udvalg, sagen skal forbi, fx «HU» eller «ØU, KB»]",
        "[The case route is missing: the committees the case passes, e.g. “HU” or “ØU, KB”]",
    ),
    "agenda_case_missing": (
        "[Sagsfremstillingen mangler: skriv den i sekretariatets skærm (Sagsfremstilling)]",
        "[The presentation of the case is missing: write it in the secretariat's screen (Presentation of the case)]",
    ),
    "agenda_decision_in": ("Beslutning i {committee}", "Decision of {committee}"),
    "agenda_decision_on": ("Beslutning i {committee} den {date}", "Decision of {committee} on {date}"),
    "agenda_committee_unnamed": ("udvalget", "the committee"),
    "agenda_decision_blank": ("[Udfyldes af udvalget]", "[For the committee to fill in]"),
    "agenda_attachments": ("Bilag:", "Attachments:"),
    # changes (what undo and the history say)
    "change_recommendation_created": ("anbefaling «{title}» oprettet", "recommendation “{title}” created"),
    "change_recommendation_edited": ("anbefaling «{title}» ændret", "recommendation “{title}” changed"),
    "change_recommendation_section": (
        "«{section}» i anbefaling «{title}» skrevet",
        "“{section}” of recommendation “{title}” written",
    ),
    "change_recommendation_deleted": ("anbefaling «{title}» slettet", "recommendation “{title}” deleted"),
    "change_recommendation_moved": ("anbefaling «{title}» flyttet", "recommendation “{title}” moved"),
    "change_recommendations_reordered": ("anbefalingerne ordnet", "recommendations reordered"),
    "change_note_cited": ("note citeret i «{title}»", "note cited in “{title}”"),
    "change_note_uncited": ("note ikke længere citeret i «{title}»", "note no longer cited in “{title}”"),
    "change_note_linked": ("note knyttet til «{section}» i «{title}»", "note linked to “{section}” of “{title}”"),
    "change_note_unlinked": ("notens kobling til en anbefaling fjernet", "note's link to a recommendation removed"),
    "change_theme_written": ("temaet «{theme}» skrevet", "theme “{theme}” written"),
    "change_proposed_decision_written": ("indstillingen skrevet", "recommended decision written"),
    "change_introduction_written": ("rapportens indledning skrevet", "the report's introduction written"),
    "change_case_written": ("sagsfremstillingen skrevet", "the presentation of the case written"),
    # refusals of the editing functions (the secretariat's screen shows them)
    "recommendation_gone": (
        "anbefalingen {id} findes ikke (slettet af en anden?)",
        "the recommendation {id} does not exist (deleted by someone else?)",
    ),
    "recommendation_no_title": ("en anbefaling skal have en titel", "a recommendation needs a title"),
    "recommendation_unknown_section": (
        "«{section}» er ikke et afsnit af skabelonen; brug et af {known}",
        "“{section}” is not a section of the template; use one of {known}",
    ),
    "recommendation_unknown_field": (
        "«{field}» kan ikke ændres her; brug et af {known}",
        "“{field}” cannot be changed here; use one of {known}",
    ),
    "recommendation_note_gone": (
        "noten {id} findes ikke (slettet af en anden?)",
        "the note {id} does not exist (deleted by someone else?)",
    ),
    "recommendation_unknown_station": ("stationen {id} findes ikke", "the station {id} does not exist"),
    # fixes of the session file's problems (workshop check)
    "fix_theme_twice": ("giv hvert tema i [[themes]] sit eget navn", "give each theme in [[themes]] its own name"),
    "fix_own_id_recommendations": ("giv hver anbefaling sit eget id", "give each recommendation its own id"),
    "fix_recommendation_station": (
        "brug et af stationernes id'er ({known}), eller fjern station",
        "use one of the station ids ({known}) or remove station",
    ),
    "fix_cited_note": (
        "fjern id'et fra notes, eller brug id'et på en note, der findes",
        "remove the id from notes or use the id of a note that exists",
    ),
    "fix_note_section": ("brug et af afsnittene {known}", "use one of the sections {known}"),
    "fix_note_recommendation": (
        "brug et af anbefalingernes id'er ({known}), eller fjern recommendation",
        "use one of the recommendation ids ({known}) or remove recommendation",
    ),
    "fix_section_alone": (
        "angiv også recommendation (anbefalingens id), eller fjern section",
        "also give recommendation (the recommendation's id), or remove section",
    ),
    # the secretariat's recommendations editor (workshop/tui/screens/recommendations.py)
    "rec_evidence_none": (
        "Vælg en anbefaling for at se noterne bag den",
        "Choose a recommendation to see the notes behind it",
    ),
    "rec_evidence_of": ("Noter fra {station}", "Notes from {station}"),
    "rec_evidence_no_station": (
        "Ingen station valgt (ctrl+o): her står kun de citerede noter",
        "No station chosen (ctrl+o): only the cited notes show here",
    ),
    "rec_evidence_cited_elsewhere": ("Citeret fra andre stationer", "Cited from other stations"),
    "rec_recommendation_clash": (
        "En anden har også ændret denne tekst; din tekst bliver stående, og ctrl+s gemmer den over deres.",
        "Someone else changed this text too; your text stays in the editor, and ctrl+s saves it over theirs.",
    ),
    "rec_agenda_proposal_help": (
        "Det, forvaltningen indstiller, at udvalget beslutter (dagsordenspunktets «Indstilling»)",
        "What the administration recommends the committee to decide (the agenda item's “Recommended decision”)",
    ),
    "rec_theme_titled": ("Tema: {theme}", "Theme: {theme}"),
    "rec_theme_intro": ("Indledning til temaet", "Introduction to the theme"),
    "rec_theme_intro_help": (
        "Indledningen står øverst i temaets kapitel i rapporten",
        "The introduction opens the theme's chapter in the report",
    ),
    "rec_theme_none_help": (
        "Anbefalinger uden tema; giv dem et tema med ctrl+g",
        "Recommendations without a theme; give them one with ctrl+g",
    ),
    "rec_no_station_chosen": ("Ingen station", "No station"),
    "rec_cited_count": ("{count} citerede noter", "{count} cited notes"),
    "rec_intro_short": ("Indledning", "Introduction"),
    "rec_linked_none": (
        "Ingen noter knyttet til «{section}» endnu (l på en note)",
        "No notes linked to “{section}” yet (l on a note)",
    ),
    "rec_linked_to": ("Noter knyttet til «{section}»:", "Notes linked to “{section}”:"),
    "rec_recommendation_saved": ("Teksten er gemt", "Text saved"),
    "rec_choose_a_recommendation": ("Vælg først en anbefaling i listen", "Choose a recommendation in the list first"),
    "rec_new_recommendation": ("Ny anbefaling – titel", "New recommendation – title"),
    "rec_new_recommendation_hint": (
        "Fx «Ny i ledelse i kommunen»; tema og station følger den valgte anbefaling",
        "E.g. “New to management”; theme and station follow the chosen recommendation",
    ),
    "rec_recommendation_title": ("Anbefalingens titel", "The recommendation's title"),
    "rec_recommendation_theme": ("Anbefalingens tema", "The recommendation's theme"),
    "rec_recommendation_theme_hint": ("Tomt: stationens navn bliver temaet", "Empty: the station's name is the theme"),
    "rec_recommendation_station": ("Noterne kommer fra station", "The notes come from station"),
    "rec_recommendation_deleted": (
        "Anbefalingen «{title}» er slettet; ctrl+z i listen henter den tilbage",
        "The recommendation “{title}” was deleted; ctrl+z in the list brings it back",
    ),
    "rec_note_cited": ("Noten er citeret i «{title}»", "The note is cited in “{title}”"),
    "rec_note_uncited": ("Noten er ikke længere citeret", "The note is no longer cited"),
    "rec_link_needs_section": (
        "Vælg først et afsnit (ctrl+↓), som noten skal knyttes til",
        "Choose a section (ctrl+↓) to link the note to first",
    ),
    "rec_note_linked": ("Noten er knyttet til «{section}»", "The note is linked to “{section}”"),
    "rec_note_unlinked": (
        "Noten er ikke længere knyttet til «{section}»",
        "The note is no longer linked to “{section}”",
    ),
    # the note-taker's draft (workshop/tui/components/draft_recommendation.py)
    "draft_more": ("… «Fold ud» (ctrl+o) viser hele udkastet", "… “Unfold” (ctrl+o) shows the whole draft"),
    "no_draft": ("Stationen har intet udkast til en anbefaling", "The station has no draft recommendation"),
    "link_which_section": (
        "Hvilket afsnit af udkastet kvalificerer noten?",
        "Which section of the draft does the note qualify?",
    ),
    "link_remove": ("Fjern notens kobling til udkastet", "Remove the note's link to the draft"),
    "link_removed": ("Noten er ikke længere knyttet til udkastet", "The note is no longer linked to the draft"),
}

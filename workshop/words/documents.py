"""Words of the exported documents: the minutes, the route cards and the quote table."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    "anonymized": (
        "Navne på deltagere, værter og skribenter, e-mailadresser, telefon- og cpr-numre er erstattet i dette dokument.",
        "The names of participants, hosts and note-takers, e-mail addresses, phone and CPR numbers are replaced in this document.",
    ),
    # anonymizing: what stands instead, and the report written beside the export
    "anon_participant": ("Deltager {number}", "Participant {number}"),
    "anon_host": ("Vært {number}", "Host {number}"),
    "anon_author": ("Skribent {number}", "Note-taker {number}"),
    "anon_email": ("[e-mail]", "[e-mail]"),
    "anon_phone": ("[telefon]", "[phone]"),
    "anon_cpr": ("[cpr-nr.]", "[CPR no.]"),
    "anon_report_title": ("Anonymisering af {document}", "Anonymization of {document}"),
    "anon_report_title_plain": ("Anonymisering", "Anonymization"),
    "anon_report_private": (
        "Rapporten er til sekretariatets kontrol og nævner ord, der er navne: send den ikke med dokumentet.",
        "This report is for the secretariat to check and mentions words that are names: do not send it with the document.",
    ),
    "anon_report_counts": ("Erstatninger:", "Replacements:"),
    "anon_kind_names": ("navne", "names"),
    "anon_kind_ambiguous": (
        "heraf navne, som flere personer har (erstattet med [navn])",
        "of these, names several people share (replaced by [name])",
    ),
    "anon_kind_emails": ("e-mailadresser", "e-mail addresses"),
    "anon_kind_phones": ("telefonnumre", "phone numbers"),
    "anon_kind_cpr": ("cpr-numre", "CPR numbers"),
    "anon_people": ("{count} forskellige personer", "{count} different people"),
    "anon_people_one": ("{count} person", "{count} person"),
    "anon_hosts_pseudonym": (
        "Værter er erstattet som alle andre (Deltager N).",
        "Hosts are replaced like everyone else (Participant N).",
    ),
    "anon_hosts_roles": (
        "Værter er erstattet med deres rolle (Vært 1 er værten ved station 1).",
        "Hosts are replaced by their role (Host 1 is the host of station 1).",
    ),
    "anon_kind_profiles": ("links til profiler og adresser med et navn", "links to profiles and addresses with a name"),
    "anon_profile": ("[profil]", "[profile]"),
    "anon_ordinary_head": (
        "Ord, der også er almindelige ord, og som er erstattet, fordi de stod som et navn (med stort inde i en sætning, ved siden af resten af navnet, efter «v.» eller som forfatter) – tjek dem:",
        "Words that are also ordinary words, replaced because they stood as a name (capitalised inside a sentence, beside the rest of the name, after «v.» or as an author) – check them:",
    ),
    "anon_ordinary_none": (
        "Ingen erstattede ord er også almindelige ord.",
        "No replaced word is also an ordinary word.",
    ),
    "anon_kept": (
        "Beholdt som almindelige ord, hvor de ikke stod som et navn (fx «hans leder», «hvor de kan bo»): {count}",
        "Kept as ordinary words where they did not stand as a name (e.g. «hans leder», «hvor de kan bo»): {count}",
    ),
    "anon_undecided_head": (
        "Kan ikke afgøres ud fra teksten – et navn eller det almindelige ord? ({count}):",
        "Cannot be told from the text – a name or the ordinary word? ({count}):",
    ),
    "anon_undecided_how": (
        "Indtil sekretariatet har afgjort dem, er de erstattet. Afgør dem i sekretariatet (F9); afgørelserne gemmes i sessionen og bruges ved næste eksport.",
        "Until the secretariat has decided them, they are replaced. Decide them in the secretariat's screen (F9); the decisions are kept in the session and used at the next export.",
    ),
    "anon_undecided_none": (
        "Alle ord, der både er navne og almindelige ord, kunne afgøres ud fra teksten.",
        "Every word that is both a name and an ordinary word could be told from the text.",
    ),
    "anon_decided_head": (
        "Afgjort af sekretariatet ({count}):",
        "Decided by the secretariat ({count}):",
    ),
    "anon_case_replaced": ("erstattet", "replaced"),
    # the secretariat's dialog before the anonymized minutes are written (F9)
    "names_title": ("Navn eller almindeligt ord? ({count} steder)", "A name or an ordinary word? ({count} places)"),
    "names_intro": (
        "Ordene her er både navnet på en person i sessionen og et almindeligt ord, og teksten afgør ikke hvilket.",
        "These words are both the name of someone in the session and an ordinary word, and the text does not tell which.",
    ),
    "names_hint": (
        "n: navn (erstattes) · o: almindeligt ord (beholdes) · Enter: skriv filen (afgørelserne huskes) · Esc: skriv intet",
        "n: a name (replaced) · o: an ordinary word (kept) · Enter: write the file (the decisions are kept) · Esc: write nothing",
    ),
    "names_word": ("Ord", "Word"),
    "names_decision": ("Afgjort", "Decided"),
    "names_context": ("Sted i teksten", "Where it stands"),
    "names_open": ("?", "?"),
    "names_is_name": ("navn", "name"),
    "names_is_word": ("ord", "word"),
    "names_checking": ("Tjekker navne i {what} …", "Checking the names in {what} …"),
    "names_cancelled": ("Intet skrevet: navnene blev ikke afgjort.", "Nothing written: the names were not decided."),
    "change_anonymizing_decided": ("afgjort om «{word}» er et navn", "decided whether «{word}» is a name"),
    "change_anonymizing_decided_many": (
        "afgjort for {count} steder om ordet er et navn",
        "decided for {count} places whether the word is a name",
    ),
    "anon_case_kept": ("beholdt", "kept"),
    "anon_times": ("{count} gange", "{count} times"),
    "anon_times_one": ("{count} gang", "{count} time"),
    "anon_report_written": ("anonymiseringsrapport: {path}", "anonymization report: {path}"),
    "anon_summary": ("{counts} erstattet", "{counts} replaced"),
    "anon_n_names": ("{count} navne", "{count} names"),
    "anon_n_names_one": ("{count} navn", "{count} name"),
    "anon_n_emails": ("{count} e-mailadresser", "{count} e-mail addresses"),
    "anon_n_emails_one": ("{count} e-mailadresse", "{count} e-mail address"),
    "anon_n_phones": ("{count} telefonnumre", "{count} phone numbers"),
    "anon_n_phones_one": ("{count} telefonnummer", "{count} phone number"),
    "anon_n_cpr": ("{count} cpr-numre", "{count} CPR numbers"),
    "anon_n_cpr_one": ("{count} cpr-nummer", "{count} CPR number"),
    "anon_n_profiles": ("{count} profillinks", "{count} profile links"),
    "anon_n_profiles_one": ("{count} profillink", "{count} profile link"),
    "anon_summary_ordinary": ("tjek: {words} er også almindelige ord", "check: {words} are also ordinary words"),
    "anon_summary_ordinary_one": (
        "tjek: {words} er også et almindeligt ord",
        "check: {words} is also an ordinary word",
    ),
    "anon_summary_undecided": (
        "{count} steder kan ikke afgøres ud fra teksten (navn eller almindeligt ord): de står i rapporten og er erstattet, til sekretariatet har afgjort dem (F9)",
        "{count} places cannot be told from the text (a name or an ordinary word): they are listed in the report and replaced until the secretariat decides them (F9)",
    ),
    "anon_summary_undecided_one": (
        "{count} sted kan ikke afgøres ud fra teksten (navn eller almindeligt ord): det står i rapporten og er erstattet, til sekretariatet har afgjort det (F9)",
        "{count} place cannot be told from the text (a name or an ordinary word): it is listed in the report and replaced until the secretariat decides it (F9)",
    ),
    "counted_under_each": (
        "Kategoriernes tal er kodninger: en note med flere kategorier tælles under hver af dem, så der kan være "
        "flere kodninger end noter. «Noter i alt» tæller hver note én gang.",
        "The categories' numbers are codings: a note with several categories counts under each of them, so there can "
        "be more codings than notes. “Notes in all” counts each note once.",
    ),
    "codings_in_all": ("Kodninger i alt", "Codings in all"),
    "also": ("også", "also"),
    "note_part": ("(del {part} af {parts})", "(part {part} of {parts})"),
    "key": ("Tast", "Key"),
    "name_placeholder": ("[navn]", "[name]"),
    "no_groups": ("Ingen grupper.", "No groups."),
    "no_members": ("Ingen deltagere.", "No members."),
    "rotation_not_shown": ("Rotationen kan ikke vises", "The rotation cannot be shown"),
    "no_stations": ("Ingen stationer.", "No stations."),
    "no_categories": ("Ingen kategorier.", "No categories."),
    "notes_in_all": ("Noter i alt", "Notes in all"),
    "other_participants": ("Øvrige deltagere", "Other participants"),
    "people_count": ("{n} deltagere", "{n} people"),
    "personal_cards": (
        "i re-mix flytter hver deltager for sig, så rutekortene er personlige og kan ikke anonymiseres",
        "when re-mixing, each person moves on their own, so the route cards are personal and cannot be anonymized",
    ),
    "quotes": ("Noter", "Notes"),
    "route_card": ("Rutekort", "Route card"),
    "card_questions": ("Spørgsmål ved stationerne", "Questions at the stations"),
    "text": ("Tekst", "Text"),
    "waiting_here": ("Venter (ingen station)", "Waiting (no station)"),
    "page_of": ("Side {page} af {pages}", "Page {page} of {pages}"),
    "template_missing": (
        "Word-skabelonen {path} findes ikke; ret stien i [workshop] template eller --template (den læses i forhold til sessionsfilen)",
        "the Word template {path} does not exist; correct the path in [workshop] template or --template (it is read relative to the session file)",
    ),
    "template_macros": (
        "Word-skabelonen {path} indeholder makroer (.dotm/.docm), som dokumenterne ikke må arve; gem den som .dotx",
        "the Word template {path} holds macros (.dotm/.docm), which the documents must not inherit; save it as .dotx",
    ),
    "template_unreadable": (
        "Word-skabelonen {path} kan ikke bruges ({reason}); gem den fra Word som .dotx eller .docx, og prøv igen",
        "the Word template {path} cannot be used ({reason}); save it from Word as .dotx or .docx and try again",
    ),
    # the documents of issue 13, as the export and the secretariat's screen name them
    "document_recommendations": ("Anbefalinger", "Recommendations"),
    "document_agenda": ("Dagsordenspunkt", "Agenda item"),
    "document_qdc": ("Kodebog til analyseprogrammer (REFI-QDA)", "Codebook for analysis programs (REFI-QDA)"),
    "document_qdpx": ("Noter til analyseprogrammer (REFI-QDA)", "Notes for analysis programs (REFI-QDA)"),
    "export_recommendations": ("Eksportér anbefalingerne (.docx)", "Export the recommendations report (.docx)"),
    "export_agenda": ("Eksportér udkast til dagsordenspunkt (.docx)", "Export the draft agenda item (.docx)"),
    "export_qdc": (
        "Eksportér kodebogen til NVivo, ATLAS.ti, MAXQDA, QualCoder (.qdc)",
        "Export the codebook for NVivo, ATLAS.ti, MAXQDA, QualCoder (.qdc)",
    ),
    "export_qdpx": (
        "Eksportér de kodede noter til NVivo, ATLAS.ti, MAXQDA, QualCoder (.qdpx)",
        "Export the coded notes for NVivo, ATLAS.ti, MAXQDA, QualCoder (.qdpx)",
    ),
    "qda_no_categories": (
        "kodebogen har ingen kategorier, og en REFI-QDA-kodebog skal have mindst én; opret en kategori først",
        "the codebook has no categories, and a REFI-QDA codebook needs at least one; create a category first",
    ),
    "what_changed": ("Ændring", "Change"),
    # a change older exports wrote into the journal (export writes nothing now): its label is still read
    "change_category_guids": (
        "kategoriernes faste kendetegn til analyseprogrammerne gemt",
        "the categories' fixed identifiers for the analysis programs kept",
    ),
    # exporting (workshop export and the secretariat's screen): what was written, and what went wrong
    "doc_wrote": ("skrev {path} ({title}, {notes})", "wrote {path} ({title}, {notes})"),
    "doc_notes_one": ("1 note", "1 note"),
    "doc_notes_many": ("{count} noter", "{count} notes"),
    "doc_wrong_extension": (
        "{out}: dette dokument ({title}) er en {extension}-fil; giv et navn, der ender på {extension}",
        "{out}: this document ({title}) is a {extension} file; give a name ending in {extension}",
    ),
    "doc_roles_need_anonymize": (
        "--hosts-as-roles gælder kun sammen med --anonymize; tilføj --anonymize, eller udelad --hosts-as-roles",
        "--hosts-as-roles only applies with --anonymize; add --anonymize or leave out --hosts-as-roles",
    ),
    "doc_out_not_folder": (
        "--out {out}: med --format all skal du angive en mappe (den oprettes, hvis den mangler), ikke en fil",
        "--out {out}: with --format all, give a folder (it is created if missing), not a file",
    ),
    "doc_no_folder": (
        "mappen {folder} findes ikke; opret den, eller vælg et andet sted",
        "the folder {folder} does not exist; create it or choose another place",
    ),
    "doc_cannot_make_folder": (
        "kan ikke oprette mappen {folder}: {reason}",
        "cannot create the folder {folder}: {reason}",
    ),
    "doc_file_in_use": (
        "kan ikke skrive {target}: filen er åben i et andet program (Word?), eller mappen er skrivebeskyttet; "
        "luk filen, eller vælg et andet sted",
        "cannot write {target}: it is open in another program (Word?) or the folder is read-only; "
        "close it or choose another place",
    ),
    "doc_cannot_write": ("kan ikke skrive {target}: {reason}", "cannot write {target}: {reason}"),
    "doc_none_written": (
        "intet dokument er skrevet, og filer, der lå der i forvejen, er urørte",
        "no document was written, and files already there are untouched",
    ),
    "doc_text_unwritable": (
        "{title} kan ikke skrives ({reason}); kør workshop check på sessionen og ret det, den nævner "
        "(siger den ok, så send gerne fejlen til udviklerne)",
        "the {title} cannot be written ({reason}); run workshop check on the session and fix what it names "
        "(if it says ok, please report this to the developers)",
    ),
    "doc_no_participants": (
        "sessionen har ingen deltagere, så der er ingen rutekort at skrive ud",
        "the session has no participants, so there are no route cards to print",
    ),
    "doc_no_groups": (
        "sessionen har ingen grupper, så der er ingen rutekort at skrive ud",
        "the session has no groups, so there are no route cards to print",
    ),
    "doc_no_route": ("ingen rutekort: {problem}", "no route cards: {problem}"),
}

FILE_WORDS: dict[str, tuple[str, str]] = {
    # the words in the exported files' names: meeting-3-referat.docx / meeting-3-minutes.docx
    "minutes": ("referat", "minutes"),
    "route_cards": ("rutekort", "route-cards"),
    "quotes": ("noter", "notes"),
    "anonymized": ("anonymiseret", "anonymized"),
    "report": ("rapport", "report"),
    "recommendations": ("anbefalinger", "recommendations"),
    "agenda": ("dagsordenspunkt", "agenda-item"),
    "qdc": ("kodebog", "codebook"),
    "qdpx": ("qda-projekt", "qda-project"),
    "session": ("session", "session"),
}

AFFILIATIONS: dict[str, tuple[str, str]] = {
    # an affiliation as written in the session -> (Danish, English)
    "politician": ("politiker", "politician"),
    "administration": ("administration", "administration"),
    "staff": ("medarbejder", "staff"),
    "union": ("faglig organisation", "union"),
    "education": ("uddannelse", "education"),
}

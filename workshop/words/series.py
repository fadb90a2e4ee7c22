"""Words of a series of meetings: the series file, ``workshop series``, the timeline and the series' documents."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # what a series file may not hold (workshop.model.series)
    "series_said_holds": (
        'en seriefil har ingen "{name}"',
        'a series file holds no "{name}"',
    ),
    "series_fix_holds": (
        "flyt det til et mødes sessionsfil, og tilføj mødet med workshop series add",
        "move it to a meeting's session file and add that meeting with workshop series add",
    ),
    "series_said_meeting_twice": ('mødet "{file}" står to gange', 'the meeting "{file}" is listed twice'),
    "series_fix_meeting_twice": ("slet den ene linje", "delete one of the lines"),
    "series_said_end_before": (
        'milepælen "{title}" slutter før den begynder',
        'the milestone "{title}" ends before it starts',
    ),
    "series_fix_end_before": ("ret end til en dag efter date", "set end to a day after date"),
    "series_check_ok": (
        "ok: serie med {meetings} {meetings_word}, {recommendations} {recommendations_word}, "
        "{milestones} {milestones_word}",
        "ok: series with {meetings} {meetings_word}, {recommendations} {recommendations_word}, "
        "{milestones} {milestones_word}",
    ),
    "series_meeting_one": ("møde", "meeting"),
    "series_meeting_many": ("møder", "meetings"),
    "series_recommendation_one": ("anbefaling", "recommendation"),
    "series_recommendation_many": ("anbefalinger", "recommendations"),
    "series_milestone_one": ("milepæl", "milestone"),
    "series_milestone_many": ("milepæle", "milestones"),
    # workshop series ...
    "series_not_a_series": (
        "{path}: filen er et mødes session, ikke en serie – lav en serie med workshop series new SERIE.toml --title ...",
        "{path}: the file is a meeting's session, not a series – make one with workshop series new SERIES.toml --title ...",
    ),
    "series_meeting_unusable": (
        "{path}: et møde kan ikke læses: {problem}",
        "{path}: a meeting cannot be read: {problem}",
    ),
    "series_no_title": (
        '--title er tom – giv processen en titel, fx --title "§ 17, stk. 4-udvalget"',
        '--title is empty – give the process a title, e.g. --title "Recruitment committee"',
    ),
    "series_wrote": ("skrev serien {path}: {title}", "wrote the series {path}: {title}"),
    "series_add_series": (
        "{path}: filen er selv en serie – tilføj mødernes sessionsfiler",
        "{path}: the file is a series itself – add the meetings' session files",
    ),
    "series_add_itself": (
        "{path}: en serie kan ikke være sit eget møde – tilføj mødernes sessionsfiler",
        "{path}: a series cannot be its own meeting – add the meetings' session files",
    ),
    "series_nothing_added": (
        "{path}: møderne står allerede i serien – intet ændret",
        "{path}: the meetings are already in the series – nothing changed",
    ),
    "series_too_many_meetings": (
        "{path}: en serie har højst {limit} møder – lav en ny serie til resten",
        "{path}: a series has at most {limit} meetings – start another series for the rest",
    ),
    "series_no_date": ("(ingen dato)", "(no date)"),
    "series_bad_date": (
        '{path}: --date "{value}" er ikke en dato – skriv den som ÅÅÅÅ-MM-DD, fx 2023-06-20',
        '{path}: --date "{value}" is not a date – write it as YYYY-MM-DD, e.g. 2023-06-20',
    ),
    "series_unknown_recommendation": (
        '{path}: ingen møder i serien har anbefalingen "{id}" – brug en af: {known}',
        '{path}: no meeting of the series has the recommendation "{id}" – use one of: {known}',
    ),
    "series_said_unknown_id": (
        '{path}: [series.{table}.{id}]: ingen møder i serien har anbefalingen "{id}" – ret id\'et til en af: {known}',
        '{path}: [series.{table}.{id}]: no meeting of the series has the recommendation "{id}" – '
        "change the id to one of: {known}",
    ),
    "series_decided_line": (
        "anbefaling {number}: {title} – {status} {date}",
        "recommendation {number}: {title} – {status} {date}",
    ),
    "change_series_meetings_added": ("{count} møde(r) føjet til serien", "{count} meeting(s) added to the series"),
    "change_series_decided": ("beslutning om {id} registreret", "decision on {id} recorded"),
    # the decision's status
    "status_adopted": ("vedtaget", "adopted"),
    "status_prioritised": ("prioriteret", "prioritised"),
    "status_postponed": ("udskudt", "postponed"),
    "status_rejected": ("afvist", "rejected"),
    # workshop series show
    "series_meetings": ("Møder", "Meetings"),
    "series_timeline": ("Tidslinje", "Timeline"),
    "series_recommendations": ("Anbefalinger", "Recommendations"),
    "series_none_yet": ("(ingen endnu)", "(none yet)"),
    "series_now": ("nu", "now"),
    "series_no_decision": ("ingen beslutning endnu", "no decision yet"),
    "series_new_at": ("ny på {meeting}", "new at {meeting}"),
    "series_changed_at": ("ændret på {meeting}: {parts}", "changed at {meeting}: {parts}"),
    "series_follow_up_line": ("opfølgning {year}", "follow-up {year}"),
    "series_part_title": ("Titel", "Title"),
    "series_part_intro": ("Indledning", "Introduction"),
    "kind_meeting": ("møde", "meeting"),
    "kind_deadline": ("frist", "deadline"),
    "kind_comments": ("kommentering", "comments"),
    "kind_administration": ("forvaltningen", "administration"),
    "kind_political": ("politisk behandling", "political treatment"),
    "kind_feedback": ("tilbagemelding", "feedback"),
    "kind_other": ("andet", "other"),
    # workshop export SERIES
    "series_format_unknown": (
        '{path}: en serie har ikke dokumentet "{value}" – brug --format {choices}',
        '{path}: a series has no document "{value}" – use --format {choices}',
    ),
    "series_format_needs_series": (
        '{path}: dokumentet "{value}" hører til en serie – eksportér seriefilen (workshop series new)',
        '{path}: the document "{value}" belongs to a series – export the series file (workshop series new)',
    ),
    "series_no_anonymize": (
        "{path}: en series dokumenter kan ikke anonymiseres – eksportér mødernes sessioner med --anonymize",
        "{path}: a series' documents cannot be anonymized – export the meetings' sessions with --anonymize",
    ),
    "series_memo_needs_recommendation": (
        "{path}: notatet gælder én anbefaling – tilføj --recommendation ID",
        "{path}: the memo is about one recommendation – add --recommendation ID",
    ),
    "series_out_docx": (
        "{out}: en series dokumenter er Word-filer – giv --out et navn der ender på .docx, eller en mappe",
        "{out}: a series' documents are Word files – give --out a name ending in .docx, or a folder",
    ),
    "series_export_wrote": ("skrev {path}", "wrote {path}"),
    "series_needs_meetings": (
        "serien har ingen møder endnu – tilføj dem med workshop series add",
        "the series has no meetings yet – add them with workshop series add",
    ),
    # the series' documents: file names and titles
    "series_file_recommendations": ("anbefalinger", "recommendations"),
    "series_file_changes": ("aendringer", "changes"),
    "series_file_timeline": ("tidslinje", "timeline"),
    "series_file_status": ("status", "status"),
    "series_file_memo": ("notat", "memo"),
    "series_doc_changes": ("Ændringer fra {earlier} til {later}", "Changes from {earlier} to {later}"),
    "series_doc_changes_none": (
        "Ingen anbefalinger blev ændret mellem de to møder.",
        "No recommendation changed between the two meetings.",
    ),
    "series_doc_changes_one_meeting": (
        "Serien har kun ét møde; ændringerne viser anbefalingernes første udgave.",
        "The series has one meeting; the changes show the recommendations' first version.",
    ),
    "series_col_part": ("Afsnit", "Section"),
    "series_col_earlier": ("Før ({meeting})", "Before ({meeting})"),
    "series_col_later": ("Efter ({meeting})", "After ({meeting})"),
    "series_qualified_by": ("Kvalificeret af noterne:", "Qualified by the notes:"),
    "series_new_recommendation": ("(ny anbefaling)", "(new recommendation)"),
    "series_doc_timeline": ("Tidslinje", "Timeline"),
    "series_col_when": ("Hvornår", "When"),
    "series_col_what": ("Hvad sker der", "What happens"),
    "series_now_row": ("◀ nu ({day})", "◀ now ({day})"),
    "series_doc_status": ("Status for anbefalingerne", "Status of the recommendations"),
    "series_col_recommendation": ("Anbefaling", "Recommendation"),
    "series_col_decision": ("Beslutning", "Decision"),
    "series_col_year": ("Opfølgning", "Follow-up"),
    "series_col_baseline": ("Baseline", "Baseline"),
    "series_col_measure": ("Måling", "Measure"),
    "series_col_progress": ("Fremdrift", "Progress"),
    "series_memo": ("Notat", "Memo"),
    "series_memo_date": ("Dato", "Date"),
    "series_memo_reference": ("Reference", "Reference"),
    "series_memo_title": (
        "Indsatser som understøtter anbefaling {number}: {title}",
        "Actions supporting recommendation {number}: {title}",
    ),
    "series_memo_organisation": ("Organisering af arbejdet", "How the work is organised"),
    "series_memo_actions": ("Indsatser", "Actions"),
    "series_memo_proposed": ("Indstilling", "Proposed decision"),
    "series_memo_follow_up": ("Opfølgning", "Follow-up"),
    "series_memo_decision": ("Politisk beslutning", "Political decision"),
    # the series screen (workshop run SERIES)
    "series_app_hint": (
        "Enter på et møde: åbn mødets session · Tab: næste tabel · q: luk serien",
        "Enter on a meeting: open its session · Tab: next table · q: close the series",
    ),
    "series_app_file": ("Fil", "File"),
    "series_app_changes": ("Ændringer", "Changes"),
}

KEYS: dict[str, tuple[str, str]] = {
    # binding id: (Danish description, Danish tooltip) - the series screen's keys
    "series.open": ("Åbn mødet", "Åbn det valgte mødes session"),
    "series.quit": ("Luk", "Luk serien"),
}

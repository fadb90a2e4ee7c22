"""Words of what is wrong with a session: the message of each problem ``workshop check`` and the
setup screen find, in the session's language.

Field names, ids and values are quoted as the TOML writes them ("[[program]] #1, minutes",
``"s9"``, ``(der står "tyve")``); the words around them are Danish in a Danish session. The
English messages of pydantic's complaints keep pydantic's own wording, so an English session
reads as before. A complaint of a kind not listed here falls back to pydantic's English text.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    "found_value": ("der står {value}", "found {value}"),
    # what a value is not (pydantic's complaints, by their type)
    "said_unknown_table": ('ukendt tabel "{name}"', 'unknown section "{name}"'),
    "said_unknown_field": ('ukendt felt "{name}"', 'unknown field "{name}"'),
    "said_missing": ('"{name}" mangler', '"{name}" is missing'),
    "said_int": ("skal være et helt tal", "Input should be a valid integer"),
    "said_int_fraction": (
        "skal være et helt tal uden decimaler",
        "Input should be a valid integer, got a number with a fractional part",
    ),
    "said_int_size": ("tallet er alt for stort", "Unable to parse input string as an integer, exceeded maximum size"),
    "said_number": ("skal være et tal", "Input should be a valid number"),
    "said_bool": ("skal være true eller false", "Input should be a valid boolean"),
    "said_string": ("skal være en tekst i anførselstegn", "Input should be a valid string"),
    "said_list": ("skal være en liste", "Input should be a valid list"),
    "said_table": ("skal være en tabel", "Input should be a valid dictionary"),
    "said_date": ("skal være en dato", "Input should be a valid date"),
    "said_datetime": ("skal være en dato med klokkeslæt", "Input should be a valid datetime"),
    "said_time": ("skal være et klokkeslæt", "Input should be a valid time"),
    "said_text_short": ("skal have mindst {limit} tegn", "String should have at least {limit} character"),
    "said_text_long": ("må højst have {limit} tegn", "String should have at most {limit} characters"),
    "said_list_short": ("skal have mindst {limit} elementer", "List should have at least {limit} item"),
    "said_list_long": ("må højst have {limit} elementer", "List should have at most {limit} items"),
    "said_at_least": ("skal være mindst {limit}", "Input should be greater than or equal to {limit}"),
    "said_above": ("skal være over {limit}", "Input should be greater than {limit}"),
    "said_at_most": ("må højst være {limit}", "Input should be less than or equal to {limit}"),
    "said_below": ("skal være under {limit}", "Input should be less than {limit}"),
    "said_one_of": ("skal være en af {values}", "Input should be {values}"),
    "said_or": ("eller", "or"),
    # the session's own checks of a value (workshop.model.session)
    "said_clock": (
        'et klokkeslæt som "18:00" eller "18.00" forventes',
        'a clock time such as "18:00" or "18.00" is expected',
    ),
    "said_minutes": ("minutterne skal være over nul", "minutes must be more than zero"),
    "said_colour": (
        'en farve skrives "#4e79a7" eller som et navn som "red"',
        'a colour is written "#4e79a7" or as a name such as "red"',
    ),
    "said_date_range": ("datoen skal ligge mellem {first} og {last}", "the date must lie between {first} and {last}"),
    "said_not_utf8": ("teksten indeholder bytes, der ikke er UTF-8", "the text holds bytes that are not UTF-8"),
    # references and shape (workshop.model.validation, workshop.model.recommendations)
    "said_id_twice": ('{what} "{value}" bruges mere end én gang', 'the {what} id "{value}" is used more than once'),
    "said_unknown": ('ukendt {what} "{value}"', 'unknown {what} "{value}"'),
    "said_no_stations": ("sessionen har ingen stationer", "the session has no stations"),
    "said_category_name_twice": ('kategorinavnet "{name}" bruges to gange', 'the category name "{name}" is used twice'),
    "said_key_twice": ("tasten {key} er givet til to kategorier", "the key {key} is given to two categories"),
    "said_round_missing": (
        "runde {round} findes ikke (programmet har {rounds} runder)",
        "round {round} does not exist (the programme has {rounds} rounds)",
    ),
    "said_apart_pair": ("et par, der skal holdes adskilt, skal have to navne", "a keep-apart pair needs two names"),
    "said_not_participant": ('"{name}" er ikke deltager', '"{name}" is not a participant'),
    "said_replanned_minutes": (
        "en omplanlagt varighed skal være over nul",
        "a re-planned duration must be more than zero",
    ),
    "said_rotation_numbers": ("rotationens runder er {numbers}", "the rotation's rounds are {numbers}"),
    "said_rotation_count": (
        "rotationen har {rotation} runder, men programmet har {rounds} runder",
        "the rotation has {rotation} rounds but the programme has {rounds} round items",
    ),
    "said_two_stations": (
        'gruppen "{group}" er ved to stationer i runde {round}',
        'group "{group}" is at two stations in round {round}',
    ),
    "said_too_many": (
        "{count} {what}: et værksted har højst {limit}",
        "{count} {what}: a workshop has at most {limit}",
    ),
    "said_theme_twice": ('temaet "{name}" står der to gange', 'the theme "{name}" is written twice'),
    "said_cited_note": ('den citerede note "{id}" findes ikke', 'the cited note "{id}" does not exist'),
    "said_section_alone": ("et afsnit uden en anbefaling", "a section without a recommendation"),
    "said_category_gone": ('kategorien "{name}" findes ikke længere', 'no category "{name}"'),
    "fix_category_gone": ("den er måske slettet; skriv navnet igen", "it may have been deleted; type the name again"),
    "said_category_nameless": ("en kategori skal have et navn", "a category needs a name"),
    "fix_category_nameless": ("skriv et navn", "type a name"),
    "said_category_exists": (
        'der er allerede en kategori, der hedder "{name}"',
        'a category called "{name}" exists already',
    ),
    "fix_category_exists": (
        "vælg den, tag et andet navn, eller flet de to",
        "choose it, pick another name, or merge the two",
    ),
    "said_merge_into_itself": (
        "en kategori kan ikke flettes ind i sig selv",
        "a category cannot be merged into itself",
    ),
    "fix_merge_into_itself": ("vælg en anden kategori", "choose another category"),
    "said_merge_gone": ("en af kategorierne findes ikke længere", "one of the categories no longer exists"),
    "fix_look_again": (
        "se på kodebogen igen; en anden har måske ændret den",
        "look at the codebook again; someone may have changed it",
    ),
    # the things named in those messages
    "thing_id_program": ("programpunkt-id'et", "programme item"),
    "thing_id_stations": ("stations-id'et", "station"),
    "thing_id_groups": ("gruppe-id'et", "group"),
    "thing_id_categories": ("kategori-id'et", "category"),
    "thing_id_notes": ("note-id'et", "note"),
    "thing_id_recommendations": ("anbefalings-id'et", "recommendation"),
    "thing_station": ("station", "station"),
    "thing_group": ("gruppe", "group"),
    "thing_category": ("kategori", "category"),
    "thing_item": ("programpunkt", "programme item"),
    "thing_section": ("afsnit", "section"),
    "thing_recommendation": ("anbefaling", "recommendation"),
    "count_stations": ("stationer", "stations"),
    "count_groups": ("grupper", "groups"),
    "count_round_items": ("runder", "round items"),
    "count_people": ("personer (medlemmer og deltagere)", "people (members and participants)"),
    "count_categories": ("kategorier", "categories"),
    "count_notes": ("noter", "notes"),
    "count_themes": ("temaer", "themes"),
    "count_recommendations": ("anbefalinger", "recommendations"),
    # the top-level arrays of a session file, by name (a file larger than any workshop)
    "count_program": ("programpunkter", "programme items"),
    "count_participants": ("deltagere", "participants"),
    "count_rotation": ("runder i rotationen", "rotation rounds"),
    "count_remix_people": ("personer, der blandes", "people re-mixing"),
    "count_remix_stations": ("stationer med personer, der blandes", "stations with people re-mixing"),
}

"""Words of what a schedule costs: groups waiting, stations missed, people met, wishes that gave way.

Also the schedule's errors (an impossible shape, a wrong wish), the steps the evening's clock
cannot take now, and what ``workshop schedule`` and ``workshop groups`` print. Used by :mod:`workshop.scheduling.shapes`, ``rotation``, ``remix``,
``grouping`` and ``regroup`` and the two commands; the small pieces (lists, spans, counts) are
put together in :mod:`workshop.scheduling.wording`.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # the pieces: "g1, g2 og g3", "1 til 2", "1 gruppe", "2 runder"
    "cost_and": ("og", "and"),
    "cost_span": ("{low} til {high}", "{low} to {high}"),
    "cost_group_one": ("1 gruppe", "1 group"),
    "cost_group_many": ("{count} grupper", "{count} groups"),
    "cost_round_one": ("1 runde", "1 round"),
    "cost_round_many": ("{count} runder", "{count} rounds"),
    # what a rotation's shape costs
    "cost_wait_each_round_one": ("1 gruppe venter i hver runde", "1 group waits in each round"),
    "cost_wait_each_round_many": ("{count} grupper venter i hver runde", "{count} groups wait in each round"),
    "cost_wait_each_round_span": ("{span} grupper venter i hver runde", "{span} groups wait in each round"),
    "cost_each_group_waits": ("hver gruppe venter i {span} af {rounds}", "each group waits in {span} of {rounds}"),
    "cost_shared_stations_one": (
        "1 station har op til {most} grupper på én gang i hver runde (antallet afviger højst med én)",
        "1 station holds up to {most} groups at once in each round (loads differ by at most one)",
    ),
    "cost_shared_stations_many": (
        "{span} stationer har op til {most} grupper på én gang i hver runde (antallet afviger højst med én)",
        "{span} stations hold up to {most} groups at once in each round (loads differ by at most one)",
    ),
    "cost_idle_station": ("station {station} står tom i runde {round}", "station {station} is idle in round {round}"),
    "cost_idle_each_round_one": ("1 station står tom i hver runde", "1 station is idle in each round"),
    "cost_idle_each_round_many": ("{span} stationer står tomme i hver runde", "{span} stations are idle in each round"),
    "cost_because_one_round": ("fordi der kun er {rounds}", "because there is only {rounds}"),
    "cost_because_rounds": ("fordi der kun er {rounds}", "because there are only {rounds}"),
    "cost_group_misses": ("gruppe {group} når ikke {stations}, {because}", "group {group} misses {stations} {because}"),
    "cost_each_group_misses_one": (
        "hver gruppe når ikke 1 station, {because}",
        "each group misses 1 station {because}",
    ),
    "cost_each_group_misses_many": (
        "hver gruppe når ikke {span} stationer, {because}",
        "each group misses {span} stations {because}",
    ),
    "cost_williams_once": (
        "balanceret rækkefølge: hver station følger hver anden station præcis én gang over alle grupper",
        "balanced order: every station follows every other station exactly once over all groups",
    ),
    "cost_williams_twice": (
        "balanceret rækkefølge: hver station følger hver anden station præcis to gange over alle grupper",
        "balanced order: every station follows every other station exactly twice over all groups",
    ),
    "cost_williams_odd_wait": (
        "det ulige antal stationer kræver {need} grupper og {needed} runder: {groups} venter i hver runde, "
        "og hver gruppe venter i {n} af {needed} runder",
        "the odd number of stations needs {need} groups and {needed} rounds: {groups} wait in each round "
        "and each group waits in {n} of {needed} rounds",
    ),
    "cost_williams_odd_share": (
        "det ulige antal stationer kræver {need} grupper: to grupper deler hver station i hver runde",
        "the odd number of stations needs {need} groups: two groups share each station in every round",
    ),
    # re-mixing: how the rounds were made, and who met whom
    "cost_method_plane": (
        "fordelt efter et fast mønster, så ingen to mødes mere end én gang",
        "placed by a fixed pattern in which no two people meet more than once",
    ),
    "cost_method_shifted": (
        "fordelt efter et forskudt mønster ({k} pladser pr. station)",
        "placed by a shifted pattern ({k} places per station)",
    ),
    "cost_method_searched": (", derefter forbedret ved afprøvning", ", then improved by trial"),
    "cost_method_nobody": ("ingen at placere", "nobody to place"),
    "cost_method_resolved": ("løst igen fra runde {round}", "re-solved from round {round}"),
    "cost_people_met": (
        "mødte andre: mindst {min}, gennemsnit {mean}, højst {max} ({pairs} forskellige par; {method})",
        "people met: min {min}, mean {mean}, max {max} ({pairs} distinct pairs; {method})",
    ),
    # wishes that gave way
    "cost_gave_way_line": ("- gav efter: {sentence}", "- gave way: {sentence}"),
    "cost_remix_apart_gave_way": (
        "hold {a} og {b} adskilt gav efter: de mødes i runde {rounds}",
        "keep apart {a} and {b} gave way: they meet in round {rounds}",
    ),
    "cost_remix_affiliation_gave_way": (
        "balancen for tilknytningen {affiliation} gav efter: station {station} har {count} i runde {round} "
        "(ideelt {ideal})",
        "affiliation balance for {affiliation} gave way: station {station} has {count} in round {round} "
        "(ideal {ideal})",
    ),
    "cost_remix_numbers_gave_way": (
        "lige mange ved hver station gav efter: station {station} har {count} deltagere i runde {round} "
        "(ideelt {ideal})",
        "balanced numbers gave way: station {station} has {count} people in round {round} (ideal {ideal})",
    ),
    "cost_together_gave_way_apart": (
        "hold {a} og {b} sammen gav efter: {c} og {d} skal holdes adskilt",
        "keep together {a} and {b} gave way: {c} and {d} are to be kept apart",
    ),
    "cost_together_gave_way_pins": (
        "hold {a} og {b} sammen gav efter: de er sat i hver sin gruppe ({first} og {second})",
        "keep together {a} and {b} gave way: they are pinned to different groups ({first} and {second})",
    ),
    "cost_together_gave_way_size": (
        "hold {a} og {b} sammen gav efter: sammen med deres partnere ville de være {count} personer, "
        "men en gruppe har højst {high}",
        "keep together {a} and {b} gave way: together with their partners they would be {count} people, "
        "but a group holds at most {high}",
    ),
    "cost_together_gave_way_blocks": (
        "hold {who} sammen gav efter: grupper på {sizes} personer kan ikke alle fyldes med de blokke, "
        "der skal blive sammen",
        "keep together {who} gave way: groups of {sizes} people cannot all be filled with the blocks "
        "that must stay together",
    ),
    "cost_pin_gave_way": (
        "{who} i gruppe {group} gav efter: gruppe {group} ville blive for stor (grupperne har {sizes} personer)",
        "pin of {who} to group {group} gave way: group {group} would be too big (groups have {sizes} people)",
    ),
    "cost_apart_gave_way_group": (
        "hold {a} og {b} adskilt gav efter: begge er i gruppe {group} (faste pladser, hold-sammen-ønsker "
        "eller gruppernes størrelse giver ingen anden mulighed)",
        "keep apart {a} and {b} gave way: both are in group {group} (pins, keep-together blocks or group "
        "sizes leave no other way)",
    ),
    "cost_affiliation_gave_way_group": (
        "balancen for tilknytningen {affiliation} gav efter: gruppe {group} har {count} af dens {total} "
        "deltagere (ideelt {ideal})",
        "affiliation balance for {affiliation} gave way: group {group} has {count} of its {total} members "
        "(ideal {ideal})",
    ),
    # impossible shapes and wrong wishes
    "cost_why_every_visit": ("hver gruppe besøger hver station én gang", "every group visits every station once"),
    "cost_why_williams": (
        "designet lader hver gruppe besøge hver station én gang",
        "the design has every group visit every station once",
    ),
    "cost_error_no_stations": (
        "der er ingen stationer: tilføj mindst én station",
        "there are no stations: add at least one station",
    ),
    "cost_error_no_groups": (
        "der er ingen grupper: tilføj mindst én gruppe",
        "there are no groups: add at least one group",
    ),
    "cost_error_station_blank": (
        "hver station skal have et id (fandt {item})",
        "every station needs a non-empty id (got {item})",
    ),
    "cost_error_group_blank": (
        "hver gruppe skal have et id (fandt {item})",
        "every group needs a non-empty id (got {item})",
    ),
    "cost_error_person_blank": (
        "hver deltager skal have et navn (fandt {item})",
        "every person needs a non-empty name (got {item})",
    ),
    "cost_error_station_twice": (
        "stationen {item} står der to gange: stationerne skal have hver sit id",
        "the station id {item} appears twice: station ids must be unique",
    ),
    "cost_error_group_twice": (
        "gruppen {item} står der to gange: grupperne skal have hver sit id",
        "the group id {item} appears twice: group ids must be unique",
    ),
    "cost_error_person_twice": (
        "deltageren {item} står der to gange: navnene skal være forskellige",
        "the person {item} appears twice: names must be unique",
    ),
    "cost_error_rounds_whole": (
        "antallet af runder skal være et helt tal (fandt {rounds})",
        "the number of rounds must be a whole number (got {rounds})",
    ),
    "cost_error_rounds_none": (
        "der skal være mindst én runde (fandt {rounds})",
        "there must be at least one round (got {rounds})",
    ),
    "cost_error_rounds_too_many": (
        "{rounds} er flere end denne form kræver: {why} på {needed_rounds}; planlæg {needed} runder "
        "(eller tilføj stationer eller grupper)",
        "{rounds} are more than this shape needs: {why} in {needed_rounds}; plan {needed} rounds "
        "(or add stations or groups)",
    ),
    "cost_error_mode": (
        "ukendt form {mode}: brug 'pause' eller 'share'",
        "unknown mode {mode}: use 'pause' or 'share'",
    ),
    "cost_error_williams_odd": (
        "balanceret rækkefølge med et ulige antal stationer ({stations}) kræver dobbelt så "
        "mange grupper som stationer: {need} grupper, men der er {groups}. Dan {need} grupper (del fx grupperne "
        "i to), brug et lige antal stationer, eller slå balanceret rækkefølge fra",
        "balanced order with an odd number of stations ({stations}) needs twice as many "
        "groups as stations: {need} groups, but there are {groups}. Form {need} groups (e.g. split groups in "
        "two), use an even number of stations, or turn balanced order off",
    ),
    "cost_error_williams_even": (
        "balanceret rækkefølge med {stations} stationer kræver præcis {need} grupper, "
        "men der er {groups}. Dan {need} grupper, eller slå balanceret rækkefølge fra",
        "balanced order with {stations} stations needs exactly {need} groups, but there "
        "are {groups}. Form {need} groups or turn balanced order off",
    ),
    "cost_error_williams_rounds": (
        "balanceret rækkefølge kræver, at hver gruppe besøger hver station: planlæg {needed} runder "
        "(ikke {rounds}), eller slå balanceret rækkefølge fra",
        "balanced order needs every group to visit every station: plan {needed} rounds (not {rounds}) "
        "or turn balanced order off",
    ),
    "cost_error_too_many_fixed": (
        "{fixed} runder ligger fast, men der er kun {rounds} runder (én pr. station)",
        "{fixed} rounds are fixed, but there are only {rounds} rounds (one per station)",
    ),
    "cost_error_fixed_station": (
        "den faste runde {number} nævner stationen {station}, som ikke findes",
        "fixed round {number} names station {station}, which is not a station",
    ),
    "cost_error_apart_unknown": (
        "hold-adskilt nævner {name}, som ikke er blandt deltagerne",
        "keep-apart names {name}, who is not among the people",
    ),
    "cost_wish_apart": ("hold-adskilt", "keep-apart"),
    "cost_wish_together": ("hold-sammen", "keep-together"),
    "cost_error_wish_pair": (
        "et {wish}-ønske skal nævne præcis to navne (fandt {pair})",
        "a {wish} wish needs exactly two names (got {pair})",
    ),
    "cost_error_wish_unknown": (
        "{wish} nævner {name}, som ikke er på deltagerlisten",
        "{wish} names {name}, who is not on the participant list",
    ),
    "cost_error_wish_twice": (
        "{wish} nævner {name} to gange: nævn to forskellige personer",
        "{wish} names {name} twice: name two different people",
    ),
    "cost_error_group_count": (
        "antallet af grupper skal være et helt tal på mindst 1 (fandt {count})",
        "the number of groups must be a whole number of at least 1 (got {count})",
    ),
    "cost_error_balance": (
        "ukendt balance {balance}: brug 'affiliation' eller ingen",
        "unknown balance {balance}: use 'affiliation' or None",
    ),
    "cost_error_listed_twice": (
        "{name} står to gange på deltagerlisten: navnene skal være forskellige",
        "{name} is on the participant list twice: names must be unique",
    ),
    "cost_error_host_pinned": (
        "{name} er vært og bliver ved sin station, så {name} kan ikke sættes i en gruppe",
        "{name} is a host, who stays at a station and cannot be pinned to a group",
    ),
    "cost_error_pin_unknown": (
        "den faste plads nævner {name}, som ikke er på deltagerlisten",
        "the pin names {name}, who is not on the participant list",
    ),
    "cost_error_pin_group": (
        "{name} er sat i gruppe {group}, men grupperne er 1 til {count}",
        "{name} is pinned to group {group}, but the groups are 1 to {count}",
    ),
    # a session whose rotation cannot be made
    "cost_error_cyclic": (
        "den cykliske rotation kræver lige så mange grupper som stationer",
        "the cyclic rotation needs as many groups as stations",
    ),
    "cost_error_session_no_stations": ("sessionen har ingen stationer", "the session has no stations"),
    "cost_error_session_no_groups": ("sessionen har ingen grupper", "the session has no groups"),
    "cost_error_session_no_rounds": ("programmet har ingen runder", "the programme has no round items"),
    "cost_error_remix_rounds": (
        "når deltagerne blandes, skal der være én runde pr. station: {stations} stationer, men {rounds} runder",
        "re-mixing people needs one round per station: {stations} stations but {rounds} round items",
    ),
    "cost_error_remix_nobody": (
        "deltagerne kan kun blandes, når der er deltagere: tilføj medlemmer til grupperne eller en deltagerliste",
        "re-mixing needs participants: add members to groups or a participants list",
    ),
    "cost_fix_shape": (
        "ret antallet eller [schedule], eller skriv [[rotation]]-tabeller",
        "change the counts or the [schedule], or add [[rotation]] tables",
    ),
    # the evening's clock: a step it cannot take now (scheduling/evening.py; the facilitator sees it)
    "live_no_programme": (
        "programmet er tomt; tilføj punkter i opsætningen først",
        "the programme is empty; add items in the setup first",
    ),
    "live_no_item": ("der er intet programpunkt «{item}»", 'there is no programme item "{item}"'),
    "live_started_already": (
        "aftenen er allerede i gang; brug næste for at gå videre til næste punkt",
        "the evening has started already; use next to go on to the next item",
    ),
    "live_paused_already": (
        "uret står allerede på pause; start det igen for at fortsætte",
        "the clock is paused already; resume it to go on",
    ),
    "live_nothing_to_pause": (
        "intet kører, så der er intet at sætte på pause",
        "nothing is running, so there is nothing to pause",
    ),
    "live_not_paused": ("uret står ikke på pause", "the clock is not paused"),
    "live_nothing_to_extend": (
        "intet kører, så der er intet at forlænge",
        "nothing is running, so there is nothing to extend",
    ),
    "live_one_minute": ("et punkt skal vare mindst ét minut", "an item must last at least one minute"),
    "live_nothing_to_end": (
        "intet kører, så der er intet at afslutte",
        "nothing is running, so there is nothing to end",
    ),
    "live_over": (
        "aftenen er slut; start et punkt igen for at genåbne den",
        "the evening is over; start an item again to reopen it",
    ),
    "live_has_run_or_running": (
        "«{title}» har kørt eller kører nu; vælg et senere punkt (eller forlæng det, der kører)",
        '"{title}" has run or is running; choose a later item (extend the running one instead)',
    ),
    "live_has_run": (
        "«{title}» har allerede kørt; vælg et senere punkt",
        '"{title}" has run already; choose a later item',
    ),
    "live_on_time": (
        "aftenen er i tide; der er intet at indhente",
        "the evening is on time; there is nothing to catch up",
    ),
    "live_too_short": ("«{title}» kan ikke blive kortere end ét minut", '"{title}" cannot be shorter than one minute'),
    # what `workshop groups` prints and refuses
    "cost_group_line": ("{group} ({count}): {members}", "{group} ({count}): {members}"),
    "cost_groups_saved": ("{count} grupper gemt i {path}", "saved {count} groups in {path}"),
    "cost_groups_not_saved": ("grupperne blev ikke gemt: {error}", "the groups were not saved: {error}"),
    "cost_option_pair": (
        '{option} "{text}": skriv to navne adskilt af et komma, fx "Anna Berg,Bo Dam"',
        '{option} "{text}": give two names separated by a comma, e.g. "Anna Berg,Bo Dam"',
    ),
    "cost_option_pin": (
        '--pin "{text}": skriv NAVN=GRUPPE, fx "Anna Berg=2"',
        '--pin "{text}": write NAME=GROUP, e.g. "Anna Berg=2"',
    ),
    "cost_not_a_participant": ('"{name}" er ikke deltager i {session}', '"{name}" is not a participant of {session}'),
}

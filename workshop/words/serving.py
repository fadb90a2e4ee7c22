"""Words of ``workshop serve``: what it prints, the pages a browser may get instead of the app, and its refusals."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    # What `workshop serve` prints when it has started
    "serve_listening": (
        "workshop serve: {session} på {address} – højst {limit} browsere ad gangen. Ctrl+C stopper.",
        "workshop serve: {session} at {address} – at most {limit} browsers at once. Ctrl+C stops.",
    ),
    "serve_link_facilitator": ("Facilitator", "Facilitator"),
    "serve_link_secretariat": ("Sekretariat", "Secretariat"),
    "serve_link_join": ("Notetager (vælger station og skriver sit navn)", "Note-taker (picks a station, types a name)"),
    "serve_station_links": (
        "Et link og en QR-kode pr. station; føj &name=Navn til, så står notetagerens navn på noterne:",
        "One link and QR code per station; add &name=Name and the note-taker's name is on the notes:",
    ),
    "serve_local_only": (
        "Kun denne computer kan åbne linkene. Start med --lan for at lade notetagerne komme ind fra netværket.",
        "Only this computer can open the links. Start with --lan to let the note-takers in from the network.",
    ),
    "serve_plain_http": (
        "Bemærk: almindelig HTTP kan læses af andre på samme netværk. Brug --cert og --key for HTTPS.",
        "Note: plain HTTP can be read by others on the same network. Use --cert and --key for HTTPS.",
    ),
    "serve_token_kept": (
        "Links og QR-koder fra en tidligere start virker stadig (adgangsnøglen ligger i {path}; --new-token laver nye links).",
        "Links and QR codes from an earlier start still work (the access token is kept in {path}; --new-token makes new links).",
    ),
    "serve_token_new": (
        "Nye links: adgangsnøglen er gemt i {path} til næste start, så linkene virker også efter en genstart (--new-token laver nye).",
        "New links: the access token is kept in {path} for the next start, so the links work after a restart too (--new-token makes new ones).",
    ),
    "serve_token_replaced": (
        "Nye links: links og QR-koder fra en tidligere start virker ikke længere; del de nye ud.",
        "New links: links and QR codes from an earlier start no longer work; hand out the new ones.",
    ),
    "serve_cards_written": (
        "Bordkort med link og QR-kode pr. station: {path} (åbn den i en browser og udskriv; den rummer adgangsnøglen, så kun du kan læse filen)",
        "Table cards with a link and QR code per station: {path} (open it in a browser and print it; it holds the access token, so only you can read the file)",
    ),
    "serve_stopped": (
        "workshop serve er stoppet; ingen app-processer kører.",
        "workshop serve has stopped; no app process is running.",
    ),
    # Lines of the server's log (no link and no access token is ever in them)
    "serve_log_opened": (
        "åbnet: {what} ({count} af højst {limit} browsere)",
        "opened: {what} ({count} of at most {limit} browsers)",
    ),
    "serve_log_closed": ("lukket: {what} ({count} browsere tilbage)", "closed: {what} ({count} browsers left)"),
    "serve_log_refused": (
        "afvist: {path} fra {peer} uden den rigtige adgangsnøgle",
        "refused: {path} from {peer} without the right access token",
    ),
    "serve_log_app_failed": (
        "appen ({what}) sluttede med fejl, kode {code}; dens fejlbesked står ovenfor",
        "the app ({what}) ended with an error, code {code}; its message is above",
    ),
    "serve_log_forced": (
        "appen ({what}) lukkede ikke selv, da den blev bedt om det, og blev stoppet; ændringer, der ikke var gemt, kan mangle",
        "the app ({what}) did not quit when asked and was stopped; changes not yet saved may be missing",
    ),
    "serve_log_frame_too_large": (
        "ignoreret: en besked fra browseren ({what}) på {size} tegn, mere end {limit}; appen kører videre",
        "ignored: a message from the browser ({what}) of {size} characters, more than {limit}; the app goes on",
    ),
    "serve_log_frame_too_deep": (
        "ignoreret: en besked fra browseren ({what}) med mere end {limit} parenteser, som ingen browser sender; appen kører videre",
        "ignored: a message from the browser ({what}) with more than {limit} brackets, which no browser sends; the app goes on",
    ),
    "serve_log_full": ("afvist: alle {limit} pladser er optaget", "refused: all {limit} places are taken"),
    "serve_what_station": ("station {station}", "station {station}"),
    "serve_what_by": ("{what}, {name}", "{what}, {name}"),
    # Pages a browser gets instead of the app
    "serve_page_title": ("{title} – workshop", "{title} – workshop"),
    "serve_starting": ("Åbner {title} …", "Opening {title} …"),
    "serve_ended": ("Forbindelsen er lukket.", "The connection has closed."),
    "serve_restart": ("Start igen", "Start again"),
    "serve_refused_title": ("Linket kan ikke åbnes", "This link cannot be opened"),
    "serve_no_station": (
        "Stationen «{station}» findes ikke i {session}. Brug linket til en af stationerne ({known}), eller spørg facilitatoren efter et nyt link.",
        "The station «{station}» is not in {session}. Use the link of one of the stations ({known}), or ask the facilitator for a new link.",
    ),
    "serve_bad_mode": (
        "Linket beder om en rolle, der ikke findes (mode={mode}); brug mode=facilitator, mode=notes, "
        "mode=secretariat eller mode=comment, eller spørg facilitatoren efter et nyt link.",
        "The link asks for a role that does not exist (mode={mode}); use mode=facilitator, mode=notes, "
        "mode=secretariat or mode=comment, or ask the facilitator for a new link.",
    ),
    "serve_bad_name": (
        "Navnet i linket kan ikke bruges: skriv højst {limit} almindelige tegn (ingen linjeskift eller styretegn) efter name=.",
        "The name in the link cannot be used: write at most {limit} ordinary characters (no line breaks or control characters) after name=.",
    ),
    "serve_twice": (
        "Linket har «{field}» mere end én gang; behold én af dem.",
        "The link has «{field}» more than once; keep one of them.",
    ),
    "serve_full_title": ("Der er fuldt", "Full"),
    "serve_full": (
        "Der er allerede {limit} browsere forbundet, det højeste antal for denne aften. Luk en anden fane med workshop og prøv igen, eller bed facilitatoren starte workshop serve med et højere --max.",
        "There are {limit} browsers connected already, the most this evening allows. Close another workshop tab and try again, or ask the facilitator to start workshop serve with a higher --max.",
    ),
    "serve_expired": (
        "Siden er for gammel; genindlæs den for at åbne appen igen.",
        "The page is too old; reload it to open the app again.",
    ),
    "serve_reconnecting": (
        "Forbindelsen til workshop serve er afbrudt. Siden prøver selv igen, så snart serveren kører …",
        "The connection to workshop serve was lost. The page tries again by itself as soon as the server runs …",
    ),
    "serve_forbidden_title": ("Linket virker ikke", "This link does not work"),
    "serve_forbidden": (
        "Linket har ikke aftenens adgangsnøgle – det er måske fra en anden aften, eller facilitatoren har lavet nye links. Scan QR-koden ved din station igen, eller spørg facilitatoren efter et nyt link.",
        "The link does not have this evening's access token – it may be from another evening, or the facilitator has made new links. Scan the QR code at your station again, or ask the facilitator for a new link.",
    ),
    "serve_not_found_title": ("Siden findes ikke", "No such page"),
    "serve_not_found": (
        "Her er ingen side. Scan QR-koden ved din station igen, eller spørg facilitatoren efter linket.",
        "There is no page here. Scan the QR code at your station again, or ask the facilitator for the link.",
    ),
    "serve_cards_title": ("Bordkort – {title}", "Table cards – {title}"),
    "serve_card_scan": (
        "Scan koden med telefonens kamera for at skrive noter ved denne station.",
        "Scan the code with your phone's camera to take notes at this station.",
    ),
    "serve_card_or": ("eller åbn:", "or open:"),
    "serve_cards_file": ("bordkort", "table-cards"),
    "serve_bundle_file": ("dokumenter", "documents"),
    "serve_session_unreadable_title": ("Sessionen kan ikke læses", "The session cannot be read"),
    # Refusals of the command line (`workshop serve ...`)
    "serve_bad_token": (
        "--token: brug 16 til 128 tegn af A-Z, a-z, 0-9, - og _ (så kan den stå i et link uændret)",
        "--token: use 16 to 128 characters of A-Z, a-z, 0-9, - and _ (so that it stands in a link unchanged)",
    ),
    "serve_bad_max": (
        "--max {value}: angiv et antal browsere på 1 eller mere, f.eks. 30",
        "--max {value}: give a number of browsers of 1 or more, e.g. 30",
    ),
    "serve_bad_port": (
        "--port {value}: angiv et portnummer fra 1 til 65535 (0 vælger en ledig port)",
        "--port {value}: give a port number from 1 to 65535 (0 picks a free one)",
    ),
    "serve_port_busy": (
        "{host}:{port} er optaget af et andet program; vælg en anden port, f.eks. --port {other}",
        "{host}:{port} is taken by another program; choose another port, e.g. --port {other}",
    ),
    "serve_cannot_listen": (
        "kan ikke lytte på {host}:{port} ({reason}); tjek --host (f.eks. 127.0.0.1 eller --lan)",
        "cannot listen on {host}:{port} ({reason}); check --host (e.g. 127.0.0.1 or --lan)",
    ),
    "serve_no_lan": (
        "--lan: denne computer har ingen netværksadresse ud over sig selv; forbind den til netværket, eller angiv adressen med --host",
        "--lan: this computer has no network address besides itself; connect it to the network, or give the address with --host",
    ),
    "serve_cert_pair": (
        "--cert og --key skal gives sammen (certifikatet og dets nøgle som PEM-filer)",
        "--cert and --key go together (the certificate and its key as PEM files)",
    ),
    "serve_bad_cert": (
        "{path}: certifikatet eller nøglen kan ikke bruges ({reason}); giv certifikatet og dets private nøgle som PEM-filer",
        "{path}: the certificate or key cannot be used ({reason}); give the certificate and its private key as PEM files",
    ),
    "serve_cannot_write": (
        "{path} kan ikke skrives ({reason}); workshop serve gemmer sin adgangsnøgle og adresse ved siden af sessionen - gør mappen skrivbar, eller kopiér sessionen til en mappe, du kan skrive i",
        "cannot write {path} ({reason}); workshop serve keeps its access token and address beside the session - make the folder writable, or copy the session to a folder you can write to",
    ),
    "serve_no_file": ("{path}: filen findes ikke", "{path}: no such file"),
}

"""Table cards: one printable page per station with its name, its QR code (SVG) and its link.

``workshop serve --cards`` writes them, once it listens (the links then carry the right address
and port), to ``exports/<session>-bordkort.html`` and goes on serving. The file holds the access
token, so it is readable by its owner only; printed from a browser, each station gets a page.
The page asks nothing of the internet (the codes are inline SVG).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from string import Template

import segno

from workshop.serving.announce import CannotWrite, write_private
from workshop.storage.atomic_file import make_private_folder
from workshop.words import word

TEMPLATE = Path(__file__).parent / "templates" / "cards_page.html"

PRINT_QUIET_ZONE = 4
"""The light border the QR standard asks for: paper has room for it."""


def code_svg(link: str) -> str:
    """The link's QR code as inline SVG: black on white, the standard's quiet zone, scaled by the page."""
    code = segno.make_qr(link, error="l", boost_error=True)
    return str(code.svg_inline(scale=1, border=PRINT_QUIET_ZONE, dark="#000", light="#fff", omitsize=True))


def cards_page(title: str, language: str, stations: Sequence[tuple[str, str]]) -> str:
    """The HTML of the cards: a page per (station title, link)."""
    cards = []
    for station, link in stations:
        shown = html.escape(link, quote=True)
        cards.append(
            '<section class="card">'
            f"<h1>{html.escape(station)}</h1>"
            f'<div class="code">{code_svg(link)}</div>'
            f"<p>{html.escape(word('serve_card_scan', language))}</p>"
            f'<p class="link">{html.escape(word("serve_card_or", language))} <a href="{shown}">{shown}</a></p>'
            "</section>"
        )
    page = Template(TEMPLATE.read_text(encoding="utf-8"))
    return page.substitute(
        language=html.escape(language, quote=True),
        title=html.escape(word("serve_cards_title", language, title=title)),
        cards="\n".join(cards),
    )


def cards_path(session: Path, folder: Path, language: str) -> Path:
    """``exports/meeting-3-bordkort.html`` (``-table-cards`` in English)."""
    return folder / f"{session.stem}-{word('serve_cards_file', language)}.html"


def write_cards(session: Path, folder: Path, title: str, language: str, stations: Sequence[tuple[str, str]]) -> Path:
    """Write the cards to ``folder`` (made the owner's only if new), readable by the owner only; the path.

    :class:`workshop.serving.announce.CannotWrite` when the folder does not allow it.
    """
    path = cards_path(session, folder, language)
    try:
        make_private_folder(folder)
    except OSError as error:
        raise CannotWrite(folder, error.strerror or str(error)) from None
    write_private(path, cards_page(title, language, stations))
    return path

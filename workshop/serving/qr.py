"""A join link as a QR code in block characters: printed by ``workshop serve``, shown on the board's join view.

segno does the encoding; the drawing is ours, so the same lines serve the terminal and a
Textual ``Static``. A block stands for the DARK modules: the lines are meant to be shown dark on
light (``color: black; background: white`` in Textual, or :func:`for_terminal` with its colours).
Light-on-dark (a plain block on a dark terminal) is the inverted code, which most phones read too,
but not all.
"""

from __future__ import annotations

import segno

QUIET_ZONE = 2
"""Light modules around the code. The standard asks for 4; phones read 2 well, and the board has room for more."""

UPPER, LOWER, FULL, EMPTY = "▀", "▄", "█", " "

DARK_ON_LIGHT = "\x1b[30;107m"
"""Black on bright white: a terminal draws the code readable whatever its own colours are."""
RESET = "\x1b[0m"


def matrix(data: str, quiet_zone: int = QUIET_ZONE) -> list[list[bool]]:
    """The code's modules, True for dark, with ``quiet_zone`` light modules around it.

    The smallest code that holds ``data`` is chosen, with the highest error correction that fits
    in it (a smudged projector or a tilted phone still reads it).
    """
    code = segno.make_qr(data, error="l", boost_error=True)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=quiet_zone)]


def lines(data: str, *, large: bool = False, quiet_zone: int = QUIET_ZONE) -> list[str]:
    """The code as lines of block characters, a block for each dark module.

    Compact (the default): one character per module across, two modules per line down with
    half blocks, which makes square modules in a terminal's tall cells. ``large``: two characters
    per module across and one line per module down, twice the size (for a projector seen from afar).
    """
    modules = matrix(data, quiet_zone)
    if large:
        return ["".join(FULL * 2 if dark else EMPTY * 2 for dark in row) for row in modules]
    drawn: list[str] = []
    width = len(modules[0])
    for top_row in range(0, len(modules), 2):
        top = modules[top_row]
        bottom = modules[top_row + 1] if top_row + 1 < len(modules) else [False] * width
        drawn.append("".join(_half(upper, lower) for upper, lower in zip(top, bottom)))
    return drawn


def _half(upper: bool, lower: bool) -> str:
    if upper and lower:
        return FULL
    if upper:
        return UPPER
    return LOWER if lower else EMPTY


def for_terminal(data: str, *, colour: bool = True, large: bool = False) -> list[str]:
    """The code's lines for a terminal: with ``colour``, each line dark on light whatever the terminal's colours."""
    drawn = lines(data, large=large)
    if not colour:
        return drawn
    return [f"{DARK_ON_LIGHT}{line}{RESET}" for line in drawn]

"""Tables of a Word document: "Table Grid" with a repeating header row, rows kept whole and with
the next, and columns as wide as their longest word, so no word breaks inside a cell.

Used by :meth:`workshop.documents.docx_writer.DocxWriter.table`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from workshop.documents.markup import Content, Run

SHORT_CELL = 15
"""A cell with at most this many characters is kept on one line (a time span, "Station 1")."""

CELL_MARGINS_TWIPS = 230
"""A table cell's left and right margins together (Word's default 0.19 cm each), plus a little air."""

MINIMUM_COLUMN = 300
"""The narrowest column in twips."""


def table_xml(
    rows: Sequence[Sequence[Content]],
    *,
    style_id: str,
    runs: Callable[[Content], str],
    text_width: int,
    body_size: float,
    widths: Sequence[float] | None = None,
    header_rows: int = 1,
    bold_first_column: bool = False,
    keep_together: bool = False,
) -> str:
    """The table's WordprocessingML.

    The header rows repeat on every page and are bold; no row splits over two pages, and every row
    but the last keeps with the next, so a row never stands alone at the top of a page (a long
    table still breaks between rows: Word and LibreOffice give up keeping it whole when it cannot
    fit). ``keep_together``: the last row keeps with the paragraph after the table too (a footnote).
    ``runs`` renders a cell's content.
    """
    columns = max(len(row) for row in rows)
    twips = column_widths(rows, columns, widths, header_rows, bold_first_column, text_width, body_size)
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblStyle w:val="{style_id}"/>'
        '<w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/>'
        "</w:tblPr><w:tblGrid>"
    ]
    out.extend(f'<w:gridCol w:w="{w}"/>' for w in twips)
    out.append("</w:tblGrid>")
    last = len(rows) - 1
    # A short table stays on one page; a long one keeps only its first rows with the header and
    # its last rows together, so it can still break (a table longer than a page must).
    short = len(rows) <= 12
    for number, row in enumerate(rows):
        header = number < header_rows
        row_properties = "<w:tblHeader/><w:cantSplit/>" if header else "<w:cantSplit/>"
        keep_next = number < last and (short or number <= header_rows or number >= last - 1)
        keep = "<w:pPr><w:keepNext/></w:pPr>" if keep_next or (keep_together and number == last) else ""
        out.append(f"<w:tr><w:trPr>{row_properties}</w:trPr>")
        cells = list(row) + [""] * (columns - len(row))
        for column, cell in enumerate(cells):
            if header or (bold_first_column and column == 0):
                cell = bold(cell)
            width = f'<w:tcPr><w:tcW w:w="{twips[column]}" w:type="dxa"/></w:tcPr>'
            out.append(f"<w:tc>{width}<w:p>{keep}{runs(cell)}</w:p></w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    if not keep_together:
        # Word wants a paragraph between two tables; a small empty one also gives air.
        out.append("<w:p/>")
    return "".join(out)


def column_widths(
    rows: Sequence[Sequence[Content]],
    columns: int,
    widths: Sequence[float] | None,
    header_rows: int,
    bold_first_column: bool,
    text_width: int,
    body_size: float,
) -> list[int]:
    """Twips per column: the asked proportions, but never narrower than the column's longest word.

    When the longest words together are wider than the page, each column gets its share of the
    page by the width of its longest word (a word that still does not fit breaks, but the table
    never runs off the page).
    """
    weights = list(widths or [1.0] * columns)[:columns]
    weights += [1.0] * (columns - len(weights))
    total = sum(weights) or 1.0
    wanted = [text_width * w / total for w in weights]
    longest = [0.0] * columns
    for number, row in enumerate(rows):
        for column, cell in enumerate(row):
            heavy = number < header_rows or (bold_first_column and column == 0)
            longest[column] = max(longest[column], longest_word(cell, body_size, heavy))
    floor = [length + CELL_MARGINS_TWIPS for length in longest]
    if sum(floor) >= text_width:
        share = text_width / sum(floor)
        return [max(int(f * share), MINIMUM_COLUMN) for f in floor]
    result = [max(w, f) for w, f in zip(wanted, floor, strict=True)]
    excess = sum(result) - text_width
    if excess > 0:
        slack = [r - f for r, f in zip(result, floor, strict=True)]
        room = sum(slack) or 1.0
        result = [r - excess * s / room for r, s in zip(result, slack, strict=True)]
    return [max(int(r), MINIMUM_COLUMN) for r in result]


def longest_word(content: Content, size: float, heavy: bool) -> float:
    """The width in twips of the longest word in a cell (an estimate from the font size: Calibri's letters
    average about 0.55 em, bold a little more; capitals and digits count wider)."""
    if isinstance(content, (str, Run)):
        content = [content]
    longest = 0.0
    whole = "".join(item if isinstance(item, str) else item.text for item in content)
    for item in content:
        text = item if isinstance(item, str) else item.text
        weight = heavy or (isinstance(item, Run) and item.bold)
        # a short cell ("18.20 – 18.50", "Station 1") reads best on one line: it counts as one word
        tokens = [text] if len(whole) <= SHORT_CELL and "\n" not in text else text.split()
        for token in tokens:
            units = sum(0.68 if ch.isupper() or ch.isdigit() else 0.52 for ch in token)
            longest = max(longest, units * size * 20 * (1.08 if weight else 1.0))
    return longest


def bold(content: Content) -> Content:
    """The content in bold."""
    if isinstance(content, str):
        return Run(content, bold=True)
    if isinstance(content, Run):
        return Run(content.text, bold=True, italic=content.italic)
    return [bold(item) for item in content]  # type: ignore[misc]

"""Any text the store can hold goes into a document: breaks become line breaks, the rest shows."""

from __future__ import annotations

import io

from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.documents.docx_writer import DocxWriter
from workshop.documents.printable import printable


def test_word_line_and_page_breaks_become_line_breaks():
    assert printable("et\x0bto\x0ctre") == "et\nto\ntre"
    assert printable("a\r\nb\rc\u2028d\u2029e\x85f") == "a\nb\nc\nd\ne\nf"


def test_what_cannot_be_shown_is_dropped():
    assert printable("a\x00bc\ufffed\uffffe\x7f\x9ff\ud800g\x1b") == "abcdefg"


def test_terminal_escape_sequences_go_whole_not_as_bracket_remains():
    assert printable("\x1b[31mrød\x1b[0m tekst") == "rød tekst"
    assert printable("før \x1b[1;38;5;208mfed\x1b[m efter") == "før fed efter"
    assert printable("\x1b]0;vinduets titel\x07ok") == "ok"
    assert printable("nulstil\x1bc her") == "nulstil her"


def test_ordinary_text_is_left_alone():
    text = "Tabulator\tog linje\nÆØÅ æøå § – “citat” 🙂 漢字"
    assert printable(text) is text


def _read_back(text: str) -> str:
    writer = DocxWriter()
    writer.paragraph(text)
    buffer = io.BytesIO()
    writer.save(buffer)
    buffer.seek(0)
    return Document(buffer).paragraphs[0].text


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(exclude_categories=()),  # every code point, lone surrogates too
            st.sampled_from("\x00\x0b\x0c\x1b\r\n\t\ufffe\uffff\u2028æøå§–"),
        )
    )
)
def test_any_text_saves_and_reads_back_as_its_printable_form(text):
    assert _read_back(text) == printable(text)


def test_python_docx_itself_refuses_these_characters():
    """Why this module exists (measured): python-docx raises on them."""
    for bad in ("\x00", "\x0b", "\x0c", "\x1b", "\ufffe"):
        document = Document()
        try:
            document.add_paragraph(f"a{bad}b")
        except ValueError:
            continue
        raise AssertionError(f"python-docx accepted {bad!r}")

"""Where documents go, the one list of formats, and that a failing export leaves no half document behind."""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path

import pytest

from workshop.documents import registry
from workshop.documents.format import DocumentFormat
from workshop.documents.registry import (
    ExportError,
    default_folder,
    export,
    export_choices,
    export_many,
    file_name,
    kinds_for,
    options,
    target_path,
)
from workshop.words import word


def test_documents_go_to_the_exports_folder_beside_sessions():
    assert default_folder(Path("repo/sessions/meeting-3.toml")) == Path("repo/exports")
    assert default_folder(Path("/tmp/aften.toml")) == Path("/tmp/exports")


def test_file_names_follow_the_language():
    session = Path("sessions/meeting-3.toml")
    assert file_name(session, "minutes", "da") == "meeting-3-referat.docx"
    assert file_name(session, "minutes", "en", anonymize=True) == "meeting-3-minutes-anonymized.docx"
    assert file_name(session, "route_cards", "da") == "meeting-3-rutekort.docx"
    assert file_name(session, "quotes", "en") == "meeting-3-notes.csv"
    assert file_name(session, "recommendations", "da") == "meeting-3-anbefalinger.docx"
    assert file_name(session, "recommendations", "en") == "meeting-3-recommendations.docx"
    assert file_name(session, "agenda", "da") == "meeting-3-dagsordenspunkt.docx"
    assert file_name(session, "qdc", "da") == "meeting-3-kodebog.qdc"
    assert file_name(session, "qdpx", "en", anonymize=True) == "meeting-3-qda-project-anonymized.qdpx"


def test_the_formats_come_from_one_list():
    assert options() == ["docx", "cards", "csv", "recommendations", "agenda", "qdc", "qdpx", "all"]
    assert kinds_for("all") == ["minutes", "route_cards", "quotes", "recommendations", "agenda", "qdc", "qdpx"]
    assert kinds_for("cards") == ["route_cards"]
    choices = {c.key: c for c in export_choices()}
    assert list(choices) == [
        "all",
        "minutes",
        "route_cards",
        "quotes",
        "recommendations",
        "agenda",
        "qdc",
        "qdpx",
        "anonymized",
    ]
    assert choices["anonymized"].kinds == ["minutes"] and choices["anonymized"].anonymize
    for found in registry.FORMATS:  # every format has its words in both languages
        for key in (found.file_word, found.title, found.export):
            assert word(key, "da") and word(key, "en")


def test_a_new_format_is_one_entry(store, tmp_path, monkeypatch):
    def write_text(session, target, options):
        target.write_text(f"{session.workshop.title} ({options.language})", encoding="utf-8")

    plain = DocumentFormat(
        "quotes_text", "txt", ".txt", "file.quotes", "document_quotes", "export_quotes", write_text, word_file=False
    )
    monkeypatch.setattr(registry, "FORMATS", (*registry.FORMATS, plain))
    assert "txt" in options() and kinds_for("txt") == ["quotes_text"]
    done = export_many(store.session, store.path, ["quotes_text"], language="en")
    assert done[0].path.name == "evening-notes.txt"
    assert done[0].path.read_text(encoding="utf-8").endswith("(en)")


def test_out_must_fit_the_document(tmp_path):
    with pytest.raises(ExportError, match=r"giv et navn, der ender på \.csv"):
        target_path(Path("sessions/a.toml"), "quotes", "da", out=tmp_path / "a.xlsx")
    with pytest.raises(ExportError, match=r"give a name ending in \.csv"):
        target_path(Path("sessions/a.toml"), "quotes", "da", out=tmp_path / "a.xlsx", message_language="en")
    assert target_path(Path("sessions/a.toml"), "quotes", "da", out=tmp_path) == tmp_path / "a-noter.csv"


def test_progress_runs_from_zero_to_one(store):
    for number in range(30):
        store.add_note("s1", 1, f"note {number}")
    seen: list[float] = []
    done = export_many(store.session, store.path, ["minutes", "route_cards", "quotes"], progress=seen.append)
    assert [d.kind.name for d in done] == ["minutes", "route_cards", "quotes"]
    assert seen == sorted(seen) and seen[0] == 0.0 and seen[-1] == pytest.approx(1.0)
    assert all(d.path.is_file() for d in done)
    assert all(stat.S_IMODE(d.path.stat().st_mode) == 0o600 for d in done)  # names inside: the owner's only


def _with_writer(monkeypatch, name: str, writer) -> None:
    formats = tuple(dataclasses.replace(f, write=writer) if f.name == name else f for f in registry.FORMATS)
    monkeypatch.setattr(registry, "FORMATS", formats)


def test_a_failing_export_keeps_the_old_file_and_leaves_no_temporary(store, tmp_path, monkeypatch):
    target = tmp_path / "referat.docx"
    target.write_bytes(b"the old minutes")

    def broken(session, path, options):
        path.write_bytes(b"half a docum")
        raise OSError(28, "No space left on device")

    _with_writer(monkeypatch, "minutes", broken)
    with pytest.raises(ExportError, match=r"kan ikke skrive .*referat\.docx: No space left on device"):
        export(store.session, "minutes", target)
    assert target.read_bytes() == b"the old minutes"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["referat.docx"]


def test_a_read_only_place_is_a_message(store, tmp_path, monkeypatch):
    def refused(session, path, options):
        raise PermissionError(13, "Permission denied")

    _with_writer(monkeypatch, "quotes", refused)
    with pytest.raises(ExportError, match="åben i et andet program"):
        export(store.session, "quotes", tmp_path / "q.csv")


def test_an_anonymized_export_writes_its_report_beside_it_and_returns_it(store, tmp_path):
    store.add_note("s1", 1, "Åse Lund (aase@example.dk, 20 30 40 50) vil bo tæt på", author="Nora Notesen")
    target = tmp_path / "exports" / "evening-referat-anonymiseret.docx"
    done = export(store.session, "minutes", target, anonymize=True, make_folder=True)
    assert done.report is not None
    assert done.report_path == tmp_path / "exports" / "evening-referat-anonymiseret-rapport.txt"
    assert (done.report.emails, done.report.phones) == (1, 1)
    text = done.report_path.read_text(encoding="utf-8")
    assert "e-mailadresser: 1" in text and "telefonnumre: 1" in text
    assert stat.S_IMODE(done.report_path.stat().st_mode) == 0o600
    assert not export(store.session, "minutes", tmp_path / "plain.docx").report


def test_the_session_s_template_is_found_beside_the_session_file(store, tmp_path):
    from workshop.documents.registry import template_of

    assert template_of(store.session, store.path) is None
    session = store.session.model_copy(
        update={"workshop": store.session.workshop.model_copy(update={"template": "skabeloner/kommune.dotx"})}
    )
    assert template_of(session, store.path) == store.path.parent / "skabeloner" / "kommune.dotx"


def test_a_missing_template_is_a_message_naming_it(store, tmp_path):
    with pytest.raises(ExportError, match=r"Word-skabelonen .*mangler\.dotx findes ikke"):
        export(store.session, "minutes", tmp_path / "m.docx", template=tmp_path / "mangler.dotx")
    assert not (tmp_path / "m.docx").exists()
    broken = tmp_path / "i-stykker.dotx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ExportError, match=r"i-stykker\.dotx kan ikke bruges"):
        export(store.session, "minutes", tmp_path / "m.docx", template=broken)


# Word templates ------------------------------------------------------------------------------------


def _png() -> bytes:
    """A 2 x 2 red PNG (a stand-in for the municipality's logo)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def make_template(folder: Path, suffix: str = ".dotx") -> Path:
    """A municipality's template: its own heading font, US Letter with narrow margins, a header with a logo
    and a footer, some sample text, and no "List Bullet" style."""
    import io
    import zipfile

    from docx import Document
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    heading = document.styles["Heading 1"]
    heading.font.name = "Arial"
    heading.font.size = Pt(20)
    heading.font.color.rgb = RGBColor(0x00, 0x55, 0x99)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    section.left_margin = section.right_margin = Mm(20)
    logo = folder / "logo.png"
    logo.write_bytes(_png())
    header = section.header.paragraphs[0]
    header.add_run().add_picture(str(logo), width=Mm(10))
    header.add_run(" Prøvekommune – Velfærdsområdet")
    section.footer.paragraphs[0].text = "Rådhuset · 8500 Grenaa"
    document.add_paragraph("Skabelonens egen prøvetekst, som ikke skal med.")
    bullet = document.styles["List Bullet"].element
    bullet.getparent().remove(bullet)
    buffer = io.BytesIO()
    document.save(buffer)
    target = folder / f"kommune{suffix}"
    if suffix == ".docx":
        target.write_bytes(buffer.getvalue())
        return target
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(item, data)
    return target


@pytest.mark.parametrize("suffix", [".dotx", ".docx"])
def test_the_documents_take_the_template_s_styles_page_header_and_footer(store, tmp_path, suffix):
    import zipfile

    from docx import Document

    template = make_template(tmp_path, suffix)
    store.add_note("s1", 1, "En note", categories=["c1"])
    for kind in ("minutes", "recommendations", "route_cards", "agenda"):
        target = tmp_path / f"{kind}.docx"
        export(store.session, kind, target, template=template)
        doc = Document(str(target))
        section = doc.sections[0]
        assert round(section.page_width.mm) == 216 and round(section.left_margin.mm) == 20, kind
        assert "Prøvekommune – Velfærdsområdet" in section.header.paragraphs[0].text, kind
        assert section.footer.paragraphs[0].text == "Rådhuset · 8500 Grenaa", kind
        assert doc.styles["Heading 1"].font.name == "Arial", kind
        assert "Skabelonens egen prøvetekst" not in "\n".join(p.text for p in doc.paragraphs), kind
        with zipfile.ZipFile(target) as archive:
            assert [n for n in archive.namelist() if n.startswith("word/media/")], kind  # the logo
            header = next(n for n in archive.namelist() if n.startswith("word/header"))
            assert b"<pic:pic" in archive.read(header) or b"<w:drawing" in archive.read(header), kind
            types = archive.read("[Content_Types].xml")
            assert b"template.main+xml" not in types  # a document, not a template
    minutes = Document(str(tmp_path / "minutes.docx"))
    bullets = [p for p in minutes.paragraphs if p.style.name == "List Bullet"]
    assert (
        bullets
        and bullets[0].style.element.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pPr")
        is not None
    )  # the missing style came from Word's defaults, with its bullet


def test_a_template_with_macros_is_refused(store, tmp_path):
    import zipfile

    template = make_template(tmp_path)
    macros = tmp_path / "makroer.dotm"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(macros, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                macro = b"ms-word.template.macroEnabledTemplate.main+xml"
                data = data.replace(b"wordprocessingml.template.main+xml", macro)
            out.writestr(item, data)
    with pytest.raises(ExportError, match=r"makroer\.dotm indeholder makroer"):
        export(store.session, "minutes", tmp_path / "m.docx", template=macros)


def test_the_cli_takes_a_template_from_the_session_or_the_command(session_path, tmp_path, capsys):
    from docx import Document

    from workshop.cli import main as cli

    template = make_template(session_path.parent)
    text = session_path.read_text(encoding="utf-8").replace(
        'language = "da"', 'language = "da"\ntemplate = "kommune.dotx"'
    )
    session_path.write_text(text, encoding="utf-8")
    assert cli.main(["export", str(session_path), "--out", str(tmp_path / "a.docx")]) == 0
    assert Document(str(tmp_path / "a.docx")).styles["Heading 1"].font.name == "Arial"
    assert cli.main(["export", str(session_path), "--template", str(tmp_path / "mangler.dotx")]) == 2
    err = capsys.readouterr().err
    assert "mangler.dotx findes ikke" in err and "Traceback" not in err
    assert template.is_file()

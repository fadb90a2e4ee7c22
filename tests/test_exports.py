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


def test_the_formats_come_from_one_list():
    assert options() == ["docx", "cards", "csv", "all"]
    assert kinds_for("all") == ["minutes", "route_cards", "quotes"]
    assert kinds_for("cards") == ["route_cards"]
    choices = {c.key: c for c in export_choices()}
    assert list(choices) == ["all", "minutes", "route_cards", "quotes", "anonymized"]
    assert choices["anonymized"].kinds == ["minutes"] and choices["anonymized"].anonymize
    for found in registry.FORMATS:  # every format has its words in both languages
        for key in (found.file_word, found.title, found.export):
            assert word(key, "da") and word(key, "en")


def test_a_new_format_is_one_entry(store, tmp_path, monkeypatch):
    def write_text(session, target, *, language, anonymize, progress):
        target.write_text(f"{session.workshop.title} ({language})", encoding="utf-8")

    plain = DocumentFormat("quotes_text", "txt", ".txt", "file.quotes", "document_quotes", "export_quotes", write_text)
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

    def broken(session, path, *, language, anonymize, progress):
        path.write_bytes(b"half a docum")
        raise OSError(28, "No space left on device")

    _with_writer(monkeypatch, "minutes", broken)
    with pytest.raises(ExportError, match=r"kan ikke skrive .*referat\.docx: No space left on device"):
        export(store.session, "minutes", target)
    assert target.read_bytes() == b"the old minutes"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["referat.docx"]


def test_a_read_only_place_is_a_message(store, tmp_path, monkeypatch):
    def refused(session, path, *, language, anonymize, progress):
        raise PermissionError(13, "Permission denied")

    _with_writer(monkeypatch, "quotes", refused)
    with pytest.raises(ExportError, match="åben i et andet program"):
        export(store.session, "quotes", tmp_path / "q.csv")

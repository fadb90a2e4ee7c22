"""Where documents go, and that a failing export leaves no half document behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.documents import registry as exports
from workshop.documents.registry import (
    ExportError,
    default_folder,
    export,
    export_many,
    file_name,
    target_path,
)


def test_documents_go_to_the_exports_folder_beside_sessions():
    assert default_folder(Path("repo/sessions/meeting-3.toml")) == Path("repo/exports")
    assert default_folder(Path("/tmp/aften.toml")) == Path("/tmp/exports")


def test_file_names_follow_the_language():
    session = Path("sessions/meeting-3.toml")
    assert file_name(session, "minutes", "da") == "meeting-3-referat.docx"
    assert file_name(session, "minutes", "en", anonymize=True) == "meeting-3-minutes-anonymized.docx"
    assert file_name(session, "route_cards", "da") == "meeting-3-rutekort.docx"
    assert file_name(session, "quotes", "en") == "meeting-3-notes.csv"


def test_out_must_fit_the_document(tmp_path):
    with pytest.raises(ExportError, match="ending in .csv"):
        target_path(Path("sessions/a.toml"), "quotes", "da", out=tmp_path / "a.xlsx")
    assert target_path(Path("sessions/a.toml"), "quotes", "da", out=tmp_path) == tmp_path / "a-noter.csv"


def test_progress_runs_from_zero_to_one(store):
    for number in range(30):
        store.add_note("s1", 1, f"note {number}")
    seen: list[float] = []
    done = export_many(store.session, store.path, ["minutes", "route_cards", "quotes"], progress=seen.append)
    assert [d.kind.name for d in done] == ["minutes", "route_cards", "quotes"]
    assert seen == sorted(seen) and seen[0] == 0.0 and seen[-1] == pytest.approx(1.0)
    assert all(d.path.is_file() for d in done)


def test_a_failing_export_keeps_the_old_file_and_leaves_no_temporary(store, tmp_path, monkeypatch):
    target = tmp_path / "referat.docx"
    target.write_bytes(b"the old minutes")

    def broken(session, path, language, anonymize, progress):
        path.write_bytes(b"half a docum")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(exports._WRITERS, "minutes", broken)
    with pytest.raises(ExportError, match="No space left on device"):
        export(store.session, "minutes", target)
    assert target.read_bytes() == b"the old minutes"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["referat.docx"]


def test_a_read_only_place_is_a_message(store, tmp_path, monkeypatch):
    def refused(session, path, language, anonymize, progress):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setitem(exports._WRITERS, "quotes", refused)
    with pytest.raises(ExportError, match="open in another program"):
        export(store.session, "quotes", tmp_path / "q.csv")

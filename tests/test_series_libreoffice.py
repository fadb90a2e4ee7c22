"""Every series document converts with LibreOffice headless to a PDF, and LibreOffice reads its text as written."""

from __future__ import annotations

from pathlib import Path

from example_series import copied_series
from test_libreoffice import convert

from workshop.cli.main import main


def test_every_series_document_converts_and_reads_as_written(tmp_path: Path, capsys):
    folder = copied_series(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    written = []
    for option in ("recommendations", "changes", "timeline", "status", "memo"):
        target = docs / f"{option}.docx"
        extra = ["--recommendation", "r8"] if option == "memo" else []
        assert main(["export", str(folder / "series.toml"), "--format", option, "--out", str(target), *extra]) == 0
        written.append(target)
    capsys.readouterr()
    result = convert(written, "pdf", tmp_path / "pdf", tmp_path / "profile")
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    for source in written:
        pdf = tmp_path / "pdf" / f"{source.stem}.pdf"
        assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000, source.name
    result = convert(written, "txt:Text", tmp_path / "txt", tmp_path / "profile")
    assert result.returncode == 0, result.stderr

    def text(name: str) -> str:
        return (tmp_path / "txt" / f"{name}.txt").read_text(encoding="utf-8-sig")

    assert "Anbefaling 8: Kommunikation" in text("recommendations")
    changes = text("changes")
    assert "Ændringer fra Møde 2 til Møde 3" in changes
    assert "Ny i ledelse på Velfærdsområdet" in changes and "Ny i ledelse i Norddjurs Kommune" in changes
    timeline = text("timeline")
    assert "06.04.2023" in timeline and "Politisk behandling af anbefalinger" in timeline and "nu (" in timeline
    assert "prioriteret 20.06.2023 (Byrådet)" in text("status")
    memo = text("memo")
    assert "Indsatser som understøtter anbefaling 8: Kommunikation og branding på Velfærdsområdet" in memo
    assert "Indstilling" in memo and "Heidi Johannesen" in memo

"""What a browser downloads after an export: every file, as one download.

A browser lets a page start one download by itself, not seven (Chromium blocks the rest, or asks
first): so when an export wrote several files (the minutes, the route cards, the quote table, ...,
the anonymisation reports), the browser gets them in one zip, ``meeting-3-dokumenter.zip``; a single
file comes down as itself. The zip is made in memory: nothing more is written to ``exports/``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from workshop.words import word

ZIP_TYPE = "application/zip"


def bundle_name(session: Path, language: str) -> str:
    """``meeting-3-dokumenter.zip`` (``-documents.zip`` in English)."""
    return f"{session.stem}-{word('serve_bundle_file', language)}.zip"


def zipped(paths: Sequence[Path]) -> io.BytesIO:
    """The files in one zip, each under its own name (a second file of the same name gets a number)."""
    buffer = io.BytesIO()
    taken: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            name, number = path.name, 1
            while name in taken:
                number += 1
                name = f"{path.stem}-{number}{path.suffix}"
            taken.add(name)
            archive.write(path, arcname=name)
    buffer.seek(0)
    return buffer


def one_download(paths: Sequence[Path], session: Path, language: str) -> tuple[Path | io.BytesIO, str, str | None]:
    """(what to deliver, its file name, its type or None to guess): the file itself, or every file in a zip."""
    if len(paths) == 1:
        return paths[0], paths[0].name, None
    return zipped(paths), bundle_name(session, language), ZIP_TYPE

"""The example's series (sessions/series.toml) and its two meetings, copied fresh for a test."""

from __future__ import annotations

import shutil
from pathlib import Path

SESSIONS = Path(__file__).resolve().parents[1] / "sessions"


def copied_series(tmp_path: Path) -> Path:
    """A copy of the example's sessions folder in ``tmp_path`` (meeting-2, meeting-3 and the series); the folder."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    for name in ("meeting-2.toml", "meeting-3.toml", "series.toml"):
        shutil.copy(SESSIONS / name, folder / name)
    return folder

"""Shared fixtures: a made-up evening shaped like meeting 3, copied fresh for every test."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from workshop.storage.store import Store

DATA = Path(__file__).parent / "data"
EVENING = DATA / "evening.toml"
"""Three stations (hosts Bodil, Jonas, Yasmin), three groups of made-up people, three rounds."""

pytest_plugins = ["serve_support"]
"""The `workshop serve` tests' fixtures (`server`, `http`) and helpers, in one place."""

FROZEN = dt.datetime(2026, 3, 12, 18, 0, 0)
"""The frozen wall clock of UI tests: the evening's start."""


@pytest.fixture(autouse=True)
def _no_inherited_terminal_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands print as into a pipe in every test: pytest-xdist's workers set COLUMNS=80, a serial run does not."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


@pytest.fixture(autouse=True)
def no_libreoffice_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report's contents get no page numbers from LibreOffice (2 s an export) unless a test asks:
    tests/test_contents_pages.py takes this away and checks the numbers in the PDF."""
    monkeypatch.setenv("WORKSHOP_SOFFICE", "none")


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    """A fresh copy of the made-up evening in a temporary sessions folder."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    target = folder / "evening.toml"
    shutil.copy(EVENING, target)
    return target


@pytest.fixture
def store(session_path: Path):
    """An open store on the made-up evening; closed (and folded) after the test."""
    opened = Store.open(session_path, author="Testa Testesen")
    yield opened
    opened.close()


class FakeClock:
    """A wall clock that only moves when a test moves it."""

    def __init__(self, start: dt.datetime = FROZEN) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: float = 0, seconds: float = 0) -> None:
        self.now += dt.timedelta(minutes=minutes, seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()

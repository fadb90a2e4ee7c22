"""What the commands print never speaks to the terminal: a hostile name is shown, not obeyed.

A station, group or person may be named with an escape sequence (a pasted colour, or someone
trying: set the terminal's title, clear the screen, write the clipboard with OSC 52), a bidi
override that turns the line around, or a zero-width character. Every line a command prints goes
through one function (``workshop.cli.errors.say``), which shows such characters as ``\\x1b``,
``\\u202e`` - the same escaping the error messages use.
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.cli.errors import Drawn, say
from workshop.cli.main import main
from workshop.cli.serve import print_start, qr_block
from workshop.model.problems import json_shown, one_line, shown
from workshop.serving import qr
from workshop.serving.server import WorkshopServer

TOKEN = "Proeveaftenens-adgangsnoegle-42"

HOSTILE = [
    "\x1b]0;overtaget\x07",  # the terminal's title
    "\x1b]2;titel\x1b\\",  # the title, ended by ST
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "\x1b]52;c;cm0gLXJmIH4=\x07",  # OSC 52: write the clipboard
    "\x9b2J",  # the 8-bit CSI
    "\x1bc",  # reset the terminal
    "\u202e",  # right-to-left override
    "\u2066\u2069",  # isolates
    "\u200b",  # zero-width space
    "\ufeff",  # zero-width no-break space
    "\u200d",  # zero-width joiner
    "\x07",  # the bell
    "\r",  # back to the start of the line (overwrite what was shown)
    "\x08",  # backspace
]
"""Pieces of hostile names: each must be shown escaped."""

UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
"""What may never reach the terminal as it is (a line break between lines may)."""

hostile_names = (
    st.lists(
        st.one_of(st.sampled_from(HOSTILE), st.text(alphabet="Åse Lundæøå-", min_size=1, max_size=6)),
        min_size=1,
        max_size=5,
    )
    .map("".join)
    .filter(lambda name: name.strip() != "")
)  # a name of spaces alone is no name: check refuses it


def with_names(session_path: Path, station: str, host: str, group: str, person: str) -> None:
    """The made-up evening with these names for station 1, its host, group 1 and its first member."""
    data = tomllib.loads(session_path.read_text(encoding="utf-8"))
    data["stations"][0]["name"] = station
    data["stations"][0]["host"] = host
    data["groups"][0]["name"] = group
    data["groups"][0]["members"][0] = {"name": person, "affiliation": "politician"}
    session_path.write_text(tomli_w.dumps(data), encoding="utf-8")


def assert_safe(printed: str) -> None:
    found = UNSAFE.search(printed)
    assert found is None, f"{found and found[0]!r} reached the terminal in {printed!r}"


def test_one_escaping_for_every_line_errors_and_output_alike():
    assert one_line("a\x1b]0;t\x07b") == "a\\x1b]0;t\\x07b"
    assert one_line("\u202eabc\u200b") == "\\u202eabc\\u200b"
    assert shown("første\x1b[2J\nanden\u202e") == "første\\x1b[2J\nanden\\u202e"
    assert shown("Åse Lund – Gruppe 1") == "Åse Lund – Gruppe 1"
    data = json.dumps({"navn": "Åse\u202e\x1b[2J\x9b"}, ensure_ascii=False, indent=2)
    assert json.loads(json_shown(data)) == {"navn": "Åse\u202e\x1b[2J\x9b"}
    assert "Åse" in json_shown(data)
    assert_safe(json_shown(data))


def test_say_escapes_everything_but_what_the_program_drew(capsys):
    say("Station \x1b]52;c;Zm9v\x07 1", Drawn(f"{qr.DARK_ON_LIGHT}▀▄{qr.RESET}"))
    out = capsys.readouterr().out
    assert out == f"Station \\x1b]52;c;Zm9v\\x07 1\n{qr.DARK_ON_LIGHT}▀▄{qr.RESET}\n"
    say("fejl \u202e", error=True)
    assert capsys.readouterr().err == "fejl \\u202e\n"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(station=hostile_names, host=hostile_names, group=hostile_names, person=hostile_names)
def test_hostile_names_are_shown_never_obeyed_by_schedule_groups_serve_and_check(
    session_path, capsys, station, host, group, person
):
    with_names(session_path, station, host, group, person)
    capsys.readouterr()
    assert main(["schedule", str(session_path)]) == 0
    assert main(["schedule", str(session_path), "--json"]) == 0
    assert main(["groups", str(session_path), "--count", "3"]) == 0
    assert main(["check", str(session_path)]) == 0
    server = WorkshopServer(session_path, token=TOKEN, port=8123, announce=False)
    print_start(server, argparse.Namespace(session=session_path, no_qr=False, cards=False), "da")
    out, err = capsys.readouterr()
    assert_safe(out)
    assert_safe(err)
    # The names are there, shown (as the session keeps them: without spaces around): the groups' members
    # and serve's station line.
    assert one_line(person.strip()) in out
    assert f"Station 1 – {one_line(station.strip())}" in out


def test_schedule_json_keeps_the_names_as_they_are(session_path, capsys):
    with_names(session_path, "Ledelse\x1b]0;x\x07", "Bodil\u202e", "Gruppe\u200b 1", "Åse")
    assert main(["schedule", str(session_path), "--json"]) == 0
    out = capsys.readouterr().out
    assert_safe(out)
    assert json.loads(out)["rounds"][0]["stations"]["s1"]


def test_a_qr_codes_title_is_escaped_and_its_drawing_keeps_its_colours():
    block = qr_block([("Station \x1b[2J1", "http://127.0.0.1:8000/?token=x")], colour=True)
    assert block[0].startswith("Station \\x1b[2J1")
    assert all(isinstance(line, Drawn) for line in block[1:])
    assert all(line.startswith(qr.DARK_ON_LIGHT) for line in block[1:])

"""Every `workshop` command the README shows runs as written, in the README's order, from a fresh clone.

The commands are read from the README itself (its ``sh`` blocks and the inline commands of its
text), run in a copy of the clone's ``sessions/`` folder, and must exit 0. ``run`` and ``serve``
open the app and a server, which other tests drive; here their arguments must be understood as
written (the parser accepts them). A README that shows a command that does not work fails here.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.cli.main import build_parser

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
INTERACTIVE = {"run", "serve"}
COMMAND_NAMES = {"new", "check", "schedule", "groups", "copy", "merge", "export", "note", "run", "serve", "series"}


def readme_commands() -> list[str]:
    """The `workshop ...` commands of the README, in the order they stand."""
    found: list[tuple[int, str]] = []
    for block in re.finditer(r"```sh\n(.*?)```", README, flags=re.DOTALL):
        for offset, line in enumerate(block.group(1).splitlines()):
            if line.startswith("workshop "):
                found.append((block.start(1) + offset, line.strip()))
    prose = re.sub(r"```.*?```", lambda m: " " * len(m.group(0)), README, flags=re.DOTALL)
    for inline in re.finditer(r"`(workshop [^`]+)`", prose):
        command = inline.group(1)
        if re.search(r"[A-Z]{3,}|\[|\||\.\.\.", command):  # a synopsis (SESSION, [--x], a|b), not an example
            continue
        found.append((inline.start(), re.sub(r"\s+", " ", command)))
    return [command for _, command in sorted(found) if _is_example(command)]


def _is_example(command: str) -> bool:
    """A command with a session to work on, not a mention of a command's name ("`workshop note`")."""
    words = command.split()
    return len(words) > 2 and words[1] in COMMAND_NAMES and ".toml" in command


COMMANDS = readme_commands()


def test_the_readme_shows_examples_of_every_command():
    shown = {shlex.split(c)[1] for c in COMMANDS}
    assert {"new", "check", "schedule", "groups", "copy", "merge", "export", "note", "run", "serve"} <= shown


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh clone's folders, as far as the commands need them: sessions/ as committed."""
    folder = tmp_path_factory.mktemp("klon")
    shutil.copytree(ROOT / "sessions", folder / "sessions", ignore=shutil.ignore_patterns("*.journal*", ".*"))
    return folder


def test_every_readme_command_runs_as_written(clone: Path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    failures = []
    for command in COMMANDS:
        args = shlex.split(command)[1:]
        if args[0] in INTERACTIVE:
            try:
                build_parser().parse_args(args)
            except SystemExit:
                failures.append(f"{command}: its arguments are refused")
            continue
        done = subprocess.run(
            [sys.executable, "-m", "workshop", *args],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=300,
        )
        if done.returncode != 0:
            failures.append(f"{command}: exit {done.returncode}: {done.stderr.strip()[:300]}")
    assert failures == []

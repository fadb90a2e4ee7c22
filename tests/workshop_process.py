"""`python -m workshop ...` as a process of its own, run from this checkout: a second terminal, a script."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child_env() -> dict[str, str]:
    """The environment of a `python -m workshop` process: this checkout first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def note_argv(session_path: Path, station: str, text: str, *categories: str, author: str | None = None) -> list[str]:
    """`workshop note SESSION --station STATION --round 1 [--author AUTHOR] [--category C]... TEXT`."""
    argv = [sys.executable, "-m", "workshop", "note", str(session_path), "--station", station, "--round", "1"]
    if author is not None:
        argv += ["--author", author]
    for category in categories:
        argv += ["--category", category]
    return [*argv, text]


async def note_command(
    session_path: Path, station: str, text: str, *categories: str, author: str = "Script"
) -> asyncio.subprocess.Process:
    """`workshop note ...` by ``author`` in its own process, started now (its output piped), awaited later."""
    return await asyncio.create_subprocess_exec(
        *note_argv(session_path, station, text, *categories, author=author),
        env=child_env(),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )

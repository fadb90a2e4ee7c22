"""Waiting in the UI tests for what a user would notice, never for a fixed time.

A fixed ``pilot.pause(0.3)`` either wastes time or, on a busy machine, is too short and fails by
luck; :func:`until` lets the app run until the awaited thing is there, and fails (saying what it
waited for) only after a bound no healthy run comes near.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

TIMEOUT = 30.0
"""Seconds before a wait gives up: a bound for a busy CI machine, not a measurement."""


async def until(pilot: Pilot[Any], condition: Callable[[], object], what: str = "", timeout: float = TIMEOUT) -> None:
    """Let the app run until ``condition()`` is true."""
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or condition}")
        await pilot.pause(0.01)


def palette_open(app: App[Any]) -> bool:
    """Is the command palette open, with its search line focused (ready for typing)?"""
    return isinstance(app.screen, CommandPalette) and app.screen.focused is not None


def palette_prompts(app: App[Any]) -> list[str]:
    """The lines the open command palette offers now (none while it is closed or still searching)."""
    if not isinstance(app.screen, CommandPalette):
        return []
    shown = app.screen.query_one(CommandList)
    return [str(shown.get_option_at_index(i).prompt) for i in range(shown.option_count)]

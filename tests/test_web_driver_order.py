"""Keys typed in a browser and the closed tab's "quit" that follows them reach the app in that order.

A real ``workshop run`` behind Textual's web driver (as ``workshop serve`` starts each browser's app),
given the keys and the quit in one write, as they arrive when a tab is closed right after typing, or
while the app is still busy: the note field gets every key before the app ends, and the words are
kept as the device's draft (issue: nothing typed is lost).
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import time
from pathlib import Path

from workshop_process import child_env

from workshop.storage import drafts
from workshop.storage.store import Store

DEVICE = "b" * 32


def packet(kind: bytes, payload: bytes) -> bytes:
    """textual-serve's framing of what the server writes to an app: a kind, a length, the bytes."""
    return kind + len(payload).to_bytes(4, "big") + payload


def read_until_quiet(process: subprocess.Popen[bytes], quiet: float, limit: float) -> bytes:
    """The app's output until it has said nothing for ``quiet`` seconds (its first screen is out)."""
    assert process.stdout is not None
    out = b""
    deadline = time.monotonic() + limit
    last = time.monotonic()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.05)
        if ready:
            chunk = process.stdout.read1(65536)  # type: ignore[attr-defined]
            if not chunk:
                break
            out += chunk
            last = time.monotonic()
        elif out and time.monotonic() - last > quiet:
            break
    return out


def test_keys_and_the_quit_that_follows_them_in_one_read_are_taken_in_order(session_path: Path):
    env = child_env() | {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "COLUMNS": "80", "ROWS": "24"}
    argv = [sys.executable, "-m", "workshop", "run", str(session_path), "--station", "s1"]
    argv += ["--author", "Rita Holm", "--device", DEVICE]
    process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        assert read_until_quiet(process, quiet=1.0, limit=60)  # the first screen
        typed = "Parkeringen er et problem – også om aftenen"
        assert process.stdin is not None
        process.stdin.write(packet(b"D", typed.encode("utf-8")) + packet(b"M", json.dumps({"type": "quit"}).encode()))
        process.stdin.flush()
        read_until_quiet(process, quiet=5.0, limit=60)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    store = Store.open(session_path, readonly=True)
    store.device = DEVICE
    try:
        kept = drafts.draft(store, "note:s1")
    finally:
        store.close()
    assert kept is not None and kept.text == typed

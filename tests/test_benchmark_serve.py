"""benchmarks/serve.py's room (issue 23) runs at a small size and prints its figures, warm beside cold.

The figures themselves are the benchmark's to judge on a quiet machine (no timed assertions here):
this checks that the room case still runs end to end through the websocket protocol, so that it
is there to measure with when the code changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_room_benchmark_runs_at_a_small_size_and_prints_warm_beside_cold():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    small = ["--room", "--sizes", "1,2", "--capacity", "2", "--seconds", "2"]
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "serve.py"), *small],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    for row in (
        "warm parent: 1 at once",
        "warm parent: 2 at once",
        "cold (--cold): 1 at once",
        "cold (--cold): 2 at once",
    ):
        assert row in out
    assert "PSS per" in out and "the warm parent itself, once per server (PSS)" in out
    assert "echo p95 passes 100 ms at:" in out
    assert "targets (issue 23)" in out

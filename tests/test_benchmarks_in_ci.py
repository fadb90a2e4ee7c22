"""Every benchmark in benchmarks/ is run by .ci/run at a small size, so none stops running unnoticed."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
HELPERS = {"__init__.py", "sessions.py"}  # modules the benchmarks import, not benchmarks


def test_every_benchmark_runs_in_ci():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    listed = set(re.findall(r"^bench (\S+\.py)", script, flags=re.MULTILINE))
    benchmarks = {p.name for p in (ROOT / "benchmarks").glob("*.py")} - HELPERS
    assert benchmarks - listed == set(), "add each benchmark to the 'every benchmark' step of .ci/run"
    assert listed - benchmarks == set()

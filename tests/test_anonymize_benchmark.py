"""benchmarks/anonymize.py runs at a small size, as CI can afford, and finds no leak and no ordinary word
replaced, where the naive way (every name part replaced wherever the word stands) finds both."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).parents[1] / "benchmarks" / "anonymize.py"


def test_the_benchmark_counts_no_leak_and_no_ordinary_word_replaced():
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--sentences", "120", "--repeats", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    rows = {m[1].strip(): m[2].split() for m in re.finditer(r"^([a-z (),]+?)\s{2,}(\S.*)$", done.stdout, re.M)}
    assert rows["leaks"][0] == "0" and int(rows["leaks"][1]) > 0
    assert rows["ordinary words replaced unasked"][0] == "0"
    assert int(rows["ordinary words replaced unasked"][1]) > 0
    assert rows["ordinary words replaced, decided"][0] == "0"

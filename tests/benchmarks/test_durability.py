"""The kill -9 harness keeps working: two short trials, one of each kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_two_trials_report_no_loss():
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "durability.py"),
            "--trials",
            "2",
            "--seed",
            "7",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("durability: 2 trials")
    typing = next(line for line in lines if "typing" in line)
    structure = next(line for line in lines if "structure" in line)
    assert "trials 1," in typing and "losses 0 " in typing and "stray temps 0" in typing
    assert "tokens 0 " not in typing  # it did type
    assert "trials 1," in structure and "lost cards 0," in structure
    assert "edits 0," not in structure  # it did edit

"""Benchmark of `masthead check ISSUE --archive LIBRARY` as a user runs it: a new process.

Run: .venv/bin/python benchmarks/check_archive.py [--issues 400] [--cards 35] [--runs 5] [--source]
     [--keep DIR]

Generates a library (benchmarks/ledger_lookup.py's generator: 35 cards and five section intros
per issue) in a temporary folder, then runs the CLI as a subprocess ``--runs`` times each:
cold (the library's .masthead/ caches deleted before every run), warm (caches in place), and
the check without ``--archive``. Prints min and median wall-clock and CPU time (user + system
of the child process). Asserts nothing about speed: the machine is shared.

An installed copy runs from compiled bytecode. Where PYTHONDONTWRITEBYTECODE is set, every run
would compile the modules it imports again (some 0.04 s), so by default one untimed run first
writes the bytecode to a temporary cache (PYTHONPYCACHEPREFIX) that the timed runs read;
``--source`` runs with the environment as it is.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_lookup import make_library  # noqa: E402

from editor_app.core.storage import STATE_DIR  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def run_cli(cmd: list[str], runs: int, before=None) -> tuple[list[float], list[float]]:  # noqa: ANN001
    walls, cpus = [], []
    for _ in range(runs):
        if before is not None:
            before()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        done = subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed with {done.returncode}")
    return walls, cpus


def report(label: str, walls: list[float], cpus: list[float]) -> None:
    print(
        f"{label:30} wall min {min(walls):.2f} s median {statistics.median(walls):.2f} s, "
        f"cpu min {min(cpus):.2f} s median {statistics.median(cpus):.2f} s  ({len(walls)} runs)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=400)
    parser.add_argument("--cards", type=int, default=35)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="generate the library here and keep it")
    parser.add_argument(
        "--source", action="store_true", help="no bytecode cache prepared (the environment as is)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep) if args.keep else Path(tmp) / "library"
        if not (root / f"issue-{args.issues:03d}").is_dir():
            root.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            make_library(root, args.issues, args.cards)
            print(f"library: {args.issues} issues x {args.cards} cards, generated in "
                  f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
        last = root / f"issue-{args.issues:03d}"
        python = [sys.executable, "-m", "editor_app"]

        def drop_caches() -> None:
            shutil.rmtree(root / STATE_DIR, ignore_errors=True)

        archive = [*python, "check", str(last), "--archive", str(root)]
        if not args.source:
            ENV["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "bytecode")
            writing = {k: v for k, v in ENV.items() if k != "PYTHONDONTWRITEBYTECODE"}
            subprocess.run(archive, env=writing, stdout=subprocess.DEVNULL, check=False)
        print(
            "bytecode:", "as the environment has it" if args.source else "compiled once, cached",
            "(PYTHONDONTWRITEBYTECODE", "set)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "unset)",
        )  # fmt: skip
        report("check --archive, cold cache", *run_cli(archive, args.runs, drop_caches))
        run_cli(archive, 1)  # the caches written once
        report("check --archive, warm cache", *run_cli(archive, args.runs))
        report("check (no archive)", *run_cli([*python, "check", str(last)], args.runs))
        report("python -c pass (interpreter)", *run_cli([sys.executable, "-c", "pass"], args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of the archive ledger: 1,000 issues, cold build, warm refresh, lookups, check.

Run: .venv/bin/python benchmarks/ledger_lookup.py [--issues 1000] [--cards 35] [--keep DIR]
Prints cold (no cache) and warm figures; asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor_app.core.issue_format import serialize_card  # noqa: E402
from editor_app.core.ledger import Ledger, featured_lookup  # noqa: E402
from editor_app.core.model import Card, FurtherReading, Issue, Link, Section, Source  # noqa: E402
from editor_app.core.storage import card_path, save_manifest  # noqa: E402
from editor_app.core.url_normalize import normalize_url  # noqa: E402

HOSTS = ["kubernetes.io", "github.com", "cncf.io", "istio.io", "example.org", "blog.dev"]


def make_library(root: Path, issues: int, cards: int, seed: int = 7) -> list[str]:
    """Write ``issues`` issue folders of ``cards`` cards each; return some URLs used."""
    rng = random.Random(seed)
    urls: list[str] = []
    start = dt.date(2015, 1, 1)
    for n in range(issues):
        slug = f"issue-{n + 1:03d}"
        folder = root / slug
        issue = Issue(
            title=f"Issue {n + 1}", number=n + 1, date=start + dt.timedelta(days=7 * n), slug=slug
        )
        per_section = max(1, cards // 5)
        for s in range(5):
            intro = f"![cover {s}](assets/c{s}.png)\n> A quote, then [an essay](https://essays.example/{n}/{s})."
            issue.sections.append(
                Section(id=f"s{n}x{s}", title=f"Section {s}", emoji="📌", intro=intro)
            )
        for c in range(cards):
            cid = f"c{n}x{c}"
            host = rng.choice(HOSTS)
            url = f"https://{host}/posts/{n}-{c}-{rng.randrange(10**6)}"
            # Every tenth card repeats an older article, as real archives do.
            if urls and rng.random() < 0.1:
                url = rng.choice(urls)
            urls.append(url)
            card = Card(
                id=cid,
                title=f"Card {c} of issue {n + 1}",
                source=Source(f"Article {c}", url + "?utm_source=newsletter"),
                links=[Link("GitHub", f"https://github.com/org{c}/project{n}")],
                body=(
                    f"摘要 {c}: see [the docs](https://{host}/docs/{n}/{c}) and\n"
                    f"[the release][r{c}] plus https://{host}/bare/{n}/{c}.\n\n"
                    f"![diagram](assets/img{c}.png)\n\n[r{c}]: https://{host}/release/{n}/{c}\n"
                ),
                further_reading=[
                    FurtherReading(f"More {c}", f"https://{host}/more/{n}/{c}", "one line")
                ],
            )
            issue.cards[cid] = card
            issue.sections[min(c // per_section, 4)].card_ids.append(cid)
            path = card_path(folder, cid)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(serialize_card(card), "utf-8")  # no fsync: a throwaway library
        save_manifest(folder, issue)
    return urls


def timed(fn):  # noqa: ANN001, ANN201 - tiny helper
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    timed.cpu = time.process_time() - c0  # the machine is shared: CPU time says more
    return result, time.perf_counter() - t0


def cpu() -> str:
    return f"cpu {timed.cpu * 1000:7.1f} ms"


def cli_check(root: Path, issue: Path, runs: int) -> None:
    """`masthead check ISSUE --archive LIBRARY` as a user runs it, cold cache and warm."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    cmd = [sys.executable, "-m", "editor_app", "check", str(issue), "--archive", str(root)]
    for label, cold in (("cold", True), ("warm", False)):
        walls, cpus = [], []
        for _ in range(runs):
            if cold:
                Ledger(root).cache_path.unlink(missing_ok=True)
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=False)
            walls.append(time.perf_counter() - t0)
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        print(
            f"CLI check --archive {label}:  wall min {min(walls):.2f} s median "
            f"{statistics.median(walls):.2f} s, cpu min {min(cpus):.2f} s median "
            f"{statistics.median(cpus):.2f} s  ({runs} runs, whole process)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=1000)
    parser.add_argument("--cards", type=int, default=35)
    parser.add_argument("--lookups", type=int, default=10_000)
    parser.add_argument("--keep", metavar="DIR", help="generate the library here and keep it")
    parser.add_argument("--cli-runs", type=int, default=3, help="runs of the CLI check (0: none)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep) if args.keep else Path(tmp) / "library"
        root.mkdir(parents=True, exist_ok=True)
        urls, t_gen = timed(lambda: make_library(root, args.issues, args.cards))
        print(f"library: {args.issues} issues x {args.cards} cards  (generated in {t_gen:.1f} s)")

        ledger = Ledger(root)
        stats, t_cold = timed(ledger.rebuild)
        print(f"cold build:                 {t_cold * 1000:9.1f} ms  {cpu()}  ({stats})")
        size = ledger.cache_path.stat().st_size
        print(f"cache file:                 {size / 1024:9.1f} KiB  ({ledger.cache_path})")

        fresh = Ledger(root)
        stats, t_warm = timed(fresh.refresh)
        print(f"warm open + refresh:        {t_warm * 1000:9.1f} ms  {cpu()}  ({stats})")

        # One card edited: only its issue is read again.
        edited = root / f"issue-{args.issues // 2:03d}" / "cards"
        target = sorted(edited.glob("*.md"))[0]
        target.write_text(target.read_text("utf-8") + "\nhttps://new.example.com/x\n", "utf-8")
        stats, t_inc = timed(Ledger(root).refresh)
        print(f"refresh after 1 card edit:  {t_inc * 1000:9.1f} ms  {cpu()}  ({stats})")

        # What `masthead check ISSUE --archive LIBRARY` pays on a cold cache: the ledger
        # built from every issue, then the issue checked against it.
        from editor_app.core.checks import check_issue
        from editor_app.core.storage import load_issue

        last = root / f"issue-{args.issues:03d}"
        Ledger(root).cache_path.unlink()
        issue = load_issue(last)
        _, t_check = timed(
            lambda: check_issue(
                issue, featured_lookup(root, exclude=last, until=issue.date, number=issue.number)
            )
        )
        print(
            f"cold check --archive:       {t_check * 1000:9.1f} ms  {cpu()}  "
            "(in process: ledger built, issue checked)"
        )

        lookup, t_open = timed(
            lambda: featured_lookup(root, exclude=root / f"issue-{args.issues:03d}")
        )
        print(f"featured_lookup() ready:    {t_open * 1000:9.1f} ms  {cpu()}")
        if args.cli_runs:
            cli_check(root, last, args.cli_runs)

        rng = random.Random(1)
        queries = [normalize_url(rng.choice(urls)) for _ in range(args.lookups // 2)]
        queries += [f"https://nowhere.example/{i}" for i in range(args.lookups - len(queries))]
        rng.shuffle(queries)
        samples = []
        hits = 0
        t0 = time.perf_counter()
        for q in queries:
            s = time.perf_counter()
            hits += bool(lookup(q))
            samples.append(time.perf_counter() - s)
        total = time.perf_counter() - t0
        samples.sort()
        print(
            f"{len(queries)} lookups:             {total * 1000:9.1f} ms total, "
            f"mean {statistics.mean(samples) * 1e6:.1f} us, "
            f"p99 {samples[int(len(samples) * 0.99)] * 1e6:.1f} us, "
            f"max {samples[-1] * 1e6:.1f} us  ({hits} hits)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

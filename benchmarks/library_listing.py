"""Benchmark of library listing: list_issues over 1,000 issue manifests, cold and warm.

Run: .venv/bin/python benchmarks/library_listing.py [--issues 1000] [--cards 30] [--runs 7]
Writes a temporary library (manifests only: listing never opens card files), then prints the
cold listing (no index: every manifest read, index written) and the median and range of
warm runs (index in .masthead/ up to date). Prints figures; asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor_app.core.ids import new_id  # noqa: E402
from editor_app.core.library import list_issues  # noqa: E402
from editor_app.core.model import Card, Issue, Section, Status  # noqa: E402
from editor_app.core.storage import save_manifest  # noqa: E402

SECTIONS = [
    ("🆕", "产品新功能/新版本"),
    ("📰", "新闻与访谈"),
    ("💬", "讨论与分享"),
    ("📊", "报告查看与分析"),
    ("🧰", "产品/方案介绍"),
    ("😄", "有意思的事与 Meme"),
]


def make_issue(n: int, cards: int) -> Issue:
    """An issue whose outline holds ``cards`` cards; every sixth is a sub-card of the one before."""
    issue = Issue(
        title=f"云原生月刊 第 {n} 期 🚀",
        number=n,
        date=dt.date(2000, 1, 1) + dt.timedelta(days=30 * n),
        slug=f"issue-{n:04d}",
        summary="本期摘要。\n第二行。",
        tags=["kubernetes", "云原生"],
        status=Status.PUBLISHED,
    )
    issue.sections = [Section(id=new_id("s"), title=t, emoji=e) for e, t in SECTIONS]
    parent: Card | None = None
    for i in range(cards):
        card = Card(id=new_id("c"), title=f"卡片 {i}")
        issue.cards[card.id] = card
        if i % 6 == 5 and parent is not None:
            parent.child_ids.append(card.id)
        else:
            issue.sections[i % len(SECTIONS)].card_ids.append(card.id)
            parent = card
    return issue


def write_manifest(folder: Path, issue: Issue) -> None:
    # Listing never opens card files, so only the manifest is written.
    folder.mkdir(parents=True)
    save_manifest(folder, issue)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=1000)
    parser.add_argument("--cards", type=int, default=30, help="cards per issue")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="masthead-bench-") as tmp:
        library = Path(tmp)
        start = time.perf_counter()
        for n in range(1, args.issues + 1):
            write_manifest(library / f"issue-{n:04d}", make_issue(n, args.cards))
        built = time.perf_counter() - start
        size = sum(p.stat().st_size for p in library.glob("*/issue.yaml"))

        start = time.perf_counter()
        list_issues(library, use_index=False)
        uncached = time.perf_counter() - start
        start = time.perf_counter()
        list_issues(library)  # no index yet: reads every manifest and writes the index
        cold = time.perf_counter() - start
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            found = list_issues(library)
            times.append(time.perf_counter() - start)
        assert len(found) == args.issues and not any(s.error for s in found)
        cards = found[0].cards

        print(f"library: {args.issues} issues, {cards} cards each in the manifest, "
              f"{size / 1024:.0f} KiB of manifests (written in {built:.2f} s)")  # fmt: skip
        print(f"list_issues without index: {uncached * 1000:.0f} ms")
        print(f"list_issues cold (builds the index): {cold * 1000:.0f} ms")
        print(
            f"list_issues warm: median {statistics.median(times) * 1000:.0f} ms, "
            f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
            f"over {args.runs} runs"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

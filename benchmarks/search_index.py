"""Benchmark of the library search: 1,000 generated issues in English and Chinese.

Run: .venv/bin/python benchmarks/search_index.py [--issues 1000] [--cards 30] [--repeat 30]
     [--keep DIR]
Prints the index build (cold), a refresh with nothing changed, a one-issue update, the
index's size, and the median and 95th percentile of each query answered from the index
(as the window does between refreshes), with a refresh first (as the CLI does) and without
an index (a read-only library). Asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor_app.core.issue_format import serialize_card  # noqa: E402
from editor_app.core.model import Card, FurtherReading, Issue, Link, Section, Source  # noqa: E402
from editor_app.core.search.engine import (  # noqa: E402
    refresh_index,
    search_library,
    update_issue_index,
)
from editor_app.core.search.index import IndexUnavailable, index_path  # noqa: E402
from editor_app.core.storage import card_path, save_manifest  # noqa: E402

# Sample vocabulary written for this benchmark: topic words, and filler words made of
# syllables (English) or common characters (Chinese), drawn with Zipf-like frequencies.
TOPICS_EN = str.split(
    "kubernetes cluster node pod service mesh gateway release upgrade operator controller "
    "scheduler network storage volume observability tracing metrics logging security policy "
    "runtime container image registry pipeline deploy rollout canary autoscaling latency "
    "throughput memory kernel ebpf proxy sidecar ingress certificate identity workload"
)
TOPICS_ZH = str.split(
    "集群 节点 服务网格 网关 发布 升级 调度器 控制器 网络 存储 可观测性 链路追踪 指标 日志 "
    "安全策略 运行时 容器镜像 镜像仓库 流水线 部署 灰度发布 自动扩缩容 延迟 吞吐量 内存 内核 "
    "代理 证书 身份 工作负载 命名空间 配额 故障复盘 基准测试 迁移 兼容性 新特性 弃用 调查报告"
)
SYLLABLES = str.split("ka lo mi ne ru ta so vi de pa gu fe ri on al en is ur ax em")
HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
    "能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实"
    "加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样"
).strip()
PUNCT_ZH = ["，", "。", "、", "；", "："]

QUERIES = [
    ("English word", "kubernetes"),
    ("English prefix", "obser"),
    ("two words", "canary rollout"),
    ("phrase", '"service mesh"'),
    ("rare word", "zanzibar"),
    ("Chinese, 4 chars", "服务网格"),
    ("Chinese, 3 chars", "可观测"),
    ("Chinese, 2 chars", "集群"),
    ("Chinese, 2 rare", "熔断"),
    ("Chinese, 1 char", "中"),
    ("mixed", "ebpf 内核"),
    ("no match", "xylophone"),
]


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float], list[str], list[float]]:
    english = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(3000)})
    chinese = sorted({"".join(rng.choices(HANZI, k=2)) for _ in range(1500)})
    rng.shuffle(english)
    rng.shuffle(chinese)
    weights_en = [1 / (rank + 1) for rank in range(len(english))]
    weights_zh = [1 / (rank + 1) for rank in range(len(chinese))]
    return english, weights_en, chinese, weights_zh


def _english(rng: random.Random, vocab: tuple, words: int) -> str:
    filler = rng.choices(vocab[0], vocab[1], k=words)
    out = []
    for i, word in enumerate(filler):
        if rng.random() < 0.06:
            word = rng.choice(TOPICS_EN)
        out.append(word.capitalize() if i == 0 or out[-1].endswith(".") else word)
        if rng.random() < 0.08:
            out[-1] += "."
    return " ".join(out) + "."


def _chinese(rng: random.Random, vocab: tuple, words: int) -> str:
    filler = rng.choices(vocab[2], vocab[3], k=words)
    out = []
    for word in filler:
        out.append(rng.choice(TOPICS_ZH) if rng.random() < 0.06 else word)
        if rng.random() < 0.1:
            out.append(rng.choice(PUNCT_ZH))
    return "".join(out) + "。"


def make_library(root: Path, issues: int, cards: int, seed: int = 11) -> None:
    """Write ``issues`` issue folders of ``cards`` cards each, in English and Chinese."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    start = dt.date(2006, 1, 6)
    for n in range(issues):
        slug = f"{start + dt.timedelta(days=7 * n)}-weekly-{n + 1:04d}"
        folder = root / slug
        chinese = n % 2 == 0
        issue = Issue(
            title=f"云原生周刊 第 {n + 1} 期" if chinese else f"Cloud Weekly #{n + 1}",
            number=n + 1,
            date=start + dt.timedelta(days=7 * n),
            slug=slug,
            summary=_chinese(rng, vocab, 12) if chinese else _english(rng, vocab, 30),
        )
        for s in range(5):
            intro = _chinese(rng, vocab, 8) if chinese else _english(rng, vocab, 25)
            issue.sections.append(Section(id=f"s{n}x{s}", title=f"Section {s}", intro=intro))
        per_section = max(1, cards // 5)
        for c in range(cards):
            cid = f"c{n}x{c}"
            topic = rng.choice(TOPICS_EN)
            if chinese:
                body = "\n\n".join(_chinese(rng, vocab, 60) for _ in range(3))
                body += f"\n\n项目地址见 [{topic}](https://github.com/org/{topic}-{n})。"
            else:
                body = "\n\n".join(_english(rng, vocab, 60) for _ in range(3))
            if rng.random() < 0.05:
                body += " Kubernetes " + rng.choice(["1.30", "1.31", "1.32"]) + " notes."
            every = max(1, issues // 10)
            if c == 3 and n % every == 0:  # a few rare terms, in English and in Chinese
                body += (
                    "熔断策略。" if (n // every) % 2 else " A zanzibar-style authorization model."
                )
            card = Card(
                id=cid,
                title=_chinese(rng, vocab, 4)[:-1] if chinese else _english(rng, vocab, 5)[:-1],
                source=Source(f"{topic} blog", f"https://{topic}.example.org/posts/{n}-{c}"),
                links=[Link("GitHub", f"https://github.com/org/{topic}")],
                body=body,
                further_reading=[
                    FurtherReading(f"More on {topic}", f"https://docs.example/{n}/{c}", "")
                ],
                note=_chinese(rng, vocab, 3) if rng.random() < 0.2 else "",
            )
            issue.cards[cid] = card
            issue.sections[min(c // per_section, 4)].card_ids.append(cid)
            path = card_path(folder, cid)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(serialize_card(card), "utf-8")  # no fsync: a throwaway library
        save_manifest(folder, issue)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _times(fn, repeat: int) -> list[float]:  # noqa: ANN001 - tiny helper
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(len(values) * 0.95) - 1)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--issues", type=int, default=1000)
    ap.add_argument("--cards", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR (reused when present)")
    args = ap.parse_args()
    tmp = None
    if args.keep:
        root = Path(args.keep)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="masthead-search-")
        root = Path(tmp.name)
    if not any(root.glob("*/issue.yaml")):
        t0 = time.perf_counter()
        make_library(root, args.issues, args.cards)
        print(
            f"generated {args.issues} issues x {args.cards} cards in {time.perf_counter() - t0:.1f} s"
        )
    text_mb = sum(p.stat().st_size for p in root.glob("*/cards/*.md")) / 1e6
    print(
        f"library: {root} ({text_mb:.1f} MB of card files), load average {os.getloadavg()[0]:.1f}"
    )

    t0 = time.perf_counter()
    stats, _note = refresh_index(root, rebuild=True)
    build = time.perf_counter() - t0
    size = index_path(root).stat().st_size / 1e6
    print(f"cold build: {build:.2f} s for {stats.issues} issues; index {size:.1f} MB")
    warm = _times(lambda: refresh_index(root), 5)
    print(f"refresh, nothing changed: median {_ms(statistics.median(warm))}")
    folder = sorted(p.parent for p in root.glob("*/issue.yaml"))[args.issues // 3]
    touched = next((folder / "cards").glob("*.md"))

    def update() -> None:
        os.utime(touched)  # a save changes the card's mtime
        update_issue_index(root, folder)

    one = _times(update, 10)
    print(f"one issue re-indexed after a save: median {_ms(statistics.median(one))}")

    print(f"\n{'query':<20} {'text':<16} {'hits':>5} {'median':>9} {'p95':>9} {'+refresh':>9}")
    medians = []
    for label, query in QUERIES:
        outcome = search_library(root, query, refresh=False)
        runs = _times(lambda q=query: search_library(root, q, refresh=False), args.repeat)
        fresh = _times(lambda q=query: search_library(root, q, refresh=True), 3)
        hits = f"{len(outcome.hits)}{'+' if outcome.more else ''}"
        medians.append(statistics.median(runs))
        print(
            f"{label:<20} {query:<16} {hits:>5} {_ms(statistics.median(runs)):>9}"
            f" {_ms(_p95(runs)):>9} {_ms(statistics.median(fresh)):>9}"
        )
    print(f"median of the query medians: {_ms(statistics.median(medians))}")

    # Without an index (a read-only library): every query reads the whole library.
    import editor_app.core.search.engine as engine

    real_open = engine.SearchIndex.open

    def read_only(library: Path):  # noqa: ANN202 - a stand-in for a read-only disk
        raise IndexUnavailable("read-only", "benchmark")

    engine.SearchIndex.open = read_only  # type: ignore[method-assign]
    try:
        for label, query in (QUERIES[0], QUERIES[5], QUERIES[8]):
            runs = _times(lambda q=query: search_library(root, q), 2)
            print(f"no index, {label}: {_ms(statistics.median(runs))}")
    finally:
        engine.SearchIndex.open = real_open  # type: ignore[method-assign]
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

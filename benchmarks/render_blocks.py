"""Typing into a long card: the render of its Markdown after a one-character edit.

For texts of 8,000, 16,000 and 32,000 characters of varied Markdown (headings, lists, tables,
quotes, fences, links, English and Chinese), types characters one by one into a paragraph in
the middle and times, per keystroke, the whole render (what every keystroke cost before:
``render._render_limited``) and ``render.render_markdown`` (the parts of the text, all but
the edited one found in the render memory). Prints medians and 95th percentiles.

Run:  PYTHONPATH=$PWD .venv/bin/python benchmarks/render_blocks.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor_app.core import render  # noqa: E402
from editor_app.core.render_blocks import cut_blocks  # noqa: E402

SIZES = (8_000, 16_000, 32_000)
KEYS = 40
TYPED = "Kubernetes 调度器 scheduler adds 动态资源分配 and observability "


def varied(chars: int) -> str:
    """About ``chars`` characters of the Markdown editors write, no block repeated."""
    blocks = []
    n = 0
    while sum(len(b) + 2 for b in blocks) < chars:
        blocks += [
            f"## Release {n}: what changed 第 {n} 版",
            f"Project {n} ships a **new** control plane with `feature_{n}` on by default; see "
            f"[the notes](https://example.org/releases/{n}) or https://example.com/{n}.\n"
            f"该版本修复了 {n * 3} 个问题，社区反馈积极，\n维护者感谢所有贡献者。",
            f"- 支持 *多集群* 调度 {n}\n  - 延迟降低 {n % 40 + 10}%\n- [x] CLI 改进\n- [ ] 文档",
            f"| 组件 | 旧 | 新 |\n|---|---|---|\n| controller | v1.{n}.0 | v1.{n + 1}.0 |",
            f"> 维护者表示：“把复杂度留给平台。” Quote {n}.",
            f"```yaml\nreplicas: {n}\n\nstrategy: rolling\n```",
            f"1) back up etcd ({n})\n2) upgrade node by node\n3) watch for 15 minutes",
        ]
        n += 1
    return "\n\n".join(blocks)[:chars]


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    for size in SIZES:
        text = varied(size)
        at = text.index("\n\n", len(text) // 2) - 10  # inside the middle paragraph
        parts = cut_blocks(text)
        render.render_markdown(text)  # the render before typing: every part remembered
        whole: list[float] = []
        blockwise: list[float] = []
        for i in range(KEYS):
            text = text[:at] + TYPED[i % len(TYPED)] + text[at:]
            at += 1
            t0 = time.perf_counter()
            expected = render._render_limited(text, "")
            t1 = time.perf_counter()
            got = render.render_markdown(text)
            t2 = time.perf_counter()
            assert got.html == expected.html and got.links == expected.links
            whole.append((t1 - t0) * 1000)
            blockwise.append((t2 - t1) * 1000)
        print(
            f"{size:>6,} chars, {len(parts or [])} parts: whole render median "
            f"{statistics.median(whole):5.1f} ms, p95 {p95(whole):5.1f} ms; "
            f"in parts median {statistics.median(blockwise):5.2f} ms, p95 {p95(blockwise):5.2f} ms "
            f"({KEYS} keys)",
            flush=True,
        )


if __name__ == "__main__":
    main()

"""Rendering speed of one large card: ``render_markdown`` on ~60 KB of mixed Markdown.

The card mixes what issues contain: Chinese and English paragraphs with soft breaks, bold next
to CJK punctuation, nested lists (2- and 4-space), task lists, tables, fences inside lists,
quotes, bare URLs and links. Prints the size and the median and best wall-clock and CPU times.

Run:  .venv/bin/python benchmarks/render_dialect.py [--runs N] [--kb SIZE]
To compare with another revision, run the same script with PYTHONPATH pointing at a checkout of
that revision (the script only needs ``editor_app.core.render.render_markdown``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor_app.core.render import render_markdown  # noqa: E402

BLOCK = """\
## 第 {n} 节：更新概览

本次发布带来了**三项**重要变化：调度器、存储与网络。详情见
https://example.org/notes/{n} 与 [发布说明](https://example.org/release/{n})。
The scheduler now supports *queueing hints*, and the `kubelet` starts faster
than before; see www.example.com/blog/{n} for the numbers.

本版亮点:
- 调度器
  - 新增 `QueueingHint`
    - 默认开启
  - 性能提升约 20%
- 存储
    - CSI 迁移完成
- [x] 已验证
- [ ] 待验证

1. 升级控制平面
   ```bash
   kubeadm upgrade apply v1.{n}
   ```
2. 升级节点

| 功能 | 状态 | 说明 |
|:-----|:----:|-----:|
| In-place Resize | GA | 无需重启 |
| Sidecar | Beta | `a \\| b` |

> 引用：这是一次稳健的发布。
> - 要点一
> - 要点二

~~已废弃~~的接口将在下个版本移除，**“注意”**：请尽快迁移。
第一行{hard}
第二行\\
第三行

"""


def card(kb: int) -> str:
    parts: list[str] = []
    size = 0
    n = 0
    while size < kb * 1024:
        part = BLOCK.format(n=n, hard="  ")  # two trailing spaces: a hard break
        parts.append(part)
        size += len(part.encode("utf-8"))
        n += 1
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    # Cards over the renderer's size budget (100,000 characters) are refused, not rendered.
    parser.add_argument("--kb", type=int, default=60)
    args = parser.parse_args()
    text = card(args.kb)
    render_markdown(text)  # warm-up: imports, regex compilation
    wall, cpu = [], []
    for _ in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        render_markdown(text)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    size = len(text.encode("utf-8")) / 1024
    # On a busy machine the wall clock varies a lot; the CPU time of the process much less.
    print(
        f"render_markdown on {size:.0f} KB ({text.count(chr(10))} lines), {args.runs} runs: "
        f"wall median {statistics.median(wall) * 1000:.0f} ms (best {min(wall) * 1000:.0f}), "
        f"CPU median {statistics.median(cpu) * 1000:.0f} ms (best {min(cpu) * 1000:.0f})"
    )


if __name__ == "__main__":
    main()

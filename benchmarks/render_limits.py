"""Rendering limits: time and peak memory of one hostile card, shape by shape.

Each shape is rendered as one card of an issue through ``issue_html.card_fragment`` (the
preview's path, the same code as the export), each in a fresh child process so the figures
do not leak into each other. Prints, per shape: the input size, the wall time, the growth of
the process's peak resident set (ru_maxrss, which also sees nh3's native memory), the Python
heap peak (tracemalloc, from a second render) and what the limits did.

Run:  .venv/bin/python benchmarks/render_limits.py [SHAPE ...]
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MB = 2_000_000
PARAGRAPH = (
    "Lorem ipsum dolor sit amet, *consectetur* [adipiscing](https://example.com/a) elit. 中文。\n\n"
)
ROW = "| a cell | another *cell* | 3 |\n"


def _emphasis(n: int) -> str:
    opening = "".join("*a " if i % 2 else "_a " for i in range(n))
    return opening + "x" + "".join(" a*" if i % 2 else " a_" for i in reversed(range(n)))


def _deep_lists(levels: int) -> str:
    return "\n".join("  " * i + f"- item {i}" for i in range(levels))


def _growing_quotes(lines: int) -> str:
    return "\n".join(">" * i + f" line {i}" for i in range(1, lines + 1))


SHAPES = {
    "deep lists (300 levels)": lambda: _deep_lists(300),
    "deep lists (2 MB)": lambda: _deep_lists(1410),
    "growing > (400 lines)": lambda: _growing_quotes(400),
    "growing > (2,000 lines)": lambda: _growing_quotes(2000),
    "10^4 nested brackets": lambda: "[" * 10_000 + "x" + "]" * 10_000,
    "10^4 nested emphasis": lambda: _emphasis(10_000),
    "nested brackets at the cap": lambda: "[" * 49_000 + "x" + "]" * 49_000,
    "nested emphasis at the cap": lambda: _emphasis(16_000),
    "emphasis runs at the cap": lambda: "*a* " * 24_000,
    "paragraphs at the cap": lambda: PARAGRAPH * (99_000 // len(PARAGRAPH)),
    "table at the cap": lambda: "| A | B | C |\n|---|---|---|\n" + ROW * 3_000,
    "long line at the cap": lambda: "word " * 19_990,
    "2 MB of paragraphs": lambda: PARAGRAPH * (MB // len(PARAGRAPH)),
    "2 MB table": lambda: "| A | B | C |\n|---|---|---|\n" + ROW * (MB // len(ROW)),
    "2 MB single line": lambda: "word " * (MB // 5),
}


def _render_card(text: str):
    from editor_app.core.issue_html import card_fragment
    from editor_app.core.model import Issue
    from editor_app.core.outline import add_card, add_section
    from editor_app.core.render import render_markdown

    issue = Issue(title="bench", language="en")
    card = add_card(issue, add_section(issue, "S").id, "Hostile")
    card.body = text
    return card_fragment(issue, card.id), lambda: render_markdown(text).limits


def measure(name: str) -> dict:
    text = SHAPES[name]()
    import editor_app.core.issue_html  # noqa: F401 - imports out of the measured figures

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    fragment, limits_of = _render_card(text)
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    tracemalloc.start()
    _render_card(text)
    heap = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    limits = limits_of()
    return {
        "shape": name,
        "chars": len(text),
        "seconds": seconds,
        "rss_mb": rss / 1024,
        "heap_mb": heap / 1e6,
        "refused": limits.refused,
        "neutralised": limits.neutralised,
        "box": "render-error" in fragment,
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2])))
        return
    names = sys.argv[1:] or list(SHAPES)
    print(f"{'shape':32} {'chars':>10} {'time s':>7} {'+RSS MB':>8} {'heap MB':>8}  result")
    for name in names:
        out = subprocess.run(
            [sys.executable, __file__, "--child", name],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout)
        if row["refused"]:
            result = f"error box ({row['refused']})"
        elif row["neutralised"]:
            result = f"rendered, {row['neutralised']} places flattened"
        else:
            result = "rendered"
        print(
            f"{row['shape']:32} {row['chars']:>10,} {row['seconds']:>7.2f} "
            f"{row['rss_mb']:>8.1f} {row['heap_mb']:>8.1f}  {result}"
        )


if __name__ == "__main__":
    main()

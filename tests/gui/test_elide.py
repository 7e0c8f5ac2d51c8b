"""Long titles are cut to the same width whatever their script."""

from __future__ import annotations

from editor_app.gui.elide import columns, elide


def test_short_titles_stay_whole() -> None:
    assert elide("Cloud Native Monthly") == "Cloud Native Monthly"
    assert elide("云原生月刊  第 10 期") == "云原生月刊 第 10 期"


def test_chinese_counts_double() -> None:
    assert columns("云原生") == 6 and columns("abc") == 3
    title = "云原生社区年度回顾：从服务网格到平台工程的十个关键变化与未来三年的技术路线展望"
    short = elide(title, 20)
    assert short.endswith("…") and columns(short) <= 20
    assert short == "云原生社区年度回顾…"
    latin = elide("A very long English title that goes on and on", 20)
    assert latin.endswith("…") and columns(latin) <= 20

"""Building sample issues for the search tests (our own text, English and Chinese)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from editor_app.core.model import FurtherReading, Issue, Link, Source
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import save_issue


def make_issue(library: Path, slug: str, date: dt.date, chinese: bool) -> Issue:
    issue = Issue(
        title=f"云原生周报 {slug}" if chinese else f"Platform Weekly {slug}",
        date=date,
        slug=slug,
        summary="本期讨论集群升级。" if chinese else "This week: scheduler changes.",
    )
    news = add_section(issue, "新闻" if chinese else "News")
    news.intro = "导语：服务网格的一年。" if chinese else "An intro about gateways."
    tools = add_section(issue, "工具" if chinese else "Tools")
    first = add_card(issue, news.id, "服务网格的现状" if chinese else "Editor release notes")
    first.body = (
        "Istio 与 Linkerd 的服务网格对比，数据面代理的内存开销下降。"
        if chinese
        else "The new editor ships with a faster renderer.\n\nCredits to the team."
    )
    first.note = "需要核实数字" if chinese else "check the numbers with Zoë"
    first.source = Source("Mesh report" if chinese else "Release blog", "https://example.org/r")
    first.links = [Link("GitHub", "https://github.com/example/meshctl")]
    first.further_reading = [FurtherReading("Deep dive", "https://example.net/deep", "长文")]
    parent = add_card(issue, tools.id, "工具合集" if chinese else "Tool roundup")
    parent.body = "三个命令行工具。" if chinese else "Three command line tools."
    child = add_card(issue, parent.id, "kubectl 插件" if chinese else "Café CLI")
    child.body = "云上调试更方便。" if chinese else "A CLI for C++ builds and node.js scripts."
    save_issue(issue, library / slug)
    return issue

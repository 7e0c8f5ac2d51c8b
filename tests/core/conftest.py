"""Fixtures for the core tests: a rich issue built through the public API, saved to tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from editor_app.core.model import FurtherReading, Issue, Link, Source, Status
from editor_app.core.outline import add_card, add_section
from editor_app.core.storage import load_issue, save_issue

# Our own sample text (never the reference issue's).
RICH_BODY = """\
## 亮点 ✨

本次发布带来了 **三项** 重要变化，详见下表。

| 功能 | 状态 | 说明 |
|:-----|:----:|-----:|
| In-place Pod Resize | GA | 无需重启即可调整资源 |
| Sidecar 容器 | Beta | `restartPolicy: Always` |

- 调度器
  - 新增 `QueueingHint`
    - 默认开启
  - 性能提升约 20%
- 存储
  继续支持旧的卷插件。

1. 升级控制平面
2. 升级节点

> 引用：这是一次稳健的发布。🚀

![调度器在 1000 个节点上的吞吐量对比图](assets/throughput.png)

```yaml
apiVersion: v1
kind: Pod
```
"""

NOTE = "🎤 编辑点评：这一版值得升级。\n第二行：注意先在测试集群验证。"


def build_rich_issue() -> Issue:
    """Six sections, sub-cards nested two levels, Chinese, emoji, multi-line notes, a table."""
    issue = Issue(
        title="云原生月刊 · 2026 年 1 月 🚀",
        number=42,
        date=dt.date(2026, 1, 15),
        slug="2026-01",
        summary="本期关注 Kubernetes 新版本。\n也有一些轻松的内容 😄",
        tags=["kubernetes", "安全"],
        status=Status.REVIEW,
    )
    titles = [
        ("🆕", "产品新功能/新版本"),
        ("📰", "新闻与访谈"),
        ("💬", "讨论与分享"),
        ("📊", "报告查看与分析"),
        ("🧰", "产品/方案介绍"),
        ("😄", "有意思的事与 Meme"),
    ]
    sections = [add_section(issue, title, emoji) for emoji, title in titles]
    sections[0].intro = "新版本与新功能。"

    release = add_card(issue, sections[0].id, "Kubernetes 1.35 发布 🎉")
    release.kind = "release"
    release.source = Source("Kubernetes v1.35: Steady Ship", "https://kubernetes.io/blog/k8s-135/")
    release.links = [
        Link("官网", "https://kubernetes.io/"),
        Link("GitHub", "https://github.com/kubernetes/kubernetes"),
    ]
    release.body = RICH_BODY
    release.further_reading = [
        FurtherReading(
            "Sidecar containers explained", "https://example.org/sidecars", "一句话总结"
        ),
    ]
    release.note = NOTE
    release.tags = ["release", "k8s"]

    for section, title, url in [
        (sections[1], "CNCF 年度访谈", "https://example.com/interview"),
        (sections[2], "我们如何把集群成本降低 40%", "https://blog.example.net/cost"),
        (sections[3], "2026 云原生调查报告", "https://example.org/survey-2026"),
    ]:
        card = add_card(issue, section.id, title)
        card.source = Source(f"{title} (English)", url)
        card.body = f"{title} 的摘要。\n\n第二段。"

    roundup = add_card(issue, sections[4].id, "13 个新的沙箱项目")
    roundup.kind = "roundup"
    roundup.body = "本月新加入的项目按类别列出。"
    for group, name in [("安全与合规", "Project Aegis"), ("调度与编排", "Project Loom")]:
        sub = add_card(issue, roundup.id, name)
        sub.group = group
        sub.source = Source(name, f"https://github.com/example/{name.split()[1].lower()}")
        sub.body = f"{name} 简介：一个 🛡️ 工具。"
        detail = add_card(issue, sub.id, f"{name} 的架构")
        detail.body = "- 组件 A\n  - 子组件\n- 组件 B\n"
        detail.source = Source("Architecture", f"https://example.org/{name.split()[1].lower()}")

    meme = add_card(issue, sections[5].id, "本月 Meme")
    meme.kind = "meme"
    meme.body = "![一只猫坐在服务器机柜上，配文“它在运行”](assets/cat.png)"
    meme.note = "轻松一下 😹"
    return issue


def write_assets(folder: Path) -> None:
    assets = folder / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("throughput.png", "cat.png"):
        (assets / name).write_bytes(b"\x89PNG\r\n\x1a\n" + name.encode())


@pytest.fixture
def rich_issue(tmp_path: Path) -> Issue:
    """The rich issue saved in tmp_path/2026-01 and loaded back (issue.folder is set)."""
    folder = tmp_path / "2026-01"
    save_issue(build_rich_issue(), folder)
    write_assets(folder)
    return load_issue(folder)


@pytest.fixture
def make_rich():
    """The builder itself, for tests that want an unsaved copy."""
    return build_rich_issue

"""An imported issue's date comes from what a reader sees at the top, never from a URL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from editor_app.core.importers import parse_file
from editor_app.core.importers.common import find_date_line, strip_targets

BODY = "\n## 新闻\n\n1、[一条新闻](https://news.example/a)\n"


def imported(tmp_path: Path, head: str, name: str = "issue.md"):
    path = tmp_path / name
    path.write_text(head + BODY, "utf-8")
    return parse_file(path)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("# 周刊 #3 | 2024-02-05\n", "2024-02-05"),
        ("---\ntitle: 周刊\ndate: 2023-11-30\n---\n", "2023-11-30"),
        ("Title: Digest 9\nDate: 2022-07-14\n\n", "2022-07-14"),
        ("# 周刊\n\n发布于 2025-04-01\n", "2025-04-01"),
        ("# 周刊\n\n2025年3月9日\n", "2025-03-09"),
    ],
)
def test_date_from_title_front_matter_or_date_line(
    tmp_path: Path, head: str, expected: str
) -> None:
    assert str(imported(tmp_path, head).issue.date) == expected


@pytest.mark.parametrize(
    "head",
    [
        "# 周刊\n\n参见 [旧文](https://blog.example/2008/09/23/post)。\n",
        "# 周刊\n\n![封面](https://img.example/2008-09-23/cover.png)\n",
        "# 周刊\n\n<https://blog.example/2008/09/23/post>\n",
        "# 周刊\n\nhttps://blog.example/2008-09-23.html\n",
        "# 周刊\n\n[old]: https://blog.example/2008/09/23/post\n",
        "# [周刊](https://weekly.example/2008/09/23/)\n",
    ],
)
def test_never_a_date_from_a_url(tmp_path: Path, head: str) -> None:
    result = imported(tmp_path, head, name="2008-09-23.md")
    assert result.issue.date is None
    assert any("no date found" in g.message for g in result.guesses)


def test_helpers() -> None:
    assert "2008" not in strip_targets("[a](https://x.example/2008/09/23) ![b](img/2008-09-23.png)")
    assert strip_targets("[a](u) text 2020-01-02").endswith("text 2020-01-02")
    assert find_date_line(["intro", "Date: 2021-05-06"]) == (dt.date(2021, 5, 6), 1)
    assert find_date_line(["我们在 2021-05-06 发布了新版本，欢迎试用。"]) is None

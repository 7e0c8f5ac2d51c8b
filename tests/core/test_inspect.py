import json

from editor_app.core.inspect import issue_json
from editor_app.core.model import CardNumbering, SectionNumbering


def test_issue_json_numbers_and_nesting(rich_issue):
    data = issue_json(rich_issue)
    json.dumps(data, ensure_ascii=False)  # plain JSON data only
    assert data["date"] == "2026-01-15" and data["number"] == 42
    assert [s["label"] for s in data["sections"]] == [
        "专题一", "专题二", "专题三", "专题四", "专题五", "专题六",
    ]  # fmt: skip
    roundup = data["sections"][4]["cards"][0]
    assert roundup["number"] == "1"
    assert [c["number"] for c in roundup["children"]] == ["1.1", "1.2"]
    assert roundup["children"][0]["children"][0]["number"] == "1.1.1"
    assert roundup["children"][0]["group"] == "安全与合规"
    assert data["problems"] == []
    kinds = [link["kind"] for link in data["links"]]
    assert {"source", "link", "inline", "further", "image"} >= set(kinds)
    assert {"source", "link", "further", "image"} <= set(kinds)


def test_issue_json_other_numbering_styles(rich_issue):
    rich_issue.numbering.sections = SectionNumbering.PART
    rich_issue.numbering.cards = CardNumbering.CONTINUOUS
    data = issue_json(rich_issue)
    assert data["sections"][1]["label"] == "Part 2"
    assert [s["cards"][0]["number"] for s in data["sections"]] == ["1", "2", "3", "4", "5", "6"]
    rich_issue.numbering.sections = SectionNumbering.NONE
    assert issue_json(rich_issue)["sections"][0]["label"] == ""


def test_issue_json_without_date_or_number(rich_issue):
    rich_issue.date = None
    rich_issue.number = None
    data = issue_json(rich_issue)
    assert data["date"] is None and data["number"] is None

"""Plain text copied from a published issue page (URLs and table cells already lost).

Shape understood: "🆕 专题一 标题" section lines; numbered card titles ("1. 标题", also
"7.标题" that lost its space) usually after two blank lines; under a title the source title
line, project-link labels (官网, GitHub …), body text with "•" bullets whose indentation gives
the nesting, numbered sub-items, a 拓展阅读 block and 🎤 lines. A numbered run restarting
inside a card becomes sub-cards when its items look like cards (a source line or link labels
under them, or "1)" numbering), otherwise numbered sub-headings of the body. Everything the
importer inferred is reported as a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.core.checks import is_generic_alt
from editor_app.core.errors import ImportFormatError
from editor_app.core.importers.common import (
    Builder,
    ImportResult,
    find_date,
    find_issue_number,
    latin_ratio,
    numbering_style,
    parse_section_heading,
    split_emoji,
    strip_targets,
)
from editor_app.core.markup.mdtext import md_escape
from editor_app.core.model import (
    Card,
    CardNumbering,
    FurtherReading,
    Issue,
    Link,
    Section,
    Source,
)

TITLE_DOT = re.compile(r"^(?P<num>\d{1,3})\s*[.．、](?!\d)\s*(?P<title>\S.*)$")
TITLE_PAREN = re.compile(r"^(?P<num>\d{1,3})\s*[)）]\s*(?P<title>\S.*)$")
BULLET = re.compile(r"^(?P<indent>\s*)[•·▪●◦‣○■▸►\-*]\s+(?P<text>.*)$")
NUMBERED = re.compile(r"^(?P<indent>\s+)(?P<num>\d{1,3})[.)）]\s+(?P<text>.*)$")
LINK_LABELS = {
    "官网", "官方网站", "github", "gitee", "gitlab", "文档", "官方文档", "报告获取链接", "报告下载",
    "下载", "下载地址", "项目地址", "发布说明", "release notes", "website", "homepage", "docs",
    "documentation", "blog", "博客", "demo", "演示", "changelog", "更新日志", "原文链接",
    "阅读原文", "视频", "video", "slides", "幻灯片", "论文", "paper",
}  # fmt: skip
FURTHER_HEADS = {"拓展阅读", "扩展阅读", "延伸阅读", "相关阅读", "相关链接", "参考资料", "参考链接",
                 "further reading", "related reading"}  # fmt: skip
SUMMARY_PREFIX = re.compile(r"^(?:简要|总结|摘要|简介|概要|summary|tl;dr)\s*[:：]\s*", re.I)
SENTENCE_END = tuple("。！？；：:;!?，,")


@dataclass
class _Unit:
    """A card being read: its title, number and raw lines (sub-units for sub-cards)."""

    title: str
    number: int
    style: str  # "dot" or "paren"
    line: int
    lines: list[str] = field(default_factory=list)
    subs: list[_Unit] = field(default_factory=list)
    run: int = 0  # which numbered run inside the parent a sub-unit belongs to


def _normalize(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        line = line.replace("\u00a0", " ").expandtabs(4).rstrip()
        stripped = line.lstrip("\u3000")
        line = "  " * (len(line) - len(stripped)) + stripped
        out.append(line)
    return out


def _is_section(line: str, next_line: str) -> bool:
    if not line or line[0].isspace() or line.startswith("🎤"):
        return False
    emoji, rest = split_emoji(line)
    if not emoji:
        return False
    _e, label, _t = parse_section_heading(line)
    if label:
        return True
    # Without a 专题 label: a short emoji line right before a run starting at 1.
    m = TITLE_DOT.match(next_line)
    return len(rest) <= 30 and m is not None and m.group("num") == "1"


def parse_text(text: str, path: Path) -> ImportResult:
    issue = Issue()
    result = ImportResult(issue)
    lines = _normalize(text)
    builder = Builder(issue)
    sections: list[tuple[Section, list[_Unit]]] = []
    preamble: list[str] = []
    labels: list[str] = []
    top: _Unit | None = None
    current: _Unit | None = None  # where body lines go (top or one of its subs)
    top_next = 1
    last_number = 0
    blanks = 0
    for i, line in enumerate(lines):
        lineno = i + 1
        nxt = next((x for x in lines[i + 1 :] if x.strip()), "")
        if not line.strip():
            blanks += 1
            if current is not None:
                current.lines.append("")
            continue
        if _is_section(line, nxt):
            emoji, label, title = parse_section_heading(line)
            if not label:
                result.guess(lineno, "section-heading-line", text=line.strip())
            else:
                labels.append(label)
            sections.append((builder.section(title, emoji), []))
            top = current = None
            top_next, blanks = 1, 0
            continue
        m_dot, m_paren = TITLE_DOT.match(line), TITLE_PAREN.match(line)
        m = m_dot or m_paren
        if m and not line[0].isspace():
            number, title = int(m.group("num")), m.group("title").strip()
            style = "dot" if m_dot else "paren"
            kind = _classify(top, number, style, top_next, blanks)
            if kind == "top":
                if not sections:
                    result.guess(lineno, "one-section-made")
                    sections.append((builder.section("Imported"), []))
                if top_next == 1 and number > 1 and number == last_number + 1:
                    issue.numbering.cards = CardNumbering.CONTINUOUS
                    result.guess(lineno, "numbers-run-on")
                elif number != top_next:
                    result.guess(lineno, "numbering-jumps", previous=top_next - 1, number=number)
                last_number = number
                if m_dot and not re.match(r"^\d{1,3}\s*[.．、]\s", line):
                    result.guess(lineno, "no-space-after-number", number=number)
                top = current = _Unit(title, number, style, lineno)
                sections[-1][1].append(top)
                top_next = number + 1
                blanks = 0
                continue
            if kind == "sub" and top is not None:
                run = top.subs[-1].run if top.subs else 0
                if number == 1:
                    run += 1
                current = _Unit(title, number, style, lineno, run=run)
                top.subs.append(current)
                blanks = 0
                continue
        blanks = 0
        if current is not None:
            current.lines.append(line)
        elif not sections:
            preamble.append(line)
        else:
            section = sections[-1][0]
            section.intro = f"{section.intro}\n{line.strip()}" if section.intro else line.strip()
    if not any(units for _s, units in sections):
        raise ImportFormatError(
            "not a newsletter: no numbered items found (expected lines such as '1. 标题')",
            path,
            1,
        )
    issue.numbering.sections = numbering_style(labels)
    for section, units in sections:
        for unit in units:
            _build(builder, section, unit, result)
    _meta(issue, preamble, path, result)
    return result


def _classify(top: _Unit | None, number: int, style: str, top_next: int, blanks: int) -> str:
    """'top' for a new card, 'sub' for an item of a numbered run inside it, '' for body text."""
    if top is None:
        return "top" if style == "dot" else ""
    subs = top.subs
    run_next = None
    if subs and subs[-1].style == style:
        run_next = subs[-1].number + 1
    continues_top = style == "dot" and number == top_next
    continues_sub = run_next is not None and number == run_next
    if continues_top and continues_sub:
        return "top" if blanks >= 2 else "sub"
    if continues_top:
        return "top"
    if continues_sub or number == 1:
        return "sub"
    if style == "dot" and blanks >= 2:
        return "top"
    return ""


# -- turning units into cards --------------------------------------------------------------
def _is_label(line: str) -> bool:
    return line.strip().lower() in LINK_LABELS


def _looks_like_card(unit: _Unit) -> bool:
    first = next((x.strip() for x in unit.lines if x.strip()), "")
    if not first:
        return False
    return _is_label(first) or _source_candidate(first, unit.title)


def _source_candidate(line: str, title: str) -> bool:
    text = line.strip()
    if not text or _is_label(text) or BULLET.match(line) or text.startswith("🎤"):
        return False
    if text.lower() in FURTHER_HEADS or is_generic_alt(text):
        return False
    if text == title:
        return True
    if text.endswith(SENTENCE_END) or len(text) > 160:
        return False
    return latin_ratio(text) >= 0.6 or len(text) >= 12


def _build(builder: Builder, parent: Section | Card, unit: _Unit, result: ImportResult) -> None:
    card = builder.card(parent, unit.title)
    runs: dict[int, list[_Unit]] = {}
    for sub in unit.subs:
        runs.setdefault(sub.run, []).append(sub)
    own = list(unit.lines)
    as_cards: list[_Unit] = []
    for run_units in runs.values():
        if run_units[0].style == "paren" or any(_looks_like_card(u) for u in run_units):
            as_cards.extend(run_units)
            result.guess(
                run_units[0].line, "items-as-sub-cards", count=len(run_units), title=unit.title
            )
        else:
            # Numbered sub-headings of the body: fold them back in as headings.
            for sub in run_units:
                own.append("")
                own.append(f"\x00#### {sub.number}. {sub.title}")
                own.extend(sub.lines)
    groups = _find_groups(own, as_cards, result)
    _fill(card, own, result, unit.line)
    for sub, group in zip(as_cards, groups, strict=True):
        _build_sub(builder, card, sub, result).group = group


def _build_sub(builder: Builder, parent: Card, unit: _Unit, result: ImportResult) -> Card:
    card = builder.card(parent, unit.title)
    _fill(card, unit.lines, result, unit.line)
    return card


def _find_groups(own: list[str], subs: list[_Unit], result: ImportResult) -> list[str]:
    """Category headings: a short line right before a sub-card title (only blanks between)."""
    groups: list[str] = []
    group = ""
    previous = own
    for sub in subs:
        idx = len(previous) - 1
        while idx >= 0 and not previous[idx].strip():
            idx -= 1
        if idx >= 0:
            candidate = previous[idx].strip()
            before_blank = idx == 0 or not previous[idx - 1].strip()
            if (
                before_blank
                and len(candidate) <= 20
                and not candidate.endswith(SENTENCE_END)
                and not BULLET.match(previous[idx])
                and not _is_label(candidate)
                and not candidate.startswith("\x00")
                and candidate.lower() not in FURTHER_HEADS
            ):
                group = candidate
                del previous[idx:]
                result.guess(sub.line, "sub-card-category", group=candidate)
        groups.append(group)
        previous = sub.lines
    return groups


def _fill(card: Card, raw: list[str], result: ImportResult, line: int) -> None:
    lines = list(raw)
    while lines and not lines[0].strip():
        lines.pop(0)
    if (
        lines
        and _source_candidate(lines[0], card.title)
        and (len(lines) == 1 or not lines[1].strip())
    ):
        card.source = Source(lines[0].strip(), "")
        result.guess(line, "source-title-line", text=lines[0].strip()[:60], title=card.title)
        lines.pop(0)
    body: list[str] = []
    i = 0
    while i < len(lines):
        text = lines[i].strip()
        standalone = (i == 0 or not lines[i - 1].strip()) and (
            i + 1 >= len(lines) or not lines[i + 1].strip()
        )
        if standalone and _is_label(text):
            card.links.append(Link(text, ""))
            i += 1
            continue
        if text.lower() in FURTHER_HEADS:
            i = _further(card, lines, i + 1)
            continue
        if text.startswith("🎤"):
            note = text[1:].strip()
            card.note = f"{card.note}\n{note}" if card.note else note
            i += 1
            continue
        if standalone and is_generic_alt(text):
            result.guess(line, "image-lost", title=card.title, alt=text)
            i += 1
            continue
        body.append(lines[i])
        i += 1
    if card.links:
        result.guess(line, "link-labels-kept", title=card.title)
    card.body = to_markdown(body, result, line)


def _further(card: Card, lines: list[str], i: int) -> int:
    while i < len(lines):
        text = lines[i].strip()
        if text.startswith("🎤"):
            break
        if text:
            prefixed = SUMMARY_PREFIX.match(text)
            long_sentence = len(text) > 40 and text.endswith(SENTENCE_END)
            if card.further_reading and (prefixed or long_sentence):
                last = card.further_reading[-1]
                summary = text[prefixed.end() :] if prefixed else text
                last.summary = f"{last.summary}\n{summary}" if last.summary else summary
            else:
                card.further_reading.append(FurtherReading(text, "", ""))
        i += 1
    return i


# -- body text to Markdown -----------------------------------------------------------------
def _heading_like(text: str) -> bool:
    return (
        0 < len(text) <= 30
        and not text.endswith(SENTENCE_END)
        and not text.startswith(("🎤", "\x00"))
        and not re.match(r"^\d", text)
    )


def to_markdown(lines: list[str], result: ImportResult, line: int) -> str:
    blocks: list[list[str]] = []
    block: list[str] = []
    for text in lines:
        if text.strip():
            block.append(text)
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    out: list[str] = []
    for n, block in enumerate(blocks):
        if block[0].startswith("\x00"):
            out.append(block[0][1:])
            block = block[1:]
            if not block:
                continue
        has_list = any(BULLET.match(x) or NUMBERED.match(x) for x in block)
        first = block[0].strip()
        if has_list:
            lead: list[str] = []
            while block and not (BULLET.match(block[0]) or NUMBERED.match(block[0])):
                lead.append(block.pop(0))
            if len(lead) == 1 and _heading_like(lead[0].strip()):
                out.append(f"### {md_escape(lead[0].strip())}")
            elif lead:
                out.append(_paragraph(lead, result, line))
            out.append(_list(block))
        elif len(block) == 1 and _heading_like(first) and n + 1 < len(blocks):
            out.append(f"### {md_escape(first)}")
        else:
            out.append(_paragraph(block, result, line))
    return "\n\n".join(out)


def _paragraph(block: list[str], result: ImportResult, line: int) -> str:
    texts = [md_escape(x.strip()) for x in block]
    if len(texts) > 1:
        result.guess(line, "lines-kept", count=len(texts))
        return "  \n".join(texts)
    return texts[0]


def _list(block: list[str]) -> str:
    out: list[str] = []
    indents: list[int] = []
    for raw in block:
        m = BULLET.match(raw) or NUMBERED.match(raw)
        if m:
            indent = len(m.group("indent"))
            while indents and indent < indents[-1]:
                indents.pop()
            if not indents or indent > indents[-1]:
                indents.append(indent)
            depth = len(indents) - 1
            marker = f"{m.group('num')}." if "num" in m.groupdict() and m.group("num") else "-"
            out.append("  " * depth + f"{marker} {md_escape(m.group('text').strip())}")
            continue
        # A continuation line of the item above: keep its line break.
        depth = max(len(indents) - 1, 0)
        if out:
            out[-1] += "  "
        out.append("  " * (depth + 1) + md_escape(raw.strip()))
    return "\n".join(out)


def _meta(issue: Issue, preamble: list[str], path: Path, result: ImportResult) -> None:
    head = [x.strip() for x in preamble if x.strip()]
    if head:
        issue.title = head[0]
        result.guess(1, "title-line", text=head[0][:60])
    else:
        issue.title = path.stem
        result.guess(None, "no-title-line", name=path.stem)
    text = " ".join(head[:5])
    number = find_issue_number(text)
    if number is not None:
        issue.number = number
        result.guess(None, "number-from-text", number=number)
    date = find_date(strip_targets(text) + " " + path.stem)
    if date is not None:
        issue.date = date
        result.guess(None, "date-from-text", date=date.isoformat())
    else:
        result.guess(None, "no-date-text")
    rest = [x for x in head[1:] if find_date(x) is None and find_issue_number(x) is None]
    if rest:
        issue.summary = "\n".join(rest)
        result.guess(None, "summary-from-lines")

"""Markdown export with the hugo, jekyll and plain profiles.

Layout per profile (``<slug>`` from the issue):
  hugo    <out>/<slug>/index.md, images beside it (a leaf bundle)
  jekyll  <out>/_posts/YYYY-MM-DD-<slug>.md, images under <out>/assets/<slug>/
  plain   <out>/<slug>.md, images under <out>/<slug>/

The document reads as ordinary Markdown; each structural heading is followed by an HTML
comment (``<!-- masthead:card … -->``), invisible once rendered, that lets the Markdown
importer read our own export back exactly.
"""

from __future__ import annotations

import re
from typing import Any

from editor_app.core.checks import Problem
from editor_app.core.export.base import Exporter, ExportOptions, Plan
from editor_app.core.export.sitegen import escape_for
from editor_app.core.issue_html import CARD_LEVEL, labels_for
from editor_app.core.markup.assets import AssetResolver
from editor_app.core.markup.mdseal import seal_block
from editor_app.core.markup.mdtext import (
    UrlMap,
    filter_body,
    heading_levels,
    marker,
    md_escape,
    md_escape_lines,
    md_link,
    shift_md_headings,
    split_lines,
)
from editor_app.core.model import Card, Issue, Status, SubcardNumbering
from editor_app.core.numbering import Numbers, compute_numbers, numbering_fields
from editor_app.core.problem_codes import problem
from editor_app.core.template import ascii_slug
from editor_app.core.yamlio import dump_yaml


def export_slug(issue: Issue) -> str:
    """A file-system-safe name for the issue's output files."""
    raw = issue.slug or (issue.folder.name if issue.folder else "") or ascii_slug(issue.title)
    slug = re.sub(r"[^\w.\-]+", "-", raw).strip("-.")
    return slug or "issue"


def is_draft(issue: Issue) -> bool:
    return issue.status in (Status.DRAFT, Status.REVIEW)


# Profiles whose site generator hides drafts (the draft-export message is per profile).
_HIDES_DRAFTS = ("hugo", "jekyll")


def draft_problems(issue: Issue, profile: str) -> list[Problem]:
    """A warning when a draft goes to a site generator that hides drafts."""
    if profile not in _HIDES_DRAFTS or not is_draft(issue):
        return []
    return [problem("draft-export", variant=profile, status=issue.status.value)]


def masthead_meta(issue: Issue) -> dict[str, Any]:
    """Issue fields with no standard front-matter key, kept for the importer."""
    meta: dict[str, Any] = {"format": 1}
    if issue.number is not None:
        meta["number"] = issue.number
    meta["status"] = issue.status.value
    meta["language"] = issue.language
    meta["numbering"] = numbering_fields(issue.numbering)
    return meta


def front_matter(issue: Issue, profile: str, slug: str) -> str:
    data: dict[str, Any] = {}
    if profile == "jekyll":
        data["layout"] = "post"
    # The values go in as they are, written by the YAML library: a theme prints them through
    # its own escaping (Hugo's templates always do; Jekyll's with "| escape").
    data["title"] = issue.title
    if issue.date is not None:
        data["date"] = issue.date
    data["slug"] = slug
    data["tags"] = list(issue.tags)
    if issue.summary:
        data["summary"] = issue.summary
    if profile == "hugo":
        data["draft"] = is_draft(issue)
    elif is_draft(issue):
        data["published"] = False
    data["masthead"] = masthead_meta(issue)
    # Tells the importer which generator escape the text after the front matter carries.
    data["masthead"]["profile"] = profile
    return "---\n" + dump_yaml(data) + "---\n"


class _Writer:
    """Builds the Markdown text of one issue."""

    def __init__(self, issue: Issue, resolver: AssetResolver, numbers: Numbers):
        self.issue = issue
        self.resolver = resolver
        self.numbers = numbers
        self.labels = labels_for(issue.language)
        self.zh = issue.language.lower().startswith("zh")
        self.blocks: list[str] = []

    def sep(self) -> str:
        return "：" if self.zh else ": "

    def url_map(self, card_id: str | None) -> UrlMap:
        def mapping(url: str, is_image: bool) -> str | None:
            if url.startswith("#"):
                return url
            return (
                self.resolver.image(url, card_id) if is_image else self.resolver.link(url, card_id)
            )

        return mapping

    def field_url(self, url: str, card_id: str) -> str | None:
        return self.resolver.link(url, card_id) if url else None

    def section(self, section_id: str) -> None:
        section = self.issue.section(section_id)
        label = self.numbers.sections.get(section.id, "")
        parts = (md_escape(section.emoji), label, md_escape(section.title))
        heading = " ".join(x for x in parts if x)
        meta: dict[str, Any] = {"emoji": section.emoji}
        intro = self.intro(section.intro, meta)
        self.blocks.append(f"## {heading}".rstrip() + "\n" + marker("section", meta))
        if intro:
            self.blocks.append(intro)
        for card_id in section.card_ids:
            if card_id in self.issue.cards:
                self.card(self.issue.cards[card_id], CARD_LEVEL)

    def intro(self, text: str, meta: dict[str, Any]) -> str:
        """A section intro is Markdown, written like a card body: files and links through
        the resolver (owned by no card), headings below the section title (``shift``)."""
        text = self.markdown(text, None, CARD_LEVEL, meta)
        if text:
            meta["intro"] = 1  # Markdown (older exports wrote escaped plain text)
        return text

    def markdown(self, text: str, card_id: str | None, top: int, meta: dict[str, Any]) -> str:
        """An intro or a card body, sealed so that nothing in it can reach past its end (an
        open fence or HTML block would swallow every heading after it), its headings shifted
        to start at level ``top`` at most."""
        text = text.strip("\r\n")
        if not text.strip():
            return ""
        text = seal_block(text, self.url_map(card_id))
        levels = heading_levels(text)
        if levels:
            shift = min(top - min(levels), 6 - max(levels))
            if shift:
                text = shift_md_headings(text, shift)
                meta["shift"] = shift
        return text

    def card(self, card: Card, level: int) -> None:
        number = self.numbers.display(card.id)
        title = md_escape(card.title)
        hashes = "#" * min(level, 6)
        meta: dict[str, Any] = {}
        if card.kind != "article":
            meta["kind"] = card.kind
        if card.status != Status.DRAFT:
            meta["status"] = card.status.value
        if card.tags:
            meta["tags"] = list(card.tags)
        if card.group:
            meta["group"] = card.group
        depth = self.numbers.cards.get(card.id, "").count(".")
        if depth and self.issue.numbering.subcards == SubcardNumbering.LOCAL:
            # "2)" does not say how deep the sub-card sits; the importer reads it from here.
            meta["depth"] = depth
        parts: list[str] = []
        if card.source and (card.source.title or card.source.url):
            url = self.field_url(card.source.url, card.id)
            parts.append(f"{self.labels['source']}{self.sep()}{md_link(card.source.title, url)}")
            meta["source"] = 1
        links = [x for x in card.links if x.label or x.url]
        if links:
            parts.append(
                " · ".join(md_link(x.label, self.field_url(x.url, card.id)) for x in links)
            )
            meta["links"] = len(links)
        body = self.markdown(card.body, card.id, min(level + 1, 6), meta)
        if body:
            parts.append(body)
        further = [f for f in card.further_reading if f.title or f.url]
        if further:
            items = [f"**{self.labels['further']}**", ""]
            for f in further:
                url = self.field_url(f.url, card.id)
                item = md_link(f.title, url) if url else f"**{md_escape(f.title)}**"
                if f.summary:
                    lines = md_escape_lines(f.summary)
                    item += self.sep() + "\n  ".join(lines)
                items.append(f"- {item}")
            parts.append("\n".join(items))
            meta["further"] = len(further)
        note = card.note.strip("\n")
        if note.strip():
            # Every line of the note is quoted, so a block opened in it ends with the quote;
            # a lone CR would end a line (and the quote) unseen, hence the split at any ending.
            lines = split_lines(filter_body(note, self.url_map(card.id)))
            # A note that already starts with the mic keeps it (note: 2), else we add one.
            own_mic = lines[0].startswith("🎤")
            first = lines[0] if own_mic else f"🎤 {lines[0]}"
            quoted = [f"> {first}"] + [f"> {x}" if x else ">" for x in lines[1:]]
            parts.append("\n".join(quoted))
            meta["note"] = 2 if own_mic else 1
        self.blocks.append(f"{hashes} {number} {title}".rstrip() + "\n" + marker("card", meta))
        self.blocks.extend(parts)
        group = None
        for child_id in card.child_ids:
            child = self.issue.cards.get(child_id)
            if child is None:
                continue
            if child.group and child.group != group:
                self.blocks.append(
                    f"{'#' * min(level + 1, 6)} {md_escape(child.group)}\n" + marker("group")
                )
            group = child.group
            self.card(child, level + (2 if child.group else 1))

    def document(self, head: str) -> str:
        self.blocks = []
        for section in self.issue.sections:
            self.section(section.id)
        return head + "\n" + "\n\n".join(self.blocks) + "\n"


def plain_head(issue: Issue) -> str:
    labels = labels_for(issue.language)
    lines = [f"# {md_escape(issue.title)}".rstrip(), ""]
    meta = []
    if issue.number is not None:
        meta.append(labels["issue"].format(n=issue.number))
    if issue.date is not None:
        meta.append(issue.date.isoformat())
    if meta:
        lines += ["*" + " · ".join(meta) + "*", ""]
    data = masthead_meta(issue)
    data.update({"slug": export_slug(issue), "tags": list(issue.tags), "summary": issue.summary})
    if issue.date is not None:
        data["date"] = issue.date.isoformat()
    lines.append(marker("issue", data))
    if issue.summary:
        lines += [
            "",
            "\n".join(f"> {x}" if x else ">" for x in md_escape_lines(issue.summary)),
        ]
    return "\n".join(lines) + "\n"


class MarkdownExporter(Exporter):
    name = "markdown"

    def extra_problems(self, issue: Issue, options: ExportOptions) -> list[Problem]:
        problems = super().extra_problems(issue, options)
        if self.profile_of(options) == "jekyll" and issue.date is None:
            problems.append(problem("missing-date"))
        problems += draft_problems(issue, self.profile_of(options))
        return problems

    def layout(self, issue: Issue, profile: str) -> tuple[str, str, str]:
        """(Markdown file, image folder, image URL base) relative to the output folder."""
        slug = export_slug(issue)
        if profile == "hugo":
            return f"{slug}/index.md", slug, ""
        if profile == "jekyll":
            date = issue.date.isoformat() if issue.date else "0000-00-00"
            return f"_posts/{date}-{slug}.md", f"assets/{slug}", f"/assets/{slug}/"
        return f"{slug}.md", slug, f"{slug}/"

    def plan(self, issue: Issue, options: ExportOptions) -> Plan:
        profile = self.profile_of(options)
        doc_rel, image_dir, base = self.layout(issue, profile)
        if options.image_prefix:
            base = (
                options.image_prefix
                if options.image_prefix.endswith("/")
                else options.image_prefix + "/"
            )
        resolver = AssetResolver(issue.folder, base)
        writer = _Writer(issue, resolver, compute_numbers(issue))
        slug = export_slug(issue)
        head = plain_head(issue) if profile == "plain" else front_matter(issue, profile, slug)
        # Generator syntax is neutralised after the front matter, which no generator expands.
        text = head + escape_for(profile, writer.document(""))
        plan = Plan(problems=list(resolver.problems))
        plan.add_text(doc_rel, text)
        plan.add_assets(image_dir, resolver.sorted_files())
        return plan

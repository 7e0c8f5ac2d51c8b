"""WeChat export: an article to paste into the WeChat Official Accounts editor.

The editor keeps no stylesheet and opens no link outside WeChat, so the article carries
every style in ``style`` attributes (no <style>, <script> or <link>), and each external link
becomes its text with a ``[n]`` mark; the links are listed, numbered, at the end of the
article. Links to WeChat articles (mp.weixin.qq.com) open inside WeChat and stay links.
Images are either inside the file as data: URIs (``wechat``) or written beside it with a list
to upload by hand (``wechat-upload``): the WeChat editor stores its own copy either way.
"""

from __future__ import annotations

from editor_app.core.checks import Problem
from editor_app.core.export.base import ExportOptions, Plan, PlannedFile
from editor_app.core.export.channel_page import (
    ChannelOutput,
    PlainText,
    References,
    channel_page,
    document,
    host_of,
    inline_css,
    rename_semantic,
    strip_attributes,
)
from editor_app.core.export.channel_styles import channel_style
from editor_app.core.export.html import HtmlExporter
from editor_app.core.export.markdown import export_slug
from editor_app.core.export.remote_images import RemoteImageResolver, preflight_problems
from editor_app.core.issue_html import content_security_policy
from editor_app.core.markup.assets import AssetResolver
from editor_app.core.markup.tree import Element, parse, serialize
from editor_app.core.model import Issue

WECHAT_HOSTS = frozenset({"mp.weixin.qq.com"})
ARTICLE_CLASS = "wx-article"


def is_wechat_link(url: str) -> bool:
    """A link the WeChat reader opens itself (another Official Account article)."""
    return host_of(url) in WECHAT_HOSTS and url.strip().lower().startswith(("https:", "http:"))


def reference_links(root: Element, refs: References) -> None:
    """Each external link becomes its text and a ``[n]`` mark; WeChat links stay links."""
    for a in root.find_all("a"):
        href = a.attrs.get("href", "").strip()
        if not href or is_wechat_link(href):
            continue
        label = " ".join(a.text().split())
        number = refs.number(href, label)
        text = Element("span", {"class": "ref-text"})
        for child in list(a.children):
            text.append(child)
        mark = Element("sup", {"class": "ref-mark"})
        mark.append(f"[{number}]")
        a.replace_with(text, mark)


def reference_list(refs: References, labels: dict[str, str]) -> Element:
    section = Element("section", {"class": "references"})
    title = section.append(Element("p", {"class": "references-title"}))
    assert isinstance(title, Element)
    title.append(labels["references"])
    for n, (url, label) in enumerate(refs.entries, start=1):
        item = section.append(Element("p", {"class": "reference"}))
        assert isinstance(item, Element)
        item.append(f"[{n}] {label}: {url}" if label and label != url else f"[{n}] {url}")
    return section


def render_wechat(
    issue: Issue,
    resolver: AssetResolver,
    options: ExportOptions | None = None,
    *,
    keep_card_ids: bool = False,
) -> ChannelOutput:
    """The issue as a WeChat article; ``keep_card_ids`` leaves ``data-card-id`` on the cards
    (the preview follows the card being edited by it)."""
    style, problems = channel_style("wechat", options, issue.language)
    page = channel_page(issue, resolver, "wechat")
    article = Element("section", {"class": ARTICLE_CLASS})
    article.append(page.header)
    for section in page.sections:
        article.append(section)
    rename_semantic(article, "section")
    refs = References()
    reference_links(article, refs)
    if refs.entries:
        article.append(reference_list(refs, page.labels))
    # Only our own policy: data: images (or the files beside the page) and nothing remote
    # unless a card keeps a remote image.
    allow_remote = any(
        img.attrs.get("src", "").startswith(("http:", "https:", "//"))
        for img in article.find_all("img")
    )
    csp = content_security_policy(allow_remote=allow_remote)
    head = f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
    draft = document(page.language, page.title, head, serialize(article))
    root = parse(inline_css(draft, style.css(), keep_style=False))
    body_article = root.find("section", ARTICLE_CLASS)
    assert body_article is not None
    text = PlainText(References(), page.labels).document([body_article])
    strip_attributes(root, keep_card_ids)
    return ChannelOutput(
        html="<!DOCTYPE html>\n" + serialize(root).lstrip(),
        fragment=serialize(body_article),
        text=text,
        references=list(refs.entries),
        problems=page.problems + problems,
    )


def upload_list(images: list[tuple[str, str]]) -> str:
    """The images to upload, one per line: file name, a tab, its alt text."""
    return "".join(f"{name}\t{alt}\n" for name, alt in images)


class WechatExporter(HtmlExporter):
    """``prepare`` (fetching remote images on request) comes from the HTML export."""

    name = "wechat"

    def extra_problems(self, issue: Issue, options: ExportOptions) -> list[Problem]:
        single = self.profile_of(options) == "wechat"
        _style, problems = channel_style("wechat", options, issue.language)
        return problems + preflight_problems(
            issue,
            fetch=options.allow_remote,
            single=single,
            max_bytes=options.remote_image_max_bytes,
        )

    def plan(self, issue: Issue, options: ExportOptions) -> Plan:
        inline = self.profile_of(options) == "wechat"
        slug = export_slug(issue)
        folder = f"{slug}-images"
        remote = self._remote(issue, options)
        resolver = RemoteImageResolver(issue.folder, f"{folder}/", inline=inline, remote=remote)
        out = render_wechat(issue, resolver, options)
        # The style's warnings are the preflight's already; listed once.
        plan = Plan(problems=[p for p in out.problems if p.code != "style-setting"])
        if remote is not None:
            plan.problems.extend(remote.problems)
        plan.add_text(f"{slug}.wechat.html", out.html)
        if not inline:
            plan.add_assets(folder, resolver.sorted_files())
            for rel in sorted(resolver.fetched_files):
                data = resolver.fetched_files[rel].image.data
                plan.files.append(PlannedFile(f"{folder}/{rel}", data=data))
            images = [
                (img.attrs["src"], img.attrs.get("alt", ""))
                for img in parse(out.fragment).find_all("img")
                if img.attrs.get("src", "").startswith(folder + "/")
            ]
            plan.add_text(f"{slug}-upload.txt", upload_list(list(dict.fromkeys(images))))
        return plan

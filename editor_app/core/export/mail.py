"""Email export: a newsletter as HTML, as plain text, and as one .eml holding both.

Mail clients lay out tables, not CSS boxes, and many drop <style>: the HTML is a single
600 px column of table rows (the issue's header, each section's title, each card), every
rule of the style written into ``style`` attributes; the stylesheet stays in <head> for the
clients that read it, and applies nothing the attributes do not already say. The text part is
made from the same tree, its links as numbered footnotes. The .eml (multipart/alternative,
UTF-8) carries the issue's images as related parts, so a test send shows them; newsletter
services that import HTML want the images at a public address (``image_prefix``).
"""

from __future__ import annotations

import hashlib
from email.message import EmailMessage
from email.policy import SMTP
from urllib.parse import unquote

from editor_app.core.checks import Problem
from editor_app.core.export.base import ExportOptions, Plan, PlannedFile
from editor_app.core.export.channel_page import (
    ChannelOutput,
    PlainText,
    References,
    channel_page,
    document,
    inline_css,
    rename_semantic,
    strip_attributes,
)
from editor_app.core.export.channel_styles import channel_style
from editor_app.core.export.html import HtmlExporter
from editor_app.core.export.markdown import export_slug
from editor_app.core.export.remote_images import RemoteImageResolver, preflight_problems
from editor_app.core.filesafety import sniff_format
from editor_app.core.markup.assets import AssetResolver
from editor_app.core.markup.tree import Element, parse, serialize
from editor_app.core.model import Issue

WIDTH = 600  # px: the column width mail clients and newsletter services expect
CONTAINER_CLASS = "email-container"
_TABLE = {"role": "presentation", "cellpadding": "0", "cellspacing": "0", "border": "0"}


def _row(cls: str, *content: Element) -> Element:
    tr = Element("tr")
    td = Element("td", {"class": f"email-row {cls}".strip(), "align": "left"})
    tr.append(td)
    for el in content:
        td.append(el)
    return tr


def email_table(header: Element, sections: list[Element]) -> Element:
    """The single-column layout: an outer full-width table centring a 600 px one."""
    outer = Element("table", {**_TABLE, "class": "email-outer", "width": "100%"})
    cell = Element("td", {"class": "email-outer-cell", "align": "center"})
    outer.append(Element("tr")).append(cell)  # type: ignore[union-attr]
    inner = Element(
        "table", {**_TABLE, "class": CONTAINER_CLASS, "width": str(WIDTH), "align": "center"}
    )
    cell.append(inner)
    inner.append(_row("email-header-row", header))
    for section in sections:
        # The section's own box stays (its class styles it); each card gets a row of its own
        # so a long issue never becomes one cell taller than some clients will draw.
        head = Element("div", dict(section.attrs))
        cards = []
        for child in section.children:
            if isinstance(child, Element) and child.has_class("card"):
                cards.append(child)
            else:
                head.append(child)
        inner.append(_row("email-section-row", head))
        for card in cards:
            inner.append(_row("email-card-row", card))
    return outer


def render_email(
    issue: Issue,
    resolver: AssetResolver,
    options: ExportOptions | None = None,
    *,
    keep_card_ids: bool = False,
) -> ChannelOutput:
    """The issue as an email; ``keep_card_ids`` leaves ``data-card-id`` for the preview."""
    style, problems = channel_style("email", options, issue.language)
    page = channel_page(issue, resolver, "email")
    layout = email_table(page.header, page.sections)
    rename_semantic(layout, "div")
    for section in layout.find_all("section"):
        section.tag = "div"
    refs = References()
    text = PlainText(refs, page.labels).document([layout])
    css = style.css()
    head = f"<style>\n{css}</style>\n"
    draft = document(page.language, page.title, head, serialize(layout), "email-body")
    root = parse(inline_css(draft, "", keep_style=True))
    strip_attributes(root, keep_card_ids, keep_classes=True)
    body = root.find("body")
    assert body is not None
    return ChannelOutput(
        html="<!DOCTYPE html>\n" + serialize(root).lstrip(),
        fragment=serialize(root).lstrip(),
        text=text,
        references=list(refs.entries),
        problems=page.problems + problems,
    )


def with_content_ids(html: str, folder: str) -> tuple[str, dict[str, str]]:
    """``html`` with each image under ``folder/`` pointing at a related part (cid:), and the
    content id of each such image by its src."""
    root = parse(html)
    cids: dict[str, str] = {}
    for img in root.find_all("img"):
        src = img.attrs.get("src", "")
        if src.startswith(folder + "/"):
            cid = cids.setdefault(src, f"img{len(cids) + 1}.{_digest(src.encode())[:12]}@masthead")
            img.attrs["src"] = f"cid:{cid}"
    return "<!DOCTYPE html>\n" + serialize(root).lstrip(), cids


def build_eml(subject: str, text: str, html: str, images: dict[str, tuple[str, bytes]]) -> bytes:
    """A multipart/alternative message (text, then HTML with its images as related parts).

    ``images`` maps a content id to (file name, bytes). No Date, From or To: the message is
    for import or a test send, and the same issue always gives the same bytes.
    """
    msg = EmailMessage(policy=SMTP)  # CRLF; non-ASCII headers encoded (RFC 2047)
    msg["Subject"] = subject
    msg["MIME-Version"] = "1.0"
    msg["X-Unsent"] = "1"  # mail programs open it as a draft to send
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    html_part = msg.get_payload()[1]
    for cid, (name, data) in images.items():
        fmt = (sniff_format(data) or "octet-stream").lower()
        maintype = "image" if fmt != "octet-stream" else "application"
        html_part.add_related(
            data, maintype=maintype, subtype=fmt, cid=f"<{cid}>", filename=name.rsplit("/", 1)[-1]
        )
    # Boundaries are random by default; derived from the content they are stable. Inner
    # parts first: an outer part's bytes include the inner boundaries.
    for n, part in reversed(list(enumerate(msg.walk()))):
        if part.is_multipart():
            content = b"".join(sub.as_bytes() for sub in part.iter_parts())
            part.set_boundary(f"==masthead-{n}-{_digest(content)[:24]}==")
    return msg.as_bytes()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class EmailExporter(HtmlExporter):
    """``prepare`` (fetching remote images on request) comes from the HTML export."""

    name = "email"

    def extra_problems(self, issue: Issue, options: ExportOptions) -> list[Problem]:
        _style, problems = channel_style("email", options, issue.language)
        return problems + preflight_problems(
            issue,
            fetch=options.allow_remote,
            single=False,
            max_bytes=options.remote_image_max_bytes,
        )

    def plan(self, issue: Issue, options: ExportOptions) -> Plan:
        slug = export_slug(issue)
        folder = f"{slug}-images"
        prefix = options.image_prefix.strip() or f"{folder}/"
        remote = self._remote(issue, options)
        resolver = RemoteImageResolver(issue.folder, prefix, remote=remote)
        out = render_email(issue, resolver, options)
        # The style's warnings are the preflight's already; listed once.
        plan = Plan(problems=[p for p in out.problems if p.code != "style-setting"])
        if remote is not None:
            plan.problems.extend(remote.problems)
        files: dict[str, PlannedFile] = {}
        for asset in resolver.sorted_files():
            files[f"{folder}/{asset.rel}"] = PlannedFile(
                f"{folder}/{asset.rel}", source=asset.source
            )
        for rel in sorted(resolver.fetched_files):
            data = resolver.fetched_files[rel].image.data
            files[f"{folder}/{rel}"] = PlannedFile(f"{folder}/{rel}", data=data)
        plan.add_text(f"{slug}.email.html", out.html)
        plan.add_text(f"{slug}.email.txt", out.text)
        eml_html, cids = with_content_ids(out.html, folder)
        images = {
            cid: (src, files[unquote(src)].read())
            for src, cid in cids.items()
            if unquote(src) in files
        }
        subject = parse(out.html).find("title")
        title = subject.text() if subject is not None else issue.title
        plan.files.append(
            PlannedFile(f"{slug}.eml", data=build_eml(title, out.text, eml_html, images))
        )
        plan.files.extend(files.values())
        return plan

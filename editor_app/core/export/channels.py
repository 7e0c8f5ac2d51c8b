"""One entry point for the channel renderings the window uses (the clipboard, the preview).

The exporters write files; the window wants the same rendering as text in memory, with the
style settings of issue.yaml and, for the clipboard, the checks that would stop an export.
"""

from __future__ import annotations

from collections.abc import Callable

from editor_app.core.checks import has_errors
from editor_app.core.export.base import PreflightError
from editor_app.core.export.channel_page import ChannelOutput
from editor_app.core.export.mail import render_email
from editor_app.core.export.registry import EXPORTS, ExportOptions
from editor_app.core.export.wechat import render_wechat
from editor_app.core.markup.assets import AssetResolver
from editor_app.core.model import Issue

CHANNELS: dict[str, Callable[..., ChannelOutput]] = {
    "wechat": render_wechat,
    "email": render_email,
}


def style_options(issue: Issue) -> ExportOptions:
    """The ``export:`` settings of issue.yaml, whichever format was last exported."""
    return EXPORTS.options_from_settings(issue.export)


def render_channel(
    issue: Issue,
    channel: str,
    resolver: AssetResolver | None = None,
    *,
    keep_card_ids: bool = False,
) -> ChannelOutput:
    """``channel``'s rendering of ``issue``; images inside (data:) unless a resolver says
    otherwise. ValueError for an unknown channel."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    resolver = resolver or AssetResolver(issue.folder, inline=True)
    return CHANNELS[channel](issue, resolver, style_options(issue), keep_card_ids=keep_card_ids)


def copy_channel(issue: Issue, channel: str) -> ChannelOutput:
    """What "Copy for WeChat" / "Copy as Email HTML" put on the clipboard.

    The same checks as the export run first: an error a copy would carry (a missing image,
    an image without alt text) raises PreflightError, as the export stops.
    """
    options = style_options(issue)
    problems = EXPORTS.exporter(channel).preflight(issue, options)
    if has_errors(problems):
        raise PreflightError(problems, issue.folder)
    return render_channel(issue, channel)

"""HTML export: ``site`` (index.html + assets/) and ``single-file`` (images inlined).

The page comes from issue_html.issue_page, the same code the preview uses. Remote images are
fetched into the export when the options allow it, else kept remote with a policy that lets
them load (remote_images.py): the page never shows an image its own policy blocks.
"""

from __future__ import annotations

from collections.abc import Iterator

from editor_app.core.checks import Problem
from editor_app.core.export.base import Exporter, ExportOptions, Plan, PlannedFile, Progress
from editor_app.core.export.markdown import export_slug
from editor_app.core.export.remote_images import (
    RemoteImageResolver,
    RemoteImages,
    fetch_all,
    fetch_remote_images,
    preflight_problems,
    remote_image_refs,
)
from editor_app.core.issue_html import issue_page
from editor_app.core.messages import text
from editor_app.core.model import Issue


class HtmlExporter(Exporter):
    name = "html"

    def __init__(self) -> None:
        # What ``prepare`` fetched, for the issue it fetched it for (an exporter is cheap
        # and made per export; this only carries the result from prepare to plan).
        self._fetched: tuple[Issue, RemoteImages] | None = None

    def extra_problems(self, issue: Issue, options: ExportOptions) -> list[Problem]:
        problems = super().extra_problems(issue, options)
        return problems + preflight_problems(
            issue,
            fetch=options.allow_remote,
            single=self.profile_of(options) == "single-file",
            max_bytes=options.remote_image_max_bytes,
        )

    def prepare(self, issue: Issue, options: ExportOptions) -> Iterator[Progress]:
        self._fetched = None
        if not options.allow_remote:
            return
        refs = remote_image_refs(issue)
        if not refs:
            return
        steps = fetch_remote_images(refs, options.remote_image_max_bytes)
        while True:
            try:
                done, total, url = next(steps)
            except StopIteration as stop:
                self._fetched = (issue, stop.value)
                return
            fetched = text("progress.fetched", done=done, total=total, url=url)
            yield Progress(done, total, fetched)

    def _remote(self, issue: Issue, options: ExportOptions) -> RemoteImages | None:
        if not options.allow_remote:
            return None
        if self._fetched is not None and self._fetched[0] is issue:
            return self._fetched[1]
        return fetch_all(remote_image_refs(issue), options.remote_image_max_bytes)

    def plan(self, issue: Issue, options: ExportOptions) -> Plan:
        profile = self.profile_of(options)
        single = profile == "single-file"
        remote = self._remote(issue, options)

        def render(allow: bool) -> tuple[str, RemoteImageResolver]:
            resolver = RemoteImageResolver(issue.folder, "assets/", inline=single, remote=remote)
            return issue_page(issue, resolver=resolver, allow_remote=allow), resolver

        # Kept remote images need a policy that lets them load; fetched ones do not.
        allow = remote is None and bool(remote_image_refs(issue))
        page, resolver = render(allow)
        if resolver.kept and not allow:
            page, resolver = render(True)  # a remote image the scan did not see
        plan = Plan(problems=list(resolver.problems))
        if remote is not None:
            plan.problems.extend(remote.problems)
        if single:
            plan.add_text(f"{export_slug(issue)}.html", page)
        else:
            plan.add_text("index.html", page)
            plan.add_assets("assets", resolver.sorted_files())
            for rel in sorted(resolver.fetched_files):
                data = resolver.fetched_files[rel].image.data
                plan.files.append(PlannedFile(f"assets/{rel}", data=data))
        return plan

"""HTML export: ``site`` (index.html + assets/) and ``single-file`` (images inlined).

The page comes from issue_html.issue_page, the same code the preview uses.
"""

from __future__ import annotations

from editor_app.core.export.assets import AssetResolver
from editor_app.core.export.base import Exporter, ExportOptions, Plan
from editor_app.core.export.markdown import export_slug
from editor_app.core.issue_html import issue_page
from editor_app.core.model import Issue

PROFILES = ("site", "single-file")


class HtmlExporter(Exporter):
    name = "html"
    profiles = PROFILES

    def plan(self, issue: Issue, options: ExportOptions) -> Plan:
        profile = self.profile_of(options)
        single = profile == "single-file"
        resolver = AssetResolver(issue.folder, "assets/", inline=single)
        page = issue_page(issue, resolver=resolver, allow_remote=options.allow_remote)
        plan = Plan(problems=list(resolver.problems))
        if single:
            plan.add_text(f"{export_slug(issue)}.html", page)
        else:
            plan.add_text("index.html", page)
            plan.add_assets("assets", resolver.sorted_files())
        return plan

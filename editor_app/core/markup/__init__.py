"""What card text becomes on its way to a page or a file, shared by the preview, the exporters
and the importers.

- ``assets``: the URL policy (unsafe schemes dropped) and the resolution of local files inside
  the issue folder, recording what an export must copy;
- ``mdtext``: Markdown text helpers: escaping, the link syntax, our export's structure markers,
  heading shifts, fence closing and the body filter;
- ``body_html``: post-processing of sanitized card HTML for a page of many cards.

They sit apart from ``core/export/`` because ``issue_html`` (the preview's and the HTML export's
page) and the importers use them too, and must not depend on the exporters.
"""

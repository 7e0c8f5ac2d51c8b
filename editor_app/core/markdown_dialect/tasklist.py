"""GFM task list items, ``- [ ] todo`` and ``- [x] done``.

Hugo writes a disabled ``<input type="checkbox">``. The sanitizer keeps no form controls (a
card may contain raw HTML), so the item starts with a ballot box glyph instead: ☐ open,
☑ done. The item and its list get GFM's classes so a stylesheet can treat both the same way.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown.treeprocessors import Treeprocessor

OPEN_BOX = "\u2610"
DONE_BOX = "\u2611"
_TASK = re.compile(r"\[([ xX])\](?=\s|$)")


class TaskLists(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for li in root.iter("li"):
            holder = li
            if not (li.text or "").strip() and len(li) and li[0].tag == "p":
                holder = li[0]  # a loose item: the marker is in its first paragraph
            text = holder.text or ""
            m = _TASK.match(text)
            if m is None:
                continue
            box = ET.Element("span", {"class": "task-box"})
            box.text = DONE_BOX if m.group(1) in "xX" else OPEN_BOX
            box.tail = text[m.end() :]
            holder.text = None
            holder.insert(0, box)
            li.set("class", "task-list-item")

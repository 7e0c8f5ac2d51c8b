"""GFM tables: an escaped pipe is a pipe in every cell, code spans included.

python-markdown's tables already split cells on unescaped pipes only, but a code span keeps the
backslash of ``\\|``; GFM removes it before the cell is parsed. Tables interrupting a paragraph
are handled with the lists, which see the lines.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString


class TableCodePipes(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for cell in root.iter():
            if cell.tag not in {"td", "th"}:
                continue
            for code in cell.iter("code"):
                if code.text and "\\|" in code.text:
                    code.text = AtomicString(code.text.replace("\\|", "|"))

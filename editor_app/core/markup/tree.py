"""A small element tree for reshaping HTML that Masthead itself produced.

The channel exports (WeChat, email) start from the page the shared renderer makes (templates
with autoescape, card bodies from the sanitizer) and move, rename and unwrap its elements.
That input is well formed, so a stack parser on ``html.parser`` is enough; it is never used
to clean untrusted HTML. Text is kept decoded and escaped again when written, so nothing the
reshaping does can turn text into markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
RAW_TEXT = frozenset({"script", "style"})


class Element:
    """One element: a tag, its attributes in order, and children (elements or text)."""

    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str] | None = None) -> None:
        self.tag = tag
        self.attrs: dict[str, str] = dict(attrs or {})
        self.children: list[Element | str] = []
        self.parent: Element | None = None

    def __repr__(self) -> str:
        return f"<Element {self.tag} {self.attrs}>"

    # -- building ---------------------------------------------------------------------------
    def append(self, child: Element | str) -> Element | str:
        if isinstance(child, Element):
            child.parent = self
        self.children.append(child)
        return child

    def insert(self, index: int, child: Element | str) -> None:
        if isinstance(child, Element):
            child.parent = self
        self.children.insert(index, child)

    def index_in_parent(self) -> int:
        assert self.parent is not None
        return next(i for i, c in enumerate(self.parent.children) if c is self)

    def replace_with(self, *nodes: Element | str) -> None:
        """Put ``nodes`` where this element is and detach it."""
        parent = self.parent
        assert parent is not None
        at = self.index_in_parent()
        parent.children[at : at + 1] = []
        for offset, node in enumerate(nodes):
            parent.insert(at + offset, node)
        self.parent = None

    def unwrap(self) -> None:
        """Replace this element by its children."""
        self.replace_with(*self.children)

    def remove(self) -> None:
        self.replace_with()

    # -- reading ----------------------------------------------------------------------------
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def has_class(self, name: str) -> bool:
        return name in self.classes()

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in list(self.children):
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if e is not self and (tag is None or e.tag == tag) and (cls is None or e.has_class(cls))
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> Element | None:
        found = self.find_all(tag, cls)
        return found[0] if found else None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].append(data)


def parse(markup: str) -> Element:
    """The tree of ``markup`` under a ``#root`` element (doctype and comments dropped)."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root


def serialize(node: Element | str, *, raw: bool = False) -> str:
    """HTML for ``node``; a ``#root`` writes only its children."""
    if isinstance(node, str):
        return node if raw else html.escape(node, quote=False)
    inner = "".join(serialize(c, raw=node.tag in RAW_TEXT) for c in node.children)
    if node.tag == "#root":
        return inner
    attrs = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in node.attrs.items())
    if node.tag in VOID:
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{inner}</{node.tag}>"


def inner_html(node: Element) -> str:
    return "".join(serialize(c, raw=node.tag in RAW_TEXT) for c in node.children)

"""Images a card shows from elsewhere on the computer (``/home/me/a.png``, ``~/b.png``,
``file:///C:/pics/a.jpg``): finding them, and rewriting them once imported into assets/.

The checks report such an image as ``local-image``; the editor's fix runs it through the
import pipeline (``pipeline.import_image``) and rewrites every reference to it in the card
with ``local_image_edits``.
"""

from __future__ import annotations

from collections import defaultdict

from editor_app.core.link_edits import FieldEdit, edit_card_links
from editor_app.core.links import LinkRef, text_links
from editor_app.core.model import Card
from editor_app.core.paths import outside_file

FIELDS = ("body", "note")


def local_images(card: Card) -> list[LinkRef]:
    """The images of the card's body and note that name a file outside the issue."""
    out: list[LinkRef] = []
    counters: dict[str, int] = defaultdict(int)
    for name in FIELDS:
        for ref in text_links(card.id, name, getattr(card, name), counters):
            if ref.kind == "image" and outside_file(ref.url) is not None:
                out.append(ref)
    return out


def local_images_on_line(text: str, line: int) -> list[LinkRef]:
    """The outside images written on ``line`` (1-based) of a Markdown text."""
    return [
        ref
        for ref in text_links("", "body", text, defaultdict(int))
        if ref.kind == "image" and ref.line == line and outside_file(ref.url) is not None
    ]


def local_image_edits(
    card: Card, url: str, new_url: str, alt: str | None = None
) -> list[FieldEdit]:
    """Edits pointing every image of ``card`` that names the same file as ``url`` (written
    that way or another: a path, a ``file:`` URL) at ``new_url`` (an asset path), with
    ``alt`` as its alt text when given. The card is not changed."""
    return edit_card_links(card, [(ref, new_url, alt) for ref in same_file(card, url)])


def same_file(card: Card, url: str) -> list[LinkRef]:
    """The outside images of ``card`` that name the file ``url`` names."""
    target = outside_file(url)
    return [ref for ref in local_images(card) if outside_file(ref.url) == target]

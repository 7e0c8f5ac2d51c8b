"""Images naming files elsewhere on the computer: found per card and per line, rewritten."""

from __future__ import annotations

from editor_app.core.images.local import local_image_edits, local_images, local_images_on_line
from editor_app.core.link_edits import apply_edit
from editor_app.core.model import Card

BODY = (
    "Text ![a](/home/me/a.png) and ![](~/Desktop/b.png)\n\n"
    "![c](file:///home/me/a.png)\n![kept](assets/k.png) ![web](https://x.org/w.png)"
)


def card() -> Card:
    return Card("c1", body=BODY, note="![n](/home/me/a.png)")


def test_local_images_of_body_and_note():
    found = [(ref.field, ref.url) for ref in local_images(card())]
    assert found == [
        ("body", "/home/me/a.png"),
        ("body", "~/Desktop/b.png"),
        ("body", "file:///home/me/a.png"),
        ("note", "/home/me/a.png"),
    ]


def test_local_images_on_a_line():
    assert [r.url for r in local_images_on_line(BODY, 1)] == ["/home/me/a.png", "~/Desktop/b.png"]
    assert [r.url for r in local_images_on_line(BODY, 3)] == ["file:///home/me/a.png"]
    assert local_images_on_line(BODY, 4) == []


def test_every_reference_to_the_same_file_is_rewritten():
    c = card()
    edits = local_image_edits(c, "/home/me/a.png", "assets/0123456789abcdef.png", "A chart")
    for edit in edits:
        apply_edit(c, edit)
    assert c.body == (
        "Text ![A chart](assets/0123456789abcdef.png) and ![](~/Desktop/b.png)\n\n"
        "![A chart](assets/0123456789abcdef.png)\n![kept](assets/k.png) ![web](https://x.org/w.png)"
    )
    assert c.note == "![A chart](assets/0123456789abcdef.png)"

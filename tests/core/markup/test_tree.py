"""The element tree the channel exports reshape pages with."""

from __future__ import annotations

from editor_app.core.markup.tree import Element, inner_html, parse, serialize


def test_round_trip_keeps_structure_and_escapes_text():
    html = (
        '<p class="a">x &lt;b&gt; &amp; y<br><img src="a.png" alt="&quot;q&quot;"></p>'
        "<ul><li>one</li><li>two</li></ul>"
    )
    root = parse(html)
    assert serialize(root) == (
        '<p class="a">x &lt;b&gt; &amp; y<br><img src="a.png" alt="&quot;q&quot;"></p>'
        "<ul><li>one</li><li>two</li></ul>"
    )
    assert root.find("p").text() == "x <b> & y"  # type: ignore[union-attr]


def test_text_never_turns_into_markup():
    root = parse("<p>safe</p>")
    p = root.find("p")
    assert p is not None
    p.append("<script>alert(1)</script>")
    p.attrs["title"] = '" onmouseover="x'
    out = serialize(root)
    assert "<script>" not in out and 'title="&quot; onmouseover=&quot;x"' in out


def test_unwrap_replace_and_find():
    root = parse('<div><a href="#x">in <b>bold</b></a> tail</div>')
    a = root.find("a")
    assert a is not None
    a.unwrap()
    assert inner_html(root) == "<div>in <b>bold</b> tail</div>"
    b = root.find("b")
    assert b is not None
    mark = Element("sup", {"class": "m"})
    mark.append("[1]")
    b.replace_with(b, mark)
    assert serialize(root) == '<div>in <b>bold</b><sup class="m">[1]</sup> tail</div>'
    assert [e.tag for e in root.find_all(cls="m")] == ["sup"]


def test_stray_end_tags_are_ignored():
    assert serialize(parse("<p>a</span>b</p>")) == "<p>ab</p>"

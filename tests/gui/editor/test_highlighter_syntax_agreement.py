"""The editor's highlighter and the word counts read fences the same way (core/markdown_syntax)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from editor_app.core.markdown_syntax import CLOSING, CODE, OPENING, OUTSIDE, fence_roles
from editor_app.core.text_stats import strip_fence_lines
from editor_app.gui.editor.highlighter import MarkdownHighlighter

_LINES = st.sampled_from(
    [
        "```", "````", "~~~", "~~~~", "```py", "``` a`b", "~~~ a`b", "   ```", "    ```",
        "\t```", " \t~~~", "```  ", "~~~~ ", "``` x", "# heading", "- item", "word", "",
    ]
)  # fmt: skip


def highlighter_roles(text: str) -> list[str]:
    """Each line's fence role as the highlighter's block states tell it."""
    doc = QTextDocument()
    highlighter = MarkdownHighlighter(doc)
    doc.setPlainText(text)
    highlighter.rehighlight()
    roles, previous = [], -1
    block = doc.begin()
    while block.isValid():
        state = block.userState()
        inside_before, inside_after = previous >= 1000, state >= 1000
        if inside_before:
            roles.append(CODE if inside_after else CLOSING)
        else:
            roles.append(OPENING if inside_after else OUTSIDE)
        previous = state
        block = block.next()
    return roles


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(_LINES, min_size=1, max_size=10))
def test_highlighter_and_text_stats_agree_on_fences(qapp, lines: list[str]) -> None:
    text = "\n".join(lines)
    roles, _ = fence_roles(lines)
    assert highlighter_roles(text) == roles
    # The word counts blank exactly the opening and closing fence lines, and keep the code.
    stripped = strip_fence_lines(text).split("\n")
    fence_lines = [s != line for s, line in zip(stripped, lines, strict=True)]
    assert fence_lines == [r in (OPENING, CLOSING) for r in roles]


def test_a_tab_indented_fence_is_no_fence_for_either(qapp) -> None:
    text = "\t```\n# heading\n```"
    assert highlighter_roles(text) == [OUTSIDE, OUTSIDE, OPENING]
    assert strip_fence_lines(text) == "\t```\n# heading\n "

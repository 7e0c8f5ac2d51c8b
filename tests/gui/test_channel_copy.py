"""Copy for WeChat / Copy as Email HTML: both put HTML and text on the clipboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from editor_app.core.markup.tree import parse
from editor_app.gui.command_palette import collect_entries

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py
WAIT = 15_000


def _clear_clipboard() -> None:
    QGuiApplication.clipboard().setMimeData(QMimeData())


def test_actions_are_in_the_edit_menu_and_the_palette(window):
    edit = [a for a in window.edit_menu.actions() if not a.isSeparator()]
    assert window.act_copy_wechat in edit and window.act_copy_email in edit
    labels = {e.label for e in collect_entries(window)}
    assert {"Copy for WeChat", "Copy as Email HTML"} <= labels
    assert window.act_copy_wechat.isEnabled()


def test_copy_for_wechat_puts_styled_html_and_text(window, qtbot):
    _clear_clipboard()
    with qtbot.waitSignal(window.copier.copied, timeout=WAIT) as copied:
        window.act_copy_wechat.trigger()
    assert copied.args == ["wechat"]
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and mime.hasText()
    html, text = mime.html(), mime.text()
    root = parse(html)
    assert not {e.tag for e in root.iter()} & {"style", "script", "link", "html", "head"}
    assert all(e.attrs.get("style") for e in root.find_all("p"))
    issue = window.workspace.document.issue
    for card in issue.cards.values():
        assert card.title in text
        assert card.source is None or card.source.url in text  # the numbered references
    assert "参考链接" in html
    assert "Copied for WeChat" in window.statusBar().currentMessage()


def test_copy_as_email_puts_the_email_and_its_text(window, qtbot):
    _clear_clipboard()
    with qtbot.waitSignal(window.copier.copied, timeout=WAIT):
        window.act_copy_email.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    root = parse(mime.html())
    container = root.find("table", "email-container")
    assert container is not None and container.attrs["width"] == "600"
    issue = window.workspace.document.issue
    for card in issue.cards.values():
        assert card.title in mime.text()


def test_errors_stop_the_copy_as_they_stop_the_export(window, qtbot):
    doc = window.workspace.document
    card_id = doc.issue.sections[0].card_ids[0]
    doc.set_card_body(card_id, "![](assets/none.png)")  # no alt text, no file
    _clear_clipboard()
    with qtbot.waitSignal(window.copier.failed, timeout=WAIT) as failed:
        window.act_copy_wechat.trigger()
    assert "2 errors" in failed.args[0]
    assert not QGuiApplication.clipboard().mimeData().hasHtml()
    assert "Not copied" in window.statusBar().currentMessage()

"""The status bar counts what the outline has selected: a card, or a whole section."""

from __future__ import annotations

import pytest

from editor_app.core.text_stats import card_stats

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py


def test_section_selection_shows_the_sum_of_its_cards(window, qtbot):
    ws = window.workspace
    issue = ws.document.issue
    section = issue.sections[1]  # a card with two sub-cards
    words = sum(card_stats(c).words for s, c, _ in issue.iter_cards() if s.id == section.id)
    first = issue.sections[0].card_ids[0]
    ws.view.select_ids([first])
    card_words = card_stats(issue.cards[first]).words
    assert window.status.card_label.text() == f"Card: {card_words} words"
    assert card_words != words
    ws.view.select_ids([section.id])
    # The issue is counted on a worker once the preview shows its first page.
    qtbot.waitUntil(
        lambda: window.status.card_label.text().startswith(f"Section: {words} words"),
        timeout=5000,
    )
    ws.view.select_ids([first])
    assert window.status.card_label.text() == f"Card: {card_words} words"


def test_a_long_card_selected_is_counted_on_a_worker(window, qtbot, monkeypatch):
    from editor_app.gui import status_bar
    from editor_app.gui.editor.card_editor import COUNT_LIVE_CHARS

    ws = window.workspace
    issue = ws.document.issue
    first = issue.sections[0].card_ids[0]
    ws.document.set_card_body(first, "长文 words " * (COUNT_LIVE_CHARS // 4))
    words = card_stats(issue.cards[first]).words
    counted_here: list[str] = []
    real = status_bar.card_stats
    monkeypatch.setattr(
        status_bar, "card_stats", lambda card: counted_here.append(card.id) or real(card)
    )
    ws.view.select_ids([issue.sections[1].id])
    ws.view.select_ids([first])
    qtbot.waitUntil(lambda: window.status.card_label.text() == f"Card: {words} words", timeout=5000)
    assert first not in counted_here

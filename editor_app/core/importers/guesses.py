"""Every guess an importer can report, declared once with its English template.

Like the problem codes, a guess is built from a key and named fields
(``ImportResult.guess(line, key, **fields)``), so the message catalog
(``core/i18n_catalog.py``) can say it in the editor's language; ``Guess.message`` stays English.
"""

from __future__ import annotations

GUESSES: dict[str, str] = {
    "fallback-section": "no section heading before the first card: made section '{section}'",
    "summary-from-intro": "the text before the first section taken as the issue summary",
    "headings-became-cards": "no numbered items or links found: the headings became cards; "
    "is this file a newsletter issue?",
    "sub-heading-kept": "'{text}' kept as a sub-heading of the text, not a card",
    "category-heading": "'{group}' taken as the category of the cards under it",
    "heading-link-source": "the heading link of '{title}' taken as its source",
    "link-lists-gathered": "the link lists of section '{title}' gathered in a card of the same "
    "name",
    "link-list-cards": "link list read as cards inside '{parent}' "
    "(title = link text, source = its URL, [tags] kept as tags)",
    "link-list-cards-grouped": "link list under '{group}' read as cards inside '{parent}' "
    "(title = link text, source = its URL, [tags] kept as tags)",
    "item-without-title": "item {number} has no title on its line: its text follows",
    "card-from-numbered-link": "card '{title}' from a numbered link; its link is the source",
    "card-from-numbered-line": "card '{title}' from a numbered line",
    "numbers-run-on": "card numbers run on across sections",
    "numbering-jumps": "card numbering jumps from {previous} to {number}",
    "title-from-file-name": "no title found: used the file name '{name}'",
    "number-from-title": "issue number {number} read from the title",
    "date-from-title": "date {date} read from the title",
    "date-from-line": "date {date} read from the date line near the top",
    "no-date": "no date found in the title, the front matter or the top lines: none set",
    "other-importer": "read with the other importer: the first found no cards",
    "section-heading-line": "'{text}' taken as a section heading",
    "one-section-made": "no section line before the first card: made one section",
    "no-space-after-number": "card {number} title had no space after its number",
    "items-as-sub-cards": "{count} numbered items inside '{title}' read as sub-cards",
    "sub-card-category": "'{group}' taken as a category heading of sub-cards",
    "source-title-line": "'{text}' taken as the source title of '{title}'",
    "reference-leaves-folder": "reference {url!r} leaves the imported folder; kept as text",
    "image-not-found": "image {url!r} not found beside the file; kept as is",
    "item-without-text": "a numbered item with no text",
    "title-from-text": "title '{title}' taken from the start of the item's text",
    "link-line-source": "'{title}': the link line under the title taken as the source",
    "image-lost": "an image of '{title}' was lost in the copy (alt '{alt}')",
    "link-labels-kept": "link labels of '{title}' kept without URLs (lost in the copy)",
    "lines-kept": "{count} consecutive lines kept as lines (a table whose cells were lost?)",
    "title-line": "'{text}' taken as the issue title",
    "no-title-line": "no title line before the first section: used the file name '{name}'",
    "number-from-text": "issue number {number} read from the text",
    "date-from-text": "date {date} read from the text or file name",
    "no-date-text": "no date found in the top lines or the file name: none set",
    "summary-from-lines": "the lines under the title taken as the issue summary",
}

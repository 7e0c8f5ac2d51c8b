"""The link inbox of a library: links waiting for an issue, one small YAML file each.

``item`` (the item and its file), ``store`` (the inbox folder), ``sources`` (pasted text,
text files, bookmarks, OPML, feeds), ``fetch`` and ``metadata`` (page titles, only when
asked), ``handoff`` (an item becomes a card; a card goes back, or on to the next issue).
"""

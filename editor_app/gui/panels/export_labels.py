"""The export registry's English strings, marked for the translation catalogue.

core/export/registry.py declares every label, hint and tooltip of the export panel in English
and stays free of Qt; lupdate only reads the GUI, so the strings are listed here once more,
marked with QT_TRANSLATE_NOOP, and looked up at run time by their English text. A string a new
exporter adds shows in English until it is listed here and translated; a test checks that every
string of the registry is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor_app.core.export.registry import ExportRegistry

CONTEXT = "ExportForm"

MARKED = (
    QT_TRANSLATE_NOOP("ExportForm", "Markdown"),
    QT_TRANSLATE_NOOP("ExportForm", "HTML"),
    QT_TRANSLATE_NOOP("ExportForm", "Hugo (page bundle)"),
    QT_TRANSLATE_NOOP("ExportForm", "Jekyll (post)"),
    QT_TRANSLATE_NOOP("ExportForm", "Plain Markdown"),
    QT_TRANSLATE_NOOP("ExportForm", "Web page with assets folder"),
    QT_TRANSLATE_NOOP("ExportForm", "Single file (images inlined)"),
    QT_TRANSLATE_NOOP("ExportForm", "Writes %1/index.md with the images beside it."),
    QT_TRANSLATE_NOOP("ExportForm", "Writes _posts/%2-%1.md; images in assets/%1/."),
    QT_TRANSLATE_NOOP("ExportForm", "Writes %1.md; images in %1/."),
    QT_TRANSLATE_NOOP("ExportForm", "Writes index.html; images in assets/."),
    QT_TRANSLATE_NOOP("ExportForm", "Writes %1.html with every image inside: one file to send."),
    QT_TRANSLATE_NOOP("ExportForm", "&Image URL prefix"),
    QT_TRANSLATE_NOOP("ExportForm", "none: images beside the page"),
    QT_TRANSLATE_NOOP(
        "ExportForm",
        "Markdown: a URL put before image names, for a CDN (images are still written).",
    ),
    QT_TRANSLATE_NOOP("ExportForm", "Allow remote images"),
    QT_TRANSLATE_NOOP(
        "ExportForm",
        "HTML: download images from other sites into the export (embedded in a single file, "
        "in assets/remote/ for a site). Off: they stay links to their sites and load when the "
        "page is opened.",
    ),
    QT_TRANSLATE_NOOP("ExportForm", "WeChat"),
    QT_TRANSLATE_NOOP("ExportForm", "Email"),
    QT_TRANSLATE_NOOP("ExportForm", "Article to paste (images inlined)"),
    QT_TRANSLATE_NOOP("ExportForm", "Article with images to upload"),
    QT_TRANSLATE_NOOP("ExportForm", "Newsletter email (HTML, text, .eml)"),
    QT_TRANSLATE_NOOP(
        "ExportForm", "Writes %1.wechat.html with every style and image inside, ready to paste."
    ),
    QT_TRANSLATE_NOOP(
        "ExportForm", "Writes %1.wechat.html; images in %1-images/, listed in %1-upload.txt."
    ),
    QT_TRANSLATE_NOOP(
        "ExportForm", "Writes %1.email.html, %1.email.txt and %1.eml; images in %1-images/."
    ),
    QT_TRANSLATE_NOOP("ExportForm", "&Accent colour"),
    QT_TRANSLATE_NOOP("ExportForm", "channel default"),
    QT_TRANSLATE_NOOP(
        "ExportForm",
        "WeChat and email: the colour of section titles, numbers and links, as #rrggbb. "
        "Empty: the channel's own.",
    ),
    QT_TRANSLATE_NOOP("ExportForm", "Body font si&ze"),
    QT_TRANSLATE_NOOP(
        "ExportForm",
        "WeChat and email: the size of body text in pixels, 12 to 24. Empty: the channel's "
        "own (15 for WeChat, 16 for email).",
    ),
    QT_TRANSLATE_NOOP("ExportForm", "Export anyway, despite errors"),
    QT_TRANSLATE_NOOP("ExportForm", "Export even when the checks find errors."),
)


def translated(text: str) -> str:
    """``text`` (an English string of the registry) in the UI language; "" stays ""."""
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def shown_strings(registry: ExportRegistry) -> set[str]:
    """Every string of ``registry`` the panel shows."""
    found = {f.label for f in registry.formats}
    found |= {s for f in registry.formats for p in f.profiles for s in (p.label, p.hint)}
    found |= {s for o in registry.options for s in (o.label, o.tooltip, o.placeholder)}
    return found - {""}

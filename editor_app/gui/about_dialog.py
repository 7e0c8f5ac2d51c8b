"""About Masthead: version, the versions of Qt and Python, and the licences of what ships."""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from importlib import metadata

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor_app import __version__


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str | None  # for the version; None when it is not a Python package
    licence: str
    url: str
    note: str = ""  # an English note, translated where it is shown


COMPONENTS: tuple[Component, ...] = (
    Component("Python", None, "PSF-2.0", "https://docs.python.org/3/license.html"),
    Component(
        "Qt 6", None, "LGPL-3.0", "https://doc.qt.io/qt-6/lgpl.html",
        QT_TRANSLATE_NOOP("AboutDialog", "Qt libraries, used under the GNU Lesser General Public License version 3"),
    ),
    Component("PySide6 / Shiboken6", "PySide6", "LGPL-3.0", "https://doc.qt.io/qtforpython-6/licenses.html"),
    Component(
        "Qt WebEngine / Chromium", None, "LGPL-3.0; BSD-3-Clause, …",
        "https://doc.qt.io/qt-6/qtwebengine-licensing.html",
        QT_TRANSLATE_NOOP("AboutDialog", "The preview's web engine. Chromium and its third-party components carry their own licences, listed in Qt's WebEngine licensing page."),
    ),
    Component("Python-Markdown", "Markdown", "BSD-3-Clause", "https://github.com/Python-Markdown/markdown/blob/master/LICENSE.md"),
    Component("PyYAML", "PyYAML", "MIT", "https://github.com/yaml/pyyaml/blob/main/LICENSE"),
    Component(
        "Pillow", "Pillow", "MIT-CMU (HPND)", "https://github.com/python-pillow/Pillow/blob/main/LICENSE",
        QT_TRANSLATE_NOOP("AboutDialog", "Includes libjpeg-turbo, libpng, libwebp, zlib, FreeType and Little CMS under their own permissive licences."),
    ),
    Component("Jinja2", "Jinja2", "BSD-3-Clause", "https://github.com/pallets/jinja/blob/main/LICENSE.txt"),
    Component("MarkupSafe", "MarkupSafe", "BSD-3-Clause", "https://github.com/pallets/markupsafe/blob/main/LICENSE.txt"),
    Component(
        "nh3", "nh3", "MIT", "https://github.com/messense/nh3/blob/main/LICENSE",
        QT_TRANSLATE_NOOP("AboutDialog", "Python binding of the Ammonia HTML sanitizer (MIT or Apache-2.0)."),
    ),
    Component("QtAwesome", "QtAwesome", "MIT", "https://github.com/spyder-ide/qtawesome/blob/master/LICENSE.txt"),
    Component("QtPy", "QtPy", "MIT", "https://github.com/spyder-ide/qtpy/blob/master/LICENSE.txt"),
    Component(
        "Material Design Icons", None, "Apache-2.0", "https://github.com/Templarian/MaterialDesign/blob/master/LICENSE",
        QT_TRANSLATE_NOOP("AboutDialog", "Icon font shipped with QtAwesome."),
    ),
    Component(
        "Font Awesome", None, "SIL OFL 1.1 (font), CC BY 4.0 (icons)", "https://fontawesome.com/license/free",
        QT_TRANSLATE_NOOP("AboutDialog", "Icon font shipped with QtAwesome."),
    ),
    Component("Elusive Icons", None, "SIL OFL 1.1", "https://github.com/dovy/elusive-icons", QT_TRANSLATE_NOOP("AboutDialog", "Icon font shipped with QtAwesome.")),
    Component("Phosphor Icons", None, "MIT", "https://github.com/phosphor-icons/core/blob/main/LICENSE", QT_TRANSLATE_NOOP("AboutDialog", "Icon font shipped with QtAwesome.")),
    Component("Remix Icon", None, "Apache-2.0", "https://github.com/Remix-Design/RemixIcon/blob/master/License", QT_TRANSLATE_NOOP("AboutDialog", "Icon font shipped with QtAwesome.")),
    Component("Codicons", None, "CC BY 4.0", "https://github.com/microsoft/vscode-codicons/blob/main/LICENSE", QT_TRANSLATE_NOOP("AboutDialog", "Icon font shipped with QtAwesome.")),
)  # fmt: skip


def component_version(component: Component) -> str:
    if component.name == "Python":
        return platform.python_version()
    if component.name.startswith("Qt 6") or component.name.startswith("Qt WebEngine"):
        return qVersion()
    if component.distribution is None:
        return ""
    try:
        return metadata.version(component.distribution)
    except metadata.PackageNotFoundError:
        return ""


def translate_note(note: str) -> str:
    return QCoreApplication.translate("AboutDialog", note) if note else ""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About Masthead"))
        icon = QLabel(self)
        app_icon = QApplication.windowIcon()
        if not app_icon.isNull():
            icon.setPixmap(app_icon.pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setOpenExternalLinks(True)
        self.header.setText(self._header_html())
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.header, 1)

        self.licences = QTextBrowser(self)
        self.licences.setObjectName("licences")
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(self._licences_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Bundled components and their licences:"), self))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(680, 560)

    def _header_html(self) -> str:
        versions = self.tr("Qt %1 · PySide6 %2 · Python %3")
        for n, value in enumerate((qVersion(), PySide6.__version__, platform.python_version())):
            versions = versions.replace(f"%{n + 1}", value)
        tagline = self.tr("Compose newsletter issues offline and publish them to a static site.")
        licence = self.tr(
            "Masthead is free software under the GNU General Public License, version 3 or later."
        )
        paragraphs = "".join(f"<p>{html.escape(t)}</p>" for t in (tagline, versions, licence))
        return f"<h2 style='margin:0'>Masthead {html.escape(__version__)}</h2>{paragraphs}"

    def _licences_html(self) -> str:
        head = (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
        rows = ["<tr>" + "".join(f"<th align='left'>{html.escape(h)}</th>" for h in head) + "</tr>"]
        for c in COMPONENTS:
            note = translate_note(c.note)
            name = f"<a href='{html.escape(c.url)}'>{html.escape(c.name)}</a>"
            if note:
                name += f"<br><small>{html.escape(note)}</small>"
            rows.append(
                f"<tr><td>{name}</td><td>{html.escape(component_version(c))}</td>"
                f"<td>{html.escape(c.licence)}</td></tr>"
            )
        return "<table cellspacing='0' cellpadding='4' width='100%'>" + "".join(rows) + "</table>"

    def licence_text(self) -> str:
        """The licence table as plain text (for tests and copying)."""
        return self.licences.toPlainText()

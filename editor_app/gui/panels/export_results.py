"""The export panel's result: the files written, Open Folder and Open in Browser."""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.gui.theme import set_icon

PathRole = Qt.ItemDataRole.UserRole


class ResultList(QListWidget):
    """Files of the last export; unchanged ones muted. Activating one opens it."""

    openRequested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.out: Path | None = None
        self.files: list[Path] = []
        self.changed: list[Path] = []
        self.setMinimumHeight(60)
        self.itemActivated.connect(lambda item: self.openRequested.emit(item.data(PathRole)))

    def show_files(self, out: Path | None, files: list[Path], changed: list[Path]) -> None:
        self.out, self.files, self.changed = out, list(files), list(changed)
        self.clear()
        if out is None:
            placeholder = QListWidgetItem(self.tr("Nothing exported yet."), self)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            return
        changed_set = set(changed)
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for path in files:
            try:
                text = path.relative_to(out).as_posix()
            except ValueError:
                text = str(path)
            is_page = path.suffix.lower() in {".md", ".html"}
            icon = qta.icon("mdi6.file-document-outline" if is_page else "mdi6.file-image-outline")
            item = QListWidgetItem(icon, text, self)
            item.setData(PathRole, path)
            if path in changed_set:
                item.setToolTip(self.tr("Written: %1").replace("%1", str(path)))
            else:
                item.setForeground(muted)
                item.setToolTip(self.tr("Unchanged, left as it was: %1").replace("%1", str(path)))


class ResultBox(QWidget):
    """The "Result" heading, the ResultList and the buttons that open what was written."""

    openFailed = Signal(str)  # a message naming what could not be opened

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(self.tr("Result"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.list = ResultList(self)
        self.open_folder_button = QPushButton(self.tr("Open Folder"), self)
        set_icon(self.open_folder_button, "mdi6.folder-open-outline")
        self.open_browser_button = QPushButton(self.tr("Open in Browser"), self)
        set_icon(self.open_browser_button, "mdi6.web")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(self.open_browser_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_browser_button.clicked.connect(self.open_in_browser)
        self.list.openRequested.connect(self.open_path)
        self.show_files(None)

    def show_files(
        self, out: Path | None, files: list[Path] | None = None, changed: list[Path] | None = None
    ) -> None:
        self.list.show_files(out, files or [], changed or [])
        self.open_folder_button.setEnabled(out is not None)
        self.open_browser_button.setEnabled(self.browser_page() is not None)

    def browser_page(self) -> Path | None:
        """The page Open in Browser shows: index.html, or the single file."""
        pages = [f for f in self.list.files if f.suffix.lower() == ".html"]
        index = [f for f in pages if f.name == "index.html"]
        return (index or pages or [None])[0]

    def open_folder(self) -> None:
        if self.list.out is not None:
            self.open_path(self.list.out)

    def open_in_browser(self) -> None:
        page = self.browser_page()
        if page is not None:
            self.open_path(page)

    def open_path(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.openFailed.emit(self.tr("Could not open %1").replace("%1", str(path)))

"""The export panel's form: format, profile, output folder and options.

It only shows and reads values; the panel decides where they are stored.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from editor_app.core.export.markdown import export_slug
from editor_app.core.model import Issue
from editor_app.gui.panels.export_settings import PROFILES
from editor_app.gui.theme import set_icon


class ExportForm(QWidget):
    edited = Signal(str)  # what: "format", "profile", "out", "image_prefix", "allow_remote"
    forceToggled = Signal(bool)
    browseRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.format_combo = QComboBox(self)
        self.format_combo.addItem(self.tr("Markdown"), "markdown")
        self.format_combo.addItem(self.tr("HTML"), "html")
        self.profile_combo = QComboBox(self)
        self.profile_hint = QLabel(self)
        self.profile_hint.setWordWrap(True)
        font = self.profile_hint.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.profile_hint.setFont(font)
        self.profile_hint.setEnabled(False)  # the palette's muted text, in either theme
        self.out_edit = QLineEdit(self)
        self.out_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        set_icon(self.browse_button, "mdi6.folder-search-outline")
        out_row = QHBoxLayout()
        out_row.setContentsMargins(0, 0, 0, 0)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.browse_button)
        out_label = QLabel(self.tr("&Output folder"), self)
        out_label.setBuddy(self.out_edit)
        self.prefix_edit = QLineEdit(self)
        self.prefix_edit.setPlaceholderText(self.tr("none: images beside the page"))
        self.prefix_edit.setToolTip(
            self.tr("Markdown: a URL put before image names, for a CDN (images are still written).")
        )
        self.remote_check = QCheckBox(self.tr("Allow remote images"), self)
        self.remote_check.setToolTip(
            self.tr(
                "HTML: download images from other sites into the export (embedded in a single "
                "file, in assets/remote/ for a site). Off: they stay links to their sites and "
                "load when the page is opened."
            )
        )
        self.force_check = QCheckBox(self.tr("Export anyway, despite errors"), self)
        self.force_check.setToolTip(self.tr("Export even when the checks find errors."))

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("&Format"), self.format_combo)
        self.form.addRow(self.tr("&Profile"), self.profile_combo)
        self.form.addRow("", self.profile_hint)
        self.form.addRow(out_label, out_row)
        self.form.addRow(self.tr("&Image URL prefix"), self.prefix_edit)
        self.form.addRow("", self.remote_check)
        self.form.addRow("", self.force_check)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.profile_combo.currentIndexChanged.connect(lambda: self.edited.emit("profile"))
        self.out_edit.editingFinished.connect(lambda: self.edited.emit("out"))
        self.prefix_edit.editingFinished.connect(lambda: self.edited.emit("image_prefix"))
        self.remote_check.toggled.connect(lambda: self.edited.emit("allow_remote"))
        self.force_check.toggled.connect(self.forceToggled)
        self.browse_button.clicked.connect(self.browseRequested)
        self._update_option_rows()

    def inputs(self) -> list[QWidget]:
        return [
            self.format_combo,
            self.profile_combo,
            self.out_edit,
            self.browse_button,
            self.prefix_edit,
            self.remote_check,
            self.force_check,
        ]

    def fmt(self) -> str:
        return self.format_combo.currentData() or "markdown"

    def profile(self) -> str:
        return self.profile_combo.currentData() or ""

    def show_values(
        self, fmt: str, profile: str, out: str, image_prefix: str, allow_remote: bool
    ) -> None:
        """Show stored values without emitting ``edited``."""
        widgets = [self.format_combo, self.prefix_edit, self.remote_check, self.out_edit]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))
            self._fill_profiles(fmt, profile)
            self.out_edit.setText(out)
            self.prefix_edit.setText(image_prefix)
            self.remote_check.setChecked(allow_remote)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._update_option_rows()

    def _format_changed(self) -> None:
        self._fill_profiles(self.fmt(), "")
        self._update_option_rows()
        self.edited.emit("format")

    def _fill_profiles(self, fmt: str, current: str) -> None:
        labels = {
            "hugo": self.tr("Hugo (page bundle)"),
            "jekyll": self.tr("Jekyll (post)"),
            "plain": self.tr("Plain Markdown"),
            "site": self.tr("Web page with assets folder"),
            "single-file": self.tr("Single file (images inlined)"),
        }
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in PROFILES[fmt]:
            self.profile_combo.addItem(labels[profile], profile)
        self.profile_combo.setCurrentIndex(max(self.profile_combo.findData(current), 0))
        self.profile_combo.blockSignals(False)

    def _update_option_rows(self) -> None:
        markdown = self.fmt() == "markdown"
        self.form.setRowVisible(self.prefix_edit, markdown)
        self.form.setRowVisible(self.remote_check, not markdown)

    def update_for_issue(self, issue: Issue | None, default_out: str) -> None:
        """The profile's file names and the default folder depend on the issue's slug/date."""
        if issue is None:
            self.profile_hint.clear()
            self.out_edit.setPlaceholderText("")
            return
        slug = export_slug(issue)
        date = issue.date.isoformat() if issue.date else "YYYY-MM-DD"
        hints = {
            "hugo": self.tr("Writes %1/index.md with the images beside it."),
            "jekyll": self.tr("Writes _posts/%2-%1.md; images in assets/%1/."),
            "plain": self.tr("Writes %1.md; images in %1/."),
            "site": self.tr("Writes index.html; images in assets/."),
            "single-file": self.tr("Writes %1.html with every image inside: one file to send."),
        }
        text = hints.get(self.profile(), "").replace("%1", slug).replace("%2", date)
        self.profile_hint.setText(text)
        self.out_edit.setPlaceholderText(default_out)
        self.out_edit.setToolTip(
            self.tr(
                "Export writes only its own files here; nothing else in the folder is changed "
                "or deleted. Empty: %1"
            ).replace("%1", default_out)
        )

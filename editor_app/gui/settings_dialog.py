"""The Preferences dialog: library, language, theme, editor, images and preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core import settings_registry as reg
from editor_app.core.images.pipeline import ALLOWED_FORMATS
from editor_app.gui import i18n, theme
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.editor.markdown_edit import editor_font
from editor_app.gui.focus import kept_focus
from editor_app.gui.preferences import (
    AUTOSAVE_RANGE_MS,
    FONT_SIZE_RANGE,
    IMAGE_WIDTH_RANGE,
    Preferences,
)

FORMAT_LABELS = {"PNG": "PNG", "JPEG": "JPEG", "WEBP": "WebP", "GIF": "GIF"}


class SettingsDialog(QDialog):
    """Edits Preferences; ``applied`` is emitted after OK or Apply wrote them to QSettings."""

    applied = Signal()
    libraryChanged = Signal(Path)  # the library folder setting changed (sample library if "")

    def __init__(self, settings: AppSettings, default_library: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.default_library = default_library
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("SettingsDialog")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._editor_tab(), self.tr("Editor"))
        self.tabs.addTab(self._images_tab(), self.tr("Images"))
        self.tabs.addTab(self._preview_tab(), self.tr("Preview"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons = buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.set_preferences(Preferences())
        )
        # The widget that edits each declared setting (a test checks none is missing).
        self.editors: dict[str, QWidget] = {
            reg.LIBRARY.key: self.library_edit,
            reg.LANGUAGE.key: self.language_combo,
            reg.THEME.key: self.theme_combo,
            reg.FONT_FAMILY.key: self.font_combo,
            reg.FONT_SIZE.key: self.font_size_spin,
            reg.AUTOSAVE_MS.key: self.autosave_spin,
            reg.IMAGE_MAX_WIDTH.key: self.image_width_spin,
            reg.IMAGE_FORMATS.key: self.formats_warning.parentWidget(),  # the checks' page
            reg.REMOTE_CONTENT.key: self.remote_check,
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.set_preferences(Preferences.load(settings))
        self.resize(560, self.sizeHint().height())

    # -- tabs -------------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.library_edit = QLineEdit(page)
        self.library_edit.setPlaceholderText(
            self.tr("Sample library (%1)").replace("%1", str(self.default_library))
        )
        self.library_edit.setClearButtonEnabled(True)
        browse = QPushButton(self.tr("&Browse…"), page)
        browse.clicked.connect(self._choose_library)
        row = QHBoxLayout()
        row.addWidget(self.library_edit, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("&Library folder:"), page)
        label.setBuddy(self.library_edit)
        form.addRow(label, row)
        self.library_edit.setToolTip(
            self.tr("The folder of issues shown when Masthead starts without a folder to open")
        )

        self.language_combo = QComboBox(page)
        self.language_combo.addItem(self.tr("System language"), i18n.SYSTEM)
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        form.addRow(self.tr("Lang&uage:"), self.language_combo)
        self.language_note = QLabel(self.tr("A new language takes effect when Masthead restarts."))
        self.language_note.setWordWrap(True)
        self.language_note.setEnabled(False)  # drawn in the muted text colour
        form.addRow("", self.language_note)

        self.theme_combo = QComboBox(page)
        self.theme_combo.addItem(self.tr("Follow the system"), theme.SYSTEM)
        self.theme_combo.addItem(self.tr("Light"), theme.LIGHT)
        self.theme_combo.addItem(self.tr("Dark"), theme.DARK)
        form.addRow(self.tr("&Theme:"), self.theme_combo)
        return page

    def _editor_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.font_default_check = QCheckBox(self.tr("Use the default font"), page)
        self.font_combo = QFontComboBox(page)
        self.font_size_spin = QSpinBox(page)
        self.font_size_spin.setRange(*FONT_SIZE_RANGE)
        self.font_size_spin.setSuffix(self.tr(" pt"))
        self.font_default_check.toggled.connect(self._font_default_toggled)
        form.addRow(self.tr("Editor font:"), self.font_default_check)
        form.addRow(self.tr("&Family:"), self.font_combo)
        form.addRow(self.tr("&Size:"), self.font_size_spin)
        hint = QLabel(
            self.tr("Chinese text uses a Chinese font automatically when the family has none.")
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form.addRow("", hint)

        self.autosave_spin = QDoubleSpinBox(page)
        self.autosave_spin.setDecimals(1)
        self.autosave_spin.setSingleStep(0.5)
        self.autosave_spin.setRange(AUTOSAVE_RANGE_MS[0] / 1000, AUTOSAVE_RANGE_MS[1] / 1000)
        self.autosave_spin.setSuffix(self.tr(" s"))
        self.autosave_spin.setToolTip(
            self.tr(
                "Masthead saves this long after you stop typing; there is no Save button to forget"
            )
        )
        form.addRow(self.tr("&Autosave after:"), self.autosave_spin)
        return page

    def _images_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.image_width_spin = QSpinBox(page)
        self.image_width_spin.setRange(*IMAGE_WIDTH_RANGE)
        self.image_width_spin.setSingleStep(100)
        self.image_width_spin.setSuffix(self.tr(" px"))
        self.image_width_spin.setToolTip(
            self.tr("Wider images are scaled down when they are added to an issue")
        )
        form.addRow(self.tr("&Maximum width:"), self.image_width_spin)
        self.format_checks: dict[str, QCheckBox] = {}
        box = QVBoxLayout()
        for fmt in ALLOWED_FORMATS:
            check = QCheckBox(FORMAT_LABELS.get(fmt, fmt), page)
            check.toggled.connect(self._update_ok)
            self.format_checks[fmt] = check
            box.addWidget(check)
        form.addRow(self.tr("Accepted formats:"), box)
        self.formats_warning = QLabel(self.tr("Choose at least one format."), page)
        self.formats_warning.setWordWrap(True)
        form.addRow("", self.formats_warning)
        return page

    def _preview_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.remote_check = QCheckBox(self.tr("Load &remote images and fonts in the preview"), page)
        layout.addWidget(self.remote_check)
        note = QLabel(
            self.tr(
                "Off by default: Masthead works offline and the preview never contacts a "
                "server unless you allow it. Scripts in card content never run."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    # -- values -----------------------------------------------------------------------------
    def set_preferences(self, prefs: Preferences) -> None:
        self.library_edit.setText(prefs.library)
        self._select(self.language_combo, prefs.language)
        self._select(self.theme_combo, prefs.theme)
        font = editor_font(prefs.font_family, prefs.font_size)
        self.font_default_check.setChecked(not prefs.font_family and not prefs.font_size)
        self.font_combo.setCurrentFont(QFont(prefs.font_family or font.family()))
        self.font_size_spin.setValue(prefs.font_size or font.pointSize())
        self._font_default_toggled(self.font_default_check.isChecked())
        self.autosave_spin.setValue(prefs.autosave_ms / 1000)
        self.image_width_spin.setValue(prefs.image_max_width)
        for fmt, check in self.format_checks.items():
            check.setChecked(fmt in prefs.image_formats)
        self.remote_check.setChecked(prefs.remote_content)
        self._update_ok()

    def preferences(self) -> Preferences:
        default_font = self.font_default_check.isChecked()
        return Preferences(
            library=self.library_edit.text().strip(),
            autosave_ms=round(self.autosave_spin.value() * 1000),
            font_family="" if default_font else self.font_combo.currentFont().family(),
            font_size=0 if default_font else self.font_size_spin.value(),
            image_max_width=self.image_width_spin.value(),
            image_formats=[f for f, c in self.format_checks.items() if c.isChecked()],
            remote_content=self.remote_check.isChecked(),
            language=self.language_combo.currentData(),
            theme=self.theme_combo.currentData(),
        )

    def apply(self) -> None:
        if not self._formats_ok():
            return
        before = Preferences.load(self.settings).library
        prefs = self.preferences()
        prefs.save(self.settings)
        self.applied.emit()
        if prefs.library != before:
            self.libraryChanged.emit(prefs.library_path(self.default_library))

    def accept(self) -> None:
        if not self._formats_ok():
            return
        self.apply()
        super().accept()

    # -- helpers ----------------------------------------------------------------------------
    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(0, index))

    def _choose_library(self) -> None:
        start = self.library_edit.text() or str(self.default_library)
        with kept_focus():
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Choose the Library Folder"), start
            )
        if folder:
            self.library_edit.setText(folder)

    def _font_default_toggled(self, on: bool) -> None:
        self.font_combo.setEnabled(not on)
        self.font_size_spin.setEnabled(not on)

    def _formats_ok(self) -> bool:
        return any(c.isChecked() for c in self.format_checks.values())

    def _update_ok(self) -> None:
        ok = self._formats_ok()
        self.formats_warning.setVisible(not ok)
        for button in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Apply):
            self.buttons.button(button).setEnabled(ok)

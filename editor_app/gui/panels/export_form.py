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
from editor_app.core.export.registry import EXPORTS, FLAG, ExportRegistry
from editor_app.core.model import Issue
from editor_app.gui.panels.export_labels import translated
from editor_app.gui.theme import set_icon

# The option that only lets one export run despite errors; the panel's summary follows it.
FORCE = "force"


class ExportForm(QWidget):
    """Formats, profiles and option widgets come from the export registry."""

    edited = Signal(str)  # what: "format", "profile", "out" or a stored option's key
    forceToggled = Signal(bool)
    browseRequested = Signal()

    def __init__(self, parent: QWidget | None = None, registry: ExportRegistry = EXPORTS):
        super().__init__(parent)
        self.registry = registry
        self.format_combo = QComboBox(self)
        for spec in registry.formats:
            self.format_combo.addItem(translated(spec.label), spec.name)
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
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("&Format"), self.format_combo)
        self.form.addRow(self.tr("&Profile"), self.profile_combo)
        self.form.addRow("", self.profile_hint)
        self.form.addRow(out_label, out_row)
        # One widget per option the panel shows: a check box for a switch, else a line edit.
        self.option_widgets: dict[str, QLineEdit | QCheckBox] = {}
        for option in registry.options:
            if not option.label:
                continue
            if option.kind == FLAG:
                check = QCheckBox(translated(option.label), self)
                self.form.addRow("", check)
                widget: QLineEdit | QCheckBox = check
            else:
                edit = QLineEdit(self)
                edit.setPlaceholderText(translated(option.placeholder))
                self.form.addRow(translated(option.label), edit)
                widget = edit
            widget.setToolTip(translated(option.tooltip))
            self.option_widgets[option.key] = widget
            self._connect_option(option.key, option.stored, widget)
        # Short names for the options the panel and the tests reach directly.
        self.prefix_edit = self.option_widgets.get("image_prefix")
        self.remote_check = self.option_widgets.get("allow_remote")
        self.force_check = self.option_widgets.get(FORCE)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.profile_combo.currentIndexChanged.connect(lambda: self.edited.emit("profile"))
        self.out_edit.editingFinished.connect(lambda: self.edited.emit("out"))
        self.browse_button.clicked.connect(self.browseRequested)
        self._update_option_rows()

    def _connect_option(self, key: str, stored: bool, widget: QLineEdit | QCheckBox) -> None:
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(lambda: self.edited.emit(key))
        elif key == FORCE:
            widget.toggled.connect(self.forceToggled)
        elif stored:
            widget.toggled.connect(lambda: self.edited.emit(key))

    def inputs(self) -> list[QWidget]:
        fixed = [self.format_combo, self.profile_combo, self.out_edit, self.browse_button]
        return fixed + list(self.option_widgets.values())

    def fmt(self) -> str:
        return self.format_combo.currentData() or self.registry.format_names[0]

    def profile(self) -> str:
        return self.profile_combo.currentData() or ""

    def option_value(self, key: str) -> str | bool:
        """What the option's widget holds: text (stripped) or whether it is checked."""
        widget = self.option_widgets[key]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        return widget.text().strip()

    def option_values(self) -> dict[str, str | bool]:
        return {key: self.option_value(key) for key in self.option_widgets}

    def show_values(self, fmt: str, profile: str, out: str, values: dict[str, object]) -> None:
        """Show stored values (options by key; others keep theirs) without emitting ``edited``."""
        widgets = [self.format_combo, self.out_edit, *self.option_widgets.values()]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))
            self._fill_profiles(fmt, profile)
            self.out_edit.setText(out)
            for key, value in values.items():
                widget = self.option_widgets.get(key)
                if isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif widget is not None:
                    widget.setText(str(value))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._update_option_rows()

    def _format_changed(self) -> None:
        self._fill_profiles(self.fmt(), "")
        self._update_option_rows()
        self.edited.emit("format")

    def _fill_profiles(self, fmt: str, current: str) -> None:
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for spec in self.registry.format(fmt).profiles:
            self.profile_combo.addItem(translated(spec.label), spec.name)
        self.profile_combo.setCurrentIndex(max(self.profile_combo.findData(current), 0))
        self.profile_combo.blockSignals(False)

    def _update_option_rows(self) -> None:
        fmt = self.fmt()
        for key, widget in self.option_widgets.items():
            self.form.setRowVisible(widget, self.registry.accepts(fmt, key))

    def update_for_issue(self, issue: Issue | None, default_out: str) -> None:
        """The profile's file names and the default folder depend on the issue's slug/date."""
        if issue is None:
            self.profile_hint.clear()
            self.out_edit.setPlaceholderText("")
            return
        slug = export_slug(issue)
        date = issue.date.isoformat() if issue.date else "YYYY-MM-DD"
        hints = {p.name: p.hint for p in self.registry.format(self.fmt()).profiles}
        text = translated(hints.get(self.profile(), "")).replace("%1", slug).replace("%2", date)
        self.profile_hint.setText(text)
        self.out_edit.setPlaceholderText(default_out)
        self.out_edit.setToolTip(
            self.tr(
                "Export writes only its own files here; nothing else in the folder is changed "
                "or deleted. Empty: %1"
            ).replace("%1", default_out)
        )

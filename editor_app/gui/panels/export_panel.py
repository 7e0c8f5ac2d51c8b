"""The export panel: target, options, preflight problems, export with progress, the result.

Settings live in the ``export:`` mapping of issue.yaml (see export_settings.py), written
through the document so they are saved, undoable and shared with ``masthead export``.
The export itself runs off the UI thread (export_job.py) on a copy of the issue.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.checks import Problem
from editor_app.core.errors import MastheadError
from editor_app.core.export.base import ExportOptions, PreflightError, Progress, preflight
from editor_app.core.export.markdown import export_slug
from editor_app.gui.document import IssueDocument
from editor_app.gui.panels.export_job import ExportJob
from editor_app.gui.panels.export_problems import ERROR_COLOR, ProblemList
from editor_app.gui.panels.export_results import ResultList
from editor_app.gui.panels.export_settings import (
    PROFILES,
    ExportSettings,
    default_out_dir,
    is_inside,
    resolve_out,
    store_out,
)
from editor_app.gui.theme import set_icon
from editor_app.gui.workers import run_in_thread

PREFLIGHT_DELAY_MS = 300


class ExportPanel(QWidget):
    """Dock content for exporting the open issue. ``set_document`` switches issues."""

    jumpToCard = Signal(str)  # a problem was activated: show this card
    exportFinished = Signal(list)  # every file of the export (Paths)
    exportFailed = Signal(str)  # the message shown in the panel

    def __init__(self, document: IssueDocument | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: IssueDocument | None = None
        self._job: ExportJob | None = None
        self._loaded: dict | None = None  # the export mapping the widgets show
        self._loading = False
        self._preflight_running = False
        self._preflight_again = False
        self._last_out: Path | None = None
        self._preflight_timer = QTimer(self, singleShot=True, interval=PREFLIGHT_DELAY_MS)
        self._preflight_timer.timeout.connect(self.refresh_problems)
        self._build()
        self.set_document(document)

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.format_combo = QComboBox(self)
        self.format_combo.addItem(self.tr("Markdown"), "markdown")
        self.format_combo.addItem(self.tr("HTML"), "html")
        self.profile_combo = QComboBox(self)
        self.profile_hint = _hint_label(self)
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
            self.tr("HTML: let the page load images from other sites (off: local images only).")
        )
        self.force_check = QCheckBox(self.tr("Export anyway, despite errors"), self)
        self.force_check.setToolTip(self.tr("Export even when the checks find errors."))

        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("&Format"), self.format_combo)
        self.form.addRow(self.tr("&Profile"), self.profile_combo)
        self.form.addRow("", self.profile_hint)
        self.form.addRow(out_label, out_row)
        self.form.addRow(self.tr("&Image URL prefix"), self.prefix_edit)
        self.form.addRow("", self.remote_check)
        self.form.addRow("", self.force_check)

        self.problem_summary = QLabel(self)
        self.problem_summary.setWordWrap(True)
        self.refresh_button = QToolButton(self)
        set_icon(self.refresh_button, "mdi6.refresh")
        self.refresh_button.setToolTip(self.tr("Run the checks again"))
        self.refresh_button.setAutoRaise(True)
        checks_row = QHBoxLayout()
        checks_row.addWidget(_heading(self.tr("Checks"), self))
        checks_row.addWidget(self.problem_summary, 1)
        checks_row.addWidget(self.refresh_button)
        self.problem_list = ProblemList(self)
        self.problem_list.setMinimumHeight(80)

        self.export_button = QPushButton(self.tr("&Export"), self)
        set_icon(self.export_button, "mdi6.export")
        self.export_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        set_icon(self.cancel_button, "mdi6.stop-circle-outline")
        self.cancel_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button, 1)
        buttons.addWidget(self.cancel_button)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)  # shown from the first export on
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.result_list = ResultList(self)
        self.open_folder_button = QPushButton(self.tr("Open Folder"), self)
        set_icon(self.open_folder_button, "mdi6.folder-open-outline")
        self.open_browser_button = QPushButton(self.tr("Open in Browser"), self)
        set_icon(self.open_browser_button, "mdi6.web")
        result_buttons = QHBoxLayout()
        result_buttons.addWidget(self.open_folder_button)
        result_buttons.addWidget(self.open_browser_button)
        result_buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addSpacing(4)
        layout.addLayout(checks_row)
        layout.addWidget(self.problem_list, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addSpacing(4)
        layout.addWidget(_heading(self.tr("Result"), self))
        layout.addWidget(self.result_list, 2)
        layout.addLayout(result_buttons)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.out_edit.editingFinished.connect(self._out_edited)
        self.browse_button.clicked.connect(self.browse)
        self.prefix_edit.editingFinished.connect(self._save_settings)
        self.remote_check.toggled.connect(self._options_changed)
        self.force_check.toggled.connect(self._update_summary)
        self.refresh_button.clicked.connect(self.refresh_problems)
        self.problem_list.jumpToCard.connect(self.jumpToCard)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_browser_button.clicked.connect(self.open_in_browser)
        self.result_list.openRequested.connect(self._open_path)
        self._show_result(None)

    # -- the document ------------------------------------------------------------------------
    def set_document(self, document: IssueDocument | None) -> None:
        """Show ``document`` (None: no issue open). Call it when the window switches issues."""
        if self._job is not None:
            self.cancel()
            self._job = None
            self._set_running(False)
        if self.document is not None:
            for signal, slot in self._document_connections():
                signal.disconnect(slot)
        self.document = document
        self._loaded = None
        self._last_out = None
        self._show_result(None)
        self.problem_list.set_problems([])
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.status.clear()
        enabled = document is not None
        for widget in self._inputs() + [self.export_button, self.refresh_button]:
            widget.setEnabled(enabled)
        if document is None:
            self.problem_summary.setText(self.tr("No issue open."))
            return
        for signal, slot in self._document_connections():
            signal.connect(slot)
        self._load_settings()
        self._show_problems(document.problems)
        self.schedule_preflight()

    def _document_connections(self) -> list:
        doc = self.document
        assert doc is not None
        return [
            (doc.issueChanged, self._issue_changed),
            (doc.problemsChanged, self._document_problems),
        ]

    def _issue_changed(self) -> None:
        if self.document is None or self._loading:
            return
        if self.document.issue.export != self._loaded:
            self._load_settings()  # undo/redo, or another window changed them
        else:
            self._update_profile_hint()  # the slug or date may have changed
            self._update_out_placeholder()
        self.schedule_preflight()

    def _document_problems(self, _problems: list) -> None:
        self.schedule_preflight()

    # -- settings ----------------------------------------------------------------------------
    def settings(self) -> ExportSettings:
        """The settings the widgets show (``out`` in its stored form)."""
        out = ""
        text = self.out_edit.text().strip()
        if text and self.document is not None:
            out = store_out(self.document.folder, Path(text).expanduser())
        return ExportSettings(
            format=self.format_combo.currentData() or "markdown",
            profile=self.profile_combo.currentData() or "",
            out=out,
            image_prefix=self.prefix_edit.text().strip(),
            allow_remote=self.remote_check.isChecked(),
        )

    def output_folder(self) -> Path:
        """Where Export writes: the folder typed or chosen, else the default."""
        assert self.document is not None
        text = self.out_edit.text().strip()
        if text:
            return resolve_out(self.document.folder, str(Path(text).expanduser()))
        return default_out_dir(self.document.issue)

    def options(self) -> ExportOptions:
        s = self.settings()
        return ExportOptions(
            profile=s.effective_profile,
            image_prefix=s.image_prefix if s.format == "markdown" else "",
            force=self.force_check.isChecked(),
            allow_remote=s.allow_remote and s.format == "html",
        )

    def _load_settings(self) -> None:
        assert self.document is not None
        doc = self.document
        stored = copy.deepcopy(doc.issue.export or {})
        s = ExportSettings.from_mapping(stored)
        self._loading = True
        try:
            self.format_combo.setCurrentIndex(self.format_combo.findData(s.format))
            self._fill_profiles(s.format, s.effective_profile)
            self.out_edit.setText(str(resolve_out(doc.folder, s.out)) if s.out else "")
            self.prefix_edit.setText(s.image_prefix)
            self.remote_check.setChecked(s.allow_remote)
        finally:
            self._loading = False
        self._loaded = stored
        self._update_profile_hint()
        self._update_out_placeholder()
        self._update_option_rows()

    def _save_settings(self, store_default_out: bool = False) -> None:
        """Write the widgets' settings into issue.yaml when they differ from it."""
        doc = self.document
        if doc is None or self._loading:
            return
        s = self.settings()
        if not s.out and store_default_out:
            s.out = store_out(doc.folder, default_out_dir(doc.issue))
        mapping = s.to_mapping(doc.issue.export)
        if mapping == (doc.issue.export or {}):
            return
        self._loaded = mapping
        self._loading = True  # our own change: the widgets already show it
        try:
            doc.set_issue_field("export", mapping, self.tr("Change export settings"))
        finally:
            self._loading = False

    def _fill_profiles(self, fmt: str, current: str) -> None:
        labels = self._profile_labels()
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in PROFILES[fmt]:
            self.profile_combo.addItem(labels[profile], profile)
        index = self.profile_combo.findData(current)
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.blockSignals(False)

    def _profile_labels(self) -> dict[str, str]:
        return {
            "hugo": self.tr("Hugo (page bundle)"),
            "jekyll": self.tr("Jekyll (post)"),
            "plain": self.tr("Plain Markdown"),
            "site": self.tr("Web page with assets folder"),
            "single-file": self.tr("Single file (images inlined)"),
        }

    def _format_changed(self) -> None:
        if self._loading:
            return
        self._fill_profiles(self.format_combo.currentData(), "")
        self._update_profile_hint()
        self._update_option_rows()
        self._show_result(None)
        self._save_settings()
        self.schedule_preflight()

    def _profile_changed(self) -> None:
        if self._loading:
            return
        self._update_profile_hint()
        self._save_settings()
        self.schedule_preflight()

    def _options_changed(self) -> None:
        self._save_settings()

    def _out_edited(self) -> None:
        if self.document is None or self._loading:
            return
        if self._check_out_folder(self.output_folder()):
            self._save_settings()

    def _check_out_folder(self, folder: Path) -> bool:
        """False (with a message) for a folder inside the issue: it would mix with its files."""
        assert self.document is not None
        if is_inside(folder, self.document.folder):
            self._set_status(
                self.tr("Choose an output folder outside the issue folder."), error=True
            )
            return False
        return True

    def browse(self) -> None:
        if self.document is None:
            return
        start = self.output_folder()
        while not start.exists() and start.parent != start:
            start = start.parent
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to Folder"), str(start))
        if not chosen:
            return
        self.out_edit.setText(chosen)
        self._out_edited()

    def _update_option_rows(self) -> None:
        markdown = self.format_combo.currentData() == "markdown"
        self.form.setRowVisible(self.prefix_edit, markdown)
        self.form.setRowVisible(self.remote_check, not markdown)

    def _update_out_placeholder(self) -> None:
        if self.document is None:
            return
        default = default_out_dir(self.document.issue)
        self.out_edit.setPlaceholderText(str(default))
        self.out_edit.setToolTip(
            self.tr(
                "Export writes only its own files here; nothing else in the folder is changed "
                "or deleted. Empty: %1"
            ).replace("%1", str(default))
        )

    def _update_profile_hint(self) -> None:
        if self.document is None:
            self.profile_hint.clear()
            return
        issue = self.document.issue
        slug = export_slug(issue)
        date = issue.date.isoformat() if issue.date else "YYYY-MM-DD"
        hints = {
            "hugo": self.tr("Writes %1/index.md with the images beside it."),
            "jekyll": self.tr("Writes _posts/%2-%1.md; images in assets/%1/."),
            "plain": self.tr("Writes %1.md; images in %1/."),
            "site": self.tr("Writes index.html; images in assets/."),
            "single-file": self.tr("Writes %1.html with every image inside: one file to send."),
        }
        profile = self.profile_combo.currentData() or ""
        text = hints.get(profile, "").replace("%1", slug).replace("%2", date)
        self.profile_hint.setText(text)

    # -- problems ------------------------------------------------------------------------------
    def schedule_preflight(self) -> None:
        if self.document is not None:
            self._preflight_timer.start()

    def refresh_problems(self) -> None:
        """Run the export's preflight (checks + format-specific ones) off the UI thread."""
        doc = self.document
        if doc is None:
            return
        if self._preflight_running:
            self._preflight_again = True
            return
        self._preflight_running = True
        snapshot = copy.deepcopy(doc.issue)
        snapshot.folder = doc.folder
        fmt = self.format_combo.currentData() or "markdown"
        options = self.options()
        run_in_thread(
            lambda: preflight(snapshot, fmt, options),
            self._preflight_done,
            self._preflight_failed,
            self,
        )

    def _preflight_done(self, problems: list[Problem]) -> None:
        self._preflight_running = False
        if self._preflight_again:
            self._preflight_again = False
            self.refresh_problems()
            return
        if self._job is None:  # a running export reports its own problems
            self._show_problems(problems)

    def _preflight_failed(self, message: str) -> None:
        self._preflight_running = False
        self._set_status(message.splitlines()[0] if message else "", error=True)

    def _show_problems(self, problems: list[Problem]) -> None:
        doc = self.document

        def title(card_id: str) -> str:
            card = doc.issue.cards.get(card_id) if doc is not None else None
            return (card.title or card_id) if card is not None else ""

        self.problem_list.set_problems(list(problems), title)
        self._update_summary()

    def _update_summary(self) -> None:
        if self.document is None:
            return
        errors = self.problem_list.error_count()
        warnings = self.problem_list.warning_count()
        if not errors and not warnings:
            self.problem_summary.setText(self.tr("No problems found."))
            return
        parts = []
        if errors:
            parts.append(self.tr("Errors: %1").replace("%1", str(errors)))
        if warnings:
            parts.append(self.tr("Warnings: %1").replace("%1", str(warnings)))
        text = " · ".join(parts)
        if errors and not self.force_check.isChecked():
            text += " — " + self.tr("errors stop the export")
        self.problem_summary.setText(text)

    # -- exporting -----------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._job is not None

    def export(self) -> None:
        """Start the export with the current settings (does nothing while one runs)."""
        doc = self.document
        if doc is None or self._job is not None:
            return
        out = self.output_folder()
        if not self._check_out_folder(out):
            return
        self._save_settings(store_default_out=True)
        if doc.dirty:
            doc.save()  # the files on disk match what is exported
        snapshot = copy.deepcopy(doc.issue)
        snapshot.folder = doc.folder
        fmt = self.format_combo.currentData() or "markdown"
        job = ExportJob(fmt, snapshot, out, self.options())
        job.progress.connect(self._job_progress)
        job.finished.connect(self._job_finished)
        job.failed.connect(self._job_failed)
        job.cancelled.connect(self._job_cancelled)
        self._job = job
        self._last_out = out
        self._show_result(None)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._set_status(self.tr("Exporting to %1…").replace("%1", str(out)))
        self._set_running(True)
        job.start()

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self._set_status(self.tr("Cancelling…"))

    def _is_current(self) -> bool:
        return self._job is not None and self.sender() is self._job

    def _job_progress(self, step: int, total: int, message: str) -> None:
        if not self._is_current():
            return
        self.progress.setValue(100 * step // total if total else 0)
        if message:
            self.progress.setFormat(f"%p%  {message}")

    def _job_finished(self, last: Progress) -> None:
        if not self._is_current():
            return
        self._job = None
        self._set_running(False)
        self.progress.setValue(100)
        self.progress.setFormat("%p%")
        files = list(last.files or [])
        changed = list(last.changed or [])
        out = self._last_out or Path()
        self._show_result(out, files, changed)
        self._show_problems(last.problems)
        text = self.tr("Exported %n file(s) to %1", "", len(files)).replace("%1", str(out))
        if len(changed) != len(files):
            text += " " + self.tr("(%n changed).", "", len(changed))
        else:
            text += "."
        self._set_status(text)
        self.exportFinished.emit(files)

    def _job_failed(self, exc: Exception) -> None:
        if not self._is_current():
            return
        self._job = None
        self._set_running(False)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        if isinstance(exc, PreflightError):
            self.progress.setVisible(False)  # it never started
            self._show_problems(exc.problems)
            errors = self.problem_list.error_count()
            text = self.tr(
                "Export stopped: the checks found %n error(s). Fix them (double-click a "
                "problem to open its card) or tick “Export anyway”.",
                "",
                errors,
            )
        elif isinstance(exc, MastheadError):
            text = self.tr("Export failed: %1").replace("%1", exc.describe())
        elif isinstance(exc, OSError):
            where = f"{exc.filename}: " if exc.filename else ""
            text = self.tr("Export failed: %1").replace("%1", f"{where}{exc.strerror or exc}")
        else:
            text = self.tr("Export failed: %1").replace("%1", str(exc))
        self._set_status(text, error=True)
        self.exportFailed.emit(text)

    def _job_cancelled(self, written: int) -> None:
        if not self._is_current():
            return
        self._job = None
        self._set_running(False)
        self.progress.setFormat("%p%")
        self._set_status(
            self.tr("Export cancelled after %n file(s); those files were kept.", "", written)
        )

    def _set_running(self, running: bool) -> None:
        for widget in self._inputs() + [self.export_button, self.refresh_button]:
            widget.setEnabled(not running and self.document is not None)
        self.cancel_button.setEnabled(running)

    def _inputs(self) -> list[QWidget]:
        return [
            self.format_combo,
            self.profile_combo,
            self.out_edit,
            self.browse_button,
            self.prefix_edit,
            self.remote_check,
            self.force_check,
        ]

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.status.setText(text)

    # -- the result ----------------------------------------------------------------------------
    def _show_result(
        self, out: Path | None, files: list[Path] | None = None, changed: list[Path] | None = None
    ) -> None:
        self.result_list.show_files(out, files or [], changed or [])
        self.open_folder_button.setEnabled(out is not None)
        self.open_browser_button.setEnabled(self.browser_page() is not None)

    def browser_page(self) -> Path | None:
        """The page Open in Browser shows: index.html, or the single file."""
        pages = [f for f in self.result_list.files if f.suffix.lower() == ".html"]
        index = [f for f in pages if f.name == "index.html"]
        return (index or pages or [None])[0]

    def open_folder(self) -> None:
        if self.result_list.out is not None:
            self._open_path(self.result_list.out)

    def open_in_browser(self) -> None:
        page = self.browser_page()
        if page is not None:
            self._open_path(page)

    def _open_path(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._set_status(self.tr("Could not open %1").replace("%1", str(path)), error=True)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _hint_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setEnabled(False)  # the palette's muted text colour, in light and dark themes
    return label

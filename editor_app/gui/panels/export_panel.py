"""The export panel: target, options, preflight problems, export with progress, the result.

Settings live in the ``export:`` mapping of issue.yaml (see export_settings.py), written
through the document so they are saved, undoable and shared with ``masthead export``.
Preflight and the export itself run off the UI thread on a copy of the issue.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.checks import Problem
from editor_app.core.errors import MastheadError
from editor_app.core.export import get_exporter
from editor_app.core.export.base import ExportOptions, PreflightError, Progress
from editor_app.gui.document import IssueDocument
from editor_app.gui.focus import kept_focus
from editor_app.gui.i18n import error_text
from editor_app.gui.panels.export_form import ExportForm
from editor_app.gui.panels.export_job import ExportJob
from editor_app.gui.panels.export_problems import ERROR_COLOR, ProblemsBox
from editor_app.gui.panels.export_results import ResultBox
from editor_app.gui.panels.export_settings import (
    ExportSettings,
    default_out_dir,
    is_inside,
    panel_options,
    resolve_out,
    store_out,
)
from editor_app.gui.theme import set_icon


class ExportPanel(QWidget):
    """Dock content for exporting the open issue. ``set_document`` switches issues."""

    jumpToCard = Signal(str)  # a problem was activated: show this card
    revealRequested = Signal(str, str, int, int)  # ... at this place (card, field, start, end)
    exportFinished = Signal(list)  # every file of the export (Paths)
    exportFailed = Signal(str)  # the message shown in the panel

    def __init__(self, document: IssueDocument | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: IssueDocument | None = None
        self._job: ExportJob | None = None
        self._loaded: dict | None = None  # the export mapping the form shows
        self._saving = False
        self._last_out: Path | None = None
        self._build()
        self.set_document(document)

    def _build(self) -> None:
        self.form = ExportForm(self)
        self.checks = ProblemsBox(self)
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
        self.progress.setVisible(False)  # shown from the first export on
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result = ResultBox(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addSpacing(4)
        layout.addWidget(self.checks, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addSpacing(4)
        layout.addWidget(self.result, 2)

        # Short names for the widgets other code and the tests use.
        f = self.form
        self.format_combo, self.profile_combo = f.format_combo, f.profile_combo
        self.out_edit = f.out_edit
        self.browse_button, self.prefix_edit = f.browse_button, f.prefix_edit
        self.remote_check, self.force_check = f.remote_check, f.force_check
        self.problem_list, self.result_list = self.checks.list, self.result.list
        self.open_folder_button = self.result.open_folder_button
        self.open_browser_button = self.result.open_browser_button

        f.edited.connect(self._form_edited)
        f.forceToggled.connect(lambda on: self.checks.update_summary(on))
        f.browseRequested.connect(self.browse)
        self.checks.refreshRequested.connect(self.refresh_problems)
        self.checks.list.jumpToCard.connect(self.jumpToCard)
        self.checks.list.revealRequested.connect(self.revealRequested)
        self.result.openFailed.connect(lambda msg: self._set_status(msg, error=True))
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)

    # -- the document ------------------------------------------------------------------------
    def set_document(self, document: IssueDocument | None) -> None:
        """Show ``document`` (None: no issue open). Call it when the window switches issues."""
        if self._job is not None:
            self._job.cancel()  # files already written stay; its report is ignored
            self._job = None
            self._set_running(False)
        if self.document is not None:
            self.document.issueChanged.disconnect(self._issue_changed)
            self.document.problemsChanged.disconnect(self.schedule_preflight)
        self.document = document
        self._loaded = None
        self._last_out = None
        self.result.show_files(None)
        self.checks.list.set_problems([])
        self.progress.setVisible(False)
        self._set_status("")
        for widget in self.form.inputs() + [self.export_button, self.checks.refresh_button]:
            widget.setEnabled(document is not None)
        if document is None:
            self.form.update_for_issue(None, "")
            self.checks.summary.setText(self.tr("No issue open."))
            return
        document.issueChanged.connect(self._issue_changed)
        document.problemsChanged.connect(self.schedule_preflight)
        self._load_settings()
        self._show_problems(document.problems)
        self.schedule_preflight()

    def _issue_changed(self) -> None:
        if self.document is None or self._saving:
            return
        if self.document.issue.export != self._loaded:
            self._load_settings()  # undo/redo, or another window changed them
        else:
            self._update_for_issue()  # the slug or date may have changed
        self.schedule_preflight()

    def _update_for_issue(self) -> None:
        assert self.document is not None
        self.form.update_for_issue(self.document.issue, str(default_out_dir(self.document.issue)))

    # -- settings ----------------------------------------------------------------------------
    def settings(self) -> ExportSettings:
        """The settings the form shows (``out`` in its stored form)."""
        out = ""
        text = self.out_edit.text().strip()
        if text and self.document is not None:
            out = store_out(self.document.folder, Path(text).expanduser())
        values = self.form.option_values()
        return ExportSettings(
            format=self.form.fmt(),
            profile=self.form.profile(),
            out=out,
            values={o.key: values[o.key] for o in panel_options(self.form.registry)},
            registry=self.form.registry,
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
        registry = self.form.registry
        stored = self.document.issue.export if self.document is not None else None
        # Options the panel does not show (remote_image_max_mb) come from issue.yaml, as the
        # CLI reads them; the panel's own apply where the format takes them.
        options = registry.options_from_settings(stored)
        options.profile = s.effective_profile
        for key, value in self.form.option_values().items():
            option = registry.option(key)
            setattr(
                options, option.attr, value if registry.accepts(s.format, key) else option.default
            )
        return options

    def _load_settings(self) -> None:
        assert self.document is not None
        doc = self.document
        stored = copy.deepcopy(doc.issue.export or {})
        s = ExportSettings.from_mapping(stored)
        out = str(resolve_out(doc.folder, s.out)) if s.out else ""
        self.form.show_values(s.format, s.effective_profile, out, s.values)
        self._loaded = stored
        self._update_for_issue()

    def _save_settings(self, store_default_out: bool = False) -> None:
        """Write the form's settings into issue.yaml when they differ from it."""
        doc = self.document
        if doc is None:
            return
        s = self.settings()
        if not s.out and store_default_out:
            s.out = store_out(doc.folder, default_out_dir(doc.issue))
        mapping = s.to_mapping(doc.issue.export)
        if mapping == (doc.issue.export or {}):
            return
        self._loaded = mapping
        self._saving = True  # our own change: the form already shows it
        try:
            doc.set_issue_field("export", mapping, self.tr("Change export settings"))
        finally:
            self._saving = False

    def _form_edited(self, what: str) -> None:
        if self.document is None:
            return
        if what == "out" and not self._check_out_folder(self.output_folder()):
            return
        if what == "format":
            self.result.show_files(None)
        self._update_for_issue()
        self._save_settings()
        if what != "out":  # the format, the profile and the options decide the preflight
            self.schedule_preflight()

    def _check_out_folder(self, folder: Path) -> bool:
        """False (with a message) for a folder inside the issue: it would mix with its files."""
        assert self.document is not None
        if is_inside(folder, self.document.folder):
            self._set_status(
                self.tr("Choose an output folder outside the issue folder."), error=True
            )
            return False
        self._set_status("")
        return True

    def browse(self) -> None:
        if self.document is None:
            return
        start = self.output_folder()
        while not start.exists() and start.parent != start:
            start = start.parent
        with kept_focus():
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to Folder"), str(start))
        if chosen:
            self.out_edit.setText(chosen)
            self._form_edited("out")

    # -- problems ------------------------------------------------------------------------------
    def schedule_preflight(self, *_args: object) -> None:
        self.refresh_problems()

    def refresh_problems(self) -> None:
        """The document's checks (run off the UI thread already) plus this format's own."""
        doc = self.document
        if doc is None or self._job is not None:  # a running export reports its own problems
            return
        extra = get_exporter(self.form.fmt()).extra_problems(doc.issue, self.options())
        self._show_problems([*doc.problems, *extra])

    def _show_problems(self, problems: list[Problem]) -> None:
        doc = self.document

        def title(card_id: str) -> str:
            card = doc.issue.cards.get(card_id) if doc is not None else None
            return (card.title or card_id) if card is not None else ""

        self.checks.list.set_problems(list(problems), title)
        self.checks.update_summary(self.force_check.isChecked())

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
        job = ExportJob(self.form.fmt(), snapshot, out, self.options())
        job.progress.connect(self._job_progress)
        job.finished.connect(self._job_finished)
        job.failed.connect(self._job_failed)
        job.cancelled.connect(self._job_cancelled)
        self._job = job
        self._last_out = out
        self.result.show_files(None)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
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
        if self._is_current():
            self.progress.setValue(100 * step // total if total else 0)
            self.progress.setFormat(f"%p%  {message}" if message else "%p%")

    def _job_finished(self, last: Progress) -> None:
        if not self._is_current():
            return
        self._job = None
        self._set_running(False)
        self.progress.setValue(100)
        self.progress.setFormat("%p%")
        files, changed = list(last.files or []), list(last.changed or [])
        out = self._last_out or Path()
        self.result.show_files(out, files, changed)
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
            text = self.tr(
                "Export stopped: the checks found %n error(s). Fix them (double-click a "
                "problem to open its card) or tick “Export anyway”.",
                "",
                self.checks.list.error_count(),
            )
        elif isinstance(exc, MastheadError):
            text = self.tr("Export failed: %1").replace("%1", error_text(exc))
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
        for widget in self.form.inputs() + [self.export_button, self.checks.refresh_button]:
            widget.setEnabled(not running and self.document is not None)
        self.cancel_button.setEnabled(running)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.status.setText(text)
        self.status.setVisible(bool(text))

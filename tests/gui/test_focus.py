"""After every dialog the keyboard focus is back where it was.

One test opens each dialog of the window from the card editor and from the outline, closes
it both ways (accept and reject) and checks the focus widget; another reads the GUI source
and checks that every dialog, message box and file chooser runs inside ``kept_focus``.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

import editor_app.gui
from editor_app.core.model import Issue
from editor_app.core.outline import add_section
from editor_app.core.storage import save_issue
from editor_app.gui.app_settings import AppSettings
from editor_app.gui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("text_preview")  # see tests/gui/conftest.py

GUI = Path(editor_app.gui.__file__).parent
# Calls that open something modal; QMenu.exec restores the focus itself, and the
# application's and run_blocking's event loops are no dialogs.
_STATIC = {
    "QMessageBox": {"warning", "critical", "information", "question", "about"},
    "QFileDialog": {"getOpenFileName", "getOpenFileNames", "getExistingDirectory",
                    "getSaveFileName"},
    "QInputDialog": {"getItem", "getText", "getInt", "getDouble", "getMultiLineText"},
}  # fmt: skip
_NOT_DIALOGS = {"app", "loop", "menu"}


def _opens_dialog(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    owner = func.value
    if isinstance(owner, ast.Name) and func.attr in _STATIC.get(owner.id, ()):
        return True
    if func.attr != "exec":
        return False
    name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
    return name not in _NOT_DIALOGS


def _keeps_focus(node: ast.With) -> bool:
    return any(
        isinstance(item.context_expr, ast.Call)
        and getattr(item.context_expr.func, "id", "") == "kept_focus"
        for item in node.items
    )


def unguarded_dialogs(path: Path) -> list[str]:
    """``file:line`` of each dialog opened outside a ``with kept_focus():`` block."""
    found: list[str] = []

    def walk(node: ast.AST, guarded: bool) -> None:
        if isinstance(node, ast.With) and _keeps_focus(node):
            guarded = True
        if isinstance(node, ast.Call) and _opens_dialog(node) and not guarded:
            found.append(f"{path.relative_to(GUI)}:{node.lineno}")
        for child in ast.iter_child_nodes(node):
            walk(child, guarded)

    walk(ast.parse(path.read_text("utf-8")), False)
    return found


def test_every_dialog_of_the_gui_keeps_the_focus():
    missing = [hit for path in sorted(GUI.rglob("*.py")) for hit in unguarded_dialogs(path)]
    assert missing == []


def test_the_source_check_sees_an_unguarded_dialog(tmp_path, monkeypatch):
    sample = tmp_path / "gui" / "sample.py"
    sample.parent.mkdir()
    sample.write_text(
        "def f(self):\n"
        "    QMessageBox.warning(self, 't', 'x')\n"
        "    with kept_focus():\n"
        "        QFileDialog.getOpenFileName(self)\n"
        "        dialog.exec()\n"
        "    menu.exec()\n"
        "    box.exec()\n",
        "utf-8",
    )
    monkeypatch.setattr(f"{__name__}.GUI", sample.parent)
    assert unguarded_dialogs(sample) == ["sample.py:2", "sample.py:7"]


# -- every dialog, opened from the editor and from the outline ----------------------------------
Step = Callable[[QWidget], bool | None]  # False: not done yet, call again


class DialogCloser:
    """Answers the dialogs that open next, one step each, from a timer (exec blocks)."""

    def __init__(self, steps: list[Step]):
        self.steps = list(steps)
        self.seen: list[int] = []  # ids: a dialog deleted on close cannot be compared
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        if not self.steps:
            self.timer.stop()
            return
        widget = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if widget is None or not isinstance(widget, QDialog):
            return
        if id(widget) not in self.seen:
            self.seen.append(id(widget))
        elif id(widget) != self.seen[-1]:
            return
        if self.steps[0](widget) is not False:
            self.steps.pop(0)


def accept(dialog: QWidget) -> None:
    dialog.accept()


def reject(dialog: QWidget) -> None:
    dialog.reject()


def pick(path: Path) -> Step:
    """Choose ``path`` in a file dialog (its file list loads in the background: retry until
    the dialog takes it and closes)."""

    def step(dialog: QWidget) -> bool:
        assert isinstance(dialog, QFileDialog)
        if path.is_dir():
            dialog.setDirectory(str(path))
        else:
            dialog.setDirectory(str(path.parent))
            dialog.findChild(QLineEdit, "fileNameEdit").setText(path.name)
        dialog.accept()
        return not dialog.isVisible()

    return step


def describe(dialog: QWidget) -> None:
    dialog.edit.setText("A blue square on white")
    dialog.accept()


def window_parts(win: MainWindow) -> dict[str, QWidget]:
    ws = win.workspace
    return {"editor": ws.editor.body_edit, "outline": ws.view}


@pytest.fixture
def win(qtbot, tmp_path, issue_folder):
    second = Issue(title="Second Issue", slug="second")
    add_section(second, "Only section", "📌")
    save_issue(second, issue_folder.parent / "second")
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(issue_folder.parent, settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.open_issue(issue_folder)
    out = io.BytesIO()
    Image.new("RGB", (30, 20), (20, 60, 200)).save(out, "PNG")
    (tmp_path / "blue.png").write_bytes(out.getvalue())
    (tmp_path / "exports").mkdir()
    (tmp_path / "letter.md").write_text("# A letter\n\n## News\n\n### Item\n\nText.\n", "utf-8")
    window.test_dir = tmp_path
    yield window
    window.close()


def import_file(dialog: QWidget) -> bool:
    """Fill in the import dialog, start it, and open the issue once it is imported."""
    if getattr(dialog, "imported_folder", None) is not None:
        dialog.accept()
        return True
    if not getattr(dialog, "_test_started", False):
        dialog._test_started = True
        dialog.path_edit.setText(str(dialog.library / "letter.md"))
        dialog.start_import()
    return False


def choose_palette_entry(dialog: QWidget) -> None:
    dialog.search.setText("Save Now")
    dialog._run(dialog.list.currentIndex())


def conflict_choice(name: str) -> Step:
    def step(dialog: QWidget) -> None:
        getattr(dialog, name).click()

    return step


def manifest_choice(keep_mine: bool) -> Step:
    def step(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        buttons = [b for b in box.buttons() if (b is box.defaultButton()) == keep_mine]
        buttons[0].click()

    return step


def new_issue_title(dialog: QWidget) -> None:
    dialog.title.setText("A fresh issue")
    dialog.accept()


def fetch_nothing(dialog: QWidget) -> None:
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("")
    dialog.accept()


def current_card(win: MainWindow) -> str:
    return win.workspace.editor.current_card_id or win.workspace.first_card()


# name: (open it, accept steps, reject steps, focus after accept: None = where it was)
DIALOGS: dict[str, tuple] = {
    "settings": (lambda w: w.act_settings.trigger(), [accept], [reject], None),
    "properties": (lambda w: w.act_properties.trigger(), [accept], [reject], None),
    "about": (lambda w: w.act_about.trigger(), [accept], [reject], None),
    "new issue": (lambda w: w.act_new.trigger(), [new_issue_title], [reject], "new"),
    "import": (lambda w: w.act_import.trigger(), [import_file], [reject], "new"),
    "open issue": (
        lambda w: w.act_open.trigger(),
        [lambda d: pick(w_issue(d))(d)],
        [reject],
        "new",
    ),
    "move to section": (
        lambda w: w.workspace.actions.move_to_section.trigger(),
        [accept],
        [reject],
        None,
    ),
    "move to issue": (
        lambda w: w.workspace.actions.move_to_issue.trigger(),
        [accept],
        [reject],
        None,
    ),
    "conflict": (
        lambda w: w.workspace.document.conflict.emit(current_card(w), "Text on disk."),
        [conflict_choice("mine_button")],
        [conflict_choice("theirs_button")],
        None,
    ),
    "issue changed on disk": (
        lambda w: w.workspace.document.manifestConflict.emit(),
        [manifest_choice(True)],
        [manifest_choice(False)],
        None,
    ),
    "command palette": (
        lambda w: w.keys.act_palette.trigger(),
        [choose_palette_entry],
        [reject],
        None,
    ),  # fmt: skip
    "insert image": (
        lambda w: w.workspace.editor.body_edit.actions_by_name["image"].trigger(),
        [lambda d: pick(d.parent().window().test_dir / "blue.png")(d), describe],
        [reject],
        None,
    ),
    "export folder": (
        lambda w: w.panels.export_panel.browse(),
        [lambda d: pick(d.parent().window().test_dir / "exports")(d)],
        [reject],
        None,
    ),
    # The images panel puts the focus in the text it inserted into, on purpose.
    "import images": (
        lambda w: w.panels.images.import_images(),
        [lambda d: pick(d.parent().window().test_dir / "blue.png")(d), describe],
        [reject],
        "body",
    ),
    "fetch remote image": (
        lambda w: w.panels.images.fetch_remote(),
        [fetch_nothing],
        [reject],
        None,
    ),  # fmt: skip
}


def w_issue(dialog: QWidget) -> Path:
    return dialog.parent().window().workspace.document.folder


def focus_on(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


def run(qtbot, win: MainWindow, name: str, steps: list[Step]) -> None:
    opener = DIALOGS[name][0]
    closer = DialogCloser(steps)
    opener(win)
    qtbot.waitUntil(lambda: not closer.steps, timeout=10000)
    closer.timer.stop()
    QApplication.processEvents()


@pytest.mark.parametrize("name", list(DIALOGS))
def test_focus_returns_after_each_dialog(qtbot, win, name):
    _open, accept_steps, reject_steps, after_accept = DIALOGS[name]
    for outcome, steps in (("reject", reject_steps), ("accept", accept_steps)):
        for where in ("editor", "outline"):
            if win.workspace.editor.current_card() is None:
                win.workspace.open_card(win.workspace.first_card())
            origin = window_parts(win)[where]
            focus_on(qtbot, origin)
            run(qtbot, win, name, steps)
            if outcome == "accept" and after_accept == "new":
                # Another issue is open now: the keyboard is in its card or its outline.
                expected = (win.workspace.editor.body_edit, win.workspace.view)
            elif outcome == "accept" and after_accept == "body":
                expected = (win.workspace.editor.body_edit,)
            else:
                expected = (origin,)
            qtbot.waitUntil(lambda e=expected: QApplication.focusWidget() in e, timeout=3000)

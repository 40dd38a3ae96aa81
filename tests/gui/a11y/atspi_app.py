"""The window under test for the accessibility-tree test, driven scene by scene on stdin.

Run with the project's Python on a real X display (QT_QPA_PLATFORM=xcb) with Qt's
accessibility bridge on. Usage: ``atspi_app.py DATA_DIR``. Each stdin line names a scene;
the app sets it up, waits for it to settle and answers ``READY <scene>`` on stdout (or
``ERROR <message>``). Scenes: ``pane N [TAB]`` (0-6), ``activity``, ``activity-new``,
``activity-edit COLUMN``, ``card [TAB]``, ``new-card``, ``new-card-error``, ``duplicates``, ``wizard``, ``table participants``,
``table attendance``, ``quit``.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget

from ardoiz_desk.gui.app.main_window import MainWindow
from ardoiz_desk.gui.app.startup import apply_style, create_application
from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.gui.kit.i18n import install_translators
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.sites.sites import initialise_site
from ardoiz_desk.services.workspace import open_workspace

SETTLE_MS = 400


class Seam(DialogSeam):
    """Dialogs open without blocking; questions are answered yes."""

    def show(self, dialog: QDialog) -> None:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def ask(self, parent, title: str, question: str) -> bool:
        return True


class Driver:
    def __init__(self, app: QApplication, window: MainWindow) -> None:
        self.app = app
        self.window = window
        self.dialog: QDialog | None = None
        self._notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        line = sys.stdin.readline()
        if not line:
            self.app.quit()
            return
        scene = line.strip()
        try:
            self.setup(*scene.split())
        except Exception:
            message = traceback.format_exc().replace("\n", " | ")
            print(f"ERROR {message}", flush=True)
            return
        if scene != "quit":
            self._when_idle(lambda: print(f"READY {scene}", flush=True))

    def _when_idle(self, then) -> None:
        """Wait for background work (index, reports) to end, then let the tree settle."""
        if self.window.runner.busy:
            QTimer.singleShot(50, lambda: self._when_idle(then))
            return
        QTimer.singleShot(SETTLE_MS, then)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.window.activateWindow()

    def setup(self, scene: str, *args: str) -> None:
        w = self.window
        if scene == "quit":
            self._close_dialog()
            self.app.quit()
        elif scene == "pane":
            self._close_dialog()
            w.show_pane(int(args[0]))
            if len(args) > 1:
                w.stack.currentWidget().findChild(QTabWidget).setCurrentIndex(int(args[1]))
        elif scene == "activity":
            self._close_dialog()
            self.dialog = w.record_activity()
            name = w.participants.model.index(0, 0).data()
            self.dialog.picker.search_edit.setText(name)
            self.dialog.picker.pick_current()
        elif scene == "activity-new":
            self.setup("activity")
            self.dialog.picker.show_new_form()
        elif scene == "activity-edit":
            self.setup("activity")
            view = self.dialog.attendance_view
            index = view.model().index(0, int(args[0]))
            view.setFocus()
            view.setCurrentIndex(index)
            view.edit(index)
        elif scene == "new-card-error":
            # A first name typed then erased: "Prénom : ce champ est obligatoire."
            self.setup("new-card")
            edit = self.dialog.form.edits["prenom"]
            edit.setText("x")
            edit.clear()
            edit.editingFinished.emit()  # the agent leaves the field: its error shows
            self.dialog.validate()
        elif scene == "card":
            self._close_dialog()
            self.dialog = w.open_participant(w.participants.model.id_at(0))
            if args:
                self.dialog.tabs.setCurrentIndex(int(args[0]))
        elif scene == "wizard":
            from ardoiz_desk.gui.app import main_window

            self._close_dialog()
            # As on a fresh installation (the base already has its site here).
            real = main_window.needs_first_start
            main_window.needs_first_start = lambda _ws: True
            try:
                self.dialog = w.maybe_start_wizard()
            finally:
                main_window.needs_first_start = real
        elif scene == "duplicates":
            self._close_dialog()
            self.dialog = w.review_duplicates()
        elif scene == "new-card":
            self._close_dialog()
            self.dialog = w.new_participant()
        elif scene == "table" and args[0] == "participants":
            self._close_dialog()
            w.show_pane(0)
            w.participants.view.setFocus()
            w.participants.view.setCurrentIndex(w.participants.model.index(0, 1))
        elif scene == "table" and args[0] == "attendance":
            self.setup("activity")
            view = self.dialog.attendance_view
            view.setFocus()
            view.setCurrentIndex(view.model().index(0, 1))
        else:
            raise ValueError(f"unknown scene {scene!r}")


def main() -> int:
    data_dir = Path(sys.argv[1])
    ws = open_workspace(data_dir)
    generate_demo(ws, participants=40, activities=20, seed=3)
    initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
    app = create_application()
    install_translators(app, "fr")
    apply_style(app)
    window = MainWindow(ws, dialogs=Seam())
    window.participants.index_ready.connect(lambda: print("STARTED", flush=True))
    window.show()
    window.activateWindow()
    driver = Driver(app, window)  # noqa: F841 (kept alive by the loop below)
    try:
        return app.exec()
    finally:
        window.runner.wait(10_000)
        ws.close()


if __name__ == "__main__":
    sys.exit(main())

"""The one seam through which every dialog and message box opens.

Production code never calls ``exec()``, ``QMessageBox`` or ``QFileDialog`` directly: it
asks a :class:`DialogSeam`. Tests hand the window a fake seam that answers at once, so no test
ever blocks on a modal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


def give_keyboard_back(parent: QWidget | None) -> None:
    """Activate the window a dialog was opened from, once the dialog is gone.

    A window manager usually does this; where there is none (a kiosk session, Xvfb) or it
    does not, the keyboard would go nowhere: typed text still reaches the window's focused
    field but its window-wide shortcuts (Ctrl+E, Ctrl+1 …) need the window to be active.
    """
    if parent is not None and parent.isVisible():
        window = parent.window()
        window.raise_()
        window.activateWindow()


class DialogSeam:
    """Opens dialogs and asks questions; replace it in tests."""

    def show(self, dialog: QDialog) -> None:
        """Show a dialog window-modal without blocking; it reports through its signals."""
        dialog.finished.connect(lambda _result: give_keyboard_back(dialog.parentWidget()))
        dialog.open()

    def ask(self, parent: QWidget | None, title: str, question: str) -> bool:
        """Ask a yes/no question; return True for yes."""
        answer = QMessageBox.question(
            parent,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        give_keyboard_back(parent)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the agent something."""
        QMessageBox.information(parent, title, text)
        give_keyboard_back(parent)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show a readable error message."""
        QMessageBox.warning(parent, title, text)
        give_keyboard_back(parent)

    def choose_save_path(
        self, parent: QWidget | None, title: str, proposed: Path, filters: str
    ) -> Path | None:
        """Ask where to write a file, proposing a folder and a name; None when cancelled."""
        path, _ = QFileDialog.getSaveFileName(parent, title, str(proposed), filters)
        give_keyboard_back(parent)
        return Path(path) if path else None

    def choose_open_paths(
        self, parent: QWidget | None, title: str, folder: Path | None, filters: str
    ) -> list[Path]:
        """Ask which files to read, starting in a folder; empty when cancelled."""
        paths, _ = QFileDialog.getOpenFileNames(parent, title, str(folder or ""), filters)
        give_keyboard_back(parent)
        return [Path(p) for p in paths]

    def choose_open_path(
        self, parent: QWidget | None, title: str, folder: Path | None, filters: str
    ) -> Path | None:
        """Ask which one file to read, starting in a folder; None when cancelled."""
        path, _ = QFileDialog.getOpenFileName(parent, title, str(folder or ""), filters)
        give_keyboard_back(parent)
        return Path(path) if path else None

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path | None) -> Path | None:
        """Ask for a folder, starting in one; None when cancelled."""
        path = QFileDialog.getExistingDirectory(parent, title, str(folder or ""))
        give_keyboard_back(parent)
        return Path(path) if path else None

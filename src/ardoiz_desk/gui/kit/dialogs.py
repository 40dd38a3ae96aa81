"""The one seam through which every dialog and message box opens.

Production code never calls ``exec()``, ``QMessageBox`` or ``QFileDialog`` directly: it
asks a :class:`DialogSeam`. Tests hand the window a fake seam that answers at once, so no test
ever blocks on a modal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


class DialogSeam:
    """Opens dialogs and asks questions; replace it in tests."""

    def show(self, dialog: QDialog) -> None:
        """Show a dialog window-modal without blocking; it reports through its signals."""
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
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the agent something."""
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show a readable error message."""
        QMessageBox.warning(parent, title, text)

    def choose_save_path(
        self, parent: QWidget | None, title: str, proposed: Path, filters: str
    ) -> Path | None:
        """Ask where to write a file, proposing a folder and a name; None when cancelled."""
        path, _ = QFileDialog.getSaveFileName(parent, title, str(proposed), filters)
        return Path(path) if path else None

    def choose_open_paths(
        self, parent: QWidget | None, title: str, folder: Path | None, filters: str
    ) -> list[Path]:
        """Ask which files to read, starting in a folder; empty when cancelled."""
        paths, _ = QFileDialog.getOpenFileNames(parent, title, str(folder or ""), filters)
        return [Path(p) for p in paths]

    def choose_open_path(
        self, parent: QWidget | None, title: str, folder: Path | None, filters: str
    ) -> Path | None:
        """Ask which one file to read, starting in a folder; None when cancelled."""
        path, _ = QFileDialog.getOpenFileName(parent, title, str(folder or ""), filters)
        return Path(path) if path else None

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path | None) -> Path | None:
        """Ask for a folder, starting in one; None when cancelled."""
        path = QFileDialog.getExistingDirectory(parent, title, str(folder or ""))
        return Path(path) if path else None

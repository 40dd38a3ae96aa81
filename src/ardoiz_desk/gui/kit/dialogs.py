"""The one seam through which every dialog and message box opens.

Production code never calls ``exec()`` or ``QMessageBox`` directly: it asks a
:class:`DialogSeam`. Tests hand the window a fake seam that answers at once, so no test
ever blocks on a modal.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


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

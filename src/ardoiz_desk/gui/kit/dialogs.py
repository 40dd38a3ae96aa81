"""The one seam through which every dialog and message box opens.

Production code never calls ``exec()`` or ``QMessageBox`` directly: it asks a
:class:`DialogSeam`. Tests hand the window a fake seam that answers at once, so no test
ever blocks on a modal.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


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

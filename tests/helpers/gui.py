"""Typing helpers for GUI tests (PLATFORM.md: keyClicks aborts on non-ASCII characters)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget

from ardoiz_desk.gui.app.main_window import MainWindow
from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.services.workspace import Workspace


def type_text(widget: QWidget, text: str) -> None:
    """Type text as a user would; accented characters go through sendKeyEvent (PLATFORM.md)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


def press(widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press one key on a widget."""
    QTest.keyClick(widget, key, modifier)


class FakeDialogs(DialogSeam):
    """Answers questions at once and shows dialogs without any modality."""

    def __init__(self) -> None:
        self.answers: list[bool] = []
        self.questions: list[str] = []
        self.errors: list[str] = []
        self.shown: list[QDialog] = []

    def show(self, dialog: QDialog) -> None:
        self.shown.append(dialog)
        dialog.show()

    def ask(self, parent, title: str, question: str) -> bool:
        self.questions.append(question)
        return self.answers.pop(0) if self.answers else True

    def inform(self, parent, title: str, text: str) -> None:
        self.questions.append(text)

    def error(self, parent, title: str, text: str) -> None:
        self.errors.append(text)


def open_window(qtbot, ws: Workspace, dialogs: FakeDialogs) -> MainWindow:
    """Open the main window and wait for its participants list."""
    window = MainWindow(ws, dialogs=dialogs)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.participants.index_ready, timeout=20_000):
        window.show()
    return window

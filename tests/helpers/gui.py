"""Typing helpers for GUI tests (PLATFORM.md: keyClicks aborts on non-ASCII characters)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
        # File choosers: what each one proposed (a path, or the folder it opened in), and
        # the answers to give, in order (a Path, a list of paths, or None for "cancelled").
        self.proposed: list[Path | None] = []
        self.files: list[Any] = []

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

    def _file_answer(self, proposed: Path | None, default: Any) -> Any:
        self.proposed.append(proposed)
        return self.files.pop(0) if self.files else default

    def choose_save_path(self, parent, title: str, proposed: Path, filters: str) -> Path | None:
        return self._file_answer(proposed, None)

    def choose_open_paths(self, parent, title: str, folder, filters: str) -> list[Path]:
        answer = self._file_answer(folder, [])
        return [answer] if isinstance(answer, Path) else list(answer or [])

    def choose_open_path(self, parent, title: str, folder, filters: str) -> Path | None:
        return self._file_answer(folder, None)

    def choose_folder(self, parent, title: str, folder) -> Path | None:
        return self._file_answer(folder, None)


def open_window(qtbot, ws: Workspace, dialogs: FakeDialogs) -> MainWindow:
    """Open the main window and wait for its participants list."""
    window = MainWindow(ws, dialogs=dialogs)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.participants.index_ready, timeout=20_000):
        window.show()
    return window

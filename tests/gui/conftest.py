"""GUI fixtures: a fake dialog seam, a typing helper safe for accents, windows on small bases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import press, type_text
from PySide6.QtWidgets import QDialog

from ardoiz_desk.gui.dialogs import DialogSeam
from ardoiz_desk.gui.main_window import MainWindow
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.directory import initialise_site
from ardoiz_desk.services.workspace import Workspace


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


@pytest.fixture
def dialogs() -> FakeDialogs:
    """A dialog seam that never blocks."""
    return FakeDialogs()


@pytest.fixture
def site_ws(ws: Workspace) -> Workspace:
    """A workspace with its site and agent chosen, and a little demo data."""
    generate_demo(ws, participants=60, activities=40, seed=7)
    initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
    return ws


def open_window(qtbot, ws: Workspace, dialogs: FakeDialogs) -> MainWindow:
    """Open the main window and wait for its participants list."""
    window = MainWindow(ws, dialogs=dialogs)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.participants.index_ready, timeout=20_000):
        window.show()
    return window


@pytest.fixture
def window(qtbot, site_ws: Workspace, dialogs: FakeDialogs) -> Iterator[MainWindow]:
    """The main window on a small demo base, its list loaded."""
    win = open_window(qtbot, site_ws, dialogs)
    yield win
    win.runner.wait(10_000)


__all__ = ["FakeDialogs", "open_window", "press", "type_text"]

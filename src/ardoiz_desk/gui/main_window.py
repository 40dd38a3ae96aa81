"""The main window: navigation between the panes an agent uses all day."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow

from ardoiz_desk.services.maintenance import check_base
from ardoiz_desk.services.participants import count_participants
from ardoiz_desk.services.workspace import Workspace


def tr(text: str) -> str:
    """Translate a string of the main window."""
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """The counter window."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.setWindowTitle(tr("Ardoiz Desk"))
        count = count_participants(ws)
        label = QLabel(tr("{count} participants enregistrés").format(count=count))
        label.setObjectName("participantCount")
        self.setCentralWidget(label)
        self.resize(1100, 720)

    def base_is_sound(self) -> bool:
        """Return whether the base passes its integrity check (used by the self-test)."""
        return check_base(self.ws).sound

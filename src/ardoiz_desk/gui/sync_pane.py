"""Synchronisation pane: export and import bundles (filled by the bundles work)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ardoiz_desk.gui.tasks import TaskRunner
from ardoiz_desk.services.workspace import Workspace


def tr(text: str) -> str:
    """Translate a string of this pane."""
    return QCoreApplication.translate("SyncPane", text)


class SyncPane(QWidget):
    """Placeholder until bundles land: the pane's place in the navigation."""

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("La synchronisation par fichiers arrive bientôt.")))
        layout.addStretch(1)

    def refresh(self) -> None:
        """Reload what the pane shows (called when the data changed)."""

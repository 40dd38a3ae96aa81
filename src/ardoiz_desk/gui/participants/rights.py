"""The person's rights (RGPD) on the card: export everything held about them, or erase it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.tasks import user_message
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace

ChoosePath = Callable[[QWidget, str], Path | None]


def tr(text: str) -> str:
    """Translate a string of the rights bar."""
    return translate("RightsBar", text)


def choose_record_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to write the record (PDF or JSON, by the name's ending)."""
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Exporter ses données"), suggested, tr("PDF (*.pdf);;JSON (*.json)")
    )
    return Path(path) if path else None


def export_record(ws: Workspace, participant_id: str, path: Path) -> Path:
    """Write the person's record as JSON or PDF, by the file's ending; log it."""
    # The printing layer pulls in the exports (openpyxl): loaded on first use, not at start.
    from ardoiz_desk.printing.documents import write_person_record

    return write_person_record(ws, participant_id, path)


class RightsBar(QWidget):
    """Two buttons for when a person asks: « mes données » and « effacez-moi »."""

    erased = Signal(str)

    def __init__(self, ws: Workspace, dialogs: DialogSeam, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.dialogs = ws, dialogs
        self.participant_id: str | None = None
        self.display_name = ""
        self.choose_path: ChoosePath = choose_record_path
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.export_button = QPushButton(tr("Exporter ses données…"))
        self.export_button.setToolTip(tr("Droit d'accès : tout ce que la base contient sur elle"))
        self.erase_button = QPushButton(tr("Effacer ses données…"))
        self.erase_button.setToolTip(tr("Droit à l'effacement, transmis à tous les sites"))
        self.export_button.clicked.connect(self.export)
        self.erase_button.clicked.connect(self.erase)
        layout.addWidget(self.export_button)
        layout.addWidget(self.erase_button)

    def set_person(self, participant_id: str | None, display_name: str, erased: bool) -> None:
        """Point the bar at a saved person (hidden for a new one)."""
        self.participant_id, self.display_name = participant_id, display_name
        self.setVisible(participant_id is not None)
        self.erase_button.setEnabled(not erased)

    def export(self) -> Path | None:
        """Write the person's record where the agent chooses."""
        if self.participant_id is None:
            return None
        suggested = f"fiche-{self.display_name or self.participant_id}.pdf".replace(" ", "-")
        path = self.choose_path(self, suggested)
        if path is None:
            return None
        try:
            written = export_record(self.ws, self.participant_id, path)
        except (OSError, ValidationError) as exc:
            self.dialogs.error(self, tr("Export impossible"), user_message(exc))
            return None
        self.dialogs.inform(
            self, tr("Export terminé"), tr("Données exportées dans {path}").format(path=written)
        )
        return written

    def erase(self) -> bool:
        """Erase the person's personal data everywhere, after a clear warning."""
        if self.participant_id is None:
            return False
        question = tr(
            "Effacer définitivement les données personnelles de {name} ?\n\n"
            "Son nom, ses coordonnées et ses notes seront vidés ici et, par les paquets, sur "
            "tous les sites. Ses activités restent comptées de façon anonyme. "
            "Cette action ne peut pas être annulée."
        ).format(name=self.display_name)
        if not self.dialogs.ask(self, tr("Droit à l'effacement"), question):
            return False
        erase_participant(self.ws, self.participant_id)
        self.erase_button.setEnabled(False)
        self.erased.emit(self.participant_id)
        return True

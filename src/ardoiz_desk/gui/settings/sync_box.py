"""Paramètres › Synchronisation: the shared folder (chosen once), manual mode, silent sites."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
)

from ardoiz_desk.gui.kit.widgets import error_label, hint, show_error
from ardoiz_desk.services.exchange import mailbox as mb
from ardoiz_desk.services.exchange.bundles import set_sync_folder, sync_folder
from ardoiz_desk.services.exchange.territory import COORDINATOR, territory_info
from ardoiz_desk.services.workspace import Workspace


def tr(text: str) -> str:
    """Translate a string of the synchronisation settings."""
    return QCoreApplication.translate("SyncSettings", text)


class SyncSettingsBox(QGroupBox):
    """Where bundles are exchanged, and how rounds behave."""

    folder_changed = Signal(str)
    sync_requested = Signal()

    def __init__(self, ws: Workspace, parent=None) -> None:
        super().__init__(tr("Synchronisation"), parent)
        self.setObjectName("syncSettings")
        self.ws = ws
        form = QFormLayout(self)
        self.folder = QLabel("")
        self.folder.setWordWrap(True)
        self.folder.setObjectName("syncFolder")
        choose = QPushButton(tr("Choisir le dossier partagé…"))
        choose.setObjectName("chooseSyncFolder")
        choose.clicked.connect(self.pick_folder)
        now = QPushButton(tr("Synchroniser maintenant"))
        now.setObjectName("syncNow")
        now.clicked.connect(self.sync_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(now)
        buttons.addStretch(1)
        form.addRow(tr("Dossier partagé"), self.folder)
        form.addRow("", buttons)
        self.manual = QCheckBox(tr("Mode manuel : ne rien appliquer sans aperçu"))
        self.manual.setObjectName("manualMode")
        self.manual.toggled.connect(lambda on: mb.set_manual_mode(self.ws, on))
        form.addRow("", self.manual)
        form.addRow(
            "",
            hint(
                tr(
                    "Ardoiz Desk synchronise seul quand le dossier est joignable (clé USB branchée, partage réseau), après vos saisies et à la fermeture. En mode manuel, les paquets reçus attendent votre aperçu dans « Synchronisation »."  # noqa: E501
                )
            ),
        )
        self.silent = QSpinBox()
        self.silent.setRange(1, 365)
        self.silent.setSuffix(tr(" jours"))
        self.silent.setAccessibleName(tr("Site silencieux après"))
        self.silent.valueChanged.connect(lambda days: mb.set_silent_days(self.ws, days))
        self.silent_label = QLabel(tr("Site silencieux après"))
        self.silent_label.setBuddy(self.silent)
        form.addRow(self.silent_label, self.silent)
        self.error = error_label()
        form.addRow("", self.error)
        self.refresh()

    def choose_folder(self) -> Path | None:
        """Ask for the shared folder (tests replace this)."""
        path = QFileDialog.getExistingDirectory(self, tr("Dossier partagé"))
        return Path(path) if path else None

    def pick_folder(self) -> None:
        """Choose the shared folder once; rounds use it from then on."""
        folder = self.choose_folder()
        if folder is None:
            return
        try:
            chosen = set_sync_folder(self.ws, folder)
        except OSError as exc:
            show_error(self.error, tr("Dossier inutilisable : {0}").format(exc.strerror or exc))
            return
        show_error(self.error, None)
        self.refresh()
        self.folder_changed.emit(str(chosen))

    def refresh(self) -> None:
        """Show the current settings."""
        folder = sync_folder(self.ws)
        self.folder.setText(str(folder) if folder else tr("Aucun dossier choisi."))
        for widget, value in (
            (self.manual, mb.manual_mode(self.ws)),
            (self.silent, mb.silent_days(self.ws)),
        ):
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(int(value))
            widget.blockSignals(False)
        info = territory_info(self.ws)
        coordination = info is not None and info.role == COORDINATOR
        self.silent.setVisible(coordination)
        self.silent_label.setVisible(coordination)

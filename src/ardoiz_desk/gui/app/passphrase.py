"""The base's passphrase, asked by the window: to open the base, or to protect a new one.

Where the operating system keeps no credential store, the encrypted base is unlocked by a
passphrase. Opening: the passphrase, or the recovery key of the recovery sheet. A new base:
the passphrase chosen twice, checked for strength (explained in French).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.widgets import error_label, heading, hint, show_error
from ardoiz_desk.services.safekeeping.passphrases import passphrase_weakness
from ardoiz_desk.services.workspace import Unlock

OPEN = "open"
CREATE = "create"


def tr(text: str) -> str:
    """Translate a string of the passphrase dialog."""
    return translate("PassphraseDialog", text)


class PassphraseDialog(QDialog):
    """Asks for the base passphrase (OPEN) or has one chosen for a new base (CREATE)."""

    def __init__(self, mode: str, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(tr("Base chiffrée"))
        layout = QVBoxLayout(self)
        if mode == CREATE:
            layout.addWidget(heading(tr("Protégez la base de ce poste")))
            text = tr(
                "Les données des personnes accompagnées sont chiffrées sur ce poste. Choisissez "
                "une phrase de passe : elle sera demandée à chaque ouverture. Quatre mots sans "
                "rapport entre eux font une bonne phrase, par exemple « tablette rivière "
                "cerise Orpierre ». Une fiche de secours vous sera proposée ensuite."
            )
        else:
            layout.addWidget(heading(tr("Ouvrir la base")))
            text = tr("La base de ce poste est chiffrée : saisissez sa phrase de passe.")
        layout.addWidget(hint(text))
        if message:
            layout.addWidget(hint(message))
        form = QFormLayout()
        self.passphrase = self._secret_field(tr("Phrase de passe"))
        form.addRow(tr("&Phrase de passe"), self.passphrase)
        self.confirm = self._secret_field(tr("Phrase de passe, à nouveau"))
        self.use_recovery = QCheckBox(tr("J'utilise la clé de secours de la fiche de secours"))
        if mode == CREATE:
            form.addRow(tr("À &nouveau"), self.confirm)
        else:
            self.confirm.hide()
            form.addRow(self.use_recovery)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Ouvrir"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Quitter"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def _secret_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def problem(self) -> str | None:
        """Return what is wrong with the input, in French (None when it can be used)."""
        text = self.passphrase.text()
        if not text.strip():
            return tr("Saisissez la phrase de passe.")
        if self.mode != CREATE:
            return None
        if text != self.confirm.text():
            return tr("Les deux phrases de passe sont différentes.")
        return passphrase_weakness(text)

    def submit(self) -> bool:
        """Accept when the input can be used; else say why and stay open."""
        problem = self.problem()
        show_error(self.error, problem)
        if problem:
            return False
        self.accept()
        return True

    def unlock(self) -> Unlock:
        """What the agent gave."""
        text = self.passphrase.text()
        if self.use_recovery.isChecked():
            return Unlock(recovery_key=text)
        return Unlock(passphrase=text)


def ask_passphrase(parent: QWidget | None, mode: str, message: str) -> Unlock | None:
    """Show the dialog and wait; return what the agent gave, or None if they quit."""
    dialog = PassphraseDialog(mode, message, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.unlock()

"""The territory box of the synchronisation pane: join, create, invite, and this key's fingerprint.

Counter agents enrol their installation here instead of on a command line. The work itself
is the territory service's; this module only asks for a file and a passphrase. File choosers
are methods tests replace (``choose_*``) and the passphrase dialogs open through the
DialogSeam, so no test blocks on a modal.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.gui.kit.operations import Operations
from ardoiz_desk.gui.kit.ui_settings import UiSettings
from ardoiz_desk.gui.kit.widgets import error_label, hint, show_error
from ardoiz_desk.services.exchange.territory import (
    COORDINATOR,
    MIN_PASSPHRASE,
    TerritoryInfo,
    check_passphrase,
    create_territory,
    join_territory,
    territory_info,
    write_enrolment,
)
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.sync.errors import BundleError

ENROLMENT_SUFFIX = ".ardoiz-enrol"


def tr(text: str) -> str:
    """Translate a string of the territory box."""
    return QCoreApplication.translate("TerritoryBox", text)


def enrolment_filter() -> str:
    """The file-dialog filter of enrolment files."""
    return tr("Fichiers d'inscription Ardoiz (*.ardoiz-enrol);;Tous les fichiers (*)")


class TerritoryDialog(QDialog):
    """Asks for a territory name and/or a passphrase; a chosen passphrase is typed twice."""

    def __init__(
        self,
        title: str,
        intro: str,
        *,
        ask_name: bool = False,
        ask_passphrase: bool = False,
        confirm: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(intro))
        form = QFormLayout()
        self.name_edit = self._field(form, tr("Nom du territoire"), "territoryName", ask_name)
        self.passphrase_edit = self._field(form, tr("Phrase secrète"), "passphrase", ask_passphrase)
        self.again_edit = self._field(
            form, tr("Phrase secrète (à nouveau)"), "passphraseAgain", confirm
        )
        for edit in (self.passphrase_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_edit.setMaxLength(120)
        self._asks = (ask_name, ask_passphrase, confirm)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _field(form: QFormLayout, label: str, name: str, wanted: bool) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        if wanted:
            form.addRow(label, edit)
        return edit

    def name(self) -> str:
        """The territory name typed."""
        return self.name_edit.text().strip()

    def passphrase(self) -> str:
        """The passphrase typed (never shown)."""
        return self.passphrase_edit.text()

    def problem(self) -> str | None:
        """What keeps the dialog from being accepted, in French; None when all is well."""
        ask_name, ask_passphrase, confirm = self._asks
        if ask_name and not self.name():
            return tr("Nom du territoire : ce champ est obligatoire.")
        if ask_passphrase and not self.passphrase().strip():
            return tr("Tapez la phrase secrète.")
        if confirm:
            try:
                check_passphrase(self.passphrase())
            except ValidationError as exc:
                return str(
                    exc
                )  # why it is too weak, in French (services/safekeeping/passphrases.py)
            if self.passphrase() != self.again_edit.text():
                return tr("Les deux phrases secrètes ne sont pas identiques.")
        return None

    def accept(self) -> None:
        """Close only when what was typed can be used; otherwise say why."""
        problem = self.problem()
        show_error(self.error, problem)
        if problem is None:
            super().accept()

    def done(self, result: int) -> None:
        """Forget the passphrase once the caller has read it."""
        super().done(result)
        for edit in (self.passphrase_edit, self.again_edit):
            edit.clear()


def _button(text: str, slot, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


class TerritoryBox(QGroupBox):
    """Shows this installation's territory and fingerprint; joins, creates and invites."""

    changed = Signal()
    #: Any action of the box ended well: the pane clears its own stale error.
    succeeded = Signal()

    def __init__(
        self,
        ws: Workspace,
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Territoire"), parent)
        self.ws = ws
        self.ops = ops
        self.runner = ops.runner
        self.ui = UiSettings(ws.data_dir)
        self.dialog: TerritoryDialog | None = None
        layout = QVBoxLayout(self)
        self.summary = hint("")
        self.fingerprint = QLabel("")
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextFormat(Qt.TextFormat.RichText)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        layout.addWidget(self.fingerprint)
        row = QHBoxLayout()
        self.join_button = _button(tr("Rejoindre un territoire…"), self.start_join, "joinTerritory")
        self.create_button = _button(
            tr("Créer le territoire…"), self.start_create, "createTerritory"
        )
        self.invite_button = _button(tr("Inviter un site…"), self.start_invite, "inviteSite")
        for button in (self.join_button, self.create_button, self.invite_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = hint("")
        self.status.hide()
        self.error = error_label()
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.refresh()

    # --- seams (tests replace these) ------------------------------------------------------

    def choose_enrolment_file(self) -> Path | None:
        """Ask which enrolment file to join with (from the folder last used: a USB stick)."""
        path = self.dialogs.choose_open_path(
            self, tr("Fichier d'inscription reçu"), self.ui.exchange_folder, enrolment_filter()
        )
        if path is not None:
            self.ui.exchange_folder = path.parent
        return path

    def choose_enrolment_path(self) -> Path | None:
        """Ask where to write a new site's enrolment file."""
        folder = self.ui.exchange_folder or Path.home()
        path = self.dialogs.choose_save_path(
            self,
            tr("Enregistrer le fichier d'inscription"),
            folder / f"inscription{ENROLMENT_SUFFIX}",
            enrolment_filter(),
        )
        if path is not None:
            self.ui.exchange_folder = path.parent
        return path

    # --- state ----------------------------------------------------------------------------

    def refresh(self) -> TerritoryInfo | None:
        """Show the territory and offer only the actions that make sense now."""
        info = territory_info(self.ws)
        self.join_button.setVisible(info is None)
        self.create_button.setVisible(info is None)
        self.invite_button.setVisible(info is not None and info.role == COORDINATOR)
        self.fingerprint.setVisible(info is not None)
        if info is None:
            self.summary.setText(no_territory_text())
            return None
        self.summary.setText(territory_text(info))
        # Monospaced and bold: it is read out digit by digit over the phone.
        self.fingerprint.setText(
            tr("Empreinte de la clé de ce poste : {0}").format(
                f"<b><tt>{html.escape(info.fingerprint)}</tt></b>"
            )
        )
        return info

    # --- actions --------------------------------------------------------------------------

    def start_join(self) -> None:
        """Pick the enrolment file, then ask for the passphrase given by phone."""
        path = self.choose_enrolment_file()
        if path is not None:
            self.ask_join_passphrase(path)

    def ask_join_passphrase(self, path: Path, problem: str | None = None) -> None:
        """Ask for the passphrase of a chosen enrolment file (again, after a wrong one)."""
        intro = tr(
            "Fichier : {0}\nTapez la phrase secrète que la coordination vous a donnée par téléphone."  # noqa: E501
        ).format(path.name)
        dialog = TerritoryDialog(
            tr("Rejoindre un territoire"), intro, ask_passphrase=True, parent=self
        )
        self._open(dialog, lambda d: self._join(path, d.passphrase()))
        if problem:
            show_error(dialog.error, problem)
            dialog.passphrase_edit.setFocus()

    def start_create(self) -> None:
        """Ask for the territory's name; this installation becomes its coordination."""
        intro = tr(
            "Ce poste deviendra la coordination du territoire : c'est lui qui inscrira les sites. Ne créez le territoire qu'une fois, sur un seul poste."  # noqa: E501
        )
        self._open(
            TerritoryDialog(tr("Créer le territoire"), intro, ask_name=True, parent=self),
            lambda d: self._create(d.name()),
        )

    def start_invite(self) -> None:
        """Choose where to write the enrolment file, then the passphrase (typed twice)."""
        path = self.choose_enrolment_path()
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(ENROLMENT_SUFFIX)
        intro = tr(
            "Fichier : {0}\nChoisissez une phrase secrète d'au moins {1} caractères. Donnez-la au site par téléphone, jamais avec le fichier."  # noqa: E501
        ).format(path.name, MIN_PASSPHRASE)
        dialog = TerritoryDialog(
            tr("Inviter un site"), intro, ask_passphrase=True, confirm=True, parent=self
        )
        self._open(dialog, lambda d: self._invite(path, d.passphrase()))

    def _open(self, dialog: TerritoryDialog, on_accept: Callable[[TerritoryDialog], None]) -> None:
        show_error(self.error, None)
        if self.dialog is not None:  # only the latest dialog is kept
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(lambda: on_accept(dialog))
        self.dialogs.show(dialog)

    def _join(self, path: Path, passphrase: str) -> None:
        unreadable = tr("Impossible de lire le fichier « {0} ».").format(path.name)
        self._run(
            lambda _p: _with_file_message(
                lambda: _join_or_wrong_passphrase(self.ws, path, passphrase), unreadable
            ),
            lambda info: self._joined(path, info),
            tr("Inscription en cours…"),
        )

    def _create(self, name: str) -> None:
        self._run(lambda _p: create_territory(self.ws, name), self._created, tr("Création…"))

    def _invite(self, path: Path, passphrase: str) -> None:
        unwritable = tr("Impossible d'écrire le fichier « {0} ».").format(path)
        self._run(
            lambda _p: _with_file_message(
                lambda: write_enrolment(self.ws, path, passphrase), unwritable
            ),
            self._invited,
            tr("Écriture du fichier d'inscription…"),
        )

    @property
    def dialogs(self) -> DialogSeam:
        """The window's dialog seam (tests may swap it on the operations)."""
        return self.ops.dialogs

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _run(self, work, done: Callable, busy_text: str) -> None:
        show_error(self.error, None)
        self._say(busy_text)
        self._set_busy(True)
        self.ops.run(
            work,
            on_success=lambda r: self._finished(done, r),
            on_failure=self._failed,
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.join_button, self.create_button, self.invite_button):
            button.setEnabled(not busy)

    def _finished(self, done: Callable, result) -> None:
        self._set_busy(False)
        done(result)
        if not self.error.isVisibleTo(self) and result is not WRONG_PASSPHRASE:
            self.succeeded.emit()

    def clear_error(self) -> None:
        """Hide a red message a later success made stale."""
        show_error(self.error, None)

    def _failed(self, message: str, _details: str) -> None:
        self._set_busy(False)
        self._say("")
        show_error(self.error, message)

    def _joined(self, path: Path, info: TerritoryInfo | object) -> None:
        if info is WRONG_PASSPHRASE:  # the file stays chosen: only the passphrase is asked
            self._say("")
            self.ask_join_passphrase(
                path,
                tr(
                    "Phrase secrète incorrecte (ou fichier d'inscription altéré) : rien n'a été modifié. Vérifiez-la avec la coordination et tapez-la à nouveau."  # noqa: E501
                ),
            )
            return
        assert isinstance(info, TerritoryInfo)
        self._say(
            tr(
                "Ce poste a rejoint le territoire « {0} ». Lisez l'empreinte de sa clé à la coordination par téléphone : elle la vérifie avant d'approuver vos paquets."  # noqa: E501
            ).format(info.name)
        )
        self._changed()

    def _created(self, info: TerritoryInfo) -> None:
        self._say(tr("Territoire « {0} » créé. Invitez maintenant chaque site.").format(info.name))
        self._changed()

    def _invited(self, path: Path) -> None:
        self._say(
            tr(
                "Fichier d'inscription écrit : {0}. Envoyez-le au site ; donnez-lui la phrase secrète par téléphone."  # noqa: E501
            ).format(path)
        )

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()


#: What the join work returns when the passphrase does not open the file (nothing changed).
WRONG_PASSPHRASE = object()


def _join_or_wrong_passphrase(ws: Workspace, path: Path, passphrase: str):
    """Join; a wrong passphrase is no failure of the flow: it returns WRONG_PASSPHRASE."""
    try:
        return join_territory(ws, path, passphrase)
    except BundleError as exc:
        if exc.reason == "passphrase":
            return WRONG_PASSPHRASE
        raise


def _with_file_message(call: Callable, message: str):
    """Run a service call; a file that cannot be read or written gets a French message."""
    try:
        return call()
    except OSError as exc:
        raise OSError(message) from exc


def no_territory_text() -> str:
    """What the pane says while this installation belongs to no territory."""
    return tr(
        "Ce poste n'appartient à aucun territoire. Un site le rejoint avec le fichier d'inscription et la phrase secrète reçus de la coordination ; la coordination crée le territoire, une seule fois."  # noqa: E501
    )


def territory_text(info: TerritoryInfo) -> str:
    """One line naming the territory and this installation's role in it."""
    return tr("Territoire « {0} » — ce poste : {1}").format(info.name, role_label(info.role))


def role_label(role: str) -> str:
    """The French name of an installation's role in the territory."""
    return tr("coordination") if role == COORDINATOR else tr("site")

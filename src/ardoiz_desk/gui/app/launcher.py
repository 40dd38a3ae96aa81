"""Start-up in two beats: the window frame at once, then the base and the panes.

Importing the data layer (SQLAlchemy, Alembic) and opening the base take longer than
showing a window, so the agent first sees a light start window — the app's own frame,
saying the base is opening — and the base opens on a worker thread. The main window then
takes its place at the same position and size.

The base is encrypted: where no credential store keeps its key, the launcher asks for the
passphrase (or the recovery key) before opening it, again after a wrong one, and has a
passphrase chosen for a new base; after the first-start wizard of a new base it offers
the recovery sheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.screen import fit_to_screen, restore_if_fits
from ardoiz_desk.gui.kit.tasks import TaskSignals, run_in_pool
from ardoiz_desk.gui.kit.ui_settings import UiSettings
from ardoiz_desk.paths import key_file_path


def tr(text: str) -> str:
    """Translate a string of the start window."""
    return translate("StartWindow", text)


class StartWindow(QMainWindow):
    """The frame shown while the base opens."""

    def __init__(self, settings: UiSettings | None) -> None:
        super().__init__()
        self.setWindowTitle("Ardoiz Desk")
        self.setObjectName("startWindow")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addStretch(1)
        title = QLabel("Ardoiz Desk")
        title.setObjectName("startTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        message = QLabel(tr("Ouverture de la base…"))
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setMaximumWidth(320)
        bar.setAccessibleName(tr("Ouverture de la base"))
        for widget in (title, message, bar):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.setCentralWidget(body)
        if not restore_if_fits(self, settings.geometry() if settings else None):
            fit_to_screen(self, 1280, 800)


def open_error_message(exc: BaseException) -> str:
    """Return what to tell the agent when the base cannot be opened, in French."""
    from ardoiz_desk.gui.kit.tasks import user_message
    from ardoiz_desk.services.safekeeping.base_key import BaseLockedError, WrongBaseKeyError
    from ardoiz_desk.services.workspace import SchemaTooNewError

    if isinstance(exc, WrongBaseKeyError):
        return tr("Phrase de passe ou clé de secours incorrecte : la base reste fermée.")
    if isinstance(exc, BaseLockedError):
        return tr("La base est chiffrée : saisissez sa phrase de passe.")
    if isinstance(exc, SchemaTooNewError):
        return tr(
            "Cette base a été enregistrée par une version plus récente d'Ardoiz Desk "
            "(schéma {found}). Cette version connaît les schémas jusqu'à {known} : "
            "installez la version la plus récente. La base n'a pas été modifiée."
        ).format(found=exc.found, known=exc.known)
    return tr("Impossible d'ouvrir la base :\n{error}").format(error=user_message(exc))


def _open_workspace(data_dir: Path, unlock: Any) -> Any:
    from ardoiz_desk.services.workspace import open_workspace

    return open_workspace(data_dir, unlock=unlock)


def _ask_passphrase(parent: QWidget, mode: str, message: str) -> Any:
    from ardoiz_desk.gui.app.passphrase import ask_passphrase

    return ask_passphrase(parent, mode, message)


class Launcher(QObject):
    """Shows the start window, opens the base off the GUI thread, then the main window."""

    ready = Signal(object)  # the MainWindow
    failed = Signal(str)

    def __init__(self, data_dir: Path, settings: UiSettings | None, unlock: Any = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.settings = settings
        self.shell = StartWindow(settings)
        self.window: Any = None
        self.ws: Any = None
        self._signals: TaskSignals | None = None
        self._error: BaseException | None = None
        # What unlocks the base: given on the command line (--base-passphrase-file), else
        # what the agent typed.
        self.unlock: Any = unlock
        self.created = False  # this start creates the base (so: offer the recovery sheet)
        # The seams tests replace: how a failure to open the base is shown, how the
        # passphrase is asked ((mode, message) -> Unlock | None), how dialogs open.
        self.show_error = lambda text: QMessageBox.critical(self.shell, "Ardoiz Desk", text)
        self.ask_passphrase = lambda mode, message: _ask_passphrase(self.shell, mode, message)
        self.show_dialog = lambda dialog: dialog.open()

    def start(self) -> None:
        """Show the start window and begin opening the base."""
        self.shell.show()
        QTimer.singleShot(0, self._begin)

    def _begin(self) -> None:
        if key_file_path(self.data_dir).is_file():
            # The usual start: the base has its key. Loading the data layer (what
            # services.safekeeping.base_key imports) is left to the worker, behind the start window.
            self._open_in_background()
            return
        from ardoiz_desk.services.safekeeping import base_key

        self.created = base_key.is_new_base(self.data_dir)
        if self.created and self.unlock is None and base_key.needs_new_passphrase(self.data_dir):
            self.unlock = self.ask_passphrase("create", "")
            if self.unlock is None:
                self._give_up(tr("Aucune phrase de passe choisie : la base n'a pas été créée."))
                return
        self._open_in_background()

    def _open_in_background(self) -> None:
        signals = TaskSignals()
        signals.succeeded.connect(self._opened)
        signals.failed.connect(lambda message, _details: self._failed(message))
        self._signals = signals
        unlock = self.unlock
        run_in_pool(
            QThreadPool.globalInstance(),
            lambda _progress: _open_workspace(self.data_dir, unlock),
            signals,
            self._describe,
        )

    def _describe(self, exc: BaseException) -> str:
        self._error = exc
        return open_error_message(exc)

    def _opened(self, ws: Any) -> None:
        from ardoiz_desk.gui.app.main_window import MainWindow

        self.ws = ws
        self.window = MainWindow(ws, settings=self.settings or UiSettings(self.data_dir))
        self.window.show()
        self.shell.close()
        if self.unlock is not None and self.unlock.recovery_key:
            self._renew_passphrase()
        wizard = self.window.maybe_start_wizard()
        if wizard is not None and self.created:
            wizard.completed.connect(self.offer_recovery_sheet)
        self.ready.emit(self.window)

    def _renew_passphrase(self) -> None:
        """Opened with the recovery key: have a new passphrase chosen for the base key."""
        from ardoiz_desk.services.safekeeping.base_key import set_passphrase

        message = tr(
            "Vous avez ouvert la base avec la clé de secours : choisissez une nouvelle phrase "
            "de passe pour les prochaines ouvertures."
        )
        unlock = self.ask_passphrase("create", message)
        if unlock is not None and unlock.passphrase:
            set_passphrase(self.data_dir, self.ws.store.key, unlock.passphrase)

    def offer_recovery_sheet(self) -> Any:
        """Show the recovery sheet step (after the first start of a new base)."""
        from ardoiz_desk.gui.app.recovery import RecoverySheetDialog

        self.recovery = RecoverySheetDialog(self.ws, self.window)
        self.show_dialog(self.recovery)
        return self.recovery

    def _failed(self, message: str) -> None:
        from ardoiz_desk.services.safekeeping.base_key import BaseKeyError

        if isinstance(self._error, BaseKeyError):
            unlock = self.ask_passphrase("open", message)
            if unlock is not None:
                self.unlock = unlock
                self._open_in_background()
                return
        self._give_up(message)

    def _give_up(self, message: str) -> None:
        self.show_error(message)
        self.shell.close()
        self.failed.emit(message)

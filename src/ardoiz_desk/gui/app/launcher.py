"""Start-up in two beats: the window frame at once, then the base and the panes.

Importing the data layer (SQLAlchemy, Alembic) and opening the base take longer than
showing a window, so the agent first sees a light start window — the app's own frame,
saying the base is opening — and the base opens on a worker thread. The main window then
takes its place at the same position and size.
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
from ardoiz_desk.gui.kit.tasks import TaskSignals, run_in_pool
from ardoiz_desk.gui.kit.ui_settings import UiSettings


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
        geometry = settings.geometry() if settings else None
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)


def open_error_message(exc: BaseException) -> str:
    """Return what to tell the agent when the base cannot be opened, in French."""
    from ardoiz_desk.services.workspace import SchemaTooNewError

    if isinstance(exc, SchemaTooNewError):
        return tr(
            "Cette base a été enregistrée par une version plus récente d'Ardoiz Desk "
            "(schéma {found}). Cette version connaît les schémas jusqu'à {known} : "
            "installez la version la plus récente. La base n'a pas été modifiée."
        ).format(found=exc.found, known=exc.known)
    return tr("Impossible d'ouvrir la base :\n{error}").format(error=exc)


def _open_workspace(data_dir: Path) -> Any:
    from ardoiz_desk.services.workspace import open_workspace

    return open_workspace(data_dir)


class Launcher(QObject):
    """Shows the start window, opens the base off the GUI thread, then the main window."""

    ready = Signal(object)  # the MainWindow
    failed = Signal(str)

    def __init__(self, data_dir: Path, settings: UiSettings | None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.settings = settings
        self.shell = StartWindow(settings)
        self.window: Any = None
        self.ws: Any = None
        self._signals: TaskSignals | None = None
        # The seam tests replace: how a failure to open the base is shown.
        self.show_error = lambda text: QMessageBox.critical(self.shell, "Ardoiz Desk", text)

    def start(self) -> None:
        """Show the start window and begin opening the base."""
        self.shell.show()
        QTimer.singleShot(0, self._open_in_background)

    def _open_in_background(self) -> None:
        signals = TaskSignals()
        signals.succeeded.connect(self._opened)
        signals.failed.connect(lambda message, _details: self._failed(message))
        self._signals = signals
        run_in_pool(
            QThreadPool.globalInstance(),
            lambda _progress: _open_workspace(self.data_dir),
            signals,
            open_error_message,
        )

    def _opened(self, ws: Any) -> None:
        from ardoiz_desk.gui.app.main_window import MainWindow

        self.ws = ws
        self.window = MainWindow(ws, settings=self.settings or UiSettings(self.data_dir))
        self.window.show()
        self.shell.close()
        self.window.maybe_start_wizard()
        self.ready.emit(self.window)

    def _failed(self, message: str) -> None:
        self.show_error(message)
        self.shell.close()
        self.failed.emit(message)

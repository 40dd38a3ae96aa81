"""One window per data folder: a lock file, and a local socket to bring the first forward.

Two windows on one base would each believe their screen is the truth; the command line,
which writes under the base's own lock (``store/engine.py``), keeps working beside the
window. The lock is a ``QLockFile`` in the data folder (a stale one, left by a crash, is
taken over); the first window listens on a ``QLocalServer`` named after the folder, and a
second start can ask it to come to the front.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ardoiz_desk.gui.kit.i18n import translate

LOCK_FILENAME = "window.lock"
RAISE = b"raise\n"


def server_name(data_dir: Path) -> str:
    """Return the local socket name of the window holding a data folder."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"ardoiz-desk-{digest}"


class WindowLock(QObject):
    """Held by the one window open on a data folder."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self._lock = QLockFile(str(data_dir / LOCK_FILENAME))
        self._lock.setStaleLockTime(0)  # only a dead owner's lock is stale
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the folder for this window; False when another window holds it."""
        if not self._lock.tryLock(200):
            return False
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a crashed owner's socket file
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(name)
        return True

    def release(self) -> None:
        """Give the folder back (the window closes)."""
        if self._server is not None:
            self._server.close()  # its sockets go with it, when this object goes
        self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (conn := self._server.nextPendingConnection()) is not None:
            conn.readyRead.connect(lambda c=conn: self._read(c))

    def _read(self, conn: QLocalSocket) -> None:
        if bytes(conn.readAll().data()).startswith(RAISE.strip()):
            self.raise_requested.emit()


def ask_first_window_to_show(data_dir: Path) -> bool:
    """Ask the window holding a data folder to come to the front; True if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(1000):
        return False
    socket.write(RAISE)
    socket.waitForBytesWritten(1000)
    socket.disconnectFromServer()
    return True


def tr(text: str) -> str:
    """Translate a string about the folder being open elsewhere."""
    return translate("WindowLock", text)


def claim_data_folder(data_dir: Path, ask: Callable[[str], bool]) -> WindowLock | None:
    """Take a data folder for this window; if another window holds it, say so (in French)
    and, if the agent wishes, bring that window to the front. None: do not open."""
    if not data_dir.exists():
        data_dir.mkdir(parents=True, mode=0o700)
    lock = WindowLock(data_dir)
    if lock.acquire():
        return lock
    question = tr(
        "Ce dossier de données est déjà ouvert dans une autre fenêtre d'Ardoiz Desk :\n{0}\n\n"
        "Une seule fenêtre à la fois peut l'utiliser (la ligne de commande reste possible). "
        "Afficher l'autre fenêtre ?"
    ).format(data_dir)
    if ask(question):
        ask_first_window_to_show(data_dir)
    return None

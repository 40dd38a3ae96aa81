"""Run long work off the GUI thread, with progress; the low level under :mod:`operations`.

A task is a plain callable ``work(progress) -> result`` from the services layer, where
``progress(done, total, message)`` may be called from the worker thread. The window stays
responsive; results and errors come back on the GUI thread through Qt signals. Panes use
:class:`ardoiz_desk.gui.kit.operations.Operations`, which reports a failure once and
announces what changed.
"""

from __future__ import annotations

import errno
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]
Work = Callable[[ProgressFn], Any]


class TaskSignals(QObject):
    """Signals a running task sends back to the GUI thread."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, str)  # message for the user, technical details
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(
        self,
        work: Work,
        signals: TaskSignals,
        describe: Callable[[BaseException], str] | None = None,
    ) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.describe = describe or user_message
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except Exception as exc:  # reported to the user by the window, logged in full
            log.exception("background task failed")
            self.signals.failed.emit(self.describe(exc), traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


def run_in_pool(
    pool: QThreadPool,
    work: Work,
    signals: TaskSignals,
    describe: Callable[[BaseException], str] | None = None,
) -> None:
    """Run work on a pool; failures are described for the user by ``describe``."""
    pool.start(_Runnable(work, signals, describe))


def tr(text: str) -> str:
    """Translate a message of the background tasks."""
    return QCoreApplication.translate("Tasks", text)


def _file_error_message(exc: OSError) -> str:
    """Say in French what went wrong with a disk, a USB stick or a shared folder."""
    where = f" ({exc.filename})" if exc.filename else ""
    denied = tr("Accès refusé{where} : choisissez un dossier où vous pouvez écrire.")
    messages = {
        errno.ENOSPC: tr(
            "Le disque ou la clé USB est plein{where} : rien n'a été enregistré. "
            "Libérez de la place ou choisissez un autre support.",
        ),
        errno.EACCES: denied,
        errno.EPERM: denied,
        errno.EROFS: tr("Le support est en lecture seule{where} : choisissez-en un autre."),
        errno.ENOENT: tr(
            "Fichier ou dossier introuvable{where} : la clé USB a-t-elle été retirée ?"
        ),
    }
    fallback = tr("Lecture ou écriture impossible{where} : {reason}")
    template = messages.get(exc.errno or 0, fallback)
    return template.format(where=where, reason=exc.strerror or str(exc))


def _base_error_message(text: str) -> str | None:
    """Say in French what SQLite refused (the GUI sees the driver's text, not its types)."""
    if "database or disk is full" in text:
        return tr(
            "Le disque est plein : rien n'a été enregistré. Ce que vous avez saisi reste "
            "à l'écran ; libérez de la place puis enregistrez à nouveau."
        )
    if "database is locked" in text:
        return tr("La base est occupée par une autre opération : réessayez dans un instant.")
    if "readonly database" in text:
        return tr("La base est en lecture seule : vérifiez les droits du dossier des données.")
    if "unable to open database file" in text:
        return tr(
            "Le dossier des données est inaccessible ou en lecture seule : le support a-t-il "
            "été retiré ? Rien n'a été enregistré."
        )
    if "disk i/o error" in text.lower():
        return tr(
            "Erreur de lecture ou d'écriture sur le disque : le support a-t-il été retiré ? "
            "Rien n'a été enregistré."
        )
    if "file is not a database" in text:
        return tr("La base ne s'ouvre pas avec cette clé, ou ce n'est pas une base Ardoiz Desk.")
    return None


def user_message(exc: BaseException) -> str:
    """Return the readable part of an error: services raise French messages, files OSError."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return _file_error_message(exc)
    text = str(exc).strip()
    return _base_error_message(text) or text or type(exc).__name__


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps their signal objects alive until they end."""

    busy_changed = Signal(bool)
    progressed = Signal(int, int, str)  # any task's progress, for the window's progress bar

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._running: set[TaskSignals] = set()

    def start(
        self,
        work: Work,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str, str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> TaskSignals:
        """Run work in the background; callbacks run on the GUI thread."""
        signals = TaskSignals()
        if on_success:
            signals.succeeded.connect(on_success)
        if on_failure:
            signals.failed.connect(on_failure)
        if on_progress:
            signals.progress.connect(on_progress)
        signals.progress.connect(self.progressed)
        # A bound slot (not a lambda): Qt drops the connection if the runner is destroyed
        # before the task ends, e.g. when its window closed meanwhile.
        signals.finished.connect(self._task_finished)
        self._running.add(signals)
        self.busy_changed.emit(True)
        self.pool.start(_Runnable(work, signals))
        return signals

    @Slot()
    def _task_finished(self) -> None:
        # PySide still delivers a queued call after the runner's window was destroyed.
        if not shiboken6.isValid(self):
            return
        self._running.discard(self.sender())
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        """True while any task runs."""
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for running tasks (used on close and in tests)."""
        return self.pool.waitForDone(msecs)

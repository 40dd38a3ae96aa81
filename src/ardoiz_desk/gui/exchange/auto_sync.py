"""Rounds by themselves: when the shared folder appears, after edits settle, on a timer, on close.

A :class:`QFileSystemWatcher` watches the folder, its nearest existing parent (a folder
created or a USB stick mounted shows up there) and the usual mount points. Rounds run off
the GUI thread on a runner of their own: typing never waits, and a failure is only said in
the status bar — never a dialog nobody asked for. One round at a time; a request that comes
in meanwhile runs once the current round ends.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal

from ardoiz_desk.gui.kit.tasks import TaskRunner
from ardoiz_desk.services.exchange.bundles import sync_folder
from ardoiz_desk.services.exchange.rounds import RoundReport, run_round
from ardoiz_desk.services.exchange.sync_status import SyncStatus, sync_status
from ardoiz_desk.services.workspace import Workspace

log = logging.getLogger(__name__)
PERIOD_MS = 10 * 60 * 1000  # a round every ten minutes while the window is open
SETTLE_MS = 45 * 1000  # after the last edit of a batch
DEBOUNCE_MS = 1500  # a sync client writes many files: one round for them all
CLOCK_MS = 60 * 1000  # "il y a 5 min" stays true


def tr(text: str) -> str:
    """Translate a string of the automatic synchronisation."""
    return QCoreApplication.translate("AutoSync", text)


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return tr("{0} min").format(max(minutes, 1))
    hours = minutes // 60
    if hours < 48:
        return tr("{0} h").format(hours)
    return tr("{0} jours").format(hours // 24)


def _since(iso: str, now: dt.datetime) -> float | None:
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    when = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return max(0.0, (now - when).total_seconds())


def status_text(st: SyncStatus, now: dt.datetime | None = None) -> str:
    """The status bar's words for where synchronisation stands ('' without a folder)."""
    if not st.folder:
        return ""
    now = now or dt.datetime.now(dt.UTC)
    parts = []
    gone = _since(st.unreachable_since, now) if st.unreachable_since else None
    done = _since(st.last_ok_at, now) if st.last_ok_at else None
    if gone is not None:
        parts.append(tr("Dossier injoignable depuis {0}").format(_duration(gone)))
    elif done is None:
        parts.append(tr("Pas encore synchronisé"))
    elif done < 60:
        parts.append(tr("Synchronisé à l'instant"))
    else:
        parts.append(tr("Synchronisé il y a {0}").format(_duration(done)))
    if st.pending_approvals == 1:
        parts.append(tr("1 paquet en attente d'approbation"))
    elif st.pending_approvals:
        parts.append(tr("{0} paquets en attente d'approbation").format(st.pending_approvals))
    if st.waiting_preview:
        parts.append(tr("{0} paquet(s) reçu(s) attendent votre aperçu").format(st.waiting_preview))
    return " · ".join(parts)


def watch_paths(folder: Path | None) -> list[str]:
    """The folder if it exists, its nearest existing parent, and the usual mount points."""
    paths: list[Path] = []
    if folder is not None:
        if folder.is_dir():
            paths.append(folder)
        parent = folder.parent
        while not parent.is_dir() and parent != parent.parent:
            parent = parent.parent
        paths.append(parent)
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    for root in ("/media", f"/media/{user}", f"/run/media/{user}", "/mnt", "/Volumes"):
        if Path(root).is_dir():
            paths.append(Path(root))
    return sorted({str(p) for p in paths})


class AutoSync(QObject):
    """Runs synchronisation rounds by itself, and says in words where it stands."""

    status_changed = Signal(str)
    round_finished = Signal(object)  # RoundReport

    def __init__(
        self,
        ws: Workspace,
        parent: QObject | None = None,
        *,
        period_ms: int = PERIOD_MS,
        settle_ms: int = SETTLE_MS,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = TaskRunner(self)
        self.runner.pool.setMaxThreadCount(1)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._folder_event)
        self._timers = {}
        for name, ms, slot, single in (
            ("period", period_ms, lambda: self.request("timer"), False),
            ("settle", settle_ms, lambda: self.request("edits"), True),
            ("debounce", debounce_ms, self._folder_settled, True),
            ("clock", CLOCK_MS, self.refresh_status, False),
        ):
            timer = QTimer(self)
            timer.setInterval(ms)
            timer.setSingleShot(single)
            timer.timeout.connect(slot)
            self._timers[name] = timer
        self._running = False
        self._again = False
        self._reachable = False
        self.last_report: RoundReport | None = None
        self.text = ""

    def start(self) -> None:
        """Begin watching; a first round runs at once if the folder is there."""
        self.rewatch()
        self._timers["period"].start()
        self._timers["clock"].start()
        self.refresh_status()
        self.request("start")

    def stop(self) -> None:
        """Stop watching and timing (a round under way finishes)."""
        for timer in self._timers.values():
            timer.stop()
        paths = self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)

    def rewatch(self) -> None:
        """Watch the folder (or where it will appear) and the mount points."""
        folder = sync_folder(self.ws)
        wanted = set(watch_paths(folder))
        current = set(self.watcher.directories())
        if current - wanted:
            self.watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self.watcher.addPaths(sorted(wanted - current))
        self._reachable = bool(folder and folder.is_dir())

    def _folder_event(self, _path: str) -> None:
        self._timers["debounce"].start()

    def _folder_settled(self) -> None:
        was = self._reachable
        self.rewatch()
        if self._reachable and not was:
            log.info("sync folder appeared: running a round")
        if self._reachable:
            self.request("folder")

    def note_edit(self) -> None:
        """An edit was saved here: a round follows once the batch has settled."""
        if sync_folder(self.ws) is not None:
            self._timers["settle"].start()

    def request(self, reason: str = "") -> bool:
        """Run a round now, or right after the current one; False without a folder."""
        if sync_folder(self.ws) is None:
            return False
        if self._running:
            self._again = True
            return True
        self._running = True
        log.debug("sync round (%s)", reason)
        self.runner.start(
            lambda _progress: run_round(self.ws),
            on_success=self._finished,
            on_failure=self._failed,
        )
        return True

    def _finished(self, report: RoundReport) -> None:
        self._running = False
        self.last_report = report
        self.rewatch()
        self.refresh_status()
        self.round_finished.emit(report)
        self._next()

    def _failed(self, message: str, _details: str) -> None:
        self._running = False
        log.warning("sync round failed: %s", message)
        self.refresh_status()
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.request("again")

    @staticmethod
    def tr_name() -> str:
        """The accessible name of the status label."""
        return tr("État de la synchronisation")

    @property
    def running(self) -> bool:
        """True while a round runs."""
        return self._running

    def refresh_status(self) -> None:
        """Recompute the status bar's words from the base."""
        try:
            self.text = status_text(sync_status(self.ws))
        except Exception:  # a status line must never take the window down
            log.exception("cannot read the synchronisation status")
            return
        self.status_changed.emit(self.text)

    def closing_round(self, wait_ms: int = 15_000) -> None:
        """On closing: send what was typed since the last round, waiting a little for it."""
        self.stop()
        self.runner.wait(wait_ms)
        self._again = False
        if self.request("closing"):
            self.runner.wait(wait_ms)

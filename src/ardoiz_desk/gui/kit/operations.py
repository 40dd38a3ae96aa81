"""One way to run a change and tell the window: operations off the GUI thread, one change signal.

A pane never refreshes another pane by hand. It runs its service call through
:meth:`Operations.run` (or saves synchronously and calls :meth:`Operations.announce`), saying
*what* changed with a :class:`Change` flag; the window's :class:`ChangeHub` broadcasts one
``changed`` signal and every pane that shows that data refreshes itself (:func:`follow`).

A failure is reported once: inline when the caller gives ``on_failure`` (the pane has a
place for it), otherwise in one dialog through the dialog seam.

Example::

    self.ops.run(
        lambda progress: mark_followup_done(self.ws, item.id),
        changes=Change.FOLLOWUPS,
        on_failure=lambda message, _details: show_error(self.error, message),
    )
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.gui.kit.tasks import TaskRunner, TaskSignals, Work


class Change(enum.Flag):
    """What a change touched: panes showing that data refresh themselves."""

    NONE = 0
    PARTICIPANTS = enum.auto()
    ACTIVITIES = enum.auto()
    FOLLOWUPS = enum.auto()
    AGENTS = enum.auto()
    SITES = enum.auto()
    PEERS = enum.auto()
    CONFLICTS = enum.auto()
    SETTINGS = enum.auto()
    TERRITORY = enum.auto()
    # Anything may have changed (an import, demo data, the first-start wizard).
    DATA = PARTICIPANTS | ACTIVITIES | FOLLOWUPS | AGENTS | SITES | PEERS | CONFLICTS | TERRITORY


@dataclass(frozen=True)
class Changed:
    """One announcement: the kinds of data that changed, the participants when known."""

    what: Change
    participant_ids: tuple[str, ...] = ()
    origin: object | None = None  # the pane that made the change (it refreshed itself)

    def touches(self, mask: Change) -> bool:
        """True when this change concerns data behind ``mask``."""
        return bool(self.what & mask)


class ChangeHub(QObject):
    """The window's broadcaster: one ``changed`` signal carrying a :class:`Changed`."""

    changed = Signal(object)

    def announce(
        self, what: Change, participant_ids: Iterable[str] = (), origin: object | None = None
    ) -> None:
        """Tell every subscribed pane that ``what`` changed."""
        if what:
            self.changed.emit(Changed(what, tuple(participant_ids), origin))


ChangesOf = Change | Callable[[Any], Change | Changed]
FailureFn = Callable[[str, str], None]


def tr(text: str) -> str:
    """Translate a message of the operations."""
    return QCoreApplication.translate("Operations", text)


class Operations(QObject):
    """Runs service calls in the background and announces what they changed.

    Built once by the main window (runner, hub and dialog seam shared by every pane);
    a pane or a test built on its own gets a private one.
    """

    def __init__(
        self,
        runner: TaskRunner | None = None,
        hub: ChangeHub | None = None,
        dialogs: DialogSeam | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner or TaskRunner(self)
        self.hub = hub or ChangeHub(self)
        self.dialogs = dialogs or DialogSeam()
        self.stopped = False

    def stop(self) -> None:
        """The window closes: results still queued are dropped (the base may be closed)."""
        self.stopped = True

    def run(
        self,
        work: Work,
        *,
        changes: ChangesOf = Change.NONE,
        on_success: Callable[[Any], None] | None = None,
        on_failure: FailureFn | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        parent: QWidget | None = None,
        error_title: str | None = None,
        origin: object | None = None,
    ) -> TaskSignals:
        """Run ``work(progress)`` off the GUI thread.

        On success ``on_success(result)`` runs, then the change is announced (``changes`` is a
        flag, or a function of the result returning a flag or a :class:`Changed`). On failure
        ``on_failure(message, details)`` shows it inline; without one, one dialog opens.
        ``parent`` (the pane) parents that dialog; once it is destroyed, the callbacks are
        dropped (a pane closed meanwhile is not called back).
        """

        def succeeded(result: Any) -> None:
            if on_success is not None:
                on_success(result)
            self._announce_result(changes, result, origin)

        def failed(message: str, details: str) -> None:
            if on_failure is not None:
                on_failure(message, details)
            elif shiboken6.isValid(self):
                self.dialogs.error(parent, error_title or tr("Une opération a échoué"), message)

        relay = _Relay(self, parent or self, succeeded, failed, on_progress)
        signals = self.runner.start(
            work, on_success=relay.succeeded, on_failure=relay.failed, on_progress=relay.progress
        )
        signals.finished.connect(relay.deleteLater)
        return signals

    def _announce_result(self, changes: ChangesOf, result: Any, origin: object | None) -> None:
        if not shiboken6.isValid(self):
            return
        found = changes(result) if callable(changes) else changes
        if isinstance(found, Changed):
            if found.what:
                self.hub.changed.emit(found)
        else:
            self.hub.announce(found, origin=origin)

    def announce(
        self, what: Change, participant_ids: Iterable[str] = (), origin: object | None = None
    ) -> None:
        """Announce a change made synchronously (a quick save)."""
        self.hub.announce(what, participant_ids, origin)

    @property
    def busy(self) -> bool:
        """True while an operation runs."""
        return self.runner.busy

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for running operations (on close and in tests)."""
        return self.runner.wait(msecs)


class _Relay(QObject):
    """Calls an operation's callbacks while its owner lives (Qt drops them with the owner)."""

    def __init__(
        self,
        ops: Operations,
        owner: QObject,
        succeeded: Callable[[Any], None],
        failed: FailureFn,
        progressed: Callable[[int, int, str], None] | None,
    ) -> None:
        super().__init__(owner)
        self._ops = ops
        self._succeeded, self._failed, self._progressed = succeeded, failed, progressed

    def _live(self) -> bool:
        return shiboken6.isValid(self._ops) and not self._ops.stopped

    @Slot(object)
    def succeeded(self, result: Any) -> None:
        if self._live():
            self._succeeded(result)

    @Slot(str, str)
    def failed(self, message: str, details: str) -> None:
        if self._live():
            self._failed(message, details)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, message: str) -> None:
        if self._progressed is not None:
            self._progressed(done, total, message)


class _Follower(QObject):
    """Refreshes a widget when a change concerns it: now if shown, else at its next show."""

    def __init__(
        self,
        widget: QWidget,
        mask: Change,
        refresh: Callable[[Changed], None],
        eager: bool,
        stale: bool,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.mask = mask
        self.refresh = refresh
        self.eager = eager
        # A pane built hidden has shown nothing yet: it loads at its first show.
        self.pending: Changed | None = Changed(mask) if stale else None
        widget.installEventFilter(self)

    def changed(self, change: Changed) -> None:
        if not shiboken6.isValid(self.widget) or not change.touches(self.mask):
            return
        if change.origin is self.widget:
            return  # the pane that made the change already shows it
        if self.eager or self.widget.isVisible():
            self.refresh(change)
        else:
            self.pending = _merge(self.pending, change)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.pending:
            change, self.pending = self.pending, None
            self.refresh(change)
        return False


def _merge(old: Changed | None, new: Changed) -> Changed:
    if old is None:
        return new
    people = Change.PARTICIPANTS
    if not old.touches(people) or not new.touches(people):
        ids = old.participant_ids or new.participant_ids
    elif old.participant_ids and new.participant_ids:
        ids = tuple(dict.fromkeys(old.participant_ids + new.participant_ids))
    else:
        ids = ()  # participants changed without a list: anyone may have
    return Changed(old.what | new.what, ids)


def follow(
    hub: ChangeHub,
    widget: QWidget,
    mask: Change,
    refresh: Callable[[Changed], None],
    *,
    eager: bool = False,
    stale: bool = True,
) -> QObject:
    """Subscribe ``widget`` to changes in ``mask``; ``refresh(change)`` runs when it is shown.

    A hidden widget refreshes at its next show, once, whatever the number of changes since;
    ``eager`` refreshes it at once even when hidden (the search index others rely on);
    ``stale`` (the default) has it load at its first show; pass False when it loaded itself.
    """
    follower = _Follower(widget, mask, refresh, eager, stale)
    hub.changed.connect(follower.changed)
    return follower

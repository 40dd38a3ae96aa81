"""The window's part in synchronisation: rounds by themselves, their words in the status bar.

:func:`install_auto_sync` gives a main window its :class:`AutoSync`: the status label, a
round after each batch of local edits (told by the window's change hub), the settings'
"Synchroniser maintenant" and folder choice, and the announcement of what a round brought
in — on the hub, so each pane refreshes itself. The window calls ``closing_round`` when it
closes and starts the rounds once it is shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from ardoiz_desk.gui.exchange.auto_sync import AutoSync
from ardoiz_desk.gui.kit.operations import Change, Changed
from ardoiz_desk.services.exchange.rounds import RoundReport

#: Local edits worth sending (what an agent types), not bookkeeping of the window itself.
EDITS = Change.PARTICIPANTS | Change.ACTIVITIES | Change.FOLLOWUPS | Change.AGENTS | Change.SITES


def install_auto_sync(window: Any) -> AutoSync:
    """Give the main window automatic rounds and a status label; return the AutoSync.

    ``window`` is the main window (its workspace, status bar, change hub and settings pane).
    """
    auto = AutoSync(window.ws, window)
    label = QLabel("")
    label.setObjectName("syncStatus")
    label.setAccessibleName(auto.tr_name())
    window.statusBar().addPermanentWidget(label)
    auto.status_changed.connect(label.setText)
    window.sync_status = label

    def round_finished(report: RoundReport) -> None:
        # What came in is announced like any change: each pane decides to refresh.
        what = Change.DATA if report.changed else Change.PEERS
        window.hub.changed.emit(Changed(what, origin=auto))

    def edited(change: Changed) -> None:
        if change.origin is auto:
            return
        if change.touches(Change.SETTINGS | Change.TERRITORY):
            auto.rewatch()  # the folder may have changed, or the territory been joined
            auto.refresh_status()
        if change.touches(EDITS):
            auto.note_edit()

    auto.round_finished.connect(round_finished)
    window.hub.changed.connect(edited)
    box = getattr(window.settings_pane, "sync_box", None)
    if box is not None:
        box.folder_changed.connect(lambda _folder: (auto.rewatch(), auto.request("folder")))
        box.sync_requested.connect(lambda: auto.request("asked"))
    return auto

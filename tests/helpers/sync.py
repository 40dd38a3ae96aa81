"""Helpers shared by the bundle tests (a plain module: tests/sync is on sys.path)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ardoiz_desk.paths import DB_FILENAME, KEY_FILENAME
from ardoiz_desk.services.exchange.territory import (
    SITE,
    apply_roster,
    roster,
)
from ardoiz_desk.services.workspace import Workspace, open_workspace
from ardoiz_desk.sync.crypto import new_signing_key

PASSPHRASE = "correct horse battery staple"
TODAY = dt.date(2026, 6, 15)


def make_replica(template_base: Path, folder: Path) -> Workspace:
    """Open a new replica from the migrated template (for tests that cannot use fixtures)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template_base, folder / DB_FILENAME)
    shutil.copy(template_base.with_name(KEY_FILENAME), folder / KEY_FILENAME)
    ws = open_workspace(folder)
    ws.today = lambda: TODAY
    return ws


def clone_territory(coordinator: Workspace, sites: list[Workspace]) -> None:
    """Put sites in the coordinator's territory without the (slow, scrypt) enrolment file."""
    for site in sites:
        for key in ("territory_id", "territory_name", "territory_key"):
            site.store.set_state(key, coordinator.store.get_state(key))
        site.store.set_state("territory_role", SITE)
        site.store.set_state("signing_key", new_signing_key().hex())


def trust_everyone(replicas: list[Workspace]) -> None:
    """Let every replica trust every other (as a coordinator's roster would)."""
    entries = [roster(ws)[0] for ws in replicas]
    for ws in replicas:
        apply_roster(ws, entries)


def open_pane(qtbot, ws: Workspace):
    """A Synchronisation pane on its own, shown, with its own task runner."""
    from ardoiz_desk.gui.exchange.pane import SyncPane
    from ardoiz_desk.gui.kit.operations import Operations
    from helpers.gui import FakeDialogs

    pane = SyncPane(ws, Operations(dialogs=FakeDialogs()))
    qtbot.addWidget(pane)
    pane.resize(1000, 640)
    pane.show()
    return pane


def click_and_wait(qtbot, pane, name: str) -> None:
    """Click a pane's button by object name and wait for its background work to end."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    with qtbot.waitSignal(
        pane.runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=20_000
    ):
        qtbot.mouseClick(pane.findChild(QPushButton, name), Qt.MouseButton.LeftButton)

"""Open the window and every dialog on the real X screen; print where each one lies (JSON).

Run by test_real_screens.py under its own Xvfb (``QT_QPA_PLATFORM=xcb``). Usage:
``screen_probe.py DATA_DIR TEXT_PERCENT``. For every top-level window shown it prints its
frame, the available screen, for each button that must stay reachable (default and
footer buttons) whether it is visible and inside both the window and the screen, and the
scroll areas of that window that scroll sideways (a squeezed form).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QWidget,
)

from ardoiz_desk.gui.app.main_window import REPORTS, SYNC, MainWindow
from ardoiz_desk.gui.app.startup import apply_style, create_application
from ardoiz_desk.gui.app.wizard import FirstStartDialog
from ardoiz_desk.gui.exchange.territory_box import TerritoryDialog
from ardoiz_desk.gui.kit.i18n import install_translators
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.sites.sites import initialise_site
from ardoiz_desk.services.workspace import open_workspace
from helpers.gui import FakeDialogs


def settle(app: QApplication, window: MainWindow, seconds: float = 0.4) -> None:
    """Let background work end and the X server map and paint the windows."""
    end = time.monotonic() + seconds
    while time.monotonic() < end or window.runner.busy:
        window.runner.wait(20)
        app.processEvents()
        time.sleep(0.01)


def global_rect(widget: QWidget) -> QRect:
    """A widget's rectangle in screen coordinates."""
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def reachable(button: QAbstractButton, top: QWidget, screen: QRect) -> bool:
    """Visible, not clipped by a scroll area, inside its window and the screen."""
    if not button.isVisible() or button.visibleRegion().isEmpty():
        return False
    rect = global_rect(button)
    return top.frameGeometry().contains(rect) and screen.contains(rect)


def footer_buttons(top: QWidget) -> list[QAbstractButton]:
    """The buttons an agent must always reach: dialog buttons and default buttons."""
    found = [b for box in top.findChildren(QDialogButtonBox) for b in box.buttons()]
    found += [b for b in top.findChildren(QPushButton) if b.isDefault()]
    return [b for b in dict.fromkeys(found) if b.isVisibleTo(top)]


def report(app: QApplication, scene: str) -> None:
    """Print one line per visible top-level window."""
    for top in app.topLevelWidgets():
        if not top.isVisible() or top.windowType().name == "Popup":
            continue
        screen = top.screen().availableGeometry()
        buttons = footer_buttons(top)
        overflowing = [
            area.widget().__class__.__name__
            for area in top.findChildren(QScrollArea)
            if area.objectName() == "paneScroll"
            and area.isVisible()
            and area.horizontalScrollBar().isVisible()
        ]
        # Forms (and panes) scroll down, never sideways: a squeezed form is cut at the right.
        sideways = [
            area.widget().__class__.__name__
            for area in top.findChildren(QScrollArea)
            if area.window() is top
            and area.isVisible()
            and area.widget() is not None
            and area.horizontalScrollBar().isVisible()
        ]
        line = {
            "scene": scene,
            "window": type(top).__name__,
            "frame": top.frameGeometry().getRect(),
            "screen": screen.getRect(),
            "inside": screen.contains(top.frameGeometry()),
            "buttons": {b.text(): reachable(b, top, screen) for b in buttons},
            "overflowing_panes": overflowing,
            "sideways": sideways,
        }
        print(json.dumps(line), flush=True)


def main() -> int:
    data_dir, percent = Path(sys.argv[1]), int(sys.argv[2])
    app = create_application()
    install_translators(app, "fr")
    apply_style(app)
    ws = open_workspace(data_dir)
    generate_demo(ws, participants=40, activities=20, seed=1)
    initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
    dialogs = FakeDialogs()
    window = MainWindow(ws, dialogs=dialogs)
    window.apply_text_scale(percent)
    window.show()
    settle(app, window, 0.8)
    for row, name in enumerate(
        ("participants", "activities", "followups", "agents", "sync", "reports", "settings")
    ):
        window.show_pane(row)
        settle(app, window, 0.6 if row in (SYNC, REPORTS) else 0.2)
        report(app, f"pane-{name}")

    def scene(name: str, dialog: QWidget) -> None:
        settle(app, window)
        report(app, name)
        dialog.hide()
        settle(app, window, 0.1)

    dialog = window.record_activity()
    scene("activity", dialog)
    dialog = window.record_activity("formation")
    scene("training", dialog)
    dialog = window.record_activity()
    dialog.picker.show_new_form()
    scene("activity-walk-in", dialog)
    scene("card", window.open_participant(window.participants.model.id_at(0)))
    scene("new-card", window.new_participant())
    scene("duplicates", window.review_duplicates())
    scene("shortcuts", window.show_shortcuts())
    wizard = FirstStartDialog(ws, window.ops, window)
    wizard.show()
    scene("first-start", wizard)
    territory = TerritoryDialog(
        "Inviter un site", "Fichier : x", ask_passphrase=True, confirm=True, parent=window
    )
    territory.show()
    scene("territory", territory)
    window.close()
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

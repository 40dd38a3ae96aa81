"""Drive the window with real X key events (xdotool) and print what each key did (JSON).

Run by test_real_keys.py under its own Xvfb, with no window manager (``QT_QPA_PLATFORM=xcb``).
Usage: ``keys_probe.py DATA_DIR``. Nothing here activates the window for the test: the keys
go wherever the X server sends them, as on the counter's laptop. The window starts with
the cursor in the participants search box; each window-wide shortcut is typed from there.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from ardoiz_desk.gui.app.main_window import MainWindow
from ardoiz_desk.gui.app.startup import apply_style, create_application
from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.gui.kit.i18n import install_translators
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.people.followups import add_followup
from ardoiz_desk.services.people.participants import search_participants
from ardoiz_desk.services.sites.sites import initialise_site
from ardoiz_desk.services.workspace import open_workspace


def settle(app: QApplication, window: MainWindow, seconds: float = 0.4) -> None:
    """Let background work end and the X server deliver the events."""
    end = time.monotonic() + seconds
    while time.monotonic() < end or window.runner.busy:
        window.runner.wait(20)
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, window: MainWindow, done, seconds: float = 4.0) -> None:
    """Let events in until ``done()`` holds (a loaded machine is slow), or time is up."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        settle(app, window, 0.05)


def open_dialogs() -> list[QDialog]:
    return [t for t in QApplication.topLevelWidgets() if isinstance(t, QDialog) and t.isVisible()]


def xkey(*keys: str) -> None:
    """Press keys on the X server, as a keyboard would (to the X input focus)."""
    subprocess.run(["xdotool", "key", "--delay", "30", *keys], check=True)


def xtype(text: str) -> None:
    subprocess.run(["xdotool", "type", "--delay", "30", text], check=True)


def state(window: MainWindow, step: str, **extra) -> None:
    """Print where the keyboard is and which dialogs are open after one step."""
    focus = QApplication.focusWidget()
    active = QApplication.activeWindow()
    dialogs = [type(top).__name__ for top in open_dialogs()]
    line = {
        "step": step,
        "pane": window.stack.currentIndex(),
        "active": type(active).__name__ if active is not None else None,
        "focus": type(focus).__name__ if focus is not None else None,
        "focus_is_search": focus is window.participants.search_edit,
        "dialogs": dialogs,
        "search_text": window.participants.search_edit.text(),
        **extra,
    }
    print(json.dumps(line), flush=True)


def main() -> int:
    data_dir = Path(sys.argv[1])
    app = create_application()
    install_translators(app, "fr")
    apply_style(app)
    ws = open_workspace(data_dir)
    generate_demo(ws, participants=30, activities=10, seed=3)
    initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
    person = search_participants(ws, "", limit=1)[0]
    add_followup(ws, person.id, ws.today(), "Revoir les photos")
    window = MainWindow(ws, dialogs=DialogSeam())  # the real seam: dialogs open window-modal
    window.show()
    settle(app, window, 1.5)
    state(window, "start")
    window.participants.focus_search()  # the cursor in the search box, as after Ctrl+F

    def dialog_active() -> bool:  # shown, and the keyboard in it
        return isinstance(QApplication.activeWindow(), QDialog)

    def back_to_window() -> bool:
        return not open_dialogs() and QApplication.activeWindow() is window

    def close_dialog(step: str) -> None:
        xkey("Escape")
        settle(app, window)
        wait_for(app, window, back_to_window)
        state(window, step)

    xkey("ctrl+e")
    settle(app, window)
    wait_for(app, window, dialog_active)
    state(window, "ctrl+e")
    xtype("abc")  # the next letters go into the activity dialog, not the search box
    settle(app, window)
    dialog_focus = QApplication.focusWidget()
    state(
        window,
        "typed-in-dialog",
        typed=dialog_focus.text() if isinstance(dialog_focus, QLineEdit) else None,
    )
    close_dialog("activity-closed")
    window.participants.focus_search()
    xkey("ctrl+n")
    settle(app, window)
    wait_for(app, window, dialog_active)
    state(window, "ctrl+n")
    close_dialog("card-closed")
    window.participants.focus_search()
    xkey("F1")
    settle(app, window)
    wait_for(app, window, dialog_active)
    state(window, "F1")
    close_dialog("help-closed")
    for number in (2, 3, 4, 7, 1):
        window.participants.focus_search()
        xkey(f"ctrl+{number}")
        settle(app, window, 0.6 if number == 7 else 0.3)
        wait_for(app, window, lambda n=number: window.stack.currentIndex() == n - 1)
        state(window, f"ctrl+{number}")
    xkey("ctrl+3")  # Suivis: the list takes the keyboard, Enter opens the person
    settle(app, window)
    wait_for(app, window, lambda: QApplication.focusWidget() is window.followups.view)
    xkey("Return")
    settle(app, window)
    wait_for(app, window, dialog_active)
    card = getattr(window, "card", None)
    state(
        window,
        "followups-enter",
        card_person=card.participant_id == person.id if card is not None else None,
    )
    close_dialog("followup-card-closed")
    xkey("ctrl+4")  # from another pane, Ctrl+F comes back to the search box
    settle(app, window)
    wait_for(app, window, lambda: window.stack.currentIndex() == 3)
    xkey("ctrl+f")
    settle(app, window)
    wait_for(app, window, lambda: QApplication.focusWidget() is window.participants.search_edit)
    state(window, "ctrl+f")
    window.close()
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

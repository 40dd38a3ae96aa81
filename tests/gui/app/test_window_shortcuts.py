"""Every window-wide shortcut of the F1 help does what it says, typed in the search box.

Offscreen, a line edit claims no Ctrl+E for itself (on X11 it moves to the end of the line):
test_real_keys.py types the same keys on a real X keyboard, where it does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from ardoiz_desk.gui.activities.dialog import RecordActivityDialog
from ardoiz_desk.gui.kit.shortcuts import help_entries
from ardoiz_desk.gui.participants.card import ParticipantCard
from helpers.gui import press

CTRL = Qt.KeyboardModifier.ControlModifier


def _from_search(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.participants.focus_search()
    assert QApplication.focusWidget() is window.participants.search_edit


def _key(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    press(QApplication.focusWidget(), key, modifier)


def test_window_shortcuts_work_from_the_search_box(qtbot, window, dialogs) -> None:
    listed = {keys for keys, _text in help_entries()}
    assert {"F1", "Ctrl+F", "Ctrl+N", "Ctrl+E", "Ctrl+1 … Ctrl+7"} <= listed
    assert set(window.actions_by_key) == {f"Ctrl+{n}" for n in range(1, 8)} | {
        "Ctrl+F",
        "Ctrl+N",
        "Ctrl+E",
        "F1",
    }
    expected = {
        Qt.Key.Key_E: RecordActivityDialog,
        Qt.Key.Key_N: ParticipantCard,
    }
    for letter, kind in expected.items():
        _from_search(qtbot, window)
        _key(letter, CTRL)
        assert isinstance(dialogs.shown[-1], kind), letter
        assert dialogs.shown[-1].isVisible()
        assert window.participants.search_edit.text() == ""  # nothing typed in the search
        dialogs.shown[-1].reject()
    _from_search(qtbot, window)
    _key(Qt.Key.Key_F1)
    assert dialogs.shown[-1] is window.shortcuts_help and window.shortcuts_help.isVisible()
    window.shortcuts_help.reject()
    for number in range(1, 8):
        _from_search(qtbot, window)
        _key(getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.stack.currentIndex() == number - 1
        focus = QApplication.focusWidget()
        assert window.stack.currentWidget().isAncestorOf(focus), number  # in the pane
    window.show_pane(4)
    window.activities.view.setFocus()  # from elsewhere, Ctrl+F comes back to the search box
    _key(Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.participants.search_edit
    assert window.stack.currentIndex() == 0
    assert all(not isinstance(d, QDialog) or not d.isVisible() for d in dialogs.shown)
    window.runner.wait(20_000)

"""A 6-attendee workshop (5 registered, 1 walk-in) recorded by keyboard alone, keys counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ardoiz_desk.services.activities.sessions import list_activities
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
)

PEOPLE = [("Hélène", "Aubépin"), ("Gérard", "Célestin"), ("Noël", "Dauphiné")]
PEOPLE += [("Josette", "Éloi"), ("René", "Fénelon")]
BUDGET = 100


class Keyboard:
    """Sends each key to the widget that has the focus, as the application would; counts."""

    def __init__(self) -> None:
        self.count = 0

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        QTest.keyClick(QApplication.focusWidget(), key, modifier)

    def text(self, text: str) -> None:
        for ch in text:
            self.count += 1
            focus = QApplication.focusWidget()
            if ch.isascii():
                QTest.keyClicks(focus, ch)
            else:
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click,
                    focus,
                    Qt.Key.Key_unknown,
                    ch,
                    Qt.KeyboardModifier.NoModifier,
                )


def test_workshop_of_six_by_keyboard_within_budget(qtbot, window, dialogs) -> None:
    ids = [register_participant(window.ws, ParticipantInput(p, n)).id for p, n in PEOPLE]
    window.data_reloaded()
    qtbot.waitSignal(window.participants.index_ready, timeout=10_000).wait()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.participants.focus_search()
    keys = Keyboard()
    keys.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # from the search box
    dialog = dialogs.shown[-1]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for _prenom, nom in PEOPLE:
        keys.text(nom[:4])
        keys.key(Qt.Key.Key_Return)
    keys.text("Zoé Zébulon")  # the walk-in: Enter with no match opens the short form
    keys.key(Qt.Key.Key_Return)
    keys.key(Qt.Key.Key_Tab)  # to the commune
    keys.text("Serres")
    keys.key(Qt.Key.Key_Tab)  # to « Notice remise »: the agent ticks it
    keys.key(Qt.Key.Key_Space)
    keys.key(Qt.Key.Key_Return)
    keys.key(Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # T&itre de l'atelier
    keys.text("Tablette")
    keys.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.error.text()
    activity = list_activities(window.ws, limit=1)[0]
    assert len(activity.participant_ids) == 6 and activity.titre_atelier == "Tablette"
    walk_in = next(p for p in activity.participant_ids if p not in ids)
    assert get_participant(window.ws, walk_in).notice_given_on == window.ws.today()
    print(f"keystrokes for a 6-attendee workshop: {keys.count}")
    assert keys.count <= BUDGET

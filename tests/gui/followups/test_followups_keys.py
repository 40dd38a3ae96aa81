"""Suivis by real key presses: Ctrl+3 then Enter opens the person; Ctrl+D, Ctrl+Z undo it.

Keys go to the widget that has the focus, as the application delivers them (QTest on
``QApplication.focusWidget()``), starting with the cursor in the participants search box.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ardoiz_desk.gui.participants.card import ParticipantCard
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.people.followups import add_followup, followups_due
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from helpers.gui import open_window, press

CTRL = Qt.KeyboardModifier.ControlModifier


def key(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """One key press delivered to whatever has the focus."""
    press(QApplication.focusWidget(), key, modifier)


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_ctrl_3_then_enter_opens_the_person_from_the_search_box(qtbot, window, dialogs) -> None:
    people = window.participants.index.search("")[:2]
    add_followup(window.ws, people[1], window.ws.today() - dt.timedelta(days=1), "Photos")
    add_followup(window.ws, people[0], window.ws.today() + dt.timedelta(days=3), "Messagerie")
    _activate(qtbot, window)
    window.participants.focus_search()
    assert QApplication.focusWidget() is window.participants.search_edit
    key(Qt.Key.Key_3, CTRL)
    assert window.stack.currentIndex() == 2
    assert QApplication.focusWidget() is window.followups.view  # the list has the keyboard
    key(Qt.Key.Key_Return)
    card = dialogs.shown[-1]
    assert isinstance(card, ParticipantCard) and card.participant_id == people[1]  # overdue first
    card.reject()


def test_mark_done_and_undo_with_keys_travel_to_the_coordination(
    qtbot, territory, dialogs, tmp_path
) -> None:
    coordination, site = territory(1)
    person = register_participant(site, ParticipantInput("Josette", "Éloi"))
    followup = add_followup(site, person.id, site.today(), "Revoir les photos")
    window = open_window(qtbot, site, dialogs)
    _activate(qtbot, window)
    window.participants.focus_search()
    key(Qt.Key.Key_3, CTRL)
    pane = window.followups
    assert not pane.undo_button.isVisible()  # nothing to take back yet
    key(Qt.Key.Key_D, CTRL)
    assert followups_due(site) == [] and pane.model.rowCount() == 0
    assert pane.undo_button.isVisible() and "Josette" in pane.undo_note.text()

    def open_at_coordination() -> bool:
        out = tmp_path / f"{len(list(tmp_path.glob('*.ardoiz')))}.ardoiz"
        import_files(coordination, [export_bundle(site, out, full=True).path])
        due = followups_due(coordination, participant_id=person.id, include_done=True)
        return not next(f for f in due if f.id == followup.id).done

    assert not open_at_coordination()  # « fait » travelled
    key(Qt.Key.Key_Z, CTRL)  # the focus is still in the Suivis list
    assert [f.id for f in followups_due(site)] == [followup.id]  # open again in the base
    assert pane.model.rowCount() == 1 and pane.selected().id == followup.id
    assert not pane.undo_button.isVisible()
    assert open_at_coordination()  # and the undo travelled too
    key(Qt.Key.Key_D, CTRL)
    pane.undo_button.click()  # the button does the same
    assert [f.id for f in followups_due(site)] == [followup.id]
    window.runner.wait(10_000)

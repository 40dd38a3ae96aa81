"""The Activités pane: every activity searched and filtered; opened, corrected and deleted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from ardoiz_desk.gui.activities.dialog import RecordActivityDialog
from ardoiz_desk.gui.activities.list_model import ID_ROLE
from ardoiz_desk.services.activities.corrections import activity_input
from ardoiz_desk.services.activities.sessions import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from helpers.gui import press, type_text


def open_activities(qtbot, window):
    pane = window.activities
    with qtbot.waitSignal(pane.index_ready, timeout=10_000):
        press(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    return pane


def shown_ids(pane) -> list[str]:
    return [pane.model.index(r, 0).data(ID_ROLE) for r in range(pane.model.rowCount())]


def _workshop(ws, who, title="Les photos de Zoé", day=dt.date(2026, 6, 1)) -> str:
    return record_activity(
        ws,
        ActivityInput(
            "collectif",
            day,
            90,
            ["email"],
            titre_atelier=title,
            attendees=[AttendeeInput(p) for p in who],
        ),
    ).id


def test_every_activity_is_listed_searched_and_filtered(qtbot, window) -> None:
    ws = window.ws
    zoe = register_participant(ws, ParticipantInput("Zoé", "Ébrard", commune="Orpierre")).id
    aid = _workshop(ws, [zoe])
    pane = open_activities(qtbot, window)
    total = pane.model.rowCount()
    assert total == len(pane.index) > 40  # every activity, not the last 500
    type_text(pane.search_edit, "zoe ebr")
    qtbot.waitUntil(lambda: shown_ids(pane) == [aid])
    assert "Les photos de Zoé" in pane.model.index(0, 2).data()
    pane.search_edit.clear()
    type_text(pane.participant_filter, "ébrard")
    qtbot.waitUntil(lambda: shown_ids(pane) == [aid])
    pane.participant_filter.clear()
    qtbot.waitUntil(lambda: pane.model.rowCount() == total)
    pane.kind_filter.setCurrentIndex(pane.kind_filter.findData("individuel"))
    individual = pane.model.rowCount()
    assert 0 < individual < total
    assert aid not in shown_ids(pane)
    pane.kind_filter.setCurrentIndex(0)
    pane.date_from.setDate(QDate(2026, 6, 1))
    pane.date_to.setDate(QDate(2026, 6, 1))
    assert aid in shown_ids(pane)
    for row in range(pane.model.rowCount()):
        assert pane.model.index(row, 0).data() == "01/06/2026"
    pane.date_from.setDate(pane.date_from.minimumDate())
    pane.date_to.setDate(pane.date_to.minimumDate())
    site = pane.site_filter.findText("France Services Sisteron")
    pane.site_filter.setCurrentIndex(site)
    assert pane.model.rowCount() < total
    pane.site_filter.setCurrentIndex(0)
    pane.agent_filter.setCurrentIndex(1)
    assert pane.model.rowCount() < total


def test_enter_opens_the_activity_to_correct_it(qtbot, window, dialogs) -> None:
    ws = window.ws
    a = register_participant(ws, ParticipantInput("Zoé", "Ébrard", commune="Orpierre")).id
    b = register_participant(ws, ParticipantInput("Anatole", "Quémener", commune="Serres")).id
    window.participants.participants_changed([a, b])
    aid = _workshop(ws, [a])
    pane = open_activities(qtbot, window)
    type_text(pane.search_edit, "photos de zoe")
    qtbot.waitUntil(lambda: shown_ids(pane) == [aid])
    press(pane.search_edit, Qt.Key.Key_Return)
    dialog = dialogs.shown[-1]
    assert isinstance(dialog, RecordActivityDialog) and dialog.activity_id == aid
    assert dialog.title_edit.text() == "Les photos de Zoé"
    assert dialog.minutes() == 90 and dialog.attendance.rowCount() == 1
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # durations, themes, notes, attendance: by keyboard
    dialog.duration.setCurrentIndex(dialog.duration.findData(60))
    dialog.themes["securite_numerique"].setChecked(True)
    dialog.notes.setFocus()
    type_text(dialog.notes, "Corrigé")
    dialog.attendance_view.setFocus()
    dialog.attendance_view.selectRow(0)
    press(dialog.attendance_view, Qt.Key.Key_Delete)
    type_text(dialog.picker.search_edit, "anatole quem")
    press(dialog.picker.search_edit, Qt.Key.Key_Return)
    assert dialog.attendance.rowCount() == 1
    with qtbot.waitSignal(dialog.recorded, timeout=2_000):
        press(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.error.text()
    now = activity_input(ws, aid)
    assert now.duree_minutes == 60 and now.notes == "Corrigé"
    assert set(now.thematiques) == {"email", "securite_numerique"}
    assert [x.participant_id for x in now.attendees] == [b]
    assert window.participants.index.stage(a) == "aucune"
    assert window.participants.index.stage(b) == "animation"
    pane.search_edit.clear()
    type_text(pane.search_edit, "quemener")
    qtbot.waitUntil(lambda: shown_ids(pane) == [aid])


def test_delete_asks_first_then_removes_the_activity(qtbot, window, dialogs) -> None:
    ws = window.ws
    a = register_participant(ws, ParticipantInput("Zoé", "Ébrard", commune="Orpierre")).id
    window.participants.participants_changed([a])
    aid = _workshop(ws, [a])
    pane = open_activities(qtbot, window)
    total = pane.model.rowCount()
    type_text(pane.search_edit, "photos de zoe")
    qtbot.waitUntil(lambda: shown_ids(pane) == [aid])
    press(pane.search_edit, Qt.Key.Key_Down)
    dialogs.answers = [False]
    press(pane.view, Qt.Key.Key_Delete)
    assert len(dialogs.questions) == 1 and "Les photos de Zoé" in dialogs.questions[0]
    assert shown_ids(pane) == [aid]
    dialogs.answers = [True]
    press(pane.view, Qt.Key.Key_Delete)
    assert shown_ids(pane) == []
    pane.search_edit.clear()
    qtbot.waitUntil(lambda: pane.model.rowCount() == total - 1)
    assert window.participants.index.stage(a) == "aucune"


def test_the_dialog_deletes_the_activity_it_shows(qtbot, window, dialogs) -> None:
    ws = window.ws
    a = register_participant(ws, ParticipantInput("Zoé", "Ébrard", commune="Orpierre")).id
    aid = _workshop(ws, [a])
    pane = open_activities(qtbot, window)
    dialog = window.open_activity(aid)
    assert dialog.delete_button.isVisible()
    dialogs.answers = [True]
    with qtbot.waitSignal(dialog.deleted, timeout=2_000):
        dialog.delete_button.click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: aid not in shown_ids(pane))

"""Follow-ups pane, agents pane, settings pane and the activities list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ardoiz_desk.gui.kit.theme import DEFAULT_POINT_SIZE
from ardoiz_desk.gui.participants.card import ParticipantCard
from ardoiz_desk.services.people.followups import add_followup, followups_due
from ardoiz_desk.services.settings import retention_months
from ardoiz_desk.services.sites.agents import agents_with_trainings
from helpers.gui import press, type_text


def test_mark_a_followup_done_and_open_the_participant(qtbot, window, dialogs) -> None:
    people = window.participants.index.search("")[:2]
    add_followup(
        window.ws, people[0], window.ws.today() - dt.timedelta(days=3), "Revoir l'envoi de photos"
    )
    add_followup(
        window.ws, people[1], window.ws.today() + dt.timedelta(days=2), "Configurer la messagerie"
    )
    window.show_pane(2)
    pane = window.followups
    pane.refresh()
    due = followups_due(window.ws, within_days=7)
    assert pane.model.rowCount() == len(due) > 0
    assert pane.model.item(0).overdue  # overdue ones come first, in red
    first = pane.selected()
    pane.view.setFocus()
    press(pane.view, Qt.Key.Key_Return)
    assert isinstance(dialogs.shown[-1], ParticipantCard)
    assert dialogs.shown[-1].participant_id == first.participant_id
    dialogs.shown[-1].reject()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane.view.setFocus()
    press(pane.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    remaining = followups_due(window.ws, within_days=7)
    assert first.id not in {f.id for f in remaining}
    assert pane.model.rowCount() == len(remaining)
    done = followups_due(window.ws, participant_id=first.participant_id, include_done=True)
    assert any(f.id == first.id and f.done for f in done)


def test_add_an_agent(qtbot, window) -> None:
    window.show_pane(3)
    pane = window.agents
    before = pane.model.rowCount()
    type_text(pane.name_edit, "Léa Fabrègue")
    press(pane.name_edit, Qt.Key.Key_Return)
    assert pane.model.rowCount() == before + 1
    assert "Léa Fabrègue" in {a.name for a in agents_with_trainings(window.ws)}


def test_settings_apply_text_size_and_store_retention(qtbot, window) -> None:
    pane = window.settings_pane
    app = QApplication.instance()
    size = max(app.font().pointSizeF(), DEFAULT_POINT_SIZE)  # 100 % is never under 10 pt
    pane.text_size.setCurrentIndex(pane.text_size.findData(150))
    assert abs(app.font().pointSizeF() - size * 1.5) < 0.6
    assert window.settings.text_scale == 150
    pane.text_size.setCurrentIndex(pane.text_size.findData(100))
    assert abs(app.font().pointSizeF() - size) < 0.1
    assert retention_months(window.ws) == 24
    pane.retention.setValue(12)
    assert retention_months(window.ws) == 12
    pane.language.setCurrentIndex(pane.language.findData("en"))
    assert window.settings.language == "en"


def test_geometry_is_remembered(qtbot, window, site_ws, dialogs) -> None:
    from helpers.gui import open_window

    window.resize(700, 500)  # the offscreen screen is 800 × 600
    window.close()
    again = open_window(qtbot, site_ws, dialogs)
    assert (again.width(), again.height()) == (700, 500)


def test_activities_list_is_sorted_newest_first(qtbot, window) -> None:
    window.show_pane(1)
    model = window.activities.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5_000)
    days = [model.index(r, 0).data().split("/") for r in range(model.rowCount())]
    dates = [(int(y), int(m), int(d)) for d, m, y in days]
    assert dates == sorted(dates, reverse=True)


def test_every_pane_opens_from_the_keyboard(qtbot, window) -> None:
    for number in range(1, 8):
        press(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == number - 1
    assert window.sync_pane is not None and window.reports_pane is not None
    window.runner.wait(20_000)

"""Paramètres: the people past the retention period are shown, then anonymised on request."""

from __future__ import annotations

import datetime as dt

from ardoiz_desk.gui.kit.operations import Operations
from ardoiz_desk.gui.kit.ui_settings import UiSettings
from ardoiz_desk.gui.settings.pane import SettingsPane
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
)
from helpers.gui import FakeDialogs


def _pane(qtbot, ws, dialogs) -> SettingsPane:
    pane = SettingsPane(ws, UiSettings(ws.data_dir), Operations(dialogs=dialogs))
    qtbot.addWidget(pane)
    return pane


def test_preview_then_confirmed_anonymisation(qtbot, ws) -> None:
    person = register_participant(ws, ParticipantInput(prenom="Odette", nom="Garcin"))
    ws.today = lambda: dt.date(2031, 6, 15)  # five years after the record was written
    dialogs = FakeDialogs()
    pane = _pane(qtbot, ws, dialogs)
    assert "1 personne(s)" in pane.purge_status.text()
    dialogs.answers = [False]
    pane.review_retention()
    assert "Odette GARCIN" in dialogs.questions[-1]
    assert get_participant(ws, person.id).nom == "Garcin"  # declined: nothing changed
    dialogs.answers = [True]
    with qtbot.waitSignal(pane.participants_erased, timeout=10_000) as erased:
        pane.review_retention()
    assert erased.args[0] == [person.id]
    assert get_participant(ws, person.id).erased
    assert "0 personne(s)" in pane.purge_status.text()
    assert not pane.purge_button.isEnabled()
    qtbot.waitUntil(lambda: not pane.runner.busy)


def test_nobody_due_means_nothing_to_review(qtbot, ws) -> None:
    register_participant(ws, ParticipantInput(prenom="Noëlle", nom="Roux"))
    dialogs = FakeDialogs()
    pane = _pane(qtbot, ws, dialogs)
    assert not pane.purge_button.isEnabled()
    pane.review_retention()
    assert dialogs.questions == []

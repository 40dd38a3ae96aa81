"""One way to run a change: a failure gives one message, a save refreshes the other panes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from ardoiz_desk.gui.app.main_window import ACTIVITIES, FOLLOWUPS, MainWindow
from ardoiz_desk.gui.kit.operations import Change, Changed, ChangeHub, Operations, follow
from ardoiz_desk.gui.kit.ui_settings import UiSettings
from ardoiz_desk.gui.settings.pane import SettingsPane
from ardoiz_desk.services.exchange.territory import create_territory
from ardoiz_desk.services.people.followups import add_followup
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from helpers.gui import FakeDialogs, open_window


def _fail(_progress):
    raise ValueError("Le paquet est illisible.")


def _wait_idle(qtbot, ops: Operations) -> None:
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)


def test_a_failure_without_a_place_in_the_pane_opens_one_dialog(qtbot, window, dialogs) -> None:
    window.ops.run(_fail, changes=Change.PARTICIPANTS)
    _wait_idle(qtbot, window.ops)
    qtbot.wait(50)  # any second report would be queued by now
    assert dialogs.errors == ["Le paquet est illisible."]


def test_a_failure_shown_inline_opens_no_dialog(qtbot, window, dialogs) -> None:
    inline: list[str] = []
    announced: list[Changed] = []
    window.hub.changed.connect(announced.append)
    window.ops.run(_fail, changes=Change.PEERS, on_failure=lambda m, _d: inline.append(m))
    _wait_idle(qtbot, window.ops)
    qtbot.wait(50)
    assert inline == ["Le paquet est illisible."]
    assert dialogs.errors == [] and announced == []  # a failure announces no change


def test_a_failed_anonymisation_gives_exactly_one_message(qtbot, ws, monkeypatch) -> None:
    """It used to show two boxes: the runner's own and the pane's."""
    register_participant(ws, ParticipantInput(prenom="Odette", nom="Garcin"))
    ws.today = lambda: dt.date(2031, 6, 15)
    dialogs = FakeDialogs()
    ops = Operations(dialogs=dialogs)
    pane = SettingsPane(ws, UiSettings(ws.data_dir), ops)
    qtbot.addWidget(pane)

    def broken(*_args):
        raise OSError("database or disk is full")

    monkeypatch.setattr("ardoiz_desk.gui.settings.pane.apply_retention", broken)
    pane.review_retention()
    _wait_idle(qtbot, ops)
    qtbot.wait(50)
    assert len(dialogs.errors) == 1 and "disque est plein" in dialogs.errors[0]


def test_a_sync_failure_is_shown_once_in_the_pane(qtbot, window, dialogs, tmp_path) -> None:
    create_territory(window.ws, "CCSB")  # else export waits for the territory, and says so
    window.show_pane(4)
    pane = window.sync_pane
    (tmp_path / "a-file").write_text("not a folder")
    pane.choose_export_path = lambda: tmp_path / "a-file" / "site.ardoiz"
    pane.export_to_file()
    _wait_idle(qtbot, window.ops)
    qtbot.wait(50)
    assert pane.error.text() and pane.error.isVisibleTo(pane)
    assert dialogs.errors == []


@pytest.fixture
def with_followup(site_ws):
    person = register_participant(site_ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    add_followup(site_ws, person.id, site_ws.today() + dt.timedelta(days=2), "Rappeler")
    return site_ws, person


def _names_in(model) -> list[str]:
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_a_card_save_refreshes_the_followups_pane(qtbot, with_followup, dialogs) -> None:
    ws, person = with_followup
    window = open_window(qtbot, ws, dialogs)
    window.show_pane(FOLLOWUPS)
    assert "Hélène DUPRÉ" in _names_in(window.followups.model)
    card = window.open_participant(person.id)
    card.form.edits["nom"].setText("Dupré-Martin")
    assert card.save()
    # Nobody routed this refresh: the Suivis pane follows PARTICIPANTS on the window's hub.
    assert "Hélène DUPRÉ-MARTIN" in _names_in(window.followups.model)
    assert not hasattr(window, "mark_stale")
    card.reject()
    window.runner.wait(10_000)


def test_an_activity_refreshes_hidden_panes_when_shown(qtbot, window, dialogs) -> None:
    window.show_pane(ACTIVITIES)
    qtbot.waitUntil(lambda: window.activities.model.rowCount() > 0, timeout=10_000)
    before = window.activities.model.rowCount()
    window.show_pane(0)  # the Activités pane is hidden while the activity is recorded
    dialog = window.record_activity("individuel")
    dialog.date.setDate(QDate(2026, 6, 14))
    dialog.save()
    assert not dialog.isVisible(), dialog.error.text()
    window.show_pane(ACTIVITIES)
    qtbot.waitUntil(lambda: window.activities.model.rowCount() == before + 1, timeout=10_000)
    window.runner.wait(10_000)


def test_a_hidden_pane_refreshes_once_at_its_next_show(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    hub = ChangeHub()
    widget = QWidget()
    qtbot.addWidget(widget)
    seen: list[Changed] = []
    follow(hub, widget, Change.PARTICIPANTS | Change.FOLLOWUPS, seen.append, stale=False)
    hub.announce(Change.PARTICIPANTS, ["a"])
    hub.announce(Change.PARTICIPANTS | Change.FOLLOWUPS, ["b"])
    hub.announce(Change.PEERS)  # not followed
    assert seen == []
    widget.show()
    assert len(seen) == 1
    assert seen[0].what == Change.PARTICIPANTS | Change.FOLLOWUPS
    assert seen[0].participant_ids == ("a", "b")
    hub.announce(Change.FOLLOWUPS, origin=widget)  # its own change: already shown
    assert len(seen) == 1
    hub.announce(Change.FOLLOWUPS)
    assert len(seen) == 2


def test_main_window_builds_every_pane_on_one_operations(qtbot, window) -> None:
    assert isinstance(window, MainWindow)
    window.show_pane(4)
    window.show_pane(5)
    for pane in (
        window.participants,
        window.activities,
        window.followups,
        window.agents,
        window.sync_pane,
        window.sync_pane.territory_box,
        window.reports_pane,
        window.settings_pane,
    ):
        assert pane.ops is window.ops, type(pane).__name__
    window.runner.wait(10_000)

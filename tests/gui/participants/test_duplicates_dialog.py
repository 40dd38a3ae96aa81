"""Doublons probables: found off the GUI thread, merged after confirmation, list updated."""

from __future__ import annotations

from ardoiz_desk.gui.participants.duplicates import pair_model
from ardoiz_desk.services.people.duplicates import find_duplicates
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    count_participants,
    get_participant,
    register_participant,
)
from helpers.gui import FakeDialogs, open_window


def _twins(ws):
    a = register_participant(
        ws, ParticipantInput(prenom="Hélène", nom="Dupré", annee_naissance=1948)
    )
    b = register_participant(
        ws,
        ParticipantInput(
            prenom="Helene", nom="DUPRE", annee_naissance=1948, telephone="04 92 61 00 00"
        ),
    )
    register_participant(ws, ParticipantInput(prenom="Gérard", nom="Roux"))
    return a, b


def test_merge_from_the_window(qtbot, ws) -> None:
    a, _b = _twins(ws)
    dialogs = FakeDialogs()
    window = open_window(qtbot, ws, dialogs)
    assert window.participants.model.rowCount() == 3
    with qtbot.waitSignal(window.runner.busy_changed, check_params_cb=lambda busy: not busy):
        dialog = window.review_duplicates()
    assert dialog.model.rowCount() == 1 and dialog.keep_a.isEnabled()
    assert "Helene DUPRE" in dialog.model.data(dialog.model.index(0, 2))
    dialogs.answers = [False]
    dialog.merge_selected(keep_first=True)
    assert count_participants(ws) == 3  # declined: nothing merged
    dialogs.answers = [True]
    with qtbot.waitSignal(window.runner.busy_changed, check_params_cb=lambda busy: not busy):
        dialog.merge_selected(keep_first=True)
    assert count_participants(ws) == 2
    assert get_participant(ws, a.id).telephone == "04 92 61 00 00"
    assert dialog.model.rowCount() == 0 and not dialog.keep_a.isEnabled()
    assert window.participants.model.rowCount() == 2
    window.runner.wait(10_000)


def test_pair_model_passes_the_model_tester(qtmodeltester, ws) -> None:
    _twins(ws)
    model = pair_model()
    model.set_items(find_duplicates(ws))
    qtmodeltester.check(model)

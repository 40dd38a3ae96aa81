"""After an import from the Synchronisation pane, the window lists the people it brought."""

from __future__ import annotations

from ardoiz_desk.gui.app.main_window import SYNC
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from helpers.gui import open_window
from helpers.sync import click_and_wait


def test_imported_participants_appear_in_the_list(qtbot, territory, tmp_path, dialogs) -> None:
    coord, site = territory(1)
    register_participant(site, ParticipantInput(prenom="Hélène", nom="Dupré"))
    path = export_bundle(site, tmp_path / "site.ardoiz", full=True).path
    window = open_window(qtbot, coord, dialogs)
    assert window.participants.model.rowCount() == 0
    window.show_pane(SYNC)
    pane = window.sync_pane
    pane.choose_import_files = lambda: [path]
    click_and_wait(qtbot, pane, "importFiles")
    with qtbot.waitSignal(window.participants.index_ready, timeout=20_000):
        click_and_wait(qtbot, pane, "applyImport")
    assert window.participants.model.rowCount() == 1
    assert dialogs.errors == []
    # The pane got the window's seam explicitly (it is built without a parent).
    assert window.sync_pane.dialogs is dialogs
    window.runner.wait(10_000)

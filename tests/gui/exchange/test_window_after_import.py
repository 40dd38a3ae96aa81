"""After an import from the Synchronisation pane, the window lists the people it brought."""

from __future__ import annotations

from ardoiz_desk.gui.app.main_window import SYNC, MainWindow
from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from helpers.sync import click_and_wait


class QuietDialogs(DialogSeam):
    """Never blocks: shows dialogs modeless and answers yes."""

    def show(self, dialog) -> None:
        dialog.show()

    def ask(self, parent, title, question) -> bool:
        return True

    def inform(self, parent, title, text) -> None:
        pass

    def error(self, parent, title, text) -> None:
        raise AssertionError(text)


def test_imported_participants_appear_in_the_list(qtbot, territory, tmp_path) -> None:
    coord, site = territory(1)
    register_participant(site, ParticipantInput(prenom="Hélène", nom="Dupré"))
    path = export_bundle(site, tmp_path / "site.ardoiz", full=True).path
    window = MainWindow(coord, dialogs=QuietDialogs())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.participants.index_ready, timeout=20_000):
        window.show()
    assert window.participants.model.rowCount() == 0
    window.show_pane(SYNC)
    pane = window.sync_pane
    pane.choose_import_files = lambda: [path]
    click_and_wait(qtbot, pane, "importFiles")
    with qtbot.waitSignal(window.participants.index_ready, timeout=20_000):
        click_and_wait(qtbot, pane, "applyImport")
    assert window.participants.model.rowCount() == 1
    window.runner.wait(10_000)

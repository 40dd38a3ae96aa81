"""Synchronisation in the agent's words (issue 9, point 6), driven by mouse and keyboard.

Export waits for the territory and says why; a success clears a stale red error; a wrong
passphrase keeps the chosen file; the save dialog proposes the site and the date in the
folder last used.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton

from ardoiz_desk.gui.exchange.pane import SyncPane
from ardoiz_desk.gui.kit.operations import Operations
from ardoiz_desk.services.exchange.bundles import proposed_bundle_name
from ardoiz_desk.services.exchange.territory import (
    create_territory,
    list_peers,
    territory_info,
    write_enrolment,
)
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.sites.sites import initialise_site
from helpers.gui import FakeDialogs, type_text
from helpers.sync import PASSPHRASE

LEFT = Qt.MouseButton.LeftButton


def _pane(qtbot, ws) -> SyncPane:
    pane = SyncPane(ws, Operations(dialogs=FakeDialogs()))
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    pane.show()
    return pane


def _button(pane: SyncPane, name: str) -> QPushButton:
    return pane.findChild(QPushButton, name)


def _click_and_wait(qtbot, pane: SyncPane, name: str) -> None:
    """Click a button with the mouse and wait for the work it starts."""
    with qtbot.waitSignal(
        pane.runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=20_000
    ):
        qtbot.mouseClick(_button(pane, name), LEFT)


def _type_passphrase_and_ok(qtbot, pane: SyncPane, passphrase: str) -> None:
    """Type into the passphrase dialog shown last, click OK, wait for the join to end."""
    dialog = pane.dialogs.shown[-1]
    edit = dialog.findChild(QLineEdit, "passphrase")
    edit.setFocus()
    type_text(edit, passphrase)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(
        pane.runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=20_000
    ):
        qtbot.mouseClick(ok, LEFT)


def _invited_site(workspace_factory, tmp_path, name: str = "Mison") -> tuple:
    """A coordination with a territory, a site not yet in it, and the site's enrolment file."""
    coord = workspace_factory("coord")
    initialise_site(coord, "COORD-CCSB", "Coordination CCSB", "coordination")
    create_territory(coord, "CCSB")
    enrolment = write_enrolment(coord, tmp_path / "usb" / "mison.ardoiz-enrol", PASSPHRASE)
    site = workspace_factory("site")
    initialise_site(site, "MISON", name)
    return coord, site, enrolment


def test_exchange_is_disabled_with_a_reason_until_the_territory_is_joined(
    qtbot, workspace_factory, tmp_path
) -> None:
    _coord, site, enrolment = _invited_site(workspace_factory, tmp_path)
    pane = _pane(qtbot, site)
    dialogs: FakeDialogs = pane.dialogs
    pane.tabs.setCurrentIndex(0)
    reason = pane.findChild(QLabel, "exchangeReason")
    assert reason.isVisible() and "Rejoignez d'abord le territoire" in reason.text()
    for name in ("exportFile", "exportFolder", "importFiles", "importInbox"):
        assert not _button(pane, name).isEnabled()
    qtbot.mouseClick(_button(pane, "exportFile"), LEFT)
    pane.export_to_file()  # even called directly (a shortcut), no file dialog opens
    pane.preview_files()
    assert dialogs.proposed == [] and not pane.runner.busy

    pane.tabs.setCurrentIndex(2)
    dialogs.files = [enrolment]
    qtbot.mouseClick(pane.territory_box.join_button, LEFT)
    _type_passphrase_and_ok(qtbot, pane, PASSPHRASE)
    assert territory_info(site) is not None
    pane.tabs.setCurrentIndex(0)
    assert not reason.isVisible()
    assert all(_button(pane, n).isEnabled() for n in ("exportFile", "importFiles"))
    dialogs.files = [tmp_path / "usb" / "paquet.ardoiz"]
    _click_and_wait(qtbot, pane, "exportFile")
    assert (tmp_path / "usb" / "paquet.ardoiz").exists()


def test_a_success_clears_the_red_error_of_an_earlier_failure(
    qtbot, workspace_factory, tmp_path
) -> None:
    coord, site, enrolment = _invited_site(workspace_factory, tmp_path)
    pane = _pane(qtbot, site)
    dialogs: FakeDialogs = pane.dialogs
    box = pane.territory_box
    dialogs.files = [tmp_path / "gone.ardoiz-enrol"]  # a file that went away: a red error
    qtbot.mouseClick(box.join_button, LEFT)
    _type_passphrase_and_ok(qtbot, pane, PASSPHRASE)
    assert box.error.isVisibleTo(pane) and "Impossible de lire" in box.error.text()
    dialogs.files = [enrolment]
    qtbot.mouseClick(box.join_button, LEFT)
    _type_passphrase_and_ok(qtbot, pane, PASSPHRASE)
    assert not box.error.isVisibleTo(pane) and "a rejoint" in box.status.text()

    pane.tabs.setCurrentIndex(0)
    qtbot.mouseClick(_button(pane, "exportFolder"), LEFT)  # no shared folder chosen yet
    assert pane.error.isVisible() and "dossier partagé" in pane.error.text()
    dialogs.files = [tmp_path / "partage"]
    qtbot.mouseClick(_button(pane, "pickFolder"), LEFT)
    assert not pane.error.isVisible()  # the folder is chosen: the complaint is stale
    _click_and_wait(qtbot, pane, "exportFolder")
    assert "Paquet déposé dans le dossier partagé" in pane.status.text()
    assert not pane.error.isVisible()

    # Across the pane: a red line of the pane, then a success of the territory box...
    board = _pane(qtbot, coord)
    board.tabs.setCurrentIndex(0)
    qtbot.mouseClick(_button(board, "exportFolder"), LEFT)
    assert board.error.isVisibleTo(board)
    board.tabs.setCurrentIndex(2)
    board.dialogs.files = [tmp_path / "usb" / "autre-site"]
    qtbot.mouseClick(board.territory_box.invite_button, LEFT)
    invite = board.dialogs.shown[-1]
    invite.findChild(QLineEdit, "passphrase").setText(PASSPHRASE)
    invite.findChild(QLineEdit, "passphraseAgain").setText(PASSPHRASE)
    ok = invite.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(board.runner.busy_changed, check_params_cb=lambda b: not b):
        qtbot.mouseClick(ok, LEFT)
    assert "Fichier d'inscription écrit" in board.territory_box.status.text()
    assert not board.error.isVisibleTo(board)
    # ... and a red line of the territory box, then a success of the pane.
    board.dialogs.files = [tmp_path / "no-such-folder" / "x"]
    qtbot.mouseClick(board.territory_box.invite_button, LEFT)
    invite = board.dialogs.shown[-1]
    invite.findChild(QLineEdit, "passphrase").setText(PASSPHRASE)
    invite.findChild(QLineEdit, "passphraseAgain").setText(PASSPHRASE)
    (tmp_path / "no-such-folder").write_text("a file, not a folder")
    ok = invite.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(board.runner.busy_changed, check_params_cb=lambda b: not b):
        qtbot.mouseClick(ok, LEFT)
    assert board.territory_box.error.isVisibleTo(board)
    board.tabs.setCurrentIndex(0)
    board.dialogs.files = [tmp_path / "usb" / "coordination.ardoiz"]
    _click_and_wait(qtbot, board, "exportFile")
    assert "Paquet enregistré" in board.status.text()
    assert not board.territory_box.error.isVisibleTo(board)


def test_wrong_passphrase_keeps_the_chosen_file_and_asks_again(
    qtbot, workspace_factory, tmp_path
) -> None:
    _coord, site, enrolment = _invited_site(workspace_factory, tmp_path)
    pane = _pane(qtbot, site)
    dialogs: FakeDialogs = pane.dialogs
    before = digest(site)
    dialogs.files = [enrolment]
    qtbot.mouseClick(pane.territory_box.join_button, LEFT)
    first = dialogs.shown[-1]
    _type_passphrase_and_ok(qtbot, pane, "pas la bonne phrase")
    assert territory_info(site) is None and list_peers(site) == [] and digest(site) == before
    again = dialogs.shown[-1]
    assert again is not first and again.isVisible()
    assert "Phrase secrète incorrecte" in again.error.text() and again.error.isVisible()
    assert any(enrolment.name in label.text() for label in again.findChildren(QLabel))
    assert again.findChild(QLineEdit, "passphrase").text() == ""
    assert not pane.territory_box.error.isVisibleTo(pane)  # said once, in the dialog
    _type_passphrase_and_ok(qtbot, pane, PASSPHRASE)
    assert territory_info(site) is not None
    assert len(dialogs.proposed) == 1  # the file was chosen once: never back to the start


def test_proposed_name_is_the_site_and_the_date(workspace_factory) -> None:
    ws = workspace_factory("mison")
    initialise_site(ws, "MISON", "Agence postale de Mison-Église")
    assert proposed_bundle_name(ws) == "ardoiz-agence-postale-de-mison-eglise-2026-06-15.ardoiz"
    bare = workspace_factory("bare")
    assert proposed_bundle_name(bare) == "ardoiz-2026-06-15.ardoiz"


def test_save_dialog_proposes_a_name_and_the_folder_last_used(qtbot, territory, tmp_path) -> None:
    _coord, site = territory(1)
    usb = tmp_path / "CLE-USB"
    usb.mkdir()
    pane = _pane(qtbot, site)
    dialogs: FakeDialogs = pane.dialogs
    pane.tabs.setCurrentIndex(0)
    name = "ardoiz-msap-0-2026-06-15.ardoiz"
    dialogs.files = [usb / name]
    _click_and_wait(qtbot, pane, "exportFile")
    assert dialogs.proposed[0] == Path.home() / name  # first time: the home folder
    assert (usb / name).exists()
    dialogs.files = [[]]  # the import dialog opens where the bundle went; cancelled
    qtbot.mouseClick(_button(pane, "importFiles"), LEFT)
    assert dialogs.proposed[1] == usb
    dialogs.files = [None]
    qtbot.mouseClick(_button(pane, "exportFile"), LEFT)
    assert dialogs.proposed[2] == usb / name

    later = _pane(qtbot, site)  # the window opened again: still remembered
    later.tabs.setCurrentIndex(0)
    qtbot.mouseClick(_button(later, "exportFile"), LEFT)
    assert later.dialogs.proposed == [usb / name]

"""Enrolment from the window: create, invite and join through the pane, never the command line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton

from ardoiz_desk.gui.exchange.pane import SyncPane
from ardoiz_desk.gui.exchange.views import field_label
from ardoiz_desk.gui.kit.operations import Operations
from ardoiz_desk.services.exchange.territory import (
    create_territory,
    list_peers,
    territory_info,
    write_enrolment,
)
from ardoiz_desk.services.sites.sites import initialise_site
from helpers.gui import FakeDialogs
from helpers.sync import PASSPHRASE


def _pane(qtbot, ws) -> SyncPane:
    # The fake seam shows dialogs without modality and keeps them for the test to fill in.
    pane = SyncPane(ws, Operations(dialogs=FakeDialogs()))
    qtbot.addWidget(pane)
    pane.resize(1000, 640)
    pane.show()
    return pane


def _click(qtbot, pane: SyncPane, name: str) -> None:
    qtbot.mouseClick(pane.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _fill_and_accept(qtbot, pane: SyncPane, **fields: str) -> QDialog:
    """Type into the last dialog shown, press OK and wait for the service call to end."""
    dialog = pane.dialogs.shown[-1]
    for name, text in fields.items():
        edit = dialog.findChild(QLineEdit, name)
        assert edit.isVisibleTo(dialog)
        qtbot.keyClicks(edit, text)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(
        pane.runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=20_000
    ):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    return dialog


def test_coordinator_creates_the_territory_and_invites_a_site(
    qtbot, workspace_factory, tmp_path
) -> None:
    coord = workspace_factory("coord")
    pane = _pane(qtbot, coord)
    assert pane.tabs.currentIndex() == 2  # no territory yet: the pane opens where to enrol
    assert not pane.territory_box.invite_button.isVisibleTo(pane)
    _click(qtbot, pane, "createTerritory")
    _fill_and_accept(qtbot, pane, territoryName="CCSB Sisteron")
    info = territory_info(coord)
    assert info is not None and info.name == "CCSB Sisteron" and info.role == "coordinator"
    assert info.fingerprint in pane.territory_box.fingerprint.text()  # rich text, escaped
    assert info.fingerprint in pane.territory_label.text()
    assert not pane.territory_box.create_button.isVisibleTo(pane)

    out = tmp_path / "msap"
    pane.territory_box.choose_enrolment_path = lambda: out
    _click(qtbot, pane, "inviteSite")
    dialog = pane.dialogs.shown[-1]
    dialog.findChild(QLineEdit, "passphrase").setText(PASSPHRASE)
    dialog.findChild(QLineEdit, "passphraseAgain").setText(PASSPHRASE + "!")
    dialog.accept()  # two different passphrases: the dialog stays open and says why
    assert dialog.isVisible() and "pas identiques" in dialog.error.text()
    dialog.findChild(QLineEdit, "passphraseAgain").clear()
    _fill_and_accept(qtbot, pane, passphraseAgain=PASSPHRASE)
    written = out.with_suffix(".ardoiz-enrol")
    assert written.exists() and str(written) in pane.territory_box.status.text()
    assert dialog.findChild(QLineEdit, "passphrase").text() == ""  # not kept in the widget

    site = workspace_factory("site")
    _site_pane, joined = _join_through_pane(qtbot, site, written, PASSPHRASE)
    assert joined.territory_id == info.territory_id
    assert [p.fingerprint for p in list_peers(site)] == [info.fingerprint]


def _join_through_pane(qtbot, site, enrolment: Path, passphrase: str):
    """Join through the pane as an agent would; return the pane and the territory after."""
    pane = _pane(qtbot, site)
    pane.territory_box.choose_enrolment_file = lambda: enrolment
    _click(qtbot, pane, "joinTerritory")
    edit = pane.dialogs.shown[-1].findChild(QLineEdit, "passphrase")
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    _fill_and_accept(qtbot, pane, passphrase=passphrase)
    return pane, territory_info(site)


def _coordinator_with_invitation(workspace_factory, tmp_path) -> tuple[object, Path]:
    coord = workspace_factory("coord")
    initialise_site(coord, "COORD-CCSB", "Coordination CCSB", "coordination")
    create_territory(coord, "CCSB")
    return coord, write_enrolment(coord, tmp_path / "site.ardoiz-enrol", PASSPHRASE)


def test_site_joins_with_the_file_and_the_passphrase(qtbot, workspace_factory, tmp_path) -> None:
    coord, enrolment = _coordinator_with_invitation(workspace_factory, tmp_path)
    site = workspace_factory("site")
    initialise_site(site, "MSAP-0", "MSAP 0")
    pane, info = _join_through_pane(qtbot, site, enrolment, PASSPHRASE)
    assert info is not None and info.role == "site" and info.name == "CCSB"
    assert info.territory_id == territory_info(coord).territory_id
    assert [p.replica_id for p in list_peers(site)] == [coord.replica_id]
    assert "a rejoint le territoire « CCSB »" in pane.territory_box.status.text()
    assert not pane.territory_box.join_button.isVisibleTo(pane)


def test_wrong_passphrase_shows_a_french_error_and_changes_nothing(
    qtbot, workspace_factory, tmp_path
) -> None:
    _coord, enrolment = _coordinator_with_invitation(workspace_factory, tmp_path)
    site = workspace_factory("site")
    pane, info = _join_through_pane(qtbot, site, enrolment, "not the passphrase")
    assert info is None and list_peers(site) == []
    again = pane.dialogs.shown[-1]  # asked again, in a dialog that says why
    assert again.isVisible() and "Phrase secrète incorrecte" in again.error.text()
    assert pane.territory_box.join_button.isVisibleTo(pane)
    assert "aucun territoire" in pane.territory_label.text()


def test_malformed_or_missing_file_is_refused_in_french(qtbot, workspace_factory, tmp_path) -> None:
    site = workspace_factory("site")
    junk = tmp_path / "junk.ardoiz-enrol"
    junk.write_bytes(b"ARDOIZE\x00\x00\x00\x00\x05{oops")
    pane, info = _join_through_pane(qtbot, site, junk, PASSPHRASE)
    assert info is None and "pas un fichier d'inscription" in pane.territory_box.error.text()
    pane, info = _join_through_pane(qtbot, site, tmp_path / "gone.ardoiz-enrol", PASSPHRASE)
    assert info is None
    assert pane.territory_box.error.text() == "Impossible de lire le fichier « gone.ardoiz-enrol »."


def test_conflict_fields_read_as_form_labels() -> None:
    assert field_label("participants", "nom") == "Nom"
    assert field_label("participants", "annee_naissance") == "Année de naissance"
    assert field_label("participants", "telephone") == "Téléphone"
    assert field_label("activities", "titre_atelier") == "Titre atelier"

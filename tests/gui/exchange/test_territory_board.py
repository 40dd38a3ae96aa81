"""The territory board tab (coordination), the counter's status, the synchronisation settings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from ardoiz_desk.gui.exchange.board_tab import TerritoryBoardTab, board_columns
from ardoiz_desk.gui.exchange.counter_status import counter_text
from ardoiz_desk.gui.exchange.views import table_model
from ardoiz_desk.gui.kit.table_model import ItemTableModel
from ardoiz_desk.gui.kit.tasks import TaskRunner
from ardoiz_desk.gui.settings.sync_box import SyncSettingsBox
from ardoiz_desk.services.exchange import mailbox as mb
from ardoiz_desk.services.exchange.board import territory_board
from ardoiz_desk.services.exchange.bundles import set_sync_folder, sync_folder
from ardoiz_desk.services.exchange.rounds import run_round
from ardoiz_desk.services.exchange.sync_status import sync_status
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.services.privacy.erasure import erase_participant


def test_board_tab_shows_sites_erasures_and_prints(qtbot, qtmodeltester, territory, tmp_path):
    coord, a, b = territory(2)
    for ws in (coord, a, b):
        set_sync_folder(ws, tmp_path / "shared")
    person = register_participant(a, ParticipantInput(prenom="Hélène", nom="DUPRÉ"))
    for ws in (a, b, coord, a, b, coord):
        run_round(ws)
    erase_participant(a, person.id)
    run_round(a)
    run_round(coord)
    runner = TaskRunner()
    tab = TerritoryBoardTab(coord, runner)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        tab.refresh()
    sites = table_model(tab.sites)
    assert sites.rowCount() == 2
    erasures = table_model(tab.erasures)
    assert erasures.rowCount() == 1
    assert "MSAP-1" in erasures.data(erasures.index(0, 2))
    qtmodeltester.check(sites)
    tab.choose_pdf_path = lambda: coord.data_dir / "tableau.pdf"  # a clear file there: refused
    tab.print_pdf()
    assert "hors du dossier de données" in tab.error.text()
    assert not (coord.data_dir / "tableau.pdf").exists()
    tab.choose_pdf_path = lambda: tmp_path / "tableau.pdf"
    tab.print_pdf()
    assert (tmp_path / "tableau.pdf").read_bytes().startswith(b"%PDF")


def test_silent_sites_are_drawn_in_red(territory) -> None:
    coord, _a = territory(1)
    mb.set_silent_days(coord, 10)
    model = ItemTableModel(board_columns())
    today = dt.datetime.now(dt.UTC)
    model.set_items(territory_board(coord, now=today).lines)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    later = territory_board(coord, now=today + dt.timedelta(days=11)).lines
    assert later[0].silent
    model.set_items(later)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None


def test_counter_status_says_what_was_sent_and_confirmed(territory, tmp_path) -> None:
    coord, a = territory(1)
    assert "rien déposé" in counter_text(sync_status(a))
    for ws in (coord, a):
        set_sync_folder(ws, tmp_path / "shared")
    register_participant(a, ParticipantInput(prenom="Paul", nom="MARTIN"))
    run_round(a)
    assert "pas encore confirmé" in counter_text(sync_status(a))
    run_round(coord)
    run_round(a)
    text = counter_text(sync_status(a))
    assert "La coordination a confirmé le" in text, text


def test_settings_box_chooses_the_folder_and_manual_mode(qtbot, territory, tmp_path) -> None:
    coord, _a = territory(1)
    box = SyncSettingsBox(coord)
    qtbot.addWidget(box)
    box.choose_folder = lambda: tmp_path / "partage"
    with qtbot.waitSignal(box.folder_changed):
        box.pick_folder()
    assert sync_folder(coord) == (tmp_path / "partage").resolve()
    assert str(tmp_path / "partage") in box.folder.text()
    box.manual.setChecked(True)
    assert mb.manual_mode(coord)
    box.silent.setValue(30)
    assert mb.silent_days(coord) == 30
    assert not box.silent.isHidden()  # the coordination sees the silence setting

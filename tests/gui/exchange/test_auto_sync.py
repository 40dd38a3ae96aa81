"""Rounds by themselves: the folder appearing, words in the status bar, one round at a time."""

from __future__ import annotations

import datetime as dt

from ardoiz_desk.gui.exchange.auto_sync import AutoSync, status_text, watch_paths
from ardoiz_desk.gui.kit.operations import Change
from ardoiz_desk.services.exchange.bundles import set_sync_folder
from ardoiz_desk.services.exchange.rounds import run_round
from ardoiz_desk.services.exchange.sync_status import SyncStatus
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from helpers.gui import open_window

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def status(**values) -> SyncStatus:
    base = {
        "folder": "/srv/partage",
        "last_ok_at": "",
        "unreachable_since": "",
        "pending_approvals": 0,
        "waiting_preview": 0,
        "manual": False,
        "sent": (),
    }
    return SyncStatus(**{**base, **values})


def test_status_words() -> None:
    assert status_text(status(folder=""), NOW) == ""
    assert status_text(status(), NOW) == "Pas encore synchronisé"
    assert status_text(status(last_ok_at="2026-12-01T11:55:00+00:00"), NOW) == (
        "Synchronisé il y a 5 min"
    )
    text = status_text(
        status(unreachable_since="2026-11-28T11:00:00+00:00", pending_approvals=2), NOW
    )
    assert text == "Dossier injoignable depuis 3 jours · 2 paquets en attente d'approbation"


def test_watches_where_the_folder_will_appear(tmp_path) -> None:
    folder = tmp_path / "usb" / "ardoiz"
    assert str(tmp_path) in watch_paths(folder)
    folder.mkdir(parents=True)
    assert {str(folder), str(folder.parent)} <= set(watch_paths(folder))


def test_notices_the_folder_appearing_and_runs_a_round(qtbot, territory, tmp_path) -> None:
    _coord, site = territory(1)
    folder = tmp_path / "nextcloud" / "ardoiz"
    set_sync_folder(site, folder)
    folder.rmdir()  # configured, but not there yet (the sync client has not created it)
    auto = AutoSync(site, debounce_ms=50)
    texts: list[str] = []
    auto.status_changed.connect(texts.append)
    auto.start()
    qtbot.waitUntil(lambda: not auto.running and auto.last_report is not None, timeout=10_000)
    assert auto.last_report.status == "unreachable"
    assert texts[-1].startswith("Dossier injoignable")
    with qtbot.waitSignal(auto.round_finished, timeout=10_000) as blocker:
        folder.mkdir()
    assert blocker.args[0].status == "done" and blocker.args[0].written
    assert list(folder.glob("ardoiz-*.ardoiz"))
    assert texts[-1] == "Synchronisé à l'instant"
    auto.stop()
    auto.runner.wait(5_000)


def test_window_notices_the_folder_appearing_and_runs_a_round(
    qtbot, territory, tmp_path, dialogs
) -> None:
    _coord, site = territory(1)
    folder = tmp_path / "usb" / "ardoiz"
    set_sync_folder(site, folder)
    folder.rmdir()  # the USB stick is not plugged in yet
    window = open_window(qtbot, site, dialogs)
    qtbot.waitUntil(lambda: "injoignable" in window.sync_status.text(), timeout=10_000)
    assert not list(folder.parent.glob("**/*.ardoiz"))
    folder.mkdir()  # plugged in: nobody clicks anything
    qtbot.waitUntil(lambda: bool(list(folder.glob("ardoiz-*.ardoiz"))), timeout=15_000)
    qtbot.waitUntil(lambda: window.sync_status.text().startswith("Synchronisé"), timeout=10_000)
    assert dialogs.errors == [] and dialogs.questions == []  # never a dialog unprompted
    window.close()


def test_a_round_that_brings_data_is_announced_to_the_panes(
    qtbot, territory, tmp_path, dialogs
) -> None:
    coord, site = territory(1)
    for ws in (coord, site):
        set_sync_folder(ws, tmp_path / "shared")
    register_participant(coord, ParticipantInput(prenom="Hélène", nom="DUPRÉ"))
    run_round(coord)
    window = open_window(qtbot, site, dialogs)
    changes = []
    window.hub.changed.connect(changes.append)
    qtbot.waitUntil(lambda: any(c.touches(Change.PARTICIPANTS) for c in changes), timeout=15_000)
    # The participants list reloads by itself: the person from the other site is listed.
    qtbot.waitUntil(lambda: window.participants.model.rowCount() == 1, timeout=10_000)
    window.close()

"""Work held for a site's clock is listed and approved from the Synchronisation pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.exchange.quarantine import quarantined
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.services.sites.sites import this_site
from ardoiz_desk.store.hlc import HybridLogicalClock, wall_clock_ms
from ardoiz_desk.store.models import Participant
from helpers.sync import click_and_wait, open_pane

DAY_MS = 24 * 3_600_000


def _held_at_coordinator(territory, tmp_path):
    """A site whose date runs 3 days ahead sends one person: the coordinator holds it."""
    coord, site = territory(1)
    site.store.clock = HybridLogicalClock(
        site.replica_id, wall=lambda: wall_clock_ms() + 3 * DAY_MS
    )
    person = register_participant(site, ParticipantInput(prenom="Zoé", nom="Lenoir"))
    path = export_bundle(site, tmp_path / "site.ardoiz", full=True).path
    assert import_files(coord, [path]).outcomes[0].status == "quarantined"
    return coord, site, person


def _people(ws) -> set[str]:
    with ws.store.session() as s:
        return set(s.scalars(select(Participant.id)))


def test_clock_held_work_is_listed_in_words_and_approved(territory, tmp_path, qtbot):
    coord, site, person = _held_at_coordinator(territory, tmp_path)
    pane = open_pane(qtbot, coord)
    pane.tabs.setCurrentIndex(2)
    box = pane.clock_box
    assert box.isVisible() and box.list.count() == 1
    line = box.list.item(0).text()
    assert this_site(site).name in line
    assert "72 h" in line and "1 personne" in line and "reçu le" in line
    [held] = quarantined(coord)
    assert held.bundle_id not in line and site.replica_id not in line
    assert "participants" not in line and "sites" not in line
    # Choose the line with the keyboard, then click « Approuver… »: the question names it.
    box.list.setFocus()
    qtbot.keyClick(box.list, Qt.Key.Key_Home)
    dialogs = pane.dialogs
    dialogs.answers.append(True)
    assert box.approve_button.text() == "Approuver…"
    assert not box.approve_button.autoDefault() and not box.approve_button.isDefault()
    click_and_wait(qtbot, pane, "approveClock")
    assert this_site(site).name in dialogs.questions[-1]
    assert person.id in _people(coord)
    assert quarantined(coord) == []
    assert box.list.count() == 0 and not box.isVisible()
    assert not box.error.isVisible()


def test_cancelling_the_approval_changes_nothing(territory, tmp_path, qtbot):
    coord, _site, person = _held_at_coordinator(territory, tmp_path)
    pane = open_pane(qtbot, coord)
    pane.tabs.setCurrentIndex(2)
    pane.dialogs.answers.append(False)
    button = pane.findChild(QPushButton, "approveClock")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert pane.dialogs.questions  # it asked
    qtbot.wait(50)
    assert person.id not in _people(coord)
    assert len(quarantined(coord)) == 1 and pane.clock_box.list.count() == 1


def test_a_held_file_gone_is_said_in_french_and_nothing_changes(territory, tmp_path, qtbot):
    from pathlib import Path

    coord, _site, person = _held_at_coordinator(territory, tmp_path)
    pane = open_pane(qtbot, coord)
    pane.tabs.setCurrentIndex(2)
    [held] = quarantined(coord)
    Path(held.held_path).unlink()
    pane.dialogs.answers.append(True)
    click_and_wait(qtbot, pane, "approveClock")
    box = pane.clock_box
    assert box.error.isVisible() and box.error.text()
    assert held.bundle_id not in box.error.text()
    assert person.id not in _people(coord)
    assert box.list.count() == 1

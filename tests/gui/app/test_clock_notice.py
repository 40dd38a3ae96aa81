"""The agent is told at their counter when the coordinator's bundle says their date runs ahead."""

from __future__ import annotations

from ardoiz_desk.gui.kit.operations import Change
from ardoiz_desk.services.exchange.quarantine import take_notice


def test_status_bar_shows_the_coordinators_clock_notice_after_an_import(window) -> None:
    assert not window.clock_warning.isVisible() or "coordination" not in window.clock_warning.text()
    take_notice(window.ws, {"clock_notices": {window.ws.replica_id: 72}, "created_at": ""})
    window.hub.announce(Change.DATA)  # what the sync pane announces after an import
    assert window.clock_warning.isVisible()
    assert "coordination" in window.clock_warning.text() and "72 h" in window.clock_warning.text()
    take_notice(window.ws, {"clock_notices": {}, "created_at": ""})  # the date was corrected
    window.hub.announce(Change.DATA)
    assert not window.clock_warning.isVisible()

"""The window's title reads the coordination without loading the exchange machinery."""

from __future__ import annotations

from ardoiz_desk.services.exchange import identity
from ardoiz_desk.services.exchange.territory import territory_info
from ardoiz_desk.sync.state import COORDINATOR


def test_only_the_coordinator_is_named(ws, territory) -> None:
    assert identity.COORDINATOR == COORDINATOR
    assert identity.coordinated_territory(ws) is None  # in no territory
    coordinator, site = territory(1)
    assert identity.coordinated_territory(coordinator) == territory_info(coordinator).name
    assert identity.coordinated_territory(site) is None


def test_the_clock_notice_is_read_where_quarantine_writes_it(ws) -> None:
    from ardoiz_desk.services.exchange.quarantine import take_notice

    assert identity.own_clock_notice(ws) is None
    take_notice(ws, {"clock_notices": {ws.replica_id: 30}, "created_at": "2026-12-02"})
    assert "30 h" in identity.own_clock_notice(ws)

"""A computer whose date went back behind the base's latest write is told so, in French."""

from __future__ import annotations

from ardoiz_desk.services.health import clock_warning
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.store.hlc import HybridLogicalClock, wall_clock_ms


def test_no_warning_on_a_sane_clock(ws) -> None:
    register_participant(ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    assert clock_warning(ws) is None


def test_warning_after_writing_with_a_date_in_the_future(ws) -> None:
    # The PC ran two days ahead when this was written, then its date was corrected.
    ahead = wall_clock_ms() + 2 * 24 * 3_600_000
    ws.store.clock = HybridLogicalClock(ws.replica_id, wall=lambda: ahead)
    register_participant(ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    ws.store.clock = HybridLogicalClock(ws.replica_id, ws.store.clock.last)
    warning = clock_warning(ws)
    assert warning and "vérifiez la date" in warning

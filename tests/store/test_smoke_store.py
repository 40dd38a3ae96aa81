"""The store stamps every write and refuses writes around the clock."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.store.engine import UnstampedWriteError
from ardoiz_desk.store.models import Participant


def test_bulk_update_around_the_clock_is_refused(ws) -> None:
    register_participant(ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    with pytest.raises(UnstampedWriteError), ws.store.session() as session:
        session.execute(update(Participant).values(nom="X"))
    with ws.store.session() as session:
        assert session.scalars(select(Participant.nom)).one() == "Dupré"

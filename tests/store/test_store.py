"""Every write of a synchronised field is stamped; nothing writes around the clock."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, insert, select, text

from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    input_from_view,
    register_participant,
    update_participant,
)
from ardoiz_desk.store.engine import UnstampedWriteError, bulk_insert_new
from ardoiz_desk.store.hlc import parse_stamp
from ardoiz_desk.store.models import Participant, synced_fields
from ardoiz_desk.store.stamps import expand_stamps


def _row(ws, pid: str) -> Participant:
    with ws.store.session() as session:
        return session.get(Participant, pid)


def test_new_row_is_stamped_by_this_replica(ws) -> None:
    view = register_participant(ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    row = _row(ws, view.id)
    assert parse_stamp(row.updated_hlc).replica == ws.replica_id
    full = expand_stamps(row.stamps, row.updated_hlc, synced_fields(Participant))
    assert set(full.values()) == {row.updated_hlc}


def test_only_the_changed_field_gets_a_new_stamp(ws) -> None:
    view = register_participant(ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    before = _row(ws, view.id)
    update_participant(ws, view.id, input_from_view(view, telephone="06 12 34 56 78"))
    after = _row(ws, view.id)
    old = expand_stamps(before.stamps, before.updated_hlc, synced_fields(Participant))
    new = expand_stamps(after.stamps, after.updated_hlc, synced_fields(Participant))
    changed = {f for f in old if old[f] != new[f]}
    assert changed == {"telephone"}
    assert new["telephone"] > old["telephone"]


def test_saving_unchanged_values_writes_no_stamp(ws) -> None:
    view = register_participant(ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    before = _row(ws, view.id).updated_hlc
    update_participant(ws, view.id, input_from_view(view))
    assert _row(ws, view.id).updated_hlc == before


@pytest.mark.parametrize(
    "statement",
    [
        lambda: delete(Participant),
        lambda: insert(Participant).values(id="x" * 32, prenom="a", nom="b"),
    ],
)
def test_bulk_statements_around_the_clock_are_refused(ws, statement) -> None:
    register_participant(ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    with pytest.raises(UnstampedWriteError), ws.store.session() as session:
        session.execute(statement())
    with ws.store.session() as session:
        assert session.scalar(select(Participant.nom)) == "Dupré"


def test_orm_delete_is_refused_soft_delete_is_the_way(ws) -> None:
    view = register_participant(ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    with pytest.raises(UnstampedWriteError), ws.store.session() as session:
        session.delete(session.get(Participant, view.id))
    assert get_participant(ws, view.id).nom == "Dupré"


def test_bulk_insert_new_stamps_each_row_and_keeps_the_clock(ws) -> None:
    with ws.store.session() as session:
        ids = bulk_insert_new(
            session, Participant, [{"prenom": f"P{i}", "nom": "Éloi"} for i in range(50)]
        )
    with ws.store.session() as session:
        stamps = session.scalars(
            select(Participant.updated_hlc).where(Participant.id.in_(ids))
        ).all()
        keys = session.scalars(select(Participant.search_key)).all()
    assert len(set(stamps)) == 50
    assert all(" eloi " in k for k in keys)
    assert ws.store.get_state("hlc_last") == max(stamps)
    assert ws.store.clock.now() > max(stamps)


def test_sqlite_runs_in_wal_with_foreign_keys(ws) -> None:
    with ws.store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_replica_identity_survives_reopening(ws, template_base) -> None:
    from ardoiz_desk.services.workspace import open_workspace

    register_participant(ws, ParticipantInput(prenom="Hélène", nom="Dupré"))
    replica, last = ws.replica_id, ws.store.clock.last
    ws.close()
    again = open_workspace(ws.data_dir)
    try:
        assert again.replica_id == replica
        assert again.store.clock.now() > last
    finally:
        again.close()

"""Conflicts: concurrent edits of one field, reviewed side by side and overturnable.

Overturning writes the set-aside value again as a new local edit: it gets a fresh stamp,
so it wins everywhere once the next bundle travels.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update

from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.validation import NotFoundError, ValidationError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.hlc import stamp_replica
from ardoiz_desk.store.models import Participant, model_for_table
from ardoiz_desk.store.sync_tables import SyncConflict, SyncPeer
from ardoiz_desk.sync.codec import column_specs
from ardoiz_desk.sync.state import utc_now

OPEN, KEPT, OVERTURNED = "open", "kept", "overturned"


@dataclass(frozen=True)
class ConflictView:
    """A conflict as shown to a coordinator: both values, who wrote them and when."""

    id: int
    table: str
    row_id: str
    row_label: str
    field: str
    kept_value: Any
    kept_by: str
    kept_at: str
    lost_value: Any
    lost_by: str
    lost_at: str
    detected_at: str
    status: str


def _stamp_time(stamp: str) -> str:
    millis = int(stamp.split(".", 1)[0])
    when = dt.datetime.fromtimestamp(millis / 1000, dt.UTC).astimezone()
    return when.strftime("%d/%m/%Y %H:%M")


def _row_label(session, table: str, row_id: str) -> str:
    model = model_for_table(table)
    row = session.get(model, row_id)
    if row is None:
        return row_id
    if isinstance(row, Participant):
        return f"{row.prenom} {row.nom.upper()}".strip() or "(personne effacée)"
    for attr in ("name", "titre_atelier", "reason"):
        if getattr(row, attr, ""):
            return str(getattr(row, attr))
    return row_id


def list_conflicts(ws: Workspace, status: str | None = OPEN) -> list[ConflictView]:
    """Return conflicts (open ones by default), newest first."""
    stmt = select(SyncConflict).order_by(SyncConflict.id.desc())
    if status:
        stmt = stmt.where(SyncConflict.status == status)
    with ws.store.session() as session:
        sites = {
            p.replica_id: p.site_code or p.replica_id for p in session.scalars(select(SyncPeer))
        }
        sites[ws.replica_id] = "cette installation"
        return [
            ConflictView(
                c.id,
                c.table_name,
                c.row_id,
                _row_label(session, c.table_name, c.row_id),
                c.field,
                json.loads(c.kept_value),
                sites.get(stamp_replica(c.kept_stamp), stamp_replica(c.kept_stamp)),
                _stamp_time(c.kept_stamp),
                json.loads(c.lost_value),
                sites.get(stamp_replica(c.lost_stamp), stamp_replica(c.lost_stamp)),
                _stamp_time(c.lost_stamp),
                c.detected_at,
                c.status,
            )
            for c in session.scalars(stmt)
        ]


def _open_conflict(session, conflict_id: int) -> SyncConflict:
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        raise NotFoundError(f"Conflit introuvable : {conflict_id}")
    if row.status != OPEN:
        raise ValidationError({"conflict": "Ce conflit a déjà été tranché."})
    return row


def keep_conflict(ws: Workspace, conflict_id: int) -> None:
    """Accept the value the merge kept; the conflict leaves the open list."""
    with ws.store.session() as session:
        _open_conflict(session, conflict_id)
        session.execute(
            update(SyncConflict)
            .where(SyncConflict.id == conflict_id)
            .values(status=KEPT, resolved_at=utc_now())
        )
    record_event(ws, "conflict-kept", conflict=conflict_id)


def _python_value(table: str, field: str, value: Any) -> Any:
    spec = column_specs(model_for_table(table))[field]
    if spec.kind == "date" and value is not None:
        return dt.date.fromisoformat(value)
    return value


def overturn_conflict(ws: Workspace, conflict_id: int) -> None:
    """Restore the set-aside value as a new edit, which then wins on every replica."""
    with ws.store.session() as session:
        conflict = _open_conflict(session, conflict_id)
        row = session.get(model_for_table(conflict.table_name), conflict.row_id)
        if row is None:
            raise NotFoundError(f"Enregistrement introuvable : {conflict.row_id}")
        if isinstance(row, Participant) and row.erased:
            raise ValidationError({"conflict": "Cette personne a été effacée (RGPD)."})
        value = _python_value(conflict.table_name, conflict.field, json.loads(conflict.lost_value))
        setattr(row, conflict.field, value)
        session.flush()
        session.execute(
            update(SyncConflict)
            .where(SyncConflict.id == conflict_id)
            .values(status=OVERTURNED, resolved_at=utc_now())
        )
    record_event(ws, "conflict-overturned", conflict=conflict_id)

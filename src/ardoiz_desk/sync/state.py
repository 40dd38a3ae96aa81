"""Replica-local bookkeeping of synchronisation: version vector, peers, ledger, conflicts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from ardoiz_desk.store.sync_tables import (
    SyncConflict,
    SyncImport,
    SyncPeer,
    SyncVersion,
)
from ardoiz_desk.sync.rules import ZERO_STAMP, Conflict, join_version_vectors

APPLIED, HELD, CLOCK = "applied", "held", "clock"  # CLOCK: kept aside, sender's date ahead
TRUSTED, PENDING, REVOKED = "trusted", "pending", "revoked"
COORDINATOR, SITE = "coordinator", "site"


@dataclass(frozen=True)
class Peer:
    """Another replica of the territory, as this one knows it (a row of ``sync_peers``)."""

    replica_id: str
    public_key: str  # hex
    role: str = SITE
    status: str = TRUSTED
    site_id: str | None = None
    site_code: str = ""
    site_name: str = ""
    known_vv: Mapping[str, str] = field(default_factory=dict)
    added_at: str = ""
    last_bundle_at: str = ""
    box_key: str = ""  # hex X25519 public key, '' until known
    revoked_at: str = ""  # the coordinator's stamp at revocation, '' unless revoked

    @property
    def trusted(self) -> bool:
        """True when its bundles are applied."""
        return self.status == TRUSTED

    @property
    def pending(self) -> bool:
        """True while it waits for approval (its key is not fixed yet)."""
        return self.status == PENDING

    @property
    def revoked(self) -> bool:
        """True once cut off: its bundles are refused."""
        return self.status == REVOKED

    @property
    def trusted_coordinator(self) -> bool:
        """True for the trusted coordinator (whose roster is applied)."""
        return self.role == COORDINATOR and self.trusted


def _peer(row: Mapping[str, Any]) -> Peer:
    values = dict(row)
    values["known_vv"] = dict(values.get("known_vv") or {})
    values["role"] = values.get("role") or SITE
    values["status"] = values.get("status") or TRUSTED
    for name in ("site_code", "site_name", "added_at", "last_bundle_at", "box_key", "revoked_at"):
        values[name] = values.get(name) or ""
    return Peer(**values)


def utc_now() -> str:
    """Return the current UTC time as ISO text (seconds)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def load_version_vector(conn: Connection) -> dict[str, str]:
    """Return this replica's stored version vector."""
    table = SyncVersion.__table__
    return dict(conn.execute(select(table.c.replica_id, table.c.stamp)).all())


def raise_version_vector(
    conn: Connection, known: Mapping[str, str], present: Iterable[str] = ()
) -> dict[str, str]:
    """Raise the stored vector to ``known``; list ``present`` replicas (at the zero stamp)."""
    table = SyncVersion.__table__
    current = load_version_vector(conn)
    wanted = join_version_vectors(current, dict.fromkeys(present, ZERO_STAMP), known)
    for replica, stamp in wanted.items():
        if replica not in current:
            conn.execute(insert(table).values(replica_id=replica, stamp=stamp))
        elif stamp != current[replica]:
            conn.execute(update(table).where(table.c.replica_id == replica).values(stamp=stamp))
    return wanted


def find_ledger(conn: Connection, bundle_id: str, file_sha256: str) -> str | None:
    """Return 'applied', 'held' or 'clock' when this very bundle file was seen before."""
    table = SyncImport.__table__
    rows = conn.execute(
        select(table.c.status).where(
            table.c.bundle_id == bundle_id, table.c.file_sha256 == file_sha256
        )
    ).scalars()
    statuses = set(rows)
    for status in (APPLIED, HELD, CLOCK):
        if status in statuses:
            return status
    return None


def add_ledger(conn: Connection, **values: Any) -> None:
    """Record one bundle in the import ledger."""
    conn.execute(insert(SyncImport.__table__).values(imported_at=utc_now(), **values))


def mark_held_applied(conn: Connection, bundle_id: str) -> None:
    """Turn a held bundle's ledger entry into an applied one."""
    table = SyncImport.__table__
    conn.execute(
        update(table)
        .where(table.c.bundle_id == bundle_id, table.c.status == HELD)
        .values(status=APPLIED, imported_at=utc_now(), held_path="")
    )


def record_conflicts(
    conn: Connection, bundle_id: str, conflicts: Iterable[tuple[str, str, str | None, Conflict]]
) -> None:
    """Store the conflicts a merge found, for people to review."""
    now = utc_now()
    rows = [
        {
            "table_name": table,
            "row_id": row_id,
            "person_id": person,
            "field": c.field,
            "kept_value": json.dumps(c.kept_value, ensure_ascii=False),
            "kept_stamp": c.kept_stamp,
            "lost_value": json.dumps(c.lost_value, ensure_ascii=False),
            "lost_stamp": c.lost_stamp,
            "bundle_id": bundle_id,
            "detected_at": now,
            "status": "open",
            "resolved_at": "",
        }
        for table, row_id, person, c in conflicts
    ]
    if rows:
        conn.execute(insert(SyncConflict.__table__), rows)


def purge_conflicts_of(conn: Connection, person_ids: Iterable[str]) -> None:
    """Delete conflicts that hold values of erased people."""
    table = SyncConflict.__table__
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), 500):
        conn.execute(delete(table).where(table.c.person_id.in_(ids[start : start + 500])))


def get_peer(conn: Connection, replica_id: str) -> Peer | None:
    """Return a peer, if known."""
    table = SyncPeer.__table__
    row = conn.execute(select(table).where(table.c.replica_id == replica_id)).mappings().first()
    return _peer(row) if row else None


def upsert_peer(conn: Connection, replica_id: str, **values: Any) -> None:
    """Create or update a peer."""
    table = SyncPeer.__table__
    if get_peer(conn, replica_id) is None:
        values.setdefault("added_at", utc_now())
        conn.execute(insert(table).values(replica_id=replica_id, **values))
    elif values:
        conn.execute(update(table).where(table.c.replica_id == replica_id).values(**values))


def list_peers(conn: Connection) -> list[Peer]:
    """Return every peer, by site code then replica id."""
    table = SyncPeer.__table__
    stmt = select(table).order_by(table.c.site_code, table.c.replica_id)
    return [_peer(r) for r in conn.execute(stmt).mappings()]


def held_bundles(
    conn: Connection, replica_id: str | None = None, *, status: str = HELD
) -> list[dict[str, Any]]:
    """Return the ledger entries of bundles held for approval (of one replica, or all).

    ``status=CLOCK``: the bundles set aside for their sender's clock instead.
    """
    table = SyncImport.__table__
    stmt = select(table).where(table.c.status == status).order_by(table.c.id)
    if replica_id:
        stmt = stmt.where(table.c.origin_replica == replica_id)
    return [dict(r) for r in conn.execute(stmt).mappings()]

"""The shared folder's bookkeeping in the base: its ledger, acknowledgements, sync settings.

The ledger (``sync_mailbox``) remembers every file read from the folder (by name, size and
modification time, so a round that finds nothing new opens no file) and every file this
replica wrote into it (with the vector it carried, so it can be pruned once every known
replica holds it). Acknowledgements (``sync_acknowledgements``) keep, per replica, the last
version vector it sent: what it says it holds. Both are replica-local and never travel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from ardoiz_desk.services.validation import Checker
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.sync_tables import SyncAcknowledgement, SyncMailboxFile
from ardoiz_desk.sync import state
from ardoiz_desk.sync.container import MAX_MANIFEST_BYTES, read_manifest
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.mailbox import MailboxEntry, covers
from ardoiz_desk.sync.manifest import check_version_vector
from ardoiz_desk.sync.rules import join_version_vectors

IN, OUT = "in", "out"
#: Incoming files whose fate will not change by reading them again.
SETTLED = frozenset({"applied", "already", "skipped"})
STATE_MANUAL = "sync_manual"
STATE_SILENT_DAYS = "sync_silent_days"
STATE_SEQUENCE = "mailbox_sequence"
STATE_LAST_ROUND = "mailbox_last_round"
STATE_LAST_OK = "mailbox_last_ok"
STATE_UNREACHABLE = "mailbox_unreachable_since"
STATE_WAITING = "mailbox_waiting_preview"
DEFAULT_SILENT_DAYS = 14


# --- settings ---------------------------------------------------------------------------------


def manual_mode(ws: Workspace) -> bool:
    """True when nothing received may be applied without the agent's preview."""
    return ws.store.get_state(STATE_MANUAL, "") == "1"


def set_manual_mode(ws: Workspace, manual: bool) -> bool:
    """Choose manual mode (rounds only send, and count what waits for a preview)."""
    ws.store.set_state(STATE_MANUAL, "1" if manual else "")
    return manual


def silent_days(ws: Workspace) -> int:
    """Days without a bundle after which the territory board highlights a site."""
    try:
        value = int(ws.store.get_state(STATE_SILENT_DAYS, str(DEFAULT_SILENT_DAYS)))
    except ValueError:
        return DEFAULT_SILENT_DAYS
    return value if 1 <= value <= 365 else DEFAULT_SILENT_DAYS


def set_silent_days(ws: Workspace, days: int) -> int:
    """Change the silence threshold (1 to 365 days); return it."""
    c = Checker()
    if not 1 <= int(days) <= 365:
        c.fail("silent_days", "Site silencieux après : entre 1 et 365 jours.")
    c.raise_if_any()
    ws.store.set_state(STATE_SILENT_DAYS, str(int(days)))
    return int(days)


# --- the ledger -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SentBundle:
    """A bundle this replica wrote into the shared folder."""

    name: str
    sequence: int
    rows: int
    created_at: str
    version_vector: dict[str, str]
    since: dict[str, str]
    confirmed_at: str
    pruned_at: str


def utc_now() -> str:
    """Now, as the ISO text the ledger keeps."""
    return state.utc_now()


def parse_time(text: str) -> dt.datetime | None:
    """Parse an ISO time kept by the ledger (None when empty or malformed)."""
    try:
        value = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def incoming(conn: Connection) -> dict[str, dict[str, Any]]:
    """Return the ledger of files read from the folder, by name."""
    table = SyncMailboxFile.__table__
    rows = conn.execute(select(table).where(table.c.direction == IN)).mappings()
    return {r["name"]: dict(r) for r in rows}


def sent(conn: Connection, *, include_pruned: bool = True) -> list[SentBundle]:
    """Return the bundles this replica wrote into the folder, oldest first."""
    table = SyncMailboxFile.__table__
    stmt = select(table).where(table.c.direction == OUT).order_by(table.c.sequence)
    if not include_pruned:
        stmt = stmt.where(table.c.pruned_at == "")
    return [
        SentBundle(
            r["name"],
            r["sequence"],
            r["rows"],
            r["created_at"],
            dict(r["version_vector"] or {}),
            dict(r["since"] or {}),
            r["confirmed_at"],
            r["pruned_at"],
        )
        for r in conn.execute(stmt).mappings()
    ]


def next_sequence(ws: Workspace, at_least: int = 0) -> int:
    """Draw this replica's next sequence number (inside one write transaction)."""
    from ardoiz_desk.store.models import ReplicaState

    with ws.store.session() as session:
        row = session.get(ReplicaState, STATE_SEQUENCE, with_for_update=True)
        current = int(row.value) if row and row.value.isdigit() else 0
        value = max(current, at_least) + 1
        session.merge(ReplicaState(key=STATE_SEQUENCE, value=str(value)))
    return value


def head_manifest(path: Path) -> dict[str, Any] | None:
    """Read a bundle's manifest from the start of its file (None when it cannot be read)."""
    try:
        with path.open("rb") as f:
            head = f.read(12 + MAX_MANIFEST_BYTES)
        manifest = read_manifest(head)
        since = manifest.get("since")
        if since is not None:
            check_version_vector(since)
    except (OSError, BundleError, ValueError):
        return None
    return manifest


def record_incoming(
    conn: Connection, entry: MailboxEntry, status: str, manifest: Mapping[str, Any] | None
) -> None:
    """Remember what a file of the folder turned out to be."""
    table = SyncMailboxFile.__table__
    m = manifest or {}
    kind = m.get("kind")
    values = {
        "direction": IN,
        "size": entry.size,
        "mtime_ns": entry.mtime_ns,
        "bundle_id": m.get("bundle_id", ""),
        "origin_replica": (m.get("origin") or {}).get("replica", ""),
        "sequence": 0,
        "status": status,
        "version_vector": dict(m.get("version_vector") or {}),
        "since": dict(m.get("since") or {}),
        "rows": sum(s.get("rows", 0) for s in m.get("sections", []) if s.get("name") != "roster"),
        # Full bundles and deltas cut for us already raised our vector on import.
        "complete": kind == "full" or m.get("for_replica") is not None,
        "created_at": m.get("created_at", ""),
        "seen_at": utc_now(),
    }
    conn.execute(delete(table).where(table.c.name == entry.name))
    conn.execute(insert(table).values(name=entry.name, confirmed_at="", pruned_at="", **values))


def forget_incoming(conn: Connection, names: set[str]) -> None:
    """Drop the ledger entries of files no longer in the folder."""
    table = SyncMailboxFile.__table__
    ordered = sorted(names)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        conn.execute(delete(table).where(table.c.direction == IN, table.c.name.in_(chunk)))


def record_sent(
    conn: Connection, name: str, sequence: int, rows: int, vv: dict, since: dict
) -> None:
    """Remember a bundle written into the folder."""
    conn.execute(
        insert(SyncMailboxFile.__table__).values(
            name=name,
            direction=OUT,
            size=0,
            mtime_ns=0,
            bundle_id="",
            origin_replica="",
            sequence=sequence,
            status="sent",
            version_vector=vv,
            since=since,
            rows=rows,
            complete=True,
            created_at=utc_now(),
            seen_at="",
            confirmed_at="",
            pruned_at="",
        )
    )


def mark_sent(conn: Connection, name: str, **values: Any) -> None:
    """Update one of our own bundles (confirmed, pruned, lost)."""
    table = SyncMailboxFile.__table__
    conn.execute(update(table).where(table.c.name == name).values(**values))


def raise_from_complete(conn: Connection, own_vv: Mapping[str, str]) -> dict[str, str]:
    """Raise our vector to the senders' of applied deltas now complete for us; return it.

    A delta cut since F is complete for us once our vector covers F; raising may make
    another complete, so this runs to a fixed point.
    """
    table = SyncMailboxFile.__table__
    waiting = [
        dict(r)
        for r in conn.execute(
            select(table.c.name, table.c.version_vector, table.c.since).where(
                table.c.direction == IN,
                table.c.status.in_(("applied", "already")),
                table.c.complete.is_(False),
            )
        ).mappings()
    ]
    vv = dict(own_vv)
    done: list[str] = []
    progress = True
    while progress and waiting:
        progress = False
        for row in list(waiting):
            if row["since"] and covers(vv, row["since"]):
                vv = join_version_vectors(vv, row["version_vector"])
                done.append(row["name"])
                waiting.remove(row)
                progress = True
    if done:
        state.raise_version_vector(conn, vv)
        for start in range(0, len(done), 500):
            conn.execute(
                update(table)
                .where(table.c.name.in_(done[start : start + 500]))
                .values(complete=True)
            )
    return vv


# --- acknowledgements -------------------------------------------------------------------------


def record_acknowledgement(conn: Connection, manifest: Mapping[str, Any]) -> None:
    """Keep the vector a replica's bundle carried, if it says more than what we had."""
    table = SyncAcknowledgement.__table__
    replica = manifest["origin"]["replica"]
    row = conn.execute(select(table).where(table.c.replica_id == replica)).mappings().first()
    vv = dict(manifest.get("version_vector") or {})
    values = {
        "bundle_id": manifest.get("bundle_id", ""),
        "bundle_created_at": manifest.get("created_at", ""),
        "max_stamp": manifest.get("max_stamp", ""),
        "received_at": utc_now(),
    }
    if row is None:
        conn.execute(insert(table).values(replica_id=replica, version_vector=vv, **values))
        return
    if values["bundle_created_at"] < row["bundle_created_at"]:
        values = {}  # an older bundle read late: it only adds to the vector
    values["version_vector"] = join_version_vectors(row["version_vector"] or {}, vv)
    conn.execute(update(table).where(table.c.replica_id == replica).values(**values))


def acknowledgements(conn: Connection) -> dict[str, dict[str, Any]]:
    """Return the last vector (and bundle) received from each replica."""
    table = SyncAcknowledgement.__table__
    return {r["replica_id"]: dict(r) for r in conn.execute(select(table)).mappings()}

"""Replica-local tables of synchronisation: peers, version vector, import ledger, conflicts.

The audit trail of exports, imports and erasures is ``services/privacy/audit.py``'s log file.

None of these travel in bundles (they are not ``Synced``) and none hold personal data,
except a conflict's set-aside value, which is deleted when its person is erased.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ardoiz_desk.store.base import Base


class SyncPeer(Base):
    """Another replica of the territory: its public key, role and trust."""

    __tablename__ = "sync_peers"

    replica_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="site")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="trusted")
    site_id: Mapped[str | None] = mapped_column(String(32))
    site_code: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    site_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    known_vv: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    added_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    last_bundle_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    # Its X25519 public key (hex), to which the coordinator seals a new territory key.
    box_key: Mapped[str] = mapped_column(String(64), nullable=False, default="", server_default="")
    # The coordinator's stamp when it was revoked: rows it stamped later are refused.
    revoked_at: Mapped[str] = mapped_column(
        String(40), nullable=False, default="", server_default=""
    )


class SyncVersion(Base):
    """This replica's version vector: the newest stamp it holds everything up to, per replica."""

    __tablename__ = "sync_version_vector"

    replica_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(40), nullable=False)


class SyncImport(Base):
    """The import ledger: each bundle applied or held, so a second import changes nothing."""

    __tablename__ = "sync_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bundle_id: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    file_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    file_name: Mapped[str] = mapped_column(Text, nullable=False, default="")
    origin_replica: Mapped[str] = mapped_column(String(16), nullable=False)
    origin_site: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="full")
    created_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    imported_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False, default="")
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    held_path: Mapped[str] = mapped_column(Text, nullable=False, default="")


class SyncConflict(Base):
    """A concurrent write that lost: kept and set-aside values, for review side by side."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    row_id: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    person_id: Mapped[str | None] = mapped_column(String(32), index=True)
    field: Mapped[str] = mapped_column(String(60), nullable=False)
    kept_value: Mapped[str] = mapped_column(Text, nullable=False, default="null")
    kept_stamp: Mapped[str] = mapped_column(String(40), nullable=False)
    lost_value: Mapped[str] = mapped_column(Text, nullable=False, default="null")
    lost_stamp: Mapped[str] = mapped_column(String(40), nullable=False)
    bundle_id: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    detected_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open", index=True)
    resolved_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")


class SyncMailboxFile(Base):
    """The shared folder's ledger: each bundle file read from it or written into it.

    Incoming files are keyed by name, size and modification time, so a round that finds
    nothing new reads no file at all; outgoing ones keep the vector they carried, so they
    can be pruned once every known replica holds it.
    """

    __tablename__ = "sync_mailbox"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3), nullable=False, index=True)  # in | out
    size: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    mtime_ns: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    bundle_id: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    origin_replica: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    sequence: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    # What the bundle carried: the sender's vector, and the vector it was cut since.
    version_vector: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    since: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    rows: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    seen_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    confirmed_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    pruned_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")


class SyncAcknowledgement(Base):
    """The last version vector received from each replica: what it says it holds."""

    __tablename__ = "sync_acknowledgements"

    replica_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    version_vector: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    bundle_id: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    bundle_created_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    max_stamp: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    received_at: Mapped[str] = mapped_column(String(40), nullable=False, default="")

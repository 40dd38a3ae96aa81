"""Replica-local tables of synchronisation: peers, version vector, import ledger, conflicts.

The audit trail of exports, imports and erasures is ``services/privacy/audit.py``'s log file.

None of these travel in bundles (they are not ``Synced``) and none hold personal data,
except a conflict's set-aside value, which is deleted when its person is erased.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Integer, String, Text
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

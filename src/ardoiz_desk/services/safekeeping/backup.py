"""Backup and restore of a counter's base (SQLite's backup API: the WAL is included).

A restored base gets a new replica identity: the copy does not know the stamps its former
self issued after the backup, so reusing that identity could issue the same stamp twice
with different values. Peers see a new replica (its bundles wait for approval once) and
send it full bundles until it has told them what it holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ardoiz_desk.paths import database_path
from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.privacy.erased_ids import erased_ids
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store import cipher, open_store
from ardoiz_desk.store.migrate import backup_database
from ardoiz_desk.store.models import Participant
from ardoiz_desk.store.sqlite_copy import copy_database

FRESH_IDENTITY_KEYS = ("replica_id", "hlc_last", "signing_key")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did."""

    restored_from: Path
    safety_copy: Path | None
    erased_again: int = 0


def backup_base(ws: Workspace, out: Path | None = None) -> Path:
    """Copy the live base to a file (default: the data folder's backups/); return its path."""
    if out is None:
        assert ws.store.db_path is not None
        path = backup_database(ws.store.db_path, ws.data_dir / "backups", "manual", ws.store.key)
    else:
        assert ws.store.db_path is not None
        copy_database(ws.store.db_path, out, ws.store.key)
        path = out
    record_event(ws, "backup", file=str(path))
    return path


def _check_backup(path: Path, key: bytes) -> None:
    try:
        conn = cipher.connect(path, key, readonly=True)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except (cipher.DatabaseError, cipher.WrongBaseKeyError) as exc:
        raise ValidationError(
            {
                "file": "Ce fichier n'est pas une sauvegarde de cette installation, "
                "ou la clé de la base ne l'ouvre pas."
            }
        ) from exc
    if not ok or not {"alembic_version", "participants", "replica_state"} <= tables:
        raise ValidationError({"file": "Ce fichier n'est pas une sauvegarde d'Ardoiz Desk."})


def restore_base(data_dir: Path, backup: Path, key: bytes) -> RestoreResult:
    """Replace the (closed) base of a data folder with a backup, under a new replica identity."""
    _check_backup(backup, key)
    db = database_path(data_dir)
    safety = None
    if db.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        safety = data_dir / "backups" / f"{db.stem}-{stamp}-before-restore.sqlite3"
        copy_database(db, safety, key)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    copy_database(backup, db, key)
    conn = cipher.connect(db, key)
    try:
        with conn:
            marks = ",".join("?" * len(FRESH_IDENTITY_KEYS))
            conn.execute(f"DELETE FROM replica_state WHERE key IN ({marks})", FRESH_IDENTITY_KEYS)
    finally:
        conn.close()
    return RestoreResult(backup, safety, _erase_again(data_dir, key))


def _erase_again(data_dir: Path, key: bytes) -> int:
    """Erase again everyone erased here since the backup was taken; return how many."""
    ids = erased_ids(data_dir)
    if not ids:
        return 0
    ws = Workspace(data_dir=data_dir, store=open_store(data_dir, key))
    try:
        with ws.store.session() as session:
            live = session.scalars(
                select(Participant.id).where(Participant.id.in_(ids), Participant.erased.is_(False))
            ).all()
        for participant_id in sorted(live):
            erase_participant(ws, participant_id)
    finally:
        ws.close()
    return len(live)

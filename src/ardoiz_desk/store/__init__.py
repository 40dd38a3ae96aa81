"""The local store: models, clock stamping, migrations and queries over one SQLite file."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from ardoiz_desk.paths import database_path
from ardoiz_desk.store.cipher import (
    connect,
    export_encrypted,
    is_clear_base,
    make_private_dir,
    private_file,
)
from ardoiz_desk.store.engine import Store, create_sqlite_engine
from ardoiz_desk.store.schema_head import SCHEMA_HEAD, stored_revision

log = logging.getLogger(__name__)

__all__ = ["Store", "encrypt_clear_base", "make_private_dir", "open_database", "open_store"]


def open_store(data_dir: Path, key: bytes, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the encrypted base in a data folder, migrated to head."""
    make_private_dir(data_dir)
    db_path = database_path(data_dir)
    if is_clear_base(db_path):
        encrypt_clear_base(db_path, key, data_dir / "backups")
    elif db_path.is_file() and db_path.stat().st_size:
        connect(db_path, key).close()  # a wrong key: WrongBaseKeyError, before anything else
    engine = create_sqlite_engine(db_path, key)
    if migrate and stored_revision(engine) != SCHEMA_HEAD:
        from ardoiz_desk.store.migrate import upgrade_to_head

        upgrade_to_head(engine, db_path, data_dir / "backups", key)
    private_file(db_path)
    return Store(engine, db_path, key)


def encrypt_clear_base(db_path: Path, key: bytes, backup_dir: Path) -> Path:
    """Convert a clear base (written before encryption) once; return the encrypted backup.

    The clear file is exported into an encrypted one beside it, kept (encrypted) in
    backups/ too, then put in its place; the clear file and its WAL are removed.
    """
    make_private_dir(backup_dir)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = backup_dir / f"{db_path.stem}-{stamp}-before-encryption.sqlite3"
    fresh = db_path.with_name(db_path.name + ".encrypted.part")
    fresh.unlink(missing_ok=True)
    clear = connect(db_path, None)
    try:
        clear.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        export_encrypted(clear, fresh, key)
        export_encrypted(clear, backup, key)
    finally:
        clear.close()
    connect(fresh, key).close()  # the copy opens with the key: only now drop the clear file
    for path in (fresh, backup):
        private_file(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    fresh.replace(db_path)
    log.info("clear base converted to an encrypted one; encrypted backup %s", backup.name)
    return backup


def open_database(url: str) -> Store:
    """Open a server base (PostgreSQL, for a large coordinator) by URL, migrated to head."""
    from sqlalchemy import create_engine

    from ardoiz_desk.store.migrate import upgrade_to_head

    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    upgrade_to_head(engine, None, None)
    return Store(engine)

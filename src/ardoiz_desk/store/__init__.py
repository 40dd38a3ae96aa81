"""The local store: models, clock stamping, migrations and queries over one SQLite file."""

from __future__ import annotations

import logging
from pathlib import Path

from ardoiz_desk.paths import database_path
from ardoiz_desk.store.engine import Store, create_sqlite_engine
from ardoiz_desk.store.schema_head import SCHEMA_HEAD, stored_revision

log = logging.getLogger(__name__)

__all__ = ["Store", "open_database", "open_store"]


def open_store(data_dir: Path, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the base in a data folder, migrated to head."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = database_path(data_dir)
    engine = create_sqlite_engine(db_path)
    if migrate and stored_revision(engine) != SCHEMA_HEAD:
        from ardoiz_desk.store.migrate import upgrade_to_head

        upgrade_to_head(engine, db_path, data_dir / "backups")
    return Store(engine, db_path)


def open_database(url: str) -> Store:
    """Open a server base (PostgreSQL, for a large coordinator) by URL, migrated to head."""
    from sqlalchemy import create_engine

    from ardoiz_desk.store.migrate import upgrade_to_head

    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    upgrade_to_head(engine, None, None)
    return Store(engine)

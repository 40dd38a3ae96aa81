"""Bring a base to the schema this app knows, safely.

A fresh base is created at head. A base that is behind is first copied with SQLite's
backup API (which sees the WAL, unlike a file copy), then upgraded. A base written by a
newer app is refused, untouched.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

from ardoiz_desk.paths import migrations_dir
from ardoiz_desk.store.schema import METADATA
from ardoiz_desk.store.schema_head import SchemaTooNewError
from ardoiz_desk.store.sqlite_copy import copy_database

__all__ = ["SchemaTooNewError", "upgrade_to_head"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MigrationOutcome:
    """What start-up did to the schema."""

    before: str | None
    after: str
    backup: Path | None


def alembic_config() -> Config:
    """Return an Alembic config pointing at the bundled migrations (no alembic.ini)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["target_metadata"] = METADATA
    return cfg


def head_revision() -> str:
    """Return the newest schema revision this app knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the schema revision a base is at (None for an empty base)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_database(db_path: Path, dest_dir: Path, label: str, key: bytes | None) -> Path:
    """Copy a live base with the backup API into dest_dir (encrypted alike); return its path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return copy_database(db_path, dest_dir / f"{db_path.stem}-{stamp}-{label}.sqlite3", key)


def upgrade_to_head(
    engine: Engine, db_path: Path | None, backup_dir: Path | None, key: bytes | None = None
) -> MigrationOutcome:
    """Migrate a base to head, backing it up first if it already holds a schema."""
    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = head_revision()
    before = current_revision(engine)
    if before is not None:
        try:
            script.get_revision(before)
        except CommandError as exc:
            raise SchemaTooNewError(before, head) from exc
    if before == head:
        return MigrationOutcome(before, head, None)
    backup = None
    if before is not None and db_path is not None and backup_dir is not None:
        backup = backup_database(db_path, backup_dir, f"before-{head}", key)
        log.info("backed up %s to %s before upgrading from %s", db_path, backup, before)
    if engine.dialect.name == "sqlite":
        broken = _upgrade_sqlite(engine, cfg)
    else:  # PostgreSQL (a large coordinator): plain transactional DDL
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        broken = []
    if broken:
        raise RuntimeError(f"schema upgrade left {len(broken)} dangling references")
    log.info("schema %s -> %s", before, head)
    return MigrationOutcome(before, head, backup)


def _upgrade_sqlite(engine: Engine, cfg: Config) -> list:
    """Upgrade with foreign keys off, then check that every reference still holds."""
    with engine.connect() as conn:
        # Batch mode rebuilds tables: with foreign keys on, that could cascade or fail.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()
    return broken

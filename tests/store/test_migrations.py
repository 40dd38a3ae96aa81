"""Migrations: head matches the models, older bases are backed up first, newer ones refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from ardoiz_desk.paths import database_path
from ardoiz_desk.store import cipher, open_store
from ardoiz_desk.store.engine import create_sqlite_engine
from ardoiz_desk.store.migrate import (
    SchemaTooNewError,
    alembic_config,
    current_revision,
    head_revision,
)
from ardoiz_desk.store.schema import METADATA

KEY = bytes(range(32))


def test_empty_base_upgraded_to_head_matches_the_models(tmp_path: Path) -> None:
    store = open_store(tmp_path, KEY)
    try:
        with store.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), METADATA)
        assert diffs == []
        assert current_revision(store.engine) == head_revision()
    finally:
        store.dispose()


def _older_revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in script.walk_revisions() if r.revision != head_revision()]


def _upgrade_to(db: Path, revision: str) -> None:
    engine = create_sqlite_engine(db, KEY)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


@pytest.mark.parametrize("revision", _older_revisions())
def test_older_base_is_backed_up_with_the_backup_api_then_upgraded(
    tmp_path: Path, revision
) -> None:
    db = database_path(tmp_path)
    _upgrade_to(db, revision)
    with cipher.connect(db, KEY) as conn:
        conn.execute("INSERT INTO replica_state(key, value) VALUES ('marker', 'kept')")
    store = open_store(tmp_path, KEY)
    store.dispose()
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    with cipher.connect(backups[0], KEY) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
        assert (
            conn.execute("SELECT value FROM replica_state WHERE key='marker'").fetchone()[0]
            == "kept"
        )
    with cipher.connect(db, KEY) as conn:
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        )


def test_there_is_an_older_revision_to_upgrade_from() -> None:
    # Keeps the backup test above from silently running zero cases.
    assert _older_revisions(), "add a migration or keep at least two revisions"


def test_base_from_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    open_store(tmp_path, KEY).dispose()
    db = database_path(tmp_path)
    with cipher.connect(db, KEY) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999_future'")
    before = db.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer"):
        open_store(tmp_path, KEY)
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_fresh_base_at_head_needs_no_backup(tmp_path: Path) -> None:
    open_store(tmp_path, KEY).dispose()
    open_store(tmp_path, KEY).dispose()
    assert not (tmp_path / "backups").exists()


def test_the_fast_start_up_check_knows_the_real_head() -> None:
    from ardoiz_desk.store.schema_head import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD

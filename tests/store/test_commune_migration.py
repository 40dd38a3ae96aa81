"""Existing bases: the migration fills the codes of communes that resolve; check lists the rest."""

from __future__ import annotations

from alembic import command

from ardoiz_desk.paths import database_path
from ardoiz_desk.services.health import unresolved_communes
from ardoiz_desk.services.safekeeping import base_key
from ardoiz_desk.services.workspace import open_workspace
from ardoiz_desk.store.engine import create_sqlite_engine
from ardoiz_desk.store.migrate import alembic_config, upgrade_to_head
from conftest import TEST_BASE_PASSPHRASE

ROWS = (
    ("a" * 32, "Sisteron", "", ""),
    ("b" * 32, "val buech-meouge", "", ""),
    ("c" * 32, "Ribiers", "", ""),  # a former commune: its current commune's codes
    ("d" * 32, "Marseille", "", ""),  # several postal codes: the INSEE code only
    ("e" * 32, "Sistreon", "", ""),  # a typo: left for check to list
    ("f" * 32, "Saint-Martin", "", ""),  # several communes: left for check to list
    ("9" * 32, "Gap", "05061", "05000"),  # already complete: untouched
)


def test_migration_fills_codes_and_check_lists_what_does_not_resolve(tmp_path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    key = base_key.create_key(folder, TEST_BASE_PASSPHRASE)
    engine = create_sqlite_engine(database_path(folder), key)
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.commit()
        for pid, commune, insee, postal in ROWS:
            conn.exec_driver_sql(
                "INSERT INTO participants (id, stamps, updated_hlc, deleted, prenom, nom, commune, "
                "commune_code_insee, commune_code_postal, telephone, email, genre, statut_social, "
                "notes, tablet_status, erased, search_key) VALUES (?, '{}', '', 0, 'Jean', "
                "'Achard', ?, ?, ?, '', '', 'non_communique', 'non_communique', '', 'none', 0, '')",
                (pid, commune, insee, postal),
            )
        conn.commit()
    upgrade_to_head(engine, None, None)
    with engine.connect() as conn:
        codes = {
            pid: (insee, postal)
            for pid, insee, postal in conn.exec_driver_sql(
                "SELECT id, commune_code_insee, commune_code_postal FROM participants"
            )
        }
    engine.dispose()
    assert codes == {
        "a" * 32: ("04209", "04200"),
        "b" * 32: ("05118", "05300"),
        "c" * 32: ("05118", "05300"),
        "d" * 32: ("13055", ""),
        "e" * 32: ("", ""),
        "f" * 32: ("", ""),
        "9" * 32: ("05061", "05000"),
    }
    ws = open_workspace(folder)
    try:
        unresolved = {u.participant_id: u for u in unresolved_communes(ws)}
    finally:
        ws.close()
    assert set(unresolved) == {"e" * 32, "f" * 32}
    assert "not a commune" in unresolved["e" * 32].reason
    assert "several communes" in unresolved["f" * 32].reason

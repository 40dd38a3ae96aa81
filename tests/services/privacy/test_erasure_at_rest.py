"""Backups respect erasure; erased values leave the WAL; freed pages are zeroed."""

from __future__ import annotations

import re
from pathlib import Path

from ardoiz_desk.paths import database_path
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
)
from ardoiz_desk.services.privacy.erased_ids import erased_ids_path
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.safekeeping.backup import backup_base, restore_base
from ardoiz_desk.services.workspace import open_workspace


def _person(ws, first: str, last: str) -> str:
    return register_participant(ws, ParticipantInput(prenom=first, nom=last)).id


def test_restoring_an_older_backup_erases_again_who_was_erased_since(ws) -> None:
    gone = _person(ws, "Marcelline", "Tournefeuille")
    kept = _person(ws, "Hélène", "Dupré")
    backup = backup_base(ws)
    erase_participant(ws, gone)
    data_dir, key = ws.data_dir, ws.store.key
    ws.close()
    result = restore_base(data_dir, backup, key)
    assert result.erased_again == 1
    restored = open_workspace(data_dir)
    try:
        person = get_participant(restored, gone)
        assert person.erased and not person.nom and not person.prenom
        assert get_participant(restored, kept).nom == "Dupré"
    finally:
        restored.close()
    lines = erased_ids_path(data_dir).read_text().splitlines()
    assert lines == [gone]  # ids only, never a name
    assert all(re.fullmatch(r"[0-9a-f-]{32,36}", line) for line in lines)


def test_after_an_erasure_the_wal_is_emptied_and_freed_pages_zeroed(ws) -> None:
    gone = _person(ws, "Marcelline", "Tournefeuille")
    with ws.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    wal = Path(f"{database_path(ws.data_dir)}-wal")
    assert wal.stat().st_size > 0
    erase_participant(ws, gone)
    assert wal.stat().st_size == 0

"""A thief of the laptop reads nothing: the base, its WAL, backups and copies are encrypted."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from ardoiz_desk.paths import database_path, key_file_path
from ardoiz_desk.services.files import write_atomically
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
)
from ardoiz_desk.services.safekeeping import base_key
from ardoiz_desk.services.safekeeping.backup import backup_base
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import (
    BaseLockedError,
    Unlock,
    WrongBaseKeyError,
    open_workspace,
)
from ardoiz_desk.store import cipher
from ardoiz_desk.store.engine import create_sqlite_engine
from ardoiz_desk.store.migrate import upgrade_to_head

NAME = "Marcelline Tournefeuille"


def _plaintext_in(folder: Path, needle: str) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and needle.encode("utf-8") in path.read_bytes():
            found.append(path)
    return found


def _register(ws) -> str:
    first, last = NAME.split()
    view = register_participant(
        ws, ParticipantInput(prenom=first, nom=last, telephone="0492610000")
    )
    return view.id


def test_base_wal_and_backups_hold_no_plaintext(ws) -> None:
    pid = _register(ws)
    backup_base(ws)  # into the data folder's backups/
    # The window is still open: the write may sit in the WAL only.
    assert Path(f"{database_path(ws.data_dir)}-wal").exists()
    assert _plaintext_in(ws.data_dir, "Tournefeuille") == []
    assert _plaintext_in(ws.data_dir, "0492610000") == []
    assert get_participant(ws, pid).nom == "Tournefeuille"


def test_the_raw_file_is_not_readable_without_the_key(ws) -> None:
    _register(ws)
    ws.close()
    conn = sqlite3.connect(database_path(ws.data_dir))
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM participants").fetchall()
    conn.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_new_data_folder_is_private(tmp_path) -> None:
    folder = tmp_path / "new"
    ws = open_workspace(folder)
    _register(ws)
    backup_base(ws)  # backups/ and audit.log
    write_atomically(folder / "reports" / "imports" / "x.json", "{}")
    ws.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(database_path(folder).stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file_path(folder).stat().st_mode) == 0o600
    for path in folder.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_wrong_or_missing_passphrase_is_one_clear_error(ws, monkeypatch) -> None:
    ws.close()
    with pytest.raises(WrongBaseKeyError):
        open_workspace(ws.data_dir, unlock=Unlock(passphrase="une autre phrase pas la bonne"))
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    with pytest.raises(BaseLockedError, match="passphrase"):
        open_workspace(ws.data_dir)


def test_recovery_key_opens_the_base_without_passphrase_or_key_file(ws, monkeypatch) -> None:
    pid = _register(ws)
    recovery = base_key.recovery_key_text(ws.store.key)
    ws.close()
    key_file_path(ws.data_dir).unlink()
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    with pytest.raises(BaseLockedError):
        open_workspace(ws.data_dir)
    reopened = open_workspace(ws.data_dir, unlock=Unlock(recovery_key=recovery.lower()))
    try:
        assert get_participant(reopened, pid).nom == "Tournefeuille"
    finally:
        reopened.close()
    wrong = base_key.recovery_key_text(bytes(32))
    with pytest.raises(WrongBaseKeyError):
        open_workspace(ws.data_dir, unlock=Unlock(recovery_key=wrong))


def test_weak_base_passphrase_is_refused_in_french(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    with pytest.raises(ValidationError, match="trop"):
        open_workspace(tmp_path / "new", unlock=Unlock(passphrase="aaaaaaaaaa"))
    assert not database_path(tmp_path / "new").exists()


def test_a_clear_base_is_converted_once_with_an_encrypted_backup(tmp_path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    engine = create_sqlite_engine(database_path(folder), None)  # an installation from before
    upgrade_to_head(engine, database_path(folder), None)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO replica_state(key, value) VALUES ('marker', ?)", (NAME,))
    engine.dispose()
    assert cipher.is_clear_base(database_path(folder))
    ws = open_workspace(folder)
    try:
        assert ws.store.get_state("marker") == NAME
    finally:
        ws.close()
    assert not cipher.is_clear_base(database_path(folder))
    (backup,) = (folder / "backups").glob("*before-encryption*")
    assert _plaintext_in(folder, "Tournefeuille") == []
    with cipher.connect(backup, ws.store.key) as conn:
        assert (
            conn.execute("SELECT value FROM replica_state WHERE key='marker'").fetchone()[0] == NAME
        )
    open_workspace(folder).close()  # opened again: nothing converted twice
    assert len(list((folder / "backups").glob("*before-encryption*"))) == 1


def test_territory_and_signing_keys_live_inside_the_encrypted_base(territory) -> None:
    _coord, site = territory(1)
    signing = site.store.get_state("signing_key")
    territory_key = site.store.get_state("territory_key")
    assert signing and territory_key
    for path in site.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert signing.encode() not in data and bytes.fromhex(signing) not in data
            assert bytes.fromhex(territory_key) not in data


class _MemoryKeyring(KeyringBackend):
    """A credential store in memory (the operating system's one, in a test)."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


# keyring registers every backend class it sees: keep this one out of its automatic choice.
KeyringBackend._classes.discard(_MemoryKeyring)  # type: ignore[attr-defined]


def test_with_a_credential_store_no_passphrase_is_needed(tmp_path, monkeypatch) -> None:
    store = _MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(store)
    try:
        monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
        assert base_key.keyring_usable()
        folder = tmp_path / "poste"
        assert not base_key.needs_new_passphrase(folder)
        ws = open_workspace(folder)
        _register(ws)
        ws.close()
        assert list(store.secrets.values()) == [ws.store.key.hex()]
        assert "passphrase" not in key_file_path(folder).read_text()
        open_workspace(folder).close()  # the key comes from the store again
    finally:
        keyring.set_keyring(previous)

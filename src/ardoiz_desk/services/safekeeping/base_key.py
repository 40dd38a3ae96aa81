"""The base's key: made once per installation, kept by the OS or under a passphrase.

The base is a SQLCipher file encrypted with a random 256-bit key (``store/cipher.py``).
That key is kept, in order of preference:

- in the operating system's credential store through ``keyring`` (Windows Credential
  Manager, macOS Keychain, Secret Service), so the agent types nothing;
- wrapped (AES-GCM) under a key derived with scrypt (~0.5 s here) from a **base
  passphrase**, given with ``--base-passphrase-file FILE`` or ``ARDOIZ_DESK_BASE_PASSPHRASE``
  on the command line and asked for by the window — where no credential store exists.

The wrapped key and the scrypt parameters live in ``ardoiz-desk.key`` beside the base (no
secret in clear). The **recovery key** printed on the recovery sheet is the base key itself,
written in base32: it opens the base even if the key file or the passphrase is lost.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ardoiz_desk.paths import database_path, key_file_path
from ardoiz_desk.services.files import write_atomically

ENV_BASE_PASSPHRASE = "ARDOIZ_DESK_BASE_PASSPHRASE"
KEYRING_SERVICE = "ardoiz-desk"
#: scrypt cost for the base passphrase: about 0.5 s and 128 MiB on a counter PC.
SCRYPT_LOG2_N = 17
KEY_FILE_FORMAT = 1
_AAD = b"ardoiz-desk base key v1"

_SQLITE_HEADER = b"SQLite format 3\x00"
_derived: dict[str, bytes] = {}  # scrypt paid once per process and passphrase


class BaseKeyError(Exception):
    """The base cannot be unlocked; ``french`` says it in the window."""

    french = "La base est chiffrée et n'a pas pu être ouverte."


class BaseLockedError(BaseKeyError):
    """No key was given for an encrypted base (or none to protect a new one)."""

    french = (
        "La base est chiffrée : saisissez sa phrase de passe (ou la clé de secours "
        "de la fiche de secours)."
    )


class WrongBaseKeyError(BaseKeyError):
    """The passphrase or recovery key given does not open this base."""

    french = "Phrase de passe ou clé de secours incorrecte : la base reste fermée."


@dataclass(frozen=True)
class Unlock:
    """What the user gave to open the base (both optional)."""

    passphrase: str | None = None
    recovery_key: str | None = None


def has_key_file(data_dir: Path) -> bool:
    """True once this data folder's base has a key."""
    return key_file_path(data_dir).is_file()


def is_new_base(data_dir: Path) -> bool:
    """True when opening this folder makes a new key: no key file, no encrypted base yet.

    (A clear base from before encryption counts as new: it gets its key when converted.)
    Reads two files only, so the window can ask this before loading the data layer.
    """
    if has_key_file(data_dir):
        return False
    db = database_path(data_dir)
    try:
        with open(db, "rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except OSError:
        return True
    return head in (b"", _SQLITE_HEADER)


def needs_new_passphrase(data_dir: Path) -> bool:
    """True when a new base here must be protected by a passphrase the agent chooses."""
    return is_new_base(data_dir) and not passphrase_from_env() and not keyring_usable()


def keyring_usable() -> bool:
    """True when the operating system offers a credential store (keyring backend)."""
    try:
        import keyring

        return keyring.get_keyring().priority > 0
    except Exception:
        return False


def passphrase_from_env() -> str | None:
    """The base passphrase from $ARDOIZ_DESK_BASE_PASSPHRASE, if set."""
    return os.environ.get(ENV_BASE_PASSPHRASE) or None


def create_key(data_dir: Path, passphrase: str | None) -> bytes:
    """Make a new base key and keep it (credential store, else under the passphrase)."""
    key = secrets.token_bytes(32)
    install = secrets.token_hex(8)
    in_keyring = _keyring_store(install, key)
    if not in_keyring and not passphrase:
        raise BaseLockedError(
            "no credential store here: choose a base passphrase "
            "(--base-passphrase-file FILE or ARDOIZ_DESK_BASE_PASSPHRASE)"
        )
    record: dict[str, Any] = {"format": KEY_FILE_FORMAT, "install": install, "keyring": in_keyring}
    if passphrase:
        record["passphrase"] = _wrap(key, _strong(passphrase))
    _write(data_dir, record)
    return key


def set_passphrase(data_dir: Path, key: bytes, passphrase: str) -> None:
    """Protect the (unlocked) base key under a new passphrase, replacing the old one.

    After opening with the recovery key this also rebuilds a lost key file.
    """
    if has_key_file(data_dir):
        record = _read(data_dir)
    else:
        record = {"format": KEY_FILE_FORMAT, "install": secrets.token_hex(8), "keyring": False}
    record["passphrase"] = _wrap(key, _strong(passphrase))
    _write(data_dir, record)


def unlock_key(data_dir: Path, unlock: Unlock) -> bytes:
    """Return the base key: from the recovery key, the credential store or the passphrase."""
    if unlock.recovery_key:
        return parse_recovery_key(unlock.recovery_key)
    if not has_key_file(data_dir):
        raise BaseLockedError(
            f"the key file {key_file_path(data_dir).name} is missing: "
            "open the base with its recovery key"
        )
    record = _read(data_dir)
    if record.get("keyring"):
        key = _keyring_load(record["install"])
        if key is not None:
            return key
    passphrase = unlock.passphrase or passphrase_from_env()
    if not passphrase or "passphrase" not in record:
        raise BaseLockedError(
            "the base is encrypted: give its passphrase with --base-passphrase-file FILE "
            "or ARDOIZ_DESK_BASE_PASSPHRASE"
        )
    return _unwrap(record["passphrase"], passphrase)


def _strong(passphrase: str) -> str:
    from ardoiz_desk.services.safekeeping.passphrases import check_strength

    return check_strength(passphrase)


def recovery_key_text(key: bytes) -> str:
    """Write a base key as the recovery key of the recovery sheet (base32, groups of 4)."""
    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Read a recovery key as typed (case, spaces and dashes ignored)."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        key = base64.b32decode(compact + "=" * (-len(compact) % 8))
    except ValueError as exc:
        raise WrongBaseKeyError("this is not a recovery key") from exc
    if len(key) != 32:
        raise WrongBaseKeyError("this is not a recovery key")
    return key


# The window asks is_new_base() before anything else loads: cryptography and zxcvbn are
# imported only when a key is made or unwrapped.


def _kek(passphrase: str, salt: bytes, log2_n: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    memo = hashlib.sha256(salt + bytes([log2_n]) + passphrase.encode("utf-8")).hexdigest()
    if memo not in _derived:
        kdf = Scrypt(salt=salt, length=32, n=2**log2_n, r=8, p=1)
        _derived[memo] = kdf.derive(passphrase.strip().encode("utf-8"))
    return _derived[memo]


def _wrap(key: bytes, passphrase: str) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    log2_n = SCRYPT_LOG2_N
    sealed = AESGCM(_kek(passphrase, salt, log2_n)).encrypt(nonce, key, _AAD)
    return {"kdf": "scrypt", "log2_n": log2_n, "r": 8, "p": 1, "salt": salt.hex(),
            "wrapped": (nonce + sealed).hex()}  # fmt: skip


def _unwrap(slot: dict[str, Any], passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    log2_n = int(slot["log2_n"])
    if slot.get("kdf") != "scrypt" or not 10 <= log2_n <= 22:
        raise BaseKeyError("unknown key file format")
    blob = bytes.fromhex(slot["wrapped"])
    try:
        kek = _kek(passphrase, bytes.fromhex(slot["salt"]), log2_n)
        return AESGCM(kek).decrypt(blob[:12], blob[12:], _AAD)
    except InvalidTag as exc:
        raise WrongBaseKeyError("wrong base passphrase") from exc


def _read(data_dir: Path) -> dict[str, Any]:
    try:
        record = json.loads(key_file_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BaseKeyError(f"the key file cannot be read ({type(exc).__name__})") from exc
    if record.get("format") != KEY_FILE_FORMAT:
        raise BaseKeyError("the key file was written by a newer version of Ardoiz Desk")
    return record


def _write(data_dir: Path, record: dict[str, Any]) -> None:
    path = write_atomically(key_file_path(data_dir), json.dumps(record, indent=1))
    if os.name == "posix":
        path.chmod(0o600)


def _keyring_store(install: str, key: bytes) -> bool:
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, f"base-{install}", key.hex())
        return keyring.get_password(KEYRING_SERVICE, f"base-{install}") == key.hex()
    except Exception:  # no backend (servers, CI) or a locked one: use the passphrase
        return False


def _keyring_load(install: str) -> bytes | None:
    try:
        import keyring

        value = keyring.get_password(KEYRING_SERVICE, f"base-{install}")
    except Exception:
        return None
    return bytes.fromhex(value) if value else None

"""The opened workspace every service works on: a data folder and its base."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ardoiz_desk.paths import PART_SUFFIX, database_path
from ardoiz_desk.services.safekeeping import base_key
from ardoiz_desk.services.safekeeping.base_key import (
    BaseKeyError,
    BaseLockedError,
    Unlock,
    WrongBaseKeyError,
)
from ardoiz_desk.store import Store, cipher, make_private_dir, open_database, open_store
from ardoiz_desk.store.schema_head import SchemaTooNewError

__all__ = [
    "BaseKeyError",
    "BaseLockedError",
    "NoInstallationError",
    "SchemaTooNewError",
    "Unlock",
    "Workspace",
    "WrongBaseKeyError",
    "open_workspace",
]

#: A leftover NAME.part younger than this may belong to another process still writing it.
PART_FILE_GRACE_S = 600


class NoInstallationError(Exception):
    """The data folder holds no base: only ``init`` (or the window's first start) makes one."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        super().__init__(
            f"no Ardoiz Desk installation in {data_dir}: run "
            f"`ardoiz-desk --data-dir {data_dir} init --site-code CODE` first"
        )


@dataclass
class Workspace:
    """A data folder opened for work: its base, and a clock for 'today'."""

    data_dir: Path
    store: Store
    today: Callable[[], dt.date] = field(default=dt.date.today)

    @property
    def replica_id(self) -> str:
        """This installation's replica id."""
        return self.store.replica_id

    def close(self) -> None:
        """Release the base."""
        self.store.dispose()


def open_workspace(
    data_dir: Path,
    database_url: str | None = None,
    *,
    unlock: Unlock | None = None,
    create: bool = True,
) -> Workspace:
    """Open the workspace in a data folder: its encrypted SQLite base, or a server base by URL.

    ``create=False`` refuses a folder with no base (a mistyped ``--data-dir`` must not start
    a new empty installation). A new base gets a new key; a clear one is converted once.
    """
    if database_url:
        make_private_dir(data_dir)
        return Workspace(data_dir=data_dir, store=open_database(database_url))
    if not create and not database_path(data_dir).is_file():
        raise NoInstallationError(data_dir)
    key = _base_key(data_dir, unlock or Unlock())
    try:
        store = open_store(data_dir, key)
    except cipher.WrongBaseKeyError as exc:
        raise WrongBaseKeyError("this key does not open the base") from exc
    remove_leftover_parts(data_dir)
    return Workspace(data_dir=data_dir, store=store)


def is_new_installation(data_dir: Path) -> bool:
    """True when opening this folder would create a base (and so need a new passphrase)."""
    return base_key.is_new_base(data_dir)


def _base_key(data_dir: Path, unlock: Unlock) -> bytes:
    if unlock.recovery_key or not is_new_installation(data_dir):
        return base_key.unlock_key(data_dir, unlock)
    # A new base, or a clear one written before encryption: its key is made now.
    make_private_dir(data_dir)
    return base_key.create_key(data_dir, unlock.passphrase or base_key.passphrase_from_env())


def remove_leftover_parts(data_dir: Path) -> list[Path]:
    """Remove NAME.part files a killed process left in the data folder; return them."""
    removed = []
    now = time.time()
    for path in data_dir.rglob(f"*{PART_SUFFIX}"):
        try:
            if path.is_file() and now - path.stat().st_mtime > PART_FILE_GRACE_S:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # another process finished (or removed) it meanwhile
    return removed

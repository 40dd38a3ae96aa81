"""The opened workspace every service works on: a data folder and its base."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ardoiz_desk.store import Store, open_database, open_store
from ardoiz_desk.store.schema_head import SchemaTooNewError

__all__ = ["SchemaTooNewError", "Workspace", "open_workspace"]


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


def open_workspace(data_dir: Path, database_url: str | None = None) -> Workspace:
    """Open the workspace in a data folder: its SQLite base, or a server base by URL."""
    if database_url:
        data_dir.mkdir(parents=True, exist_ok=True)
        return Workspace(data_dir=data_dir, store=open_database(database_url))
    return Workspace(data_dir=data_dir, store=open_store(data_dir))

"""A clear (unencrypted) base opened with the app's engine, stamping and code.

The app encrypts every base it opens (SQLCipher, ``store/cipher.py``). Benchmarks that
compare the app with raw ``sqlite3`` on the same file need that file clear, so they open
their bases here; ``cipher_bench.py`` measures what the encryption itself costs.
"""

from __future__ import annotations

from pathlib import Path

from ardoiz_desk.paths import database_path
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store import Store
from ardoiz_desk.store.engine import create_sqlite_engine
from ardoiz_desk.store.migrate import upgrade_to_head


def clear_store(folder: Path) -> Store:
    """Open (creating and migrating if needed) a clear base in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    db = database_path(folder)
    engine = create_sqlite_engine(db, None)
    upgrade_to_head(engine, db, None)
    return Store(engine, db, None)


def clear_workspace(folder: Path) -> Workspace:
    """A workspace over a clear base in folder."""
    return Workspace(data_dir=folder, store=clear_store(folder))

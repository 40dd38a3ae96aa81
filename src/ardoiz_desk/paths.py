"""Where things live: the data folder, the bundled migrations and resources.

One function decides the data folder; nothing here runs at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "ARDOIZ_DESK_DATA_DIR"
#: A server base (PostgreSQL) for a large coordinator, instead of the data folder's SQLite.
ENV_DATABASE_URL = "ARDOIZ_DESK_DATABASE_URL"
DB_FILENAME = "ardoiz-desk.sqlite3"
#: The base key's file (wrapped key and scrypt parameters; no secret in clear).
KEY_FILENAME = "ardoiz-desk.key"
#: Every file is written under NAME.part, then renamed; leftovers are removed at start.
PART_SUFFIX = ".part"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder: ``--data-dir``, else $ARDOIZ_DESK_DATA_DIR, else platformdirs."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env_value = os.environ.get(ENV_DATA_DIR)
    if env_value:
        return Path(env_value).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir("ardoiz-desk", "ardoiz")).resolve()


def database_path(data_dir: Path) -> Path:
    """Return the SQLite file inside a data folder."""
    return data_dir / DB_FILENAME


def key_file_path(data_dir: Path) -> Path:
    """Return the base key's file inside a data folder."""
    return data_dir / KEY_FILENAME


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def _bundled_or_checkout(name: str) -> Path:
    """Find a top-level folder shipped inside the package (wheel, frozen) or in the checkout."""
    inside = _package_dir() / name
    if inside.is_dir():
        return inside
    checkout = _package_dir().parents[1] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"{name!r} folder not found beside the ardoiz_desk package")


def migrations_dir() -> Path:
    """Return the Alembic migrations folder, in an installed package or a source checkout."""
    return _bundled_or_checkout("migrations")


def resources_dir() -> Path:
    """Return the resources folder (translations, default directory, icons)."""
    return _bundled_or_checkout("resources")

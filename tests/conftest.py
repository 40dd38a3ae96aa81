"""Shared fixtures: an offscreen Qt, and per-test bases copied from one migrated template."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ardoiz_desk.paths import DB_FILENAME, ENV_DATA_DIR, KEY_FILENAME, database_path
from ardoiz_desk.services.safekeeping import base_key
from ardoiz_desk.services.workspace import Workspace, open_workspace
from ardoiz_desk.store.engine import create_sqlite_engine
from ardoiz_desk.store.migrate import upgrade_to_head
from ardoiz_desk.sync import crypto

#: The base passphrase every test installation uses (no credential store on test machines).
TEST_BASE_PASSPHRASE = "essai bureau tablette rivière 2026"
# In-process tests derive keys at a low scrypt cost (the real one is ~0.5 s per new base);
# subprocesses (the command line, the frozen build) pay the real cost.
base_key.SCRYPT_LOG2_N = 12
# Also for fixtures wider than one test and the processes they start (a11y desktop, CLI).
os.environ.setdefault(base_key.ENV_BASE_PASSPHRASE, TEST_BASE_PASSPHRASE)
crypto.SCRYPT_N = crypto.SCRYPT_MIN_N

FIXED_TODAY = dt.date(2026, 6, 15)

# Fixtures shared across rooms (tests mirror the source tree, so they live in one place).
pytest_plugins = ["fixtures.windows", "fixtures.territory", "fixtures.pilot"]


@pytest.fixture(autouse=True)
def _no_real_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Point the default data folder into the test's temp folder: never the user's real one."""
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "default-data"))
    monkeypatch.setenv(base_key.ENV_BASE_PASSPHRASE, TEST_BASE_PASSPHRASE)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture(scope="session")
def template_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An encrypted base migrated to head once per session, with no replica identity yet.

    Its key file (beside it) wraps the key under TEST_BASE_PASSPHRASE: copy both.
    """
    folder = tmp_path_factory.mktemp("template")
    key = base_key.create_key(folder, TEST_BASE_PASSPHRASE)
    engine = create_sqlite_engine(database_path(folder), key)
    upgrade_to_head(engine, database_path(folder), None)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return database_path(folder)


def copy_template(template_base: Path, folder: Path) -> None:
    """Copy the template base and its key file into a data folder."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template_base, folder / DB_FILENAME)
    shutil.copy(template_base.with_name(KEY_FILENAME), folder / KEY_FILENAME)


def make_workspace(template_base: Path, folder: Path, today: dt.date = FIXED_TODAY) -> Workspace:
    """Copy the template into a folder and open it as a workspace (a new replica)."""
    copy_template(template_base, folder)
    ws = open_workspace(folder)
    ws.today = lambda: today
    return ws


@pytest.fixture
def ws(template_base: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A fresh workspace (its own replica) in the test's temp folder, 'today' fixed."""
    workspace = make_workspace(template_base, tmp_path / "data")
    yield workspace
    workspace.close()


@pytest.fixture
def workspace_factory(template_base: Path, tmp_path: Path) -> Iterator:
    """Make several independent workspaces (replicas) in the test's temp folder."""
    opened: list[Workspace] = []

    def factory(name: str, today: dt.date = FIXED_TODAY) -> Workspace:
        workspace = make_workspace(template_base, tmp_path / name, today)
        opened.append(workspace)
        return workspace

    yield factory
    for workspace in opened:
        workspace.close()

"""One function decides where data lives: option, then environment, then platformdirs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ardoiz_desk.paths import ENV_DATA_DIR, migrations_dir, resolve_data_dir, resources_dir


def test_option_wins_over_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "opt") == (tmp_path / "opt").resolve()


def test_environment_wins_over_platformdirs(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert resolve_data_dir(None) == (tmp_path / "env").resolve()


def test_platformdirs_is_the_fallback(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None) == (tmp_path / "xdg" / "ardoiz-desk").resolve()


def test_importing_the_app_creates_nothing(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg"), "PATH": "/usr/bin"}
    code = "import ardoiz_desk.cli, ardoiz_desk.services.demo, ardoiz_desk.store"
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_migrations_and_resources_are_found() -> None:
    assert (migrations_dir() / "env.py").is_file()
    assert (resources_dir() / "sites.json").is_file()

"""Clear failures on the command line: one English line, a documented exit code, no trace."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ardoiz_desk.cli import failures as exits
from ardoiz_desk.cli import main
from ardoiz_desk.logging_setup import LOG_FILENAME, configure_logging, prune_old_logs
from ardoiz_desk.paths import database_path
from ardoiz_desk.services import files
from ardoiz_desk.services.safekeeping import base_key
from ardoiz_desk.store import engine as store_engine


def run(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Logging error" not in err
    return lines[0]


@pytest.fixture
def site(tmp_path, capsys) -> Path:
    data = tmp_path / "site"
    assert main(["--data-dir", str(data), "init", "--site-code", "MSAP-X", "--site-name", "X"]) == 0
    capsys.readouterr()
    return data


def test_a_mistyped_data_folder_is_refused_not_created(tmp_path, capsys) -> None:
    typo = tmp_path / "sitte"
    code, _out, err = run(capsys, typo, "participant", "list")
    assert code == exits.EXIT_NO_INSTALLATION
    assert "init" in one_line(err)
    assert not typo.exists()


def test_a_data_folder_that_is_a_file(tmp_path, capsys) -> None:
    path = tmp_path / "a-file"
    path.write_text("not a folder")
    code, _out, err = run(capsys, path, "init", "--site-code", "MSAP-X", "--site-name", "X")
    assert code == exits.EXIT_NOT_WRITABLE
    assert "folder" in one_line(err)
    assert path.read_text() == "not a folder"


@pytest.fixture
def immutable(tmp_path) -> Iterator:
    """Make paths read-only even for root (chattr +i), and writable again afterwards."""
    if not shutil.which("chattr"):
        pytest.skip("chattr is needed to make a folder read-only for root")
    marked: list[Path] = []

    def mark(*paths: Path) -> None:
        for path in paths:
            if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
                pytest.skip("this file system cannot make files immutable")
            marked.append(path)

    yield mark
    for path in reversed(marked):
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_a_read_only_data_folder(site, capsys, immutable) -> None:
    mark = [*sorted(site.rglob("*")), site]
    immutable(*mark)
    code, _out, err = run(capsys, site, "participant", "add", "--prenom", "Jean", "--nom", "Roux")
    assert code in (exits.EXIT_NOT_WRITABLE, exits.EXIT_UNREACHABLE)
    assert "nothing was written" in one_line(err) or "not writable" in err


def test_a_full_disk(site, capsys, monkeypatch) -> None:
    real = store_engine._set_sqlite_pragmas

    def full(dbapi_connection, record) -> None:
        real(dbapi_connection, record)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    monkeypatch.setattr(store_engine, "_set_sqlite_pragmas", full)
    code, _out, err = run(capsys, site, "demo", "--participants", "50")
    assert code == exits.EXIT_DISK_FULL
    assert "disk is full" in one_line(err)


def test_a_log_on_a_full_disk_prints_nothing(tmp_path, capsys) -> None:
    tmp_path.joinpath("logs").mkdir()
    configure_logging(tmp_path)

    class FullDisk:
        def write(self, _text: str) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    for handler in logging.getLogger().handlers:
        if getattr(handler, "_ardoiz", False):
            handler.stream = FullDisk()  # type: ignore[attr-defined]
    for _ in range(50):
        logging.getLogger("ardoiz_desk.test").error("something happened")
    assert capsys.readouterr().err == ""


def test_a_drive_removed_while_exporting_leaves_nothing_half_written(
    site, tmp_path, capsys, monkeypatch
) -> None:
    def unplugged(_path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(files, "_fsync", unplugged)
    out = tmp_path / "usb" / "rapport.csv"
    code, _out, err = run(capsys, site, "report", "--format", "csv", "--out", str(out))
    assert code == exits.EXIT_UNREACHABLE
    assert "drive" in one_line(err)
    assert list(out.parent.iterdir()) == []


def test_a_base_locked_by_another_program(site, capsys, monkeypatch) -> None:
    from ardoiz_desk.services.workspace import open_workspace

    holder = open_workspace(site)
    conn = holder.store.engine.raw_connection()
    conn.cursor().execute("BEGIN IMMEDIATE")  # another program writing, for long
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 200)
    try:
        args = ("participant", "add", "--prenom", "Jean", "--nom", "Roux")
        code, _out, err = run(capsys, site, *args)
    finally:
        conn.rollback()
        conn.close()
        holder.close()
    assert code == exits.EXIT_LOCKED
    assert "busy" in one_line(err)


def test_a_wrong_or_missing_base_passphrase(site, tmp_path, capsys, monkeypatch) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("ceci n'est pas la phrase de passe\n")
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    code = main(["--data-dir", str(site), "--base-passphrase-file", str(wrong), "check"])
    assert code == exits.EXIT_BASE_KEY
    assert "passphrase" in one_line(capsys.readouterr().err)
    code, _out, err = run(capsys, site, "check")
    assert code == exits.EXIT_BASE_KEY
    assert "passphrase" in one_line(err)


def test_a_broken_pipe_ends_quietly(site, tmp_path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    base = [sys.executable, "-m", "ardoiz_desk", "--data-dir", str(site)]
    subprocess.run(
        [*base, "demo", "--participants", "300"], check=True, env=env, capture_output=True
    )
    result = subprocess.run(
        f"{' '.join(map(repr, base))} participant list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.stdout.count("\n") == 1
    assert result.stderr == "", result.stderr


def test_old_logs_are_deleted_and_logs_hold_no_values(site, capsys, monkeypatch) -> None:
    logs = site / "logs"
    logs.mkdir(exist_ok=True)
    old = logs / f"{LOG_FILENAME}.3"
    old.write_text("old")
    os.utime(old, (1, 1))
    assert prune_old_logs(logs) == [old]


def test_leftover_part_files_are_removed_at_next_start(site, capsys) -> None:
    left = site / "reports" / "imports" / "2026-06-15.json.part"
    left.parent.mkdir(parents=True, exist_ok=True)
    left.write_text("half")
    os.utime(left, (1, 1))
    fresh = site / "export.csv.part"
    fresh.write_text("another process is writing this right now")
    assert run(capsys, site, "check")[0] == 0
    assert not left.exists() and fresh.exists()
    assert database_path(site).exists()

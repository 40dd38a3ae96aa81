"""An import interrupted anywhere (exception or killed process) leaves the base as before."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ardoiz_desk.cli import main
from ardoiz_desk.paths import DB_FILENAME, KEY_FILENAME
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.exchange import bundle_import
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.health import check_base, digest
from ardoiz_desk.services.workspace import open_workspace
from ardoiz_desk.store.sync_tables import SyncImport
from ardoiz_desk.sync import merge

# Runs the real command line in a child process, pausing once the participants table has
# been written inside the import's transaction, so the parent can kill it right there.
CHILD = textwrap.dedent(
    """
    import sys, time
    from ardoiz_desk.sync import merge
    real = merge.apply_table
    def paused(io, columns, data, ctx):
        out = real(io, columns, data, ctx)
        if io.model.__tablename__ == "participants":
            print("MID", flush=True)
            time.sleep(60)
        return out
    merge.apply_table = paused
    from ardoiz_desk.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.fixture
def big_bundle(territory, tmp_path):
    coord, site = territory(1)
    generate_demo(site, 400, None, 7)
    path = export_bundle(site, tmp_path / "demo.ardoiz", full=True).path
    return coord, path


def _ledger_size(ws) -> int:
    with ws.store.session() as s:
        return s.scalar(select(func.count()).select_from(SyncImport))


def test_exception_in_the_middle_of_a_merge_changes_nothing(big_bundle, monkeypatch) -> None:
    coord, path = big_bundle
    before, ledger = digest(coord), _ledger_size(coord)
    real = merge.apply_table

    def failing(io, columns, data, ctx):
        if io.model.__tablename__ == "attendances":
            raise RuntimeError("disk unplugged")
        return real(io, columns, data, ctx)

    monkeypatch.setattr(merge, "apply_table", failing)
    report = import_files(coord, [path])
    assert report.outcomes[0].status == "refused"
    assert digest(coord) == before and _ledger_size(coord) == ledger
    monkeypatch.setattr(merge, "apply_table", real)
    assert import_files(coord, [path]).outcomes[0].status == "applied"
    assert bundle_import  # the module under test stays importable after patching


def _copy_base(src: Path, dst: Path) -> Path:
    dst.mkdir(parents=True)
    for name in os.listdir(src):
        if name.startswith(DB_FILENAME) or name in ("held", KEY_FILENAME):
            (shutil.copytree if (src / name).is_dir() else shutil.copy)(src / name, dst / name)
    return dst


def _state_after(data_dir: Path) -> tuple[str, bool]:
    ws = open_workspace(data_dir)
    try:
        return digest(ws), check_base(ws).sound
    finally:
        ws.close()


def test_killed_import_leaves_a_sound_base_before_or_after(big_bundle, tmp_path) -> None:
    coord, path = big_bundle
    base_dir = coord.data_dir
    before = digest(coord)
    coord.close()
    expected_after = tmp_path / "after"
    _copy_base(base_dir, expected_after)
    assert main(["--data-dir", str(expected_after), "bundle", "import", str(path)]) == 0
    after, _ = _state_after(expected_after)
    assert after != before
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # Killed right in the middle of the transaction, at a known point.
    target = _copy_base(base_dir, tmp_path / "mid")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, "--data-dir", str(target), "bundle", "import", str(path)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert child.stdout.readline().strip() == "MID"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert _state_after(target) == (before, True)
    # Killed at moments spread over the whole run of the real program.
    for i, delay in enumerate((0.4, 0.8, 1.2, 1.6, 2.4)):
        target = _copy_base(base_dir, tmp_path / f"kill{i}")
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ardoiz_desk",
                "--data-dir",
                str(target),
                "bundle",
                "import",
                str(path),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        digest_now, sound = _state_after(target)
        assert sound
        assert digest_now in (before, after)

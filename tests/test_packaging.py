"""The built wheel carries migrations and resources, and works away from the source checkout."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import ardoiz_desk

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = (
    "ardoiz_desk/__init__.py",
    "ardoiz_desk/migrations/env.py",
    "ardoiz_desk/migrations/versions/0001_initial.py",
    "ardoiz_desk/resources/sites.json",
)

# Run in a child interpreter: import the unzipped wheel, never the checkout's src/.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    unzipped, checkout, data_dir = (Path(a).resolve() for a in sys.argv[1:4])
    sys.path[:] = [p for p in sys.path if p and Path(p).resolve() not in (checkout, checkout / "src")]

    import ardoiz_desk
    from ardoiz_desk import paths
    from ardoiz_desk.cli import main

    for found in (Path(ardoiz_desk.__file__), paths.migrations_dir(), paths.resources_dir()):
        assert found.resolve().is_relative_to(unzipped), f"{found} is not inside {unzipped}"
    assert (paths.migrations_dir() / "versions" / "0001_initial.py").is_file()
    assert main(["--data-dir", str(data_dir), "init", "--site-code", "MSAP-X", "--site-name", "X"]) == 0
    code = main(["--data-dir", str(data_dir), "check"])
    assert code == 0, f"check exited {code}"
    assert paths.database_path(data_dir).is_file()
    print("wheel-ok")
    """
)


def _build_wheel(outdir: Path) -> Path:
    """Build the project's wheel into outdir (no isolation when hatchling is at hand)."""
    cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir)]
    if importlib.util.find_spec("hatchling") is not None:
        cmd.append("--no-isolation")
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (wheel,) = outdir.glob("ardoiz_desk-*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built once for this module."""
    return _build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.mark.slow
def test_wheel_carries_migrations_resources_and_translations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in REQUIRED if name not in names]
    assert not missing, f"missing from {wheel.name}: {missing}"
    compiled = sorted((ROOT / "resources" / "translations").glob("*.qm"))
    for qm in compiled:
        assert f"ardoiz_desk/resources/translations/{qm.name}" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


@pytest.mark.slow
def test_unzipped_wheel_finds_its_own_migrations(wheel: Path, tmp_path: Path) -> None:
    unzipped = tmp_path / "unzipped"
    zipfile.ZipFile(wheel).extractall(unzipped)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(unzipped)
    result = subprocess.run(
        [sys.executable, "-P", "-c", CHILD, str(unzipped), str(ROOT), str(tmp_path / "data")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wheel-ok" in result.stdout


def _console_script() -> str:
    beside = Path(sys.executable).parent / "ardoiz-desk"
    found = str(beside) if beside.exists() else shutil.which("ardoiz-desk")
    if found is None:
        pytest.skip("the ardoiz-desk console script is not installed")
    return found


def test_console_entry_point_prints_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [_console_script(), "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ardoiz-desk {ardoiz_desk.__version__}"


def test_python_dash_m_prints_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ardoiz_desk", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ardoiz-desk {ardoiz_desk.__version__}"

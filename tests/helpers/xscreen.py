"""A private Xvfb screen of a chosen size for tests that look at the real X screen.

``QWidget.grab()`` draws a dialog whole even when the screen is smaller than the dialog, so
offscreen tests cannot see what an agent sees. These tests start their own Xvfb on a free
display (``-displayfd``) and run the window there with ``QT_QPA_PLATFORM=xcb``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def xvfb(width: int, height: int) -> Iterator[str]:
    """Start Xvfb at width×height on a free display; yield ``:N``; stop it afterwards."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (scripts/setup.sh installs it)")
    read, write = os.pipe()
    process = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(10)


def run_on_screen(
    display: str, script: Path, args: list[str], tmp: Path, timeout: int = 180
) -> list[dict]:
    """Run a probe script on the display; return the JSON lines it printed."""
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        ARDOIZ_DESK_BASE_PASSPHRASE="screen probe passphrase",
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
        XDG_CONFIG_HOME=str(tmp / "xdg-config"),
        XDG_DATA_HOME=str(tmp / "xdg-data"),
    )
    env.pop("QT_SCALE_FACTOR", None)
    done = subprocess.run(
        [sys.executable, str(script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in lines]

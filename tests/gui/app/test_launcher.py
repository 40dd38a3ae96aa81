"""Start-up: the frame appears at once, the base opens behind it, errors are in French."""

from __future__ import annotations

import sys

from PySide6.QtCore import QThreadPool

from ardoiz_desk.gui.app.launcher import Launcher
from ardoiz_desk.paths import database_path
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.workspace import open_workspace
from ardoiz_desk.store import cipher


def test_start_window_then_main_window_over_the_base(qtbot, tmp_path) -> None:
    ws = open_workspace(tmp_path)
    generate_demo(ws, participants=20, activities=5)
    ws.close()
    launcher = Launcher(tmp_path, None)
    with qtbot.waitSignal(launcher.ready, timeout=20_000):
        launcher.start()
        assert launcher.shell.isVisible()
    window = launcher.window
    qtbot.addWidget(window)
    assert window.isVisible() and not launcher.shell.isVisible()
    window.runner.wait(10_000)
    QThreadPool.globalInstance().waitForDone(10_000)
    window.close()
    launcher.ws.close()


def test_base_from_a_newer_app_is_refused_in_french(qtbot, tmp_path, monkeypatch) -> None:
    ws = open_workspace(tmp_path)
    ws.close()
    with cipher.connect(database_path(tmp_path), ws.store.key) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999_future'")
    before = database_path(tmp_path).read_bytes()
    launcher = Launcher(tmp_path, None)
    shown: list[str] = []
    launcher.show_error = shown.append
    with qtbot.waitSignal(launcher.failed, timeout=20_000):
        launcher.start()
    assert "version plus récente" in shown[0] and "9999_future" in shown[0]
    assert launcher.window is None and not launcher.shell.isVisible()
    assert database_path(tmp_path).read_bytes() == before
    QThreadPool.globalInstance().waitForDone(10_000)


def test_opening_the_window_does_not_load_the_command_modules() -> None:
    import subprocess

    code = "import sys, ardoiz_desk.cli, ardoiz_desk.gui.app.startup;print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

#!/usr/bin/env python3
"""Measure the counter window on a base of 100,000 participants, in one run.

1. Start time: from launching a process to its window being usable — the participants
   list showing its first rows and the search box answering — for the app (over the 100k
   base), against a bare PySide6 window being shown; each in fresh subprocesses, median of
   a few runs; the ratio usable / bare is the headline (goal <= 5). Also reported: the
   frame shown, the main window shown, the first search answered before the index is
   loaded, and the whole index loaded (full-speed search).
2. Keystroke to updated list: in a running window, type queries key by key into the
   search box; time from sending the key event to the list reset, the count updated and
   the table repainted (goals: p90 <= 30 ms, max <= 50 ms).
3. Memory: resident set size of the running window, index loaded, after the typing
   (goal <= 150 MiB).

Offscreen unless DISPLAY is set. ``--data-dir`` reuses a base (seeded if empty); by default
a temporary one is seeded with services.demo (about 30 s).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("hélène dupré", "sisteron", "04 92 6", "marcel", "bérard g", "laragne", "jean-pi")


def use_file_keyring(data_dir: Path) -> None:
    """Keep the base key in a file beside the base, standing in for the OS credential store.

    On a counter PC the key of the encrypted base sits in Windows Credential Manager and
    the window opens without asking anything; this machine has no credential store, so a
    file-backed keyring plays that part (the passphrase path would add scrypt, ~0.5 s).
    It is set up on the thread that opens the base, where the app imports ``keyring``;
    the backend discovery a real credential store goes through (~0.2 s) is not counted.
    """
    import keyring
    from keyring.backend import KeyringBackend

    path = data_dir / "bench-keyring.json"

    class FileKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def _load(self) -> dict[str, str]:
            return json.loads(path.read_text()) if path.exists() else {}

        def get_password(self, service: str, username: str) -> str | None:
            return self._load().get(f"{service}/{username}")

        def set_password(self, service: str, username: str, password: str) -> None:
            data = self._load()
            data[f"{service}/{username}"] = password
            path.write_text(json.dumps(data))

        def delete_password(self, service: str, username: str) -> None:
            data = self._load()
            data.pop(f"{service}/{username}", None)
            path.write_text(json.dumps(data))

    keyring.set_keyring(FileKeyring())


def rss_mib() -> float:
    """Resident set size of this process, in MiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_bare() -> None:
    """A bare PySide6 main window: import, create, show, report."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    app.exec()


def child_app(data_dir: str, typing: bool) -> None:
    """The real start-up (``gui.app.start_app``): frame, main window, usable list, index.

    "usable" is the moment the participants list shows its first rows and the search box
    answers (from the base, before the index is loaded); to check the latter, a query is
    typed at once and the time until the list answers it is printed ("answered", ms).
    "listed" is the moment the whole index is loaded (searching at full speed).
    """
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from ardoiz_desk.gui.app import launcher as launcher_module
    from ardoiz_desk.gui.app.startup import create_application, start_app

    real_open = launcher_module._open_workspace

    def open_workspace(folder, unlock):  # the stand-in is set up where the app reads the key
        use_file_keyring(Path(folder))
        return real_open(folder, unlock)

    launcher_module._open_workspace = open_workspace
    app = create_application()
    launcher = start_app(Path(data_dir), "fr")
    QTimer.singleShot(0, lambda: print("shown", flush=True))
    seen: dict[str, float] = {}

    def ready(window) -> None:
        QTimer.singleShot(0, lambda: print("ready", flush=True))
        pane = window.participants
        pane.list_updated.connect(lambda rows: updated(window, rows))
        pane.index_ready.connect(lambda: listed(window))
        if pane.model.rowCount():  # filled while the window was built, before it showed
            QTimer.singleShot(0, lambda: updated(window, pane.model.rowCount()))

    def updated(window, rows: int) -> None:
        pane = window.participants
        if "usable" not in seen and rows > 0:
            pane.view.viewport().repaint()
            seen["usable"] = time.perf_counter()
            print("usable", rows, flush=True)
            if not typing:
                pane.search_edit.setText(QUERIES[1])
        elif not typing and "usable" in seen and "answered" not in seen:
            pane.view.viewport().repaint()
            seen["answered"] = time.perf_counter()
            print("answered", f"{(seen['answered'] - seen['usable']) * 1000:.1f}", flush=True)
            maybe_quit(window)

    def listed(window) -> None:
        print("listed", len(window.participants.index), flush=True)
        seen["listed"] = time.perf_counter()
        if typing:
            QTimer.singleShot(200, lambda: _type_queries(app, window))
        else:
            maybe_quit(window)

    def maybe_quit(window) -> None:
        if "listed" in seen and "answered" in seen:
            app.quit()

    launcher.ready.connect(ready)
    app.exec()
    launcher.window.runner.wait()
    QThreadPool.globalInstance().waitForDone()
    launcher.ws.close()
    QApplication.processEvents()


def _type_queries(app, window) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    pane = window.participants
    edit = pane.search_edit
    edit.setFocus()
    timings: list[float] = []
    updated: list[int] = []
    pane.list_updated.connect(updated.append)
    for query in QUERIES:
        edit.clear()
        app.processEvents()
        for ch in query:
            before = len(updated)
            started = time.perf_counter()
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, edit, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
            while len(updated) == before:
                app.processEvents()
            pane.view.viewport().repaint()
            pane.count_label.repaint()
            timings.append((time.perf_counter() - started) * 1000)
    print("typing", json.dumps(timings), flush=True)
    print("rss", f"{rss_mib():.1f}", flush=True)
    app.quit()


def run_child(args: list[str], env: dict[str, str]) -> dict[str, object]:
    """Launch a child; return the time to each marker line and the values it printed."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    seen: dict[str, object] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        key, _, value = line.strip().partition(" ")
        seen[key] = (time.perf_counter() - started, value)
    proc.wait(timeout=600)
    if proc.returncode:
        raise SystemExit(f"child {args} failed with {proc.returncode}")
    return seen


def seed(data_dir: Path, participants: int, activities: int) -> None:
    """Fill an empty base with demo data and give it a site."""
    from ardoiz_desk.services.demo import generate_demo
    from ardoiz_desk.services.people.participants import count_participants
    from ardoiz_desk.services.sites.sites import initialise_site
    from ardoiz_desk.services.workspace import open_workspace

    data_dir.mkdir(parents=True, exist_ok=True)
    use_file_keyring(data_dir)
    ws = open_workspace(data_dir)
    try:
        if count_participants(ws) == 0:
            started = time.perf_counter()
            generate_demo(ws, participants=participants, activities=activities)
            initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
            print(f"seeded {participants:,} participants in {time.perf_counter() - started:.0f} s")
    finally:
        ws.close()


def byte_compile() -> None:
    """Byte-compile the app's modules once, as an installed app (wheel, frozen build) has them.

    Without this, a shell with PYTHONDONTWRITEBYTECODE set (as CI shells are) would have
    every child compile the app's 180 modules from source again (about 0.1 s), which no
    agent's start pays; the bare window's PySide6 is byte-compiled already.
    """
    compileall.compile_dir(ROOT / "src", quiet=1)


def measure(data_dir: Path, runs: int) -> dict[str, float]:
    """Run every measurement; return the figures."""
    byte_compile()
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT / "src")
    bare, shown, ready, usable, answered, listed = [], [], [], [], [], []
    for _ in range(runs):
        bare.append(run_child(["--child", "bare"], env)["shown"][0])
        app = run_child(["--child", "app", str(data_dir)], env)
        shown.append(app["shown"][0])
        ready.append(app["ready"][0])
        usable.append(app["usable"][0])
        answered.append(float(str(app["answered"][1])))
        listed.append(app["listed"][0])
    typed = run_child(["--child", "type", str(data_dir)], env)
    timings = json.loads(typed["typing"][1])
    ratios = [u / b for u, b in zip(usable, bare, strict=True)]
    return {
        "bare_start_s": statistics.median(bare),
        "app_usable_s": statistics.median(usable),
        "ratio_usable_over_bare": statistics.median(usable) / statistics.median(bare),
        "ratio_usable_over_bare_min": min(ratios),
        "ratio_usable_over_bare_max": max(ratios),
        "first_search_before_index_ms": statistics.median(answered),
        "app_shown_s": statistics.median(shown),
        "ratio_shown_over_bare": statistics.median(shown) / statistics.median(bare),
        "app_main_window_s": statistics.median(ready),
        "ratio_main_window_over_bare": statistics.median(ready) / statistics.median(bare),
        "app_index_loaded_s": statistics.median(listed),
        "rows": int(str(app["listed"][1])),
        "keystrokes": len(timings),
        "keystroke_median_ms": statistics.median(timings),
        "keystroke_p90_ms": statistics.quantiles(timings, n=10)[-1],
        "keystroke_max_ms": max(timings),
        "rss_mib": float(typed["rss"][1]),
    }


def main(argv: list[str] | None = None) -> int:
    """Seed (if needed) and measure; print the figures (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=("bare", "app", "type"), help=argparse.SUPPRESS)
    parser.add_argument("data_dir_child", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help="base to use (seeded if empty)")
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--activities", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=5, help="start-time runs (median)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.child == "bare":
        child_bare()
        return 0
    if args.child in ("app", "type"):
        child_app(args.data_dir_child, typing=args.child == "type")
        return 0
    with tempfile.TemporaryDirectory(prefix="ardoiz-gui-bench-") as tmp:
        data_dir = args.data_dir or Path(tmp)
        seed(data_dir, args.participants, args.activities)
        figures = measure(data_dir, args.runs)
    if args.json:
        print(json.dumps(figures, indent=2))
    for key, value in figures.items():
        print(f"{key:24} {value:,.3f}" if isinstance(value, float) else f"{key:24} {value:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Activités pane on a large coordinator's base, against the participants list.

Seeds (once per data folder) 100,000 participants and 300,000 activities with
``services.demo.generate_demo``, then, in a child process with the real main window
(offscreen unless a display is set):

1. **open**: time from asking for the Activités pane to its newest page shown (read from
   the base at once) and to its index loaded (on a worker thread, as the window does), and
   the time from showing the window to the participants list's index loaded;
2. **keystroke → updated list**: the same queries typed key by key into each pane's
   search box; each timing runs from the key event to the list reset, the count label
   updated and the table repainted (goal: activities median <= 30 ms);
3. **filters**: choosing a type, a date range, a site, then a participant's name.

Ratios are the activities figures over the participants figures of the same run.
Usage: ``.venv/bin/python bench/activities_bench.py [--data-dir DIR] [--activities N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The bases are encrypted at rest: with no credential store here, a passphrase opens them.
os.environ.setdefault("ARDOIZ_DESK_BASE_PASSPHRASE", "banc d'essai activités 2026 tablette")
QUERIES = ("hélène dupré", "martin", "roux j", "garcin", "tablette")


def child(data_dir: str) -> None:
    """Open the window on the base and measure (prints one JSON line)."""
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ardoiz_desk.gui.app.main_window import ACTIVITIES, MainWindow
    from ardoiz_desk.gui.kit.dialogs import DialogSeam
    from ardoiz_desk.services.workspace import open_workspace

    app = QApplication([])
    ws = open_workspace(Path(data_dir))
    window = MainWindow(ws, DialogSeam())
    window.resize(1280, 800)
    started = time.perf_counter()
    ready: list[float] = []
    window.participants.index_ready.connect(lambda: ready.append(time.perf_counter()))
    window.show()
    while not ready:
        app.processEvents()
    participants_open = ready[0] - started

    pane = window.activities
    shown: list[float] = []
    first: list[float] = []
    pane.index_ready.connect(lambda: shown.append(time.perf_counter()))
    pane.list_updated.connect(lambda _n: first.append(time.perf_counter()))
    started = time.perf_counter()
    window.show_pane(ACTIVITIES)
    while not first:
        app.processEvents()
    pane.view.viewport().repaint()
    activities_first_page = time.perf_counter() - started
    while not shown:
        app.processEvents()
    pane.view.viewport().repaint()
    activities_open = time.perf_counter() - started

    def typing(edit, updated_signal, view, label) -> list[float]:
        timings: list[float] = []
        updated: list[int] = []
        updated_signal.connect(updated.append)
        edit.setFocus()
        for query in QUERIES:
            edit.clear()
            app.processEvents()
            for ch in query:
                before = len(updated)
                t0 = time.perf_counter()
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click,
                    edit,
                    Qt.Key.Key_unknown,
                    ch,
                    Qt.KeyboardModifier.NoModifier,
                )
                while len(updated) == before:
                    app.processEvents()
                view.viewport().repaint()
                label.repaint()
                timings.append((time.perf_counter() - t0) * 1000)
        edit.clear()
        app.processEvents()
        return timings

    window.show_pane(0)
    p = window.participants
    participant_keys = typing(p.search_edit, p.list_updated, p.view, p.count_label)
    window.show_pane(ACTIVITIES)
    activity_keys = typing(pane.search_edit, pane.list_updated, pane.view, pane.count_label)

    def timed(action) -> float:
        t0 = time.perf_counter()
        action()
        app.processEvents()
        pane.view.viewport().repaint()
        return (time.perf_counter() - t0) * 1000

    today = ws.today()
    filters = {
        "type": timed(
            lambda: pane.kind_filter.setCurrentIndex(pane.kind_filter.findData("collectif"))
        ),
        "date_from": timed(
            lambda: pane.date_from.setDate(QDate(today.year, today.month, 1).addMonths(-3))
        ),
        "site": timed(lambda: pane.site_filter.setCurrentIndex(1)),
        "clear": timed(
            lambda: (
                pane.kind_filter.setCurrentIndex(0),
                pane.site_filter.setCurrentIndex(0),
                pane.date_from.setDate(pane.date_from.minimumDate()),
            )
        ),
    }
    who: list[float] = []
    for ch in "dupre":
        who.append(timed(lambda ch=ch: QTest.keyClicks(pane.participant_filter, ch)))
    print(
        json.dumps(
            {
                "participants": len(p.index),
                "activities": len(pane.index),
                "participants_open_s": participants_open,
                "activities_open_s": activities_open,
                "activities_first_page_s": activities_first_page,
                "participant_keys_ms": participant_keys,
                "activity_keys_ms": activity_keys,
                "filters_ms": filters,
                "participant_filter_ms": who,
            }
        ),
        flush=True,
    )
    window.close()


def seed(data_dir: Path, participants: int, activities: int) -> None:
    """Fill an empty base with demo data and give it a site."""
    from ardoiz_desk.services.demo import generate_demo
    from ardoiz_desk.services.people.participants import count_participants
    from ardoiz_desk.services.sites.sites import initialise_site
    from ardoiz_desk.services.workspace import open_workspace

    ws = open_workspace(data_dir)
    try:
        if count_participants(ws) == 0:
            started = time.perf_counter()
            generate_demo(ws, participants=participants, activities=activities)
            initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
            print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        ws.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--activities", type=int, default=300_000)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp) / "base"
        data_dir.mkdir(parents=True, exist_ok=True)
        seed(data_dir, args.participants, args.activities)
        env = dict(os.environ)
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        env["PYTHONPATH"] = str(ROOT / "src")
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(data_dir)],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    r = json.loads(out.strip().splitlines()[-1])
    pk, ak = r["participant_keys_ms"], r["activity_keys_ms"]
    print(f"{r['participants']:,} participants, {r['activities']:,} activities")
    print(
        f"open, index loaded: participants list {r['participants_open_s']:.2f} s, "
        f"activities list {r['activities_open_s']:.2f} s, "
        f"ratio {r['activities_open_s'] / r['participants_open_s']:.2f}; "
        f"the activities' newest page shown after {r['activities_first_page_s'] * 1000:.0f} ms"
    )
    print(
        f"keystroke → list, median: participants {statistics.median(pk):.1f} ms, "
        f"activities {statistics.median(ak):.1f} ms (goal <= 30), "
        f"ratio {statistics.median(ak) / statistics.median(pk):.2f}; "
        f"p90 {statistics.quantiles(pk, n=10)[-1]:.1f} / {statistics.quantiles(ak, n=10)[-1]:.1f} ms, "
        f"max {max(pk):.1f} / {max(ak):.1f} ms ({len(ak)} keys)"
    )
    print("filters (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in r["filters_ms"].items()))
    print(
        "participant filter, key by key (ms): "
        + ", ".join(f"{v:.1f}" for v in r["participant_filter_ms"])
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

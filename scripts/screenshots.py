#!/usr/bin/env python3
"""Photograph the window as an agent sees it: the whole X screen, at counter-laptop sizes.

Starts its own Xvfb per screen size (``Xvfb :N -screen 0 1366x768x24``, no window manager),
runs the window there (``QT_QPA_PLATFORM=xcb``) on demo data in a temporary data folder,
opens each pane and the main dialogs, and captures the whole screen with ImageMagick's
``import -window root``: a dialog larger than the screen shows cut off, as it would be.
(``QWidget.grab()`` draws a widget whole whatever the screen, so it is not used.)

    .venv/bin/python scripts/screenshots.py              # 1366×768 everything, 1024×768 a few
    .venv/bin/python scripts/screenshots.py --display :5 # on a running X server (one size)

Pictures go to docs/screenshots/window-*.png (1024×768 ones end in ``-1024``), written to a
temporary file, then renamed. Look at them: a dialog off the screen, a clipped label or
boxes instead of letters (missing fonts) are what this is for. The report PDF picture is
made elsewhere (docs/screenshots/report-pdf.png is left alone).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
# (width, height, scenes): every scene at the commonest counter screen, the main ones at 1024.
SIZES = {
    "1366x768": None,
    "1024x768": ("participants", "record-activity"),
}


def main(argv: list[str] | None = None) -> int:
    """Start an Xvfb per size (unless a display is given) and photograph each in a child."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--display", help="an X display already running (e.g. :5); one pass")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # WIDTHxHEIGHT, in the child
    args = parser.parse_args(argv)
    if args.child:
        return photograph(args)
    for tool in ("import",) + (() if args.display else ("Xvfb",)):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: run scripts/setup.sh (xvfb, imagemagick)")
    OUT.mkdir(parents=True, exist_ok=True)
    if args.display:
        return _run_child(args, args.display, "1366x768")
    for size in SIZES:
        with XvfbScreen(size) as display:
            code = _run_child(args, display, size)
        if code:
            return code
    return 0


class XvfbScreen:
    """An Xvfb of one size on a free display, stopped on exit."""

    def __init__(self, size: str) -> None:
        self.size = size

    def __enter__(self) -> str:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            [
                "Xvfb",
                *("-displayfd", str(write)),
                *("-screen", "0", f"{self.size}x24"),
                *("-nolisten", "tcp"),
            ],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.process.terminate()
            raise SystemExit("Xvfb did not start")
        return f":{number}"

    def __exit__(self, *_exc) -> None:
        self.process.terminate()
        self.process.wait(10)


def _run_child(args: argparse.Namespace, display: str, size: str) -> int:
    with tempfile.TemporaryDirectory(prefix="ardoiz-shots-") as tmp:
        env = dict(os.environ)
        env.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            # A throwaway base in a temporary folder: nothing of the user's is read or kept.
            ARDOIZ_DESK_BASE_PASSPHRASE="screenshots of the demo base",
            XDG_CONFIG_HOME=str(Path(tmp) / "config"),
            XDG_DATA_HOME=str(Path(tmp) / "share"),
        )
        env.pop("QT_SCALE_FACTOR", None)
        command = [
            sys.executable,
            __file__,
            "--child",
            size,
            "--lang",
            args.lang,
            "--participants",
            str(args.participants),
        ]
        return subprocess.run(command, env=env, check=False).returncode


def photograph(args: argparse.Namespace) -> int:
    """In the child, on the X screen: seed demo data, then open and capture each scene."""
    from ardoiz_desk.gui.app.main_window import MainWindow
    from ardoiz_desk.gui.app.startup import apply_style, create_application
    from ardoiz_desk.gui.kit.dialogs import DialogSeam
    from ardoiz_desk.gui.kit.i18n import install_translators
    from ardoiz_desk.services.demo import generate_demo
    from ardoiz_desk.services.sites.sites import initialise_site
    from ardoiz_desk.services.workspace import open_workspace

    class ShowOnly(DialogSeam):
        def show(self, dialog) -> None:
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()

    app = create_application()
    install_translators(app, args.lang)
    apply_style(app)
    wanted = SIZES.get(args.child)
    suffix = "" if args.child == "1366x768" else "-" + args.child.split("x")[0]
    with tempfile.TemporaryDirectory(prefix="ardoiz-shots-data-") as tmp:
        ws = open_workspace(Path(tmp))
        try:
            generate_demo(ws, participants=args.participants)
            initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
            _plan_followups(ws)
            window = MainWindow(ws, dialogs=ShowOnly())
            Scenes(app, window, ws, wanted, suffix).run()
        finally:
            ws.close()
    return 0


def _plan_followups(ws) -> None:
    """A few follow-ups due around today, so the Suivis pane shows its colours."""
    import datetime as dt

    from ardoiz_desk.services.people.followups import add_followup
    from ardoiz_desk.services.people.participants import search_participants

    reasons = (
        "Revoir l'envoi de photos",
        "Configurer la messagerie",
        "Appel vidéo",
        "Mises à jour",
    )
    people = search_participants(ws, "", limit=4)
    for person, days, reason in zip(people, (-2, -1, 1, 4), reasons, strict=False):
        add_followup(ws, person.id, ws.today() + dt.timedelta(days=days), reason)


class Scenes:
    """Opens each pane and dialog in turn and captures the whole screen."""

    PANES = ("participants", "activities", "followups", "agents", "sync", "reports", "settings")

    def __init__(self, app, window, ws, wanted: tuple[str, ...] | None, suffix: str) -> None:
        self.app, self.window, self.ws = app, window, ws
        self.wanted, self.suffix = wanted, suffix

    def settle(self, seconds: float = 0.5) -> None:
        """Let background work end and the X server map and paint the windows."""
        end = time.monotonic() + seconds
        while time.monotonic() < end or self.window.runner.busy:
            self.window.runner.wait(20)
            self.app.processEvents()
            time.sleep(0.02)

    def capture(self, name: str) -> None:
        """The whole X screen, as it is now."""
        if self.wanted is not None and name not in self.wanted:
            return
        self.settle(0.4)
        path = OUT / f"window-{name}{self.suffix}.png"
        tmp = path.with_suffix(".tmp.png")
        subprocess.run(["import", "-window", "root", f"png:{tmp}"], check=True)
        os.replace(tmp, path)
        print(path.relative_to(ROOT), flush=True)

    def run(self) -> None:
        window = self.window
        window.show()
        self.settle(1.5)
        for row, name in enumerate(self.PANES):
            window.show_pane(row)
            self.settle(1.0 if name in ("sync", "reports") else 0.4)
            self.capture(name)
        window.show_pane(0)
        self.settle()
        self.activity_dialog()
        self.participant_card()
        self.dialog("duplicates", window.review_duplicates())
        self.dialog("shortcuts", window.show_shortcuts())
        self.first_start()
        window.close()

    def dialog(self, name: str, dialog) -> None:
        self.settle(0.6)
        self.capture(name)
        dialog.hide()
        self.settle(0.2)

    def activity_dialog(self) -> None:
        dialog = self.window.record_activity()
        dialog.title_edit.setText("Découvrir sa tablette Ardoiz")
        for text in ("hél", "gér", "mon", "fra"):
            dialog.picker.search_edit.setText(text)
            dialog.picker.pick_current()
        dialog.picker.search_edit.setText("jos")
        self.capture("record-activity")
        dialog.attendance.clear()
        dialog.hide()
        self.settle(0.2)

    def participant_card(self) -> None:
        pane = self.window.participants
        pane.stage_filter.setCurrentIndex(3)  # prise en main: a full journey
        self.settle()
        card = self.window.open_participant(pane.current_id())
        card.tabs.setCurrentIndex(0)
        self.dialog("participant-card", card)
        pane.stage_filter.setCurrentIndex(0)

    def first_start(self) -> None:
        from ardoiz_desk.gui.app.wizard import FirstStartDialog

        wizard = FirstStartDialog(self.ws, self.window.ops, self.window)
        wizard.show()
        wizard.activateWindow()
        self.dialog("first-start", wizard)


if __name__ == "__main__":
    sys.exit(main())

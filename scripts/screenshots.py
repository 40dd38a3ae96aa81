#!/usr/bin/env python3
"""Start the window on demo data and save a screenshot of each main screen.

Under Xvfb when DISPLAY is set (``xvfb-run -a .venv/bin/python scripts/screenshots.py``),
offscreen otherwise. Images go to docs/screenshots/window-*.png (written to a temporary
file, then renamed). Look at them: boxes instead of letters mean fonts are missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def _settle(app, window, seconds: float = 0.3) -> None:
    """Let background tasks finish and the window repaint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end or window.runner.busy:
        window.runner.wait(50)
        app.processEvents()


def _save(widget, name: str) -> Path:
    path = OUT / f"window-{name}.png"
    tmp = path.with_suffix(".tmp.png")
    if not widget.grab().save(str(tmp)):
        raise SystemExit(f"could not write {tmp}")
    os.replace(tmp, path)
    print(path.relative_to(ROOT))
    return path


def main(argv: list[str] | None = None) -> int:
    """Seed a demo base in a temporary folder and photograph every pane and dialog."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    parser.add_argument("--participants", type=int, default=300)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
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

    app = create_application()
    install_translators(app, args.lang)
    apply_style(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ardoiz-shots-") as tmp:
        ws = open_workspace(Path(tmp))
        try:
            generate_demo(ws, participants=args.participants)
            initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
            _plan_followups(ws)
            _photograph(app, MainWindow(ws, dialogs=ShowOnly()), ws)
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


def _photograph(app, window, ws) -> None:
    from ardoiz_desk.gui.app.wizard import FirstStartDialog

    window.resize(1360, 820)
    window.show()
    _settle(app, window, 1.0)
    names = ("participants", "activities", "followups", "agents", "sync", "reports", "settings")
    for row, name in enumerate(names):
        window.show_pane(row)
        _settle(app, window)
        _save(window, name)
    window.show_pane(0)
    window.participants.stage_filter.setCurrentIndex(3)  # prise en main: a full journey
    card = window.open_participant(window.participants.current_id())
    card.tabs.setCurrentIndex(0)
    _settle(app, window)
    _save(card, "participant-card")
    card.reject()
    window.participants.stage_filter.setCurrentIndex(0)
    dialog = window.record_activity()
    dialog.title_edit.setText("Découvrir sa tablette Ardoiz")
    for text in ("hél", "gér", "mon", "fra"):
        dialog.picker.search_edit.setText(text)
        dialog.picker.pick_current()
    dialog.picker.search_edit.setText("jos")
    _settle(app, window)
    _save(dialog, "record-activity")
    dialog.attendance.clear()
    dialog.reject()
    wizard = FirstStartDialog(ws, window.runner, window)
    wizard.show()
    _settle(app, window)
    _save(wizard, "first-start")
    wizard.close()
    window.close()


if __name__ == "__main__":
    sys.exit(main())

"""Starting the window: QApplication, translations, text size, the workspace, the wizard."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ardoiz_desk.gui.app.launcher import Launcher
from ardoiz_desk.gui.app.single import claim_data_folder
from ardoiz_desk.gui.kit.i18n import install_translators
from ardoiz_desk.gui.kit.text_size import apply_text_scale, ensure_readable_font
from ardoiz_desk.gui.kit.theme import FRAMED_CLASSES, build_palette
from ardoiz_desk.gui.kit.ui_settings import UiSettings
from ardoiz_desk.paths import resources_dir


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    """Load the translations for a language (kept for callers of the first version)."""
    installed = install_translators(app, lang)
    return installed[-1] if installed else None


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the QApplication, created once."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Ardoiz Desk")
    app.setOrganizationName("ardoiz")
    return app  # type: ignore[return-value]


def apply_style(app: QApplication) -> None:
    """The Fusion style with a palette that meets RGAA contrast, text at least 10 pt, and
    the shipped style sheet (field borders, focus indicators)."""
    app.setStyle("Fusion")
    app.setPalette(build_palette())
    for widget_class in FRAMED_CLASSES:
        # Fusion draws their frames in the window colour darkened: make that frame 3:1.
        app.setPalette(build_palette(frame_window=True), widget_class)
    ensure_readable_font(app)
    qss = resources_dir() / "style.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def start_app(data_dir: Path, lang: str | None = None, unlock: Any = None) -> Launcher:
    """Show the start window at once and open the base behind it; return the launcher.

    ``unlock`` (a ``base_key.Unlock``): what the command line gave to open the base.
    """
    app = create_application()
    settings = UiSettings(data_dir) if data_dir.is_dir() else None
    install_translators(app, lang or (settings.language if settings else "fr"))
    apply_style(app)
    if settings is not None:
        apply_text_scale(app, settings.text_scale)
    launcher = Launcher(data_dir, settings, unlock=unlock)
    launcher.start()
    return launcher


def ask_yes_no(question: str) -> bool:
    """Ask the agent a yes/no question before any window exists."""
    answer = QMessageBox.question(
        None,
        "Ardoiz Desk",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def bring_to_front(window: QWidget) -> None:
    """Show a window above the others (asked by a second start on the same folder)."""
    window.showNormal()
    window.raise_()
    window.activateWindow()


def run_app(data_dir: Path, lang: str | None = None, unlock: Any = None) -> int:
    """Run the app until its window closes (one window per data folder)."""
    app = create_application()
    if data_dir.is_dir():
        install_translators(app, lang or UiSettings(data_dir).language)
    lock = claim_data_folder(data_dir, ask_yes_no)
    if lock is None:
        return 0  # the folder is open in another window: told, and maybe brought forward
    launcher = start_app(data_dir, lang, unlock)
    launcher.failed.connect(lambda _message: app.exit(1))
    launcher.ready.connect(
        lambda window: lock.raise_requested.connect(lambda: bring_to_front(window))
    )
    try:
        return app.exec()
    finally:
        if launcher.window is not None:
            launcher.window.runner.wait(10_000)
        if launcher.ws is not None:
            launcher.ws.close()
        lock.release()

"""Starting the window: QApplication, translations, text size, the workspace, the wizard."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ardoiz_desk.gui.i18n import install_translators
from ardoiz_desk.gui.text_size import apply_text_scale
from ardoiz_desk.gui.ui_settings import UiSettings
from ardoiz_desk.paths import resources_dir
from ardoiz_desk.services.workspace import Workspace, open_workspace


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
    """Load the shipped style sheet (a few calm touches over the platform style)."""
    qss = resources_dir() / "style.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def run_app(data_dir: Path, lang: str | None = None) -> int:
    """Open the workspace and run the main window until it closes."""
    app = create_application()
    settings = UiSettings(data_dir) if data_dir.is_dir() else None
    install_translators(app, lang or (settings.language if settings else "fr"))
    from ardoiz_desk.gui.main_window import MainWindow

    try:
        ws: Workspace = open_workspace(data_dir)
    except Exception as exc:  # shown to the agent, in French, before anything else
        QMessageBox.critical(None, "Ardoiz Desk", f"Impossible d'ouvrir la base :\n{exc}")
        return 1
    settings = settings or UiSettings(data_dir)
    apply_style(app)
    apply_text_scale(app, settings.text_scale)
    window = MainWindow(ws, settings=settings)
    window.show()
    window.maybe_start_wizard()
    try:
        return app.exec()
    finally:
        window.runner.wait(10_000)
        ws.close()

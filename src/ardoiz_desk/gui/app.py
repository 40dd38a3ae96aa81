"""Starting the window: QApplication, translations, the workspace, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ardoiz_desk.paths import resources_dir
from ardoiz_desk.services.workspace import Workspace, open_workspace


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    """Load the compiled translation for a language ('fr' is the default UI language)."""
    translator = QTranslator(app)
    qm = resources_dir() / "translations" / f"ardoiz_desk_{lang}.qm"
    if qm.exists() and translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    return None


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the QApplication, created once."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Ardoiz Desk")
    app.setOrganizationName("ardoiz")
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    return app  # type: ignore[return-value]


def run_app(data_dir: Path, lang: str | None = None) -> int:
    """Open the workspace and run the main window until it closes."""
    from ardoiz_desk.gui.main_window import MainWindow

    app = create_application()
    install_translator(app, lang or "fr")
    try:
        ws: Workspace = open_workspace(data_dir)
    except Exception as exc:  # shown to the agent, in French, before anything else
        QMessageBox.critical(None, "Ardoiz Desk", f"Impossible d'ouvrir la base :\n{exc}")
        return 1
    window = MainWindow(ws)
    window.show()
    try:
        return app.exec()
    finally:
        ws.close()

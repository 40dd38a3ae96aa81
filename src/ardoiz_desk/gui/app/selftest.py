"""``--self-test``: prove a build can migrate a base and open its window."""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path


def run_self_test() -> int:
    """Migrate a fresh temporary base, open the main window offscreen, return 0 on success."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ardoiz_desk.gui.app.main_window import MainWindow
    from ardoiz_desk.gui.app.startup import create_application, install_translator
    from ardoiz_desk.services.workspace import Unlock, open_workspace

    app = create_application()
    install_translator(app, "fr")
    with tempfile.TemporaryDirectory(prefix="ardoiz-selftest-") as tmp:
        # A throwaway encrypted base: proves SQLCipher is in the build and works.
        ws = open_workspace(Path(tmp), unlock=Unlock(passphrase=secrets.token_urlsafe(24)))
        try:
            window = MainWindow(ws)
            window.show()
            app.processEvents()
            ok = window.isVisible() and window.base_is_sound()
            # Let the panes' background reads finish (and their results arrive) while the
            # base is still there: the temporary folder goes away right after.
            window.runner.wait(10_000)
            app.processEvents()
            window.close()
        finally:
            ws.close()
    print("self-test: ok" if ok else "self-test: FAILED", file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1

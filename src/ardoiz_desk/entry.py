"""The program's entry (console script, ``python -m ardoiz_desk``, the frozen build).

With no sub-command it opens the window; ``--self-test`` checks a frozen build can migrate
a base and open the window; anything else is the command line. The command line never
imports the window: this module, above both, hands it the way to open it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ardoiz_desk.cli import Window
from ardoiz_desk.cli import main as cli_main


def open_window(data_dir: Path, lang: str | None) -> int:
    """Open the window on a data folder (Qt is imported only now, for a quick start-up).

    A passphrase or recovery key given in a file (``--base-passphrase-file``,
    ``--base-recovery-key-file``) unlocks the base as it does for a command.
    """
    from ardoiz_desk.cli.errors import BASE_SECRETS
    from ardoiz_desk.gui.app import startup

    passphrase, recovery_key = BASE_SECRETS.get()
    unlock = None
    if passphrase or recovery_key:
        from ardoiz_desk.services.safekeeping.base_key import Unlock

        unlock = Unlock(passphrase=passphrase, recovery_key=recovery_key)
    return startup.run_app(data_dir, lang=lang, unlock=unlock)


def self_test() -> int:
    """Migrate a temporary base and open the window offscreen, then exit."""
    from ardoiz_desk.gui.app import selftest

    return selftest.run_self_test()


WINDOW = Window(open=open_window, self_test=self_test)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ardoiz-desk``: the window, or a sub-command."""
    return cli_main(argv, WINDOW)

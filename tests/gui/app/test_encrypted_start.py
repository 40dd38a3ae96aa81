"""The window and the encrypted base: passphrase asked in French, recovery sheet, one window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from ardoiz_desk.cli import main
from ardoiz_desk.gui.app.launcher import Launcher
from ardoiz_desk.gui.app.passphrase import CREATE, PassphraseDialog
from ardoiz_desk.gui.app.single import WindowLock, ask_first_window_to_show, claim_data_folder
from ardoiz_desk.services.safekeeping import base_key
from ardoiz_desk.services.safekeeping.base_key import Unlock
from ardoiz_desk.services.workspace import open_workspace

STRONG = "rivière tablette cerise Orpierre"


def _close(launcher: Launcher) -> None:
    if launcher.window is not None:
        launcher.window.runner.wait(10_000)
        QThreadPool.globalInstance().waitForDone(10_000)
        launcher.window.close()
    if launcher.ws is not None:
        launcher.ws.close()


def test_a_locked_base_asks_its_passphrase_again_after_a_wrong_one(qtbot, ws, monkeypatch) -> None:
    from conftest import TEST_BASE_PASSPHRASE

    data_dir = ws.data_dir
    ws.close()
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    launcher = Launcher(data_dir, None)
    asked: list[tuple[str, str]] = []
    answers = [Unlock(passphrase="pas la bonne phrase du tout"), Unlock(TEST_BASE_PASSPHRASE)]

    def ask(mode: str, message: str) -> Unlock:
        asked.append((mode, message))
        return answers.pop(0)

    launcher.ask_passphrase = ask
    launcher.show_error = lambda text: pytest.fail(text)
    with qtbot.waitSignal(launcher.ready, timeout=30_000):
        launcher.start()
    qtbot.addWidget(launcher.window)
    assert [mode for mode, _ in asked] == ["open", "open"]
    assert "chiffrée" in asked[0][1] and "incorrecte" in asked[1][1]
    _close(launcher)


def test_a_passphrase_given_on_the_command_line_opens_without_asking(
    qtbot, ws, monkeypatch, tmp_path
) -> None:
    import ardoiz_desk.gui.app.startup as startup
    from ardoiz_desk.entry import main as entry_main
    from conftest import TEST_BASE_PASSPHRASE

    data_dir = ws.data_dir
    ws.close()
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    secret = tmp_path / "phrase.txt"
    secret.write_text(TEST_BASE_PASSPHRASE + "\n", encoding="utf-8")
    launchers: list[Launcher] = []

    def run_app(data_dir: Path, lang: str | None = None, unlock: Unlock | None = None) -> int:
        launcher = Launcher(data_dir, None, unlock=unlock)
        launcher.ask_passphrase = lambda mode, message: pytest.fail("asked: " + message)
        launcher.show_error = lambda text: pytest.fail(text)
        launchers.append(launcher)
        launcher.start()
        return 0

    monkeypatch.setattr(startup, "run_app", run_app)
    assert entry_main(["--data-dir", str(data_dir), "--base-passphrase-file", str(secret)]) == 0
    launcher = launchers[0]
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=30_000)
    qtbot.addWidget(launcher.window)
    _close(launcher)


def test_quitting_the_passphrase_question_says_so_in_one_line(qtbot, ws, monkeypatch) -> None:
    data_dir = ws.data_dir
    ws.close()
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    launcher = Launcher(data_dir, None)
    launcher.ask_passphrase = lambda mode, message: None
    shown: list[str] = []
    launcher.show_error = shown.append
    with qtbot.waitSignal(launcher.failed, timeout=30_000):
        launcher.start()
    assert len(shown) == 1 and "\n" not in shown[0] and "Traceback" not in shown[0]
    QThreadPool.globalInstance().waitForDone(10_000)


def test_first_start_chooses_a_passphrase_then_offers_the_recovery_sheet(
    qtbot, tmp_path, monkeypatch
) -> None:
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    folder = tmp_path / "nouveau"
    launcher = Launcher(folder, None)
    modes: list[str] = []
    launcher.ask_passphrase = lambda mode, message: modes.append(mode) or Unlock(STRONG)
    shown = []
    launcher.show_dialog = shown.append
    with qtbot.waitSignal(launcher.ready, timeout=30_000):
        launcher.start()
    qtbot.addWidget(launcher.window)
    assert modes == [CREATE]
    wizard = launcher.window.wizard
    assert wizard is not None
    wizard.completed.emit()  # the agent finished the wizard's own steps
    (sheet,) = shown
    sheet.save_as = lambda parent, suggested: tmp_path / "papier" / suggested.name
    path = sheet.save()
    assert path is not None and path.read_bytes().startswith(b"%PDF")
    assert not list(path.parent.glob("*.part"))
    recovery = base_key.recovery_key_text(launcher.ws.store.key)
    _close(launcher)
    reopened = open_workspace(folder, unlock=Unlock(recovery_key=recovery))
    reopened.close()


def test_a_new_passphrase_must_match_and_be_strong(qtbot) -> None:
    dialog = PassphraseDialog(CREATE)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("aaaaaaaaaa")
    dialog.confirm.setText("aaaaaaaaaa")
    assert not dialog.submit() and "trop" in dialog.error.text()
    dialog.confirm.setText("autre chose")
    assert not dialog.submit() and "différentes" in dialog.error.text()
    dialog.passphrase.setText(STRONG)
    dialog.confirm.setText(STRONG)
    assert dialog.submit()


def test_a_second_window_on_one_folder_is_told_and_brings_the_first_forward(
    qtbot, tmp_path: Path, capsys
) -> None:
    first = claim_data_folder(tmp_path / "d", lambda question: pytest.fail(question))
    assert first is not None
    questions: list[str] = []
    with qtbot.waitSignal(first.raise_requested, timeout=5_000):
        second = claim_data_folder(tmp_path / "d", lambda q: questions.append(q) or True)
    assert second is None
    assert len(questions) == 1 and "déjà ouvert" in questions[0]
    # The command line still works beside the window.
    init = ["--data-dir", str(tmp_path / "d"), "init", "--site-code", "MSAP-X", "--site-name", "X"]
    assert main(init) == 0
    first.release()
    again = WindowLock(tmp_path / "d")
    assert again.acquire()
    again.release()
    assert not ask_first_window_to_show(tmp_path / "d")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ("disk I/O error", "support a-t-il été retiré"),
        ("unable to open database file", "inaccessible ou en lecture seule"),
        ("database is locked", "occupée"),
    ],
)
def test_a_base_that_cannot_be_opened_is_said_in_french(
    qtbot, tmp_path, monkeypatch, error, expected
) -> None:
    from sqlcipher3 import dbapi2

    from ardoiz_desk.gui.app import launcher as launcher_module

    def failing(_data_dir, _unlock):
        raise dbapi2.OperationalError(error)

    monkeypatch.setattr(launcher_module, "_open_workspace", failing)
    launcher = Launcher(tmp_path / "d", None)
    shown: list[str] = []
    launcher.show_error = shown.append
    with qtbot.waitSignal(launcher.failed, timeout=20_000):
        launcher.start()
    assert len(shown) == 1 and expected in shown[0]
    assert "Traceback" not in shown[0] and "OperationalError" not in shown[0]
    QThreadPool.globalInstance().waitForDone(10_000)


def test_opened_with_the_recovery_key_a_new_passphrase_is_chosen(qtbot, ws, monkeypatch) -> None:
    data_dir, recovery = ws.data_dir, base_key.recovery_key_text(ws.store.key)
    ws.close()
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    launcher = Launcher(data_dir, None)
    answers = {"open": Unlock(recovery_key=recovery), CREATE: Unlock(STRONG)}
    asked: list[str] = []
    launcher.ask_passphrase = lambda mode, message: asked.append(mode) or answers[mode]
    with qtbot.waitSignal(launcher.ready, timeout=30_000):
        launcher.start()
    qtbot.addWidget(launcher.window)
    assert asked == ["open", CREATE]
    _close(launcher)
    open_workspace(data_dir, unlock=Unlock(passphrase=STRONG)).close()

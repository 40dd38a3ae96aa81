"""Doublons: Enter never merges (no merging button is the default or has the first focus),
and the whole dialog speaks English in English mode, the matches column included."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton

from ardoiz_desk.gui.kit.i18n import install_translators
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    count_participants,
    register_participant,
)
from helpers.gui import open_window, press


def _twins(ws) -> None:
    for prenom, nom, phone in (
        ("Hélène", "Dupré", "04 92 61 00 00"),
        ("Helene", "DUPRE", "04 92 61 00 00"),
    ):
        register_participant(
            ws,
            ParticipantInput(
                prenom=prenom, nom=nom, annee_naissance=1948, telephone=phone, commune="Serres"
            ),
        )


def _open(qtbot, window):
    with qtbot.waitSignal(window.runner.busy_changed, check_params_cb=lambda busy: not busy):
        dialog = window.review_duplicates()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_enter_in_the_doublons_dialog_merges_nothing(qtbot, ws, dialogs) -> None:
    _twins(ws)
    window = open_window(qtbot, ws, dialogs)
    dialog = _open(qtbot, window)
    assert dialog.model.rowCount() == 1 and dialog.keep_a.isEnabled()
    merging = (dialog.keep_a, dialog.keep_b, dialog.different)
    assert not [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert not any(b.autoDefault() for b in merging)  # focused, they still take no Enter
    assert QApplication.focusWidget() is dialog.view  # read the pairs first
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        press(QApplication.focusWidget(), key)
    dialog.keep_a.setFocus()  # even on the button, Enter does not merge (Space would ask)
    press(dialog.keep_a, Qt.Key.Key_Return)
    assert dialogs.questions == [] and count_participants(ws) == 2
    window.runner.wait(10_000)


def test_the_doublons_dialog_in_english(qtbot, ws, dialogs) -> None:
    _twins(ws)
    app = QApplication.instance()
    install_translators(app, "en")
    try:
        window = open_window(qtbot, ws, dialogs)
        dialog = _open(qtbot, window)
        model = dialog.model
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        assert headers == ["Score", "Record A", "Record B", "Matches"]
        assert model.data(model.index(0, 3)) == "same name, birth year, phone, commune"
        assert dialog.windowTitle() == "Likely duplicates"
        texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        texts += [b.text() for b in dialog.findChildren(QAbstractButton)]
        assert "1 pair(s) to review." in texts and "Close" in texts
        french = ("Fusionner", "Fiche", "personnes", "doublons", "paire", "Fermer", "Concord")
        assert [t for t in texts if any(word in t for word in french)] == []
        window.runner.wait(10_000)
    finally:
        install_translators(app, "fr")
        assert QCoreApplication.translate("DuplicatesDialog", "Fiche A") == "Fiche A"

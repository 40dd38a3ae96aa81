"""The commune field completes from the official directory and fills the codes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ardoiz_desk.services.people.participants import search_participants
from helpers.gui import press, type_text


def open_new_card(window, dialogs):
    press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    return dialogs.shown[-1]


def test_typing_sis_and_picking_sisteron_fills_the_codes(qtbot, window, dialogs) -> None:
    card = open_new_card(window, dialogs)
    form = card.form
    completer = form.edits["commune"].completer() or form.commune_completer
    assert completer.model() is not None  # the model lives (it has a parent)
    type_text(form.edits["commune"], "sis")
    popup = form.commune_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    texts = [form.commune_model.item(r).text() for r in range(form.commune_model.rowCount())]
    row = next(r for r, t in enumerate(texts) if t.startswith("Sisteron (04)"))
    for _ in range(row + 1):
        press(popup, Qt.Key.Key_Down)
    press(popup, Qt.Key.Key_Return)
    assert form.edits["commune"].text() == "Sisteron"
    assert form.edits["commune_code_insee"].text() == "04209"
    assert form.edits["commune_code_postal"].text() == "04200"
    card.reject()


def test_a_postal_code_typed_lists_its_communes(qtbot, window, dialogs) -> None:
    card = open_new_card(window, dialogs)
    form = card.form
    type_text(form.edits["commune"], "05300")
    qtbot.waitUntil(form.commune_completer.popup().isVisible)
    texts = [form.commune_model.item(r).text() for r in range(form.commune_model.rowCount())]
    assert any(t.startswith("Laragne-Montéglin (05)") for t in texts)
    form._commune_chosen(next(t for t in texts if t.startswith("Laragne")))
    assert form.edits["commune_code_insee"].text() == "05070"
    assert form.edits["commune_code_postal"].text() == "05300"
    card.reject()


def test_several_postal_codes_ask_which(qtbot, window, dialogs) -> None:
    card = open_new_card(window, dialogs)
    form = card.form
    type_text(form.edits["commune"], "marseille")
    qtbot.waitUntil(form.commune_completer.popup().isVisible)
    first = form.commune_model.item(0).text()
    assert first.startswith("Marseille (13)")
    press(form.commune_completer.popup(), Qt.Key.Key_Down)
    press(form.commune_completer.popup(), Qt.Key.Key_Return)
    assert form.edits["commune_code_insee"].text() == "13055"
    assert form.edits["commune_code_postal"].text() == ""
    qtbot.waitUntil(form.postal_completer.popup().isVisible)
    assert form.postal_model.stringList()[:2] == ["13001", "13002"]
    assert "plusieurs codes postaux" in form.errors["commune_code_postal"].text()
    card.reject()


def test_a_former_commune_is_saved_as_its_current_one_with_a_note(qtbot, window, dialogs) -> None:
    card = open_new_card(window, dialogs)
    form = card.form
    type_text(form.edits["prenom"], "Lucien")
    type_text(form.edits["nom"], "Ribierois")
    type_text(form.edits["commune"], "Ribiers")
    form.commune_completer.popup().hide()
    assert "ancienne commune" in form.commune_note.text()
    assert not form.commune_note.isHidden()
    assert card.save()
    person = search_participants(window.ws, "lucien ribierois")[0]
    assert (person.commune, person.commune_code_insee, person.commune_code_postal) == (
        "Val Buëch-Méouge",
        "05118",
        "05300",
    )
    card.reject()


def test_an_insee_code_of_another_commune_is_refused_in_the_window(qtbot, window, dialogs) -> None:
    card = open_new_card(window, dialogs)
    form = card.form
    type_text(form.edits["prenom"], "Lucien")
    type_text(form.edits["nom"], "Achard")
    form.edits["commune"].setText("Ribiers")
    type_text(form.edits["commune_code_insee"], "05117")
    form.edits["commune_code_insee"].editingFinished.emit()  # its error shows once left
    assert "05117 est le code de Ribeyret" in form.errors["commune_code_insee"].text()
    assert not card.save()  # refused on saving, the message in place
    card.reject()

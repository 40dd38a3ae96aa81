"""Safe entry on the card: changes visibly marked until saved; the notice is the agent's to tick
(walk-ins included) and a card says plainly when it was not given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ardoiz_desk.services.activities.sessions import list_activities
from ardoiz_desk.services.people.participants import get_participant, search_participants
from helpers.gui import press, type_text


def _active(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def test_changes_are_marked_until_saved(qtbot, window, dialogs) -> None:
    pid = window.participants.model.id_at(0)
    card = window.open_participant(pid)
    _active(qtbot, card)
    labels = card.form.row_labels
    assert not any(label.property("changed") for label, _text in labels.values())
    assert not card.isWindowModified() and card.saved_note.text() == ""
    phone = card.form.edits["telephone"]
    phone.setFocus()
    phone.selectAll()
    type_text(phone, "04 92 00 11 22")
    label, text = labels["telephone"]
    assert label.property("changed") and label.text() == f"{text} (modifié)"
    assert label.font().bold()  # the style sheet shows it in bold
    assert [n for n, (lb, _t) in labels.items() if lb.property("changed")] == ["telephone"]
    assert card.isWindowModified() and "[*]" in card.windowTitle()
    assert card.saved_note.text() == "Modifications non enregistrées."
    press(phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_participant(window.ws, pid).telephone == "04 92 00 11 22"
    assert not label.property("changed") and label.text() == text and not label.font().bold()
    assert not card.isWindowModified() and card.saved_note.text().startswith("Enregistré")
    card.form.notice_given.setChecked(not card.form.notice_given.isChecked())
    assert labels["notice_given_on"][0].property("changed")
    card.form.notice_given.setChecked(not card.form.notice_given.isChecked())  # back as saved
    assert not labels["notice_given_on"][0].property("changed")
    assert card.saved_note.text() == "" and not card.isWindowModified()
    card.reject()
    assert dialogs.questions == []  # nothing unsaved: closed without asking


def test_a_walk_in_gets_no_notice_unless_ticked_and_the_card_says_so(
    qtbot, window, dialogs
) -> None:
    dialog = window.record_activity()
    _active(qtbot, dialog)
    picker = dialog.picker
    picker.search_edit.setFocus()
    type_text(picker.search_edit, "Zoé Zébulon")
    press(picker.search_edit, Qt.Key.Key_Return)  # no match: the short form opens
    assert picker.new_box.isVisible() and not picker.new_notice.isChecked()
    press(QApplication.focusWidget(), Qt.Key.Key_Return)  # created without the notice
    dialog.title_edit.setText("Tablette")
    press(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.error.text()
    walk_in = search_participants(window.ws, "zoe zebulon")[0]
    assert walk_in.id in list_activities(window.ws, limit=1)[0].participant_ids
    assert get_participant(window.ws, walk_in.id).notice_given_on is None  # never stamped
    card = window.open_participant(walk_in.id)
    form = card.form
    assert not form.notice_given.isChecked() and not form.notice_date.isEnabled()
    assert form.notice_missing.isVisibleTo(card) and "Pas encore remise" in (
        form.notice_missing.text()
    )
    form.notice_given.setChecked(True)  # handed over now: the agent ticks it
    assert not form.notice_missing.isVisibleTo(card)
    assert card.save()
    assert get_participant(window.ws, walk_in.id).notice_given_on == window.ws.today()
    card.reject()

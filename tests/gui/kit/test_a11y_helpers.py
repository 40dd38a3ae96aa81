"""The accessibility helpers: errors tied to their field, required fields, hidden buddies,
named cell editors (RGAA 11.1, 11.10, 11.11)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ardoiz_desk.gui.kit.a11y import hidden_label, link_error, mark_required
from ardoiz_desk.gui.kit.widgets import error_label, show_error
from helpers.gui import type_text


def test_an_error_becomes_its_fields_description_and_goes_away(qtbot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    field = QLineEdit(box)
    mark_required(field)
    label = link_error(error_label(box), field)
    assert field.accessibleDescription() == "Champ obligatoire."
    show_error(label, "Prénom : ce champ est obligatoire.")
    assert field.accessibleDescription() == (
        "Champ obligatoire. Prénom : ce champ est obligatoire."
    )
    show_error(label, None)
    assert field.accessibleDescription() == "Champ obligatoire."


def test_a_hidden_label_is_a_buddy_beside_its_field(qtbot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    layout = QHBoxLayout(box)
    combo = QComboBox()
    label = hidden_label("Filtrer par site", combo)  # before the combo has a parent
    layout.addWidget(combo)
    assert label.buddy() is combo
    assert label.parentWidget() is box
    box.show()
    assert not label.isVisible()


def test_card_fields_carry_required_state_and_errors(qtbot, window) -> None:
    card = window.new_participant()
    first = card.form.edits["prenom"]
    assert "obligatoire" in first.accessibleDescription().lower()
    type_text(first, "x")
    first.clear()
    first.editingFinished.emit()  # errors show once the field is left
    assert card.form.errors["prenom"].isVisibleTo(card)
    assert card.form.errors["prenom"].text() in first.accessibleDescription()
    assert "RGPD" in card.form.notes.accessibleDescription()
    notes_labels = [lbl for lbl in card.form.findChildren(QLabel) if lbl.buddy() is card.form.notes]
    assert notes_labels


def test_attendance_editors_are_named_after_their_column(qtbot, window) -> None:
    dialog = window.record_activity()
    type_text(dialog.picker.search_edit, window.participants.model.index(0, 0).data())
    assert dialog.picker.pick_current()
    view = dialog.attendance_view
    model = view.model()
    for column in (2, 3, 4, 5):
        index = model.index(0, column)
        view.setCurrentIndex(index)
        view.edit(index)
        editors = [
            w
            for w in view.viewport().findChildren(QWidget)
            if w.isVisible()
            and isinstance(w, (QComboBox, QLineEdit, QDateEdit))
            and w.parentWidget() is view.viewport()
        ]
        assert len(editors) == 1
        editor = editors[0]
        header = model.headerData(column, Qt.Orientation.Horizontal)
        assert editor.accessibleName() == header
        if isinstance(editor, QComboBox):
            assert [
                lbl for lbl in editor.parentWidget().findChildren(QLabel) if lbl.buddy() is editor
            ]
        view.commitData(editor)
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

"""Who was present at an activity: an editable table of attendees and its cell editors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.a11y import NamedEditorDelegate
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.table_model import fr_date
from ardoiz_desk.services.activities.sessions import AttendeeInput

Index = QModelIndex | QPersistentModelIndex
NAME, FIRST, AUTONOMY, NOTE, NEXT, REASON = range(6)


@dataclass
class Attendee:
    """One person present, as edited in the dialog (mutable until the activity is saved)."""

    participant_id: str
    name: str
    premiere_fois: bool = False
    autonomie: str | None = None
    note: str = ""
    next_appointment: dt.date | None = None
    next_reason: str = ""

    def as_input(self) -> AttendeeInput:
        """The service's input for this attendee."""
        return AttendeeInput(
            self.participant_id,
            self.premiere_fois,
            self.note,
            self.autonomie,
            self.next_appointment,
            self.next_reason,
        )


class AttendanceModel(QAbstractTableModel):
    """The attendees; every column but the name is editable."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Attendee] = []
        self._autonomies = voc.autonomies()
        self._headers = (
            translate("AttendanceModel", "Participant"),
            translate("AttendanceModel", "1re fois"),
            translate("AttendanceModel", "Autonomie observée"),
            translate("AttendanceModel", "Note"),
            translate("AttendanceModel", "Prochain rendez-vous"),
            translate("AttendanceModel", "Motif du rendez-vous"),
        )

    def add(self, attendee: Attendee) -> bool:
        """Add a person (once); return False if already present."""
        if any(a.participant_id == attendee.participant_id for a in self.rows):
            return False
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(attendee)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        """Remove the person at a row."""
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def clear(self) -> None:
        """Remove everyone."""
        self.beginResetModel()
        self.rows = []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == FIRST:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() != NAME:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == FIRST:
            return Qt.CheckState.Checked if a.premiere_fois else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(a, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, column)
        return None

    def _edit_value(self, a: Attendee, column: int):
        if column == NEXT:
            day = a.next_appointment
            return QDate(day.year, day.month, day.day) if day else None
        return {AUTONOMY: a.autonomie, NOTE: a.note, REASON: a.next_reason}.get(column)

    def _display(self, a: Attendee, column: int):
        if column == NAME:
            return a.name
        if column == AUTONOMY:
            return voc.label(self._autonomies, a.autonomie, "—")
        if column == NOTE:
            return a.note
        if column == NEXT:
            return fr_date(a.next_appointment) or "—"
        if column == REASON:
            return a.next_reason
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        a = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == FIRST:
            a.premiere_fois = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == AUTONOMY:
            a.autonomie = value or None
        elif column == NOTE:
            a.note = str(value or "")
        elif column == NEXT:
            a.next_appointment = _as_date(value)
        elif column == REASON:
            a.next_reason = str(value or "")
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def inputs(self) -> list[AttendeeInput]:
        """The attendees as the service expects them."""
        return [a.as_input() for a in self.rows]


def _as_date(value) -> dt.date | None:
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    if isinstance(value, dt.date):
        return value
    return None


class AttendanceDelegate(NamedEditorDelegate):
    """A combo for the observed autonomy, a calendar for the next appointment; every editor
    is named after its column for screen readers."""

    def __init__(self, default_next: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.default_next = default_next

    def createEditor(self, parent, option, index):
        if index.column() == AUTONOMY:
            combo = QComboBox(parent)
            combo.addItem("—", None)
            for code, text in voc.autonomies().items():
                combo.addItem(text, code)
            return self.named(combo, index)
        if index.column() == NEXT:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("dd/MM/yyyy")
            return self.named(editor, index)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            i = editor.findData(value)
            editor.setCurrentIndex(max(i, 0))
        elif isinstance(editor, QDateEdit):
            d = self.default_next
            editor.setDate(value if isinstance(value, QDate) else QDate(d.year, d.month, d.day))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date())
        else:
            super().setModelData(editor, model, index)

"""A date field that takes a typed date whole: « 30/09/2026 » after Ctrl+A gives 30/09/2026.

A ``QDateEdit`` edits one section at a time and refuses a day the current month lacks, so a
date typed over a full selection comes out wrong (01/09 for 30/09). This field is a line
edit with a dd/mm/yyyy mask (the slashes may be typed or not) beside a calendar button; the
date is read when it is complete and valid, and a wrong one is put back on leaving.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

DATE_FORMAT = "dd/MM/yyyy"


def tr(text: str) -> str:
    """Translate a string of the date field."""
    return QCoreApplication.translate("DateField", text)


def qdate(day: dt.date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


class DateField(QWidget):
    """dd/mm/yyyy typed or picked; ``dateChanged`` fires for each complete, valid date."""

    dateChanged = Signal(QDate)

    def __init__(self, day: dt.date | QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setInputMask("00/00/0000")
        self.edit.setPlaceholderText(tr("jj/mm/aaaa"))
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._left)
        self.button = QToolButton()
        self.button.setText("…")
        self.button.setToolTip(tr("Choisir dans le calendrier"))
        self.button.setAccessibleName(tr("Calendrier"))
        self.button.clicked.connect(self._pick)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.calendar: QCalendarWidget | None = None
        self._date = QDate.currentDate()
        self.setDate(qdate(day) if isinstance(day, dt.date) else (day or QDate.currentDate()))

    def setAccessibleName(self, name: str) -> None:
        """Name the line edit, which a screen reader reaches."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def date(self) -> QDate:
        """The last complete, valid date."""
        return QDate(self._date)

    def setDate(self, day: QDate) -> None:
        """Show a date (and announce it if it changed)."""
        if not day.isValid():
            return
        self.edit.setText(day.toString(DATE_FORMAT))
        self._set(day)

    def value(self) -> dt.date:
        """The date as a Python date."""
        return self._date.toPython()

    def _set(self, day: QDate) -> None:
        if day != self._date:
            self._date = QDate(day)
            self.dateChanged.emit(QDate(day))

    def _typed(self, text: str) -> None:
        day = QDate.fromString(text, DATE_FORMAT)
        if day.isValid():
            self._set(day)

    def _left(self) -> None:
        """Leaving with an incomplete or impossible date puts the last good one back."""
        if not QDate.fromString(self.edit.text(), DATE_FORMAT).isValid():
            self.edit.setText(self._date.toString(DATE_FORMAT))

    def _pick(self) -> None:
        calendar = QCalendarWidget(self.window())
        calendar.setWindowFlag(Qt.WindowType.Popup)
        calendar.setSelectedDate(self._date)
        calendar.clicked.connect(lambda day: (self.setDate(day), calendar.close()))
        calendar.activated.connect(lambda day: (self.setDate(day), calendar.close()))
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus()

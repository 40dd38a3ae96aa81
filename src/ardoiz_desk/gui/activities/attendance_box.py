"""Who was present: the attendee search above the list of those present (the dialog's
« Présents » group). Each one's autonomy, note and next appointment are edited in the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.activities.attendance import AttendanceDelegate, AttendanceModel, Attendee
from ardoiz_desk.gui.activities.picker import AttendeePicker, Candidate
from ardoiz_desk.gui.kit.a11y import release_tab
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.widgets import hint


class AttendanceBox(QGroupBox):
    """The picker, the list of those present, their count and « Retirer »."""

    def __init__(
        self,
        picker: AttendeePicker,
        model: AttendanceModel,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("RecordActivityDialog", "Présents"), parent)
        self.picker = picker
        self.model = model
        layout = QVBoxLayout(self)
        layout.addWidget(picker)
        self.view = release_tab(QTableView())
        self.view.setModel(model)
        self.view.setAccessibleName(translate("RecordActivityDialog", "Liste des présents"))
        next_day = today + dt.timedelta(days=14)
        self.view.setItemDelegate(AttendanceDelegate(next_day, self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 70, 200, 220, 150)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.count_hint = hint("")
        row.addWidget(self.count_hint, 1)
        remove = QPushButton(translate("RecordActivityDialog", "Retirer la personne sélectionnée"))
        remove.clicked.connect(self.remove_selected)
        row.addWidget(remove)
        layout.addLayout(row)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.view,
            self.remove_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.update_count()

    def add(self, candidate: Candidate) -> None:
        """Add a person picked in the search (once)."""
        self.model.add(Attendee(candidate.id, candidate.name, candidate.first_time))
        self.view.scrollToBottom()
        self.update_count()

    def remove_selected(self) -> None:
        """Remove the selected attendee."""
        self.model.remove(self.view.currentIndex().row())
        self.update_count()

    def update_count(self) -> None:
        """Say how many are present, and how to note their autonomy."""
        self.count_hint.setText(
            translate(
                "RecordActivityDialog",
                "{n} présent(s). Double-clic ou F2 pour noter "
                "l'autonomie, une note ou un prochain rendez-vous.",
            ).format(n=self.model.rowCount())
        )

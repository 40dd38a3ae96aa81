"""The Suivis pane: who needs to be seen again (overdue, and this week)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ardoiz_desk.gui.followups.model import followup_model
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Operations, follow
from ardoiz_desk.gui.kit.widgets import heading, hint
from ardoiz_desk.gui.participants.journey import table
from ardoiz_desk.services.people.followups import FollowUpView, followups_due, mark_followup_done
from ardoiz_desk.services.workspace import Workspace

WITHIN_DAYS = 7


class FollowUpsPane(QWidget):
    """Overdue follow-ups first, then those due within a week; mark done, open the card."""

    open_requested = Signal(str)

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("FollowUpsPane", "Suivis à faire")))
        layout.addWidget(
            hint(
                translate(
                    "FollowUpsPane",
                    "Les rendez-vous en retard (en rouge) et ceux des 7 prochains jours. "
                    "Entrée ouvre la fiche ; Ctrl+D marque le suivi comme fait.",
                )
            )
        )
        self.model = followup_model(self)
        self.view = table(self.model, translate("FollowUpsPane", "Liste des suivis"), stretch=2)
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.summary = QLabel()
        row.addWidget(self.summary, 1)
        self.open_button = QPushButton(translate("FollowUpsPane", "Ouvrir la fiche"))
        self.open_button.clicked.connect(self.open_selected)
        self.done_button = QPushButton(translate("FollowUpsPane", "Marquer comme fait"))
        self.done_button.setToolTip(translate("FollowUpsPane", "Ctrl+D"))
        QShortcut(
            QKeySequence("Ctrl+D"),
            self,
            self.mark_selected_done,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.done_button.clicked.connect(self.mark_selected_done)
        row.addWidget(self.open_button)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        # « Marquer fait » can be taken back: the last one, until another is marked.
        undo_row = QHBoxLayout()
        self.undo_note = QLabel("")
        self.undo_button = QPushButton(translate("FollowUpsPane", "Annuler"))
        self.undo_button.setObjectName("undoDone")
        self.undo_button.setToolTip(translate("FollowUpsPane", "Ctrl+Z"))
        self.undo_button.clicked.connect(self.undo_done)
        QShortcut(
            QKeySequence.StandardKey.Undo,
            self,
            self.undo_done,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        undo_row.addWidget(self.undo_note, 1)
        undo_row.addWidget(self.undo_button)
        layout.addLayout(undo_row)
        self._last_done: FollowUpView | None = None
        self._show_undo(None)
        # Names are shown beside each follow-up: a renamed participant is renamed here too.
        follow(
            ops.hub, self, Change.FOLLOWUPS | Change.PARTICIPANTS, lambda _change: self.refresh()
        )

    def refresh(self) -> None:
        """Reload the follow-ups due."""
        items = followups_due(self.ws, within_days=WITHIN_DAYS)
        self.model.set_items(items)
        overdue = sum(1 for f in items if f.overdue)
        if items:
            text = translate("FollowUpsPane", "{n} suivi(s) à faire, dont {late} en retard.")
        else:
            text = translate("FollowUpsPane", "Aucun suivi en retard ni prévu cette semaine.")
        self.summary.setText(text.format(n=len(items), late=overdue))
        if items:
            self.view.selectRow(0)

    def selected(self) -> FollowUpView | None:
        """The selected follow-up."""
        return self.model.item(self.view.currentIndex().row())

    def open_selected(self) -> None:
        """Open the selected follow-up's participant."""
        item = self.selected()
        if item:
            self.open_requested.emit(item.participant_id)

    def mark_selected_done(self) -> None:
        """Mark the selected follow-up done and take it off the list."""
        item = self.selected()
        if item is None:
            return
        row = self.view.currentIndex().row()
        mark_followup_done(self.ws, item.id)
        self._show_undo(item)
        self.refresh()
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))
        self.ops.announce(Change.FOLLOWUPS, [item.participant_id], origin=self)

    def _show_undo(self, item: FollowUpView | None) -> None:
        self._last_done = item
        self.undo_note.setText(
            translate("FollowUpsPane", "Suivi de {name} marqué fait.").format(
                name=item.participant_name
            )
            if item
            else ""
        )
        self.undo_note.setVisible(item is not None)
        self.undo_button.setVisible(item is not None)

    def undo_done(self) -> None:
        """Take back the last « marquer fait »: the follow-up is due again."""
        item = self._last_done
        if item is None:
            return
        mark_followup_done(self.ws, item.id, done=False)
        self._show_undo(None)
        self.refresh()
        row = next(
            (r for r in range(self.model.rowCount()) if self.model.item(r).id == item.id), None
        )
        if row is not None:
            self.view.selectRow(row)
        self.ops.announce(Change.FOLLOWUPS, [item.participant_id], origin=self)

    def focus_list(self) -> None:
        """Put the keyboard in the list, a row selected: Enter opens the person."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

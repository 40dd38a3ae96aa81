"""The participant card: identity, journey across the three stages, follow-ups."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit.a11y import no_focus
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Operations
from ardoiz_desk.gui.kit.screen import Reflow, fit_to_screen, scrolling
from ardoiz_desk.gui.kit.tasks import user_message
from ardoiz_desk.gui.kit.widgets import error_label, heading, no_default_buttons, show_error
from ardoiz_desk.gui.participants.form import ParticipantForm
from ardoiz_desk.gui.participants.journey import FollowUpsTab, JourneyTab
from ardoiz_desk.gui.participants.rights import RightsBar
from ardoiz_desk.services.activities.sessions import participant_journey
from ardoiz_desk.services.people.followups import add_followup, followups_due, mark_followup_done
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    commune_note,
    get_participant,
    register_participant,
    update_participant,
    validate_participant,
)
from ardoiz_desk.services.sites.sites import list_sites, this_site
from ardoiz_desk.services.validation import NotFoundError, ValidationError
from ardoiz_desk.services.workspace import Workspace

log = logging.getLogger(__name__)


class ParticipantCard(QDialog):
    """Create or edit one participant; asks before throwing away unsaved changes."""

    saved = Signal(str)  # participant id
    followups_changed = Signal(str)
    erased = Signal(str)

    def __init__(
        self,
        ws: Workspace,
        participant_id: str | None,
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self.dialogs = ops.dialogs
        self.participant_id = participant_id
        self._initial: ParticipantInput | None = None
        self.setObjectName("participantCard")
        self.form = ParticipantForm(list_sites(ws), ws.today())
        self.form.changed.connect(self.validate)
        self._build()
        self.load()
        fit_to_screen(self, 1220, 740)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        scroll = no_focus(QScrollArea())
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(460)
        self.form_scroll = scroll
        self.tabs = QTabWidget()
        self.journey = JourneyTab()
        self.followups = FollowUpsTab(self.ws.today())
        self.followups.add_button.clicked.connect(self.plan_followup)
        self.followups.reason.returnPressed.connect(self.plan_followup)
        self.followups.done_button.clicked.connect(self.mark_selected_done)
        self.tabs.addTab(self.journey, translate("ParticipantCard", "Parcours"))
        self.tabs.addTab(self.followups, translate("ParticipantCard", "Suivis"))
        # The form beside the journey when both fit at full width; with large text or a
        # small screen the journey goes below and the form is never squeezed.
        middle = Reflow(
            [(scroll, 5, self._form_width), (self.tabs, 6, lambda: 360)],
            stacked=self._columns_stacked,
        )
        self.columns = middle
        # On a small screen or with large text the two columns scroll; the buttons stay.
        layout.addWidget(no_focus(scrolling(middle)), 1)
        self.summary_error = error_label()
        layout.addWidget(self.summary_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(translate("ParticipantCard", "Enregistrer"))
        self.save_button.setToolTip(translate("ParticipantCard", "Ctrl+S"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("ParticipantCard", "Fermer")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.rights = RightsBar(self.ws, self.dialogs)
        self.rights.erased.connect(self._erased)
        bottom = QHBoxLayout()
        bottom.addWidget(self.rights)
        bottom.addStretch(1)
        self.saved_note = QLabel("")
        self.saved_note.setObjectName("savedNote")
        bottom.addWidget(self.saved_note)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def _form_width(self) -> int:
        """What the form needs to show whole in width (its scroll bar included)."""
        bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        return self.form.minimumSizeHint().width() + bar + 2 * self.form_scroll.frameWidth()

    def _columns_stacked(self, stacked: bool) -> None:
        # Stacked, the card scrolls as a whole: the form shows all its rows, no inner scroll.
        height = self.form.minimumSizeHint().height() + 2 * self.form_scroll.frameWidth()
        self.form_scroll.setMinimumHeight(height if stacked else 0)
        self.tabs.setMinimumHeight(320 if stacked else 0)

    def load(self) -> None:
        """Fill the card from the base (or empty for a new participant)."""
        view = get_participant(self.ws, self.participant_id) if self.participant_id else None
        site = this_site(self.ws)
        self._initial = None
        self.form.set_value(view, site.id if site else None)
        self._initial = self.form.value()
        self._set_title(view.display_name if view else None)
        self.rights.set_person(
            view.id if view else None, view.display_name if view else "", bool(view and view.erased)
        )
        self.tabs.setEnabled(view is not None)
        self.reload_side()
        self.validate()
        # Read first, edit on purpose: a saved card opens with no field taking keystrokes.
        if view is None:
            self.form.edits["prenom"].setFocus()
        else:
            self.tabs.setFocus()

    def _set_title(self, name: str | None) -> None:
        text = name or translate("ParticipantCard", "Nouveau participant")
        self.title.setText(text)
        # « [*] »: Qt shows an asterisk in the title while there are unsaved changes.
        self.setWindowTitle(
            translate("ParticipantCard", "Fiche participant — {name}").format(name=text) + "[*]"
        )

    def reload_side(self) -> None:
        """Re-read the journey and the follow-ups."""
        if not self.participant_id:
            return
        self.journey.set_steps(participant_journey(self.ws, self.participant_id))
        self.followups.model.set_items(
            followups_due(self.ws, participant_id=self.participant_id, include_done=True)
        )

    @property
    def dirty(self) -> bool:
        """True when the form differs from what the base holds."""
        return self._initial is not None and self.form.value() != self._initial

    def validate(self, everything: bool = False) -> bool:
        """Check the form; show French messages for the fields left (all of them on saving)."""
        self.save_button.setEnabled(self.dirty or self.participant_id is None)
        self._mark_changes()
        try:
            validate_participant(self.form.value(), self.ws.today())
        except ValidationError as exc:
            self.form.show_errors(exc.errors, everything)
            if everything:
                field = self.form.first_error_field(exc.errors)
                if field is not None:
                    field.setFocus()
            return False
        self.form.show_errors({})
        note = commune_note(self.form.value())
        self.form.show_commune_note(note[0] if note else None)
        return True

    def _mark_changes(self) -> None:
        """Show what differs from the base: marked labels, a note beside the buttons."""
        if not hasattr(self, "saved_note"):
            return  # still building
        changed = (
            self.form.changed_fields(self._initial)
            if self._initial is not None and self.participant_id
            else set()
        )
        self.form.mark_changed(changed)
        self.setWindowModified(bool(changed))
        unsaved = translate("ParticipantCard", "Modifications non enregistrées.")
        if changed:
            self.saved_note.setText(unsaved)
        elif self.saved_note.text() == unsaved:
            self.saved_note.setText("")

    def save(self) -> bool:
        """Save the participant; return True on success."""
        if not self.validate(everything=True):
            return False
        data: ParticipantInput = self.form.value()
        try:
            if self.participant_id:
                view = update_participant(
                    self.ws, self.participant_id, data, based_on=self._initial
                )
            else:
                view = register_participant(self.ws, data)
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return False
        except NotFoundError as exc:
            show_error(self.summary_error, str(exc))
            return False
        except Exception as exc:  # a full disk, a locked base: the form keeps what was typed
            log.exception("saving a participant failed")
            show_error(self.summary_error, user_message(exc))
            return False
        self.participant_id = view.id
        self._initial = None
        self.form.set_value(view, view.site_id)  # what the base holds now, imports included
        self._initial = self.form.value()
        self._set_title(view.display_name)
        self.rights.set_person(view.id, view.display_name, view.erased)
        self.tabs.setEnabled(True)
        self.validate()
        self.saved_note.setText(
            translate("ParticipantCard", "Enregistré à {time}.").format(
                time=dt.datetime.now().strftime("%H:%M")
            )
        )
        self.saved.emit(view.id)
        self.ops.announce(Change.PARTICIPANTS, [view.id])
        return True

    def _erased(self, participant_id: str) -> None:
        self._initial = None  # nothing left to save: close without asking
        self.erased.emit(participant_id)
        self.ops.announce(Change.PARTICIPANTS | Change.FOLLOWUPS, [participant_id])
        self.done(QDialog.DialogCode.Rejected)

    def plan_followup(self) -> None:
        """Add a follow-up from the Suivis tab."""
        if not self.participant_id:
            return
        due = self.followups.due.date().toPython()
        try:
            add_followup(self.ws, self.participant_id, due, self.followups.reason.text())
        except ValidationError as exc:
            show_error(self.summary_error, str(exc))
            return
        self.followups.reason.clear()
        self.reload_side()
        self.followups_changed.emit(self.participant_id)
        self.ops.announce(Change.FOLLOWUPS, [self.participant_id])

    def mark_selected_done(self) -> None:
        """Mark the selected follow-up done."""
        item = self.followups.selected()
        if item is None or item.done:
            return
        mark_followup_done(self.ws, item.id)
        self.reload_side()
        self.followups_changed.emit(self.participant_id or "")
        self.ops.announce(Change.FOLLOWUPS, [self.participant_id or ""])

    def may_close(self) -> bool:
        """Return True if nothing is unsaved, or the agent agrees to drop the changes."""
        return not self.dirty or self.dialogs.ask(
            self,
            translate("ParticipantCard", "Modifications non enregistrées"),
            translate(
                "ParticipantCard",
                "Les modifications de cette fiche ne sont pas enregistrées.\n"
                "Fermer quand même et les abandonner ?",
            ),
        )

    def reject(self) -> None:
        """Close (Escape, Fermer), asking first if changes would be lost."""
        if self.may_close():
            self._initial = self.form.value()
            super().reject()

    def closeEvent(self, event) -> None:
        if self.may_close():
            self._initial = self.form.value()
            event.accept()
        else:
            event.ignore()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # QDialogButtonBox makes its accept button the default when shown: undo that.
        no_default_buttons(self)
        for edit in self.form.edits.values():
            edit.deselect()

"""Record an activity: a workshop with its attendance, a hands-on session, an agents' training.

Built for the keyboard: sensible defaults, Alt+letter to reach each field, the attendee
search takes the focus, Enter adds the highlighted person, Ctrl+Enter saves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.activities.activity_fields import GeneralFields, ThemesBox, TrainedAgentsBox
from ardoiz_desk.gui.activities.attendance import AttendanceModel, Attendee
from ardoiz_desk.gui.activities.attendance_box import AttendanceBox
from ardoiz_desk.gui.activities.lacoop_fields import LaCoopDetails
from ardoiz_desk.gui.activities.picker import AttendeePicker, Candidate, CandidateSearch
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Operations
from ardoiz_desk.gui.kit.screen import Reflow, fit_to_screen, scrolling
from ardoiz_desk.gui.kit.tasks import user_message
from ardoiz_desk.gui.kit.widgets import (
    error_label,
    heading,
    hint,
    no_default_buttons,
    select_code,
    show_error,
)
from ardoiz_desk.services.activities.corrections import (
    activity_input,
    attendee_names,
    delete_activity,
    update_activity,
)
from ardoiz_desk.services.activities.sessions import ActivityInput, record_activity
from ardoiz_desk.services.validation import NotFoundError, ValidationError
from ardoiz_desk.services.vocabulary import ADMINISTRATIVE_THEME
from ardoiz_desk.services.workspace import Workspace

log = logging.getLogger(__name__)


class RecordActivityDialog(QDialog):
    """The CRA form (La Coop's 'compte rendu d'activité') with attendance."""

    recorded = Signal(object)  # ActivityView (recorded or corrected)
    deleted = Signal(str, list)  # activity id, ids of the participants who were present
    participant_created = Signal(str)

    def __init__(
        self,
        ws: Workspace,
        search: CandidateSearch,
        ops: Operations,
        parent: QWidget | None = None,
        activity_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self.dialogs = ops.dialogs
        self.activity_id = activity_id
        self._based_on: ActivityInput | None = None
        # The pane that opened the dialog patches its own list: it is not asked to reload.
        self.origin: object | None = None
        self.setObjectName("recordActivityDialog")
        self.setWindowTitle(translate("RecordActivityDialog", "Enregistrer une activité"))
        self.attendance = AttendanceModel(self)
        outer = QVBoxLayout(self)
        # The form scrolls on a small screen; the error and the buttons stay in view below.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading_label = heading(translate("RecordActivityDialog", "Enregistrer une activité"))
        layout.addWidget(self.heading_label)
        self.general = GeneralFields(ws)
        general = self.general  # its fields are the dialog's own, by their names
        self.kind, self.date, self.duration = general.kind, general.date, general.duration
        self.custom_minutes, self.place, self.site = (
            general.custom_minutes,
            general.place,
            general.site,
        )
        self.agent, self.title_edit = general.agent, general.title_edit
        self.level, self.anonymous = general.level, general.anonymous
        themes = ThemesBox()
        self.themes, self.materiel = themes.themes, themes.materiel
        # Side by side when they fit; with large text the themes go below the form.
        self.columns = Reflow([(general, 1, None), (themes, 1, None)])
        layout.addWidget(self.columns)
        self.details = LaCoopDetails()
        layout.addWidget(self.details)
        self.picker = AttendeePicker(ws, search, lambda: self.site.currentData())
        self.picker.picked.connect(self.add_attendee)
        self.picker.created.connect(self._participant_created)
        layout.addWidget(self._attendance_box(), 1)
        layout.addWidget(self._agents_box(), 1)
        layout.addWidget(self._notes())
        self.body_scroll = scrolling(body)
        outer.addWidget(self.body_scroll, 1)
        self.error = error_label()
        outer.addWidget(self.error)
        outer.addWidget(self._buttons())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.place.currentIndexChanged.connect(self._details_changed)
        self.themes[ADMINISTRATIVE_THEME].toggled.connect(self._details_changed)
        self.anonymous.valueChanged.connect(self._details_changed)
        self._kind_changed()
        fit_to_screen(self, 1100, 820)
        self.picker.search_edit.setFocus()
        if activity_id is not None:
            self.load(activity_id)

    def _attendance_box(self) -> AttendanceBox:
        box = AttendanceBox(self.picker, self.attendance, self.ws.today())
        self.attendance_box, self.attendance_view = box, box.view
        self.count_hint = box.count_hint
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.picker.show_new_form)
        return box

    def _agents_box(self) -> TrainedAgentsBox:
        self.agents_box = TrainedAgentsBox(self.ws)
        self.trained = self.agents_box.trained
        return self.agents_box

    def _notes(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            hint(
                translate(
                    "RecordActivityDialog",
                    "Notes (RGPD : aucune information de santé ni de situation sociale).",
                )
            )
        )
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(translate("RecordActivityDialog", "Notes de l'activité"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        layout.addWidget(self.notes)
        return box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(translate("RecordActivityDialog", "Enregistrer"))
        self.save_button.setToolTip(translate("RecordActivityDialog", "Ctrl+Entrée"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("RecordActivityDialog", "Annuler")
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.delete_button = buttons.addButton(
            translate("RecordActivityDialog", "Supprimer l'activité…"),
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(self.activity_id is not None)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        return buttons

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        for widget in (self.title_edit, self.level, self.anonymous):
            widget.setEnabled(kind == "collectif")
        self.attendance_box.setVisible(kind != "formation")
        self.agents_box.setVisible(kind == "formation")
        preset = {"collectif": 120, "individuel": 30, "formation": 120}[kind]
        select_code(self.duration, preset)
        self._details_changed()

    def _procedure(self) -> bool:
        return self.themes[ADMINISTRATIVE_THEME].isChecked()

    def _details_changed(self) -> None:
        self.details.update_for(
            self.kind.currentData(),
            self.place.currentData(),
            self._procedure(),
            self.anonymous.value(),
        )

    def _participant_created(self, participant_id: str) -> None:
        self.participant_created.emit(participant_id)
        self.ops.announce(Change.PARTICIPANTS, [participant_id])

    def add_attendee(self, candidate: Candidate) -> None:
        """Add a person picked in the search (once)."""
        self.attendance_box.add(candidate)

    def remove_selected(self) -> None:
        """Remove the selected attendee."""
        self.attendance_box.remove_selected()

    def minutes(self) -> int:
        """The chosen duration in minutes."""
        return self.general.minutes()

    def value(self) -> ActivityInput:
        """What the form holds, as the service's input."""
        kind = self.kind.currentData()
        details = self.details.values(kind, self.place.currentData(), self._procedure())
        extra_themes = details.pop("extra_themes")
        return ActivityInput(
            kind=kind,
            date=self.date.date().toPython(),
            duree_minutes=self.minutes(),
            thematiques=[c for c, box in self.themes.items() if box.isChecked()] + extra_themes,
            materiel=[c for c, box in self.materiel.items() if box.isChecked()],
            type_lieu=self.place.currentData(),
            site_id=self.site.currentData(),
            agent_id=self.agent.currentData(),
            titre_atelier=self.title_edit.text() if kind == "collectif" else "",
            niveau=self.level.currentData() if kind == "collectif" else None,
            notes=self.notes.toPlainText(),
            participants_anonymes=self.anonymous.value() if kind == "collectif" else 0,
            attendees=self.attendance.inputs() if kind != "formation" else (),
            trained_agent_ids=[a for a, box in self.trained.items() if box.isChecked()]
            if kind == "formation"
            else (),
            **details,
        )

    def save(self) -> None:
        """Record the activity; on success close and report it."""
        try:
            if self.activity_id is None:
                view = record_activity(self.ws, self.value())
            else:
                view = update_activity(
                    self.ws, self.activity_id, self.value(), based_on=self._based_on
                )
        except ValidationError as exc:
            show_error(self.error, "\n".join(exc.errors.values()))
            return
        except NotFoundError as exc:
            show_error(self.error, str(exc))
            return
        except Exception as exc:  # a full disk, a locked base: the dialog keeps everything
            log.exception("recording an activity failed")
            show_error(self.error, user_message(exc))
            return
        self.recorded.emit(view)
        people = self.touched_participants()
        what = Change.ACTIVITIES | Change.FOLLOWUPS | Change.AGENTS
        if people:  # their stage and last visit changed
            what |= Change.PARTICIPANTS
        self.ops.announce(what, people, origin=self.origin)
        self.accept()

    def _has_input(self) -> bool:
        """True when closing would lose something the agent typed or picked."""
        if self._based_on is not None:
            return self.value() != self._based_on
        typed = self.notes.toPlainText().strip() or self.title_edit.text().strip()
        return bool(self.attendance.rowCount() or typed)

    def load(self, activity_id: str) -> None:
        """Show a recorded activity to correct it (its attendance, durations, themes, notes)."""
        data = activity_input(self.ws, activity_id)
        self.activity_id = activity_id
        title = translate("RecordActivityDialog", "Modifier l'activité")
        self.setWindowTitle(title)
        self.heading_label.setText(title)
        select_code(self.kind, data.kind)
        self.date.setDate(QDate(data.date.year, data.date.month, data.date.day))
        self.general.set_minutes(data.duree_minutes)
        select_code(self.place, data.type_lieu)
        select_code(self.site, data.site_id)
        select_code(self.agent, data.agent_id)
        self.title_edit.setText(data.titre_atelier)
        select_code(self.level, data.niveau)
        self.anonymous.setValue(data.participants_anonymes)
        for code, box in self.themes.items():
            box.setChecked(code in data.thematiques)
        for code, box in self.materiel.items():
            box.setChecked(code in data.materiel)
        self.details.load(data)
        self.notes.setPlainText(data.notes)
        names = attendee_names(self.ws, [a.participant_id for a in data.attendees])
        self.attendance.clear()
        for a in data.attendees:
            self.attendance.add(
                Attendee(
                    a.participant_id,
                    names.get(a.participant_id, a.participant_id),
                    a.premiere_fois,
                    a.autonomie,
                    a.note,
                )
            )
        for agent_id, box in self.trained.items():
            box.setChecked(agent_id in data.trained_agent_ids)
        self.attendance_box.update_count()
        self.delete_button.setVisible(True)
        self.save_button.setText(translate("RecordActivityDialog", "Enregistrer les corrections"))
        self._based_on = self.value()

    def touched_participants(self) -> list[str]:
        """The participants present before the correction or after it (their journeys)."""
        before = [a.participant_id for a in self._based_on.attendees] if self._based_on else []
        return sorted({*before, *(a.participant_id for a in self.attendance.inputs())})

    def delete(self) -> None:
        """Delete the activity opened, after asking (a tombstone that travels in bundles)."""
        if self.activity_id is None or not self.dialogs.ask(
            self,
            translate("RecordActivityDialog", "Supprimer cette activité ?"),
            translate(
                "RecordActivityDialog",
                "L'activité et sa liste de présents seront supprimées, sur ce poste et sur "
                "les autres sites après l'échange des paquets.\nSupprimer quand même ?",
            ),
        ):
            return
        try:
            present = delete_activity(self.ws, self.activity_id)
        except Exception as exc:  # a full disk, a locked base: nothing was deleted
            log.exception("deleting an activity failed")
            show_error(self.error, user_message(exc))
            return
        self.deleted.emit(self.activity_id, present)
        self.ops.announce(
            Change.ACTIVITIES | Change.PARTICIPANTS | Change.FOLLOWUPS | Change.AGENTS,
            present,
            origin=self.origin,
        )
        self._based_on = None
        QDialog.accept(self)

    def reject(self) -> None:
        """Cancel, asking first when attendees, a title or notes would be lost."""
        if self.activity_id is not None and self._has_input():
            if not self.dialogs.ask(
                self,
                translate("RecordActivityDialog", "Abandonner les corrections ?"),
                translate(
                    "RecordActivityDialog",
                    "Les corrections de cette activité ne sont pas enregistrées.\n"
                    "Abandonner quand même ?",
                ),
            ):
                return
            super().reject()
            return
        if (
            self.activity_id is None
            and self._has_input()
            and not self.dialogs.ask(
                self,
                translate("RecordActivityDialog", "Abandonner cette activité ?"),
                translate(
                    "RecordActivityDialog",
                    "L'activité et sa liste de présents ne sont pas enregistrées.\n"
                    "Abandonner quand même ?",
                ),
            )
        ):
            return
        super().reject()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # QDialogButtonBox makes its accept button the default when shown: undo that.
        no_default_buttons(self)
        # Where the form is taller than the screen (large text), the search for attendees,
        # which has the keyboard, is scrolled into view: names typed are seen.
        QTimer.singleShot(0, self._show_focus)

    def _show_focus(self) -> None:
        focus = self.focusWidget()
        if focus is not None and self.body_scroll.isAncestorOf(focus):
            self.body_scroll.ensureWidgetVisible(focus)

"""Record an activity: a workshop with its attendance, a hands-on session, an agents' training.

Built for the keyboard: sensible defaults, Alt+letter to reach each field, the attendee
search takes the focus, Enter adds the highlighted person, Ctrl+Enter saves.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.activities.attendance import AttendanceDelegate, AttendanceModel, Attendee
from ardoiz_desk.gui.activities.lacoop_fields import LaCoopDetails
from ardoiz_desk.gui.activities.picker import AttendeePicker, Candidate, CandidateSearch
from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.a11y import release_tab
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Operations
from ardoiz_desk.gui.kit.screen import Reflow, fit_to_screen, scrolling
from ardoiz_desk.gui.kit.table_model import duration
from ardoiz_desk.gui.kit.tasks import user_message
from ardoiz_desk.gui.kit.widgets import (
    code_combo,
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
from ardoiz_desk.services.activities.sessions import (
    DURATION_PRESETS,
    ActivityInput,
    record_activity,
)
from ardoiz_desk.services.sites.sites import list_agents, list_sites, this_agent, this_site
from ardoiz_desk.services.validation import NotFoundError, ValidationError
from ardoiz_desk.services.vocabulary import ADMINISTRATIVE_THEME
from ardoiz_desk.services.workspace import Workspace

CUSTOM = -1


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
        general = QWidget()
        general_form = self._general_form()
        general_form.setContentsMargins(0, 0, 0, 0)
        general.setLayout(general_form)
        # Side by side when they fit; with large text the themes go below the form.
        self.columns = Reflow([(general, 1, None), (self._themes_box(), 1, None)])
        layout.addWidget(self.columns)
        self.details = LaCoopDetails()
        layout.addWidget(self.details)
        self.picker = AttendeePicker(ws, search, lambda: self.site.currentData())
        self.picker.picked.connect(self.add_attendee)
        self.picker.created.connect(self._participant_created)
        layout.addWidget(self._attendance_box(), 1)
        layout.addWidget(self._agents_box(), 1)
        layout.addWidget(self._notes())
        outer.addWidget(scrolling(body), 1)
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

    def _general_form(self) -> QFormLayout:
        form = QFormLayout()
        self.kind = code_combo(voc.kinds(), translate("RecordActivityDialog", "Type d'activité"))
        today = self.ws.today()
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setAccessibleName(translate("RecordActivityDialog", "Date"))
        self.duration = QComboBox()
        for minutes in DURATION_PRESETS:
            self.duration.addItem(duration(minutes), minutes)
        self.duration.addItem(translate("RecordActivityDialog", "Autre durée…"), CUSTOM)
        self.duration.setAccessibleName(translate("RecordActivityDialog", "Durée"))
        self.custom_minutes = QSpinBox()
        self.custom_minutes.setRange(1, 24 * 60)
        self.custom_minutes.setValue(150)
        self.custom_minutes.setSuffix(translate("RecordActivityDialog", " min"))
        self.custom_minutes.setAccessibleName(translate("RecordActivityDialog", "Durée en minutes"))
        self.duration.currentIndexChanged.connect(
            lambda _i: self.custom_minutes.setVisible(self.duration.currentData() == CUSTOM)
        )
        self.custom_minutes.hide()
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.duration)
        duration_row.addWidget(self.custom_minutes)
        duration_row.addStretch(1)
        self.place = code_combo(voc.types_lieu(), translate("RecordActivityDialog", "Lieu"))
        self.site = code_combo(
            {s.id: s.name for s in list_sites(self.ws)}, translate("RecordActivityDialog", "Site")
        )
        here = this_site(self.ws)
        select_code(self.site, here.id if here else None)
        self.agent = code_combo(
            {a.id: a.name for a in list_agents(self.ws)},
            translate("RecordActivityDialog", "Agent"),
            empty="—",
        )
        me = this_agent(self.ws)
        select_code(self.agent, me.id if me else None)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(translate("RecordActivityDialog", "Titre de l'atelier"))
        self.title_edit.setPlaceholderText(
            translate("RecordActivityDialog", "ex. Découvrir sa tablette Ardoiz")
        )
        self.level = code_combo(
            voc.niveaux(), translate("RecordActivityDialog", "Niveau"), empty="—"
        )
        self.anonymous = QSpinBox()
        self.anonymous.setRange(0, 500)
        self.anonymous.setAccessibleName(translate("RecordActivityDialog", "Participants anonymes"))
        rows = (
            (translate("RecordActivityDialog", "&Type"), self.kind),
            (translate("RecordActivityDialog", "&Date"), self.date),
            (translate("RecordActivityDialog", "D&urée"), duration_row),
            (translate("RecordActivityDialog", "&Lieu"), self.place),
            (translate("RecordActivityDialog", "&Site"), self.site),
            (translate("RecordActivityDialog", "A&gent"), self.agent),
            (translate("RecordActivityDialog", "T&itre de l'atelier"), self.title_edit),
            (translate("RecordActivityDialog", "Ni&veau"), self.level),
            (translate("RecordActivityDialog", "Participants &anonymes"), self.anonymous),
        )
        for text, field in rows:
            form.addRow(text, field)
        form.labelForField(duration_row).setBuddy(self.duration)
        return form

    def _themes_box(self) -> QGroupBox:
        box = QGroupBox(translate("RecordActivityDialog", "Thématiques et matériel"))
        grid = QGridLayout(box)
        self.themes: dict[str, QCheckBox] = {}
        for i, (code, text) in enumerate(voc.digital_themes().items()):
            check = QCheckBox(text)
            check.setChecked(code == "prendre_en_main_du_materiel")
            self.themes[code] = check
            grid.addWidget(check, i // 2, i % 2)
        self.materiel: dict[str, QCheckBox] = {}
        offset = len(self.themes) // 2 + 1
        # A group of its own: screen readers read each check box with "Matériel utilisé".
        materiel_box = QGroupBox(translate("RecordActivityDialog", "Matériel utilisé"))
        materiel_box.setAccessibleName(materiel_box.title())  # else Qt takes the outer title
        materiel_grid = QGridLayout(materiel_box)
        grid.addWidget(materiel_box, offset, 0, 1, 2)
        for i, (code, text) in enumerate(voc.materiels().items()):
            check = QCheckBox(text)
            check.setChecked(code == "tablette")
            self.materiel[code] = check
            materiel_grid.addWidget(check, i // 2, i % 2)
        return box

    def _attendance_box(self) -> QGroupBox:
        self.attendance_box = QGroupBox(translate("RecordActivityDialog", "Présents"))
        layout = QVBoxLayout(self.attendance_box)
        layout.addWidget(self.picker)
        self.attendance_view = release_tab(QTableView())
        self.attendance_view.setModel(self.attendance)
        self.attendance_view.setAccessibleName(
            translate("RecordActivityDialog", "Liste des présents")
        )
        next_day = self.ws.today() + dt.timedelta(days=14)
        self.attendance_view.setItemDelegate(AttendanceDelegate(next_day, self.attendance_view))
        self.attendance_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.attendance_view.verticalHeader().hide()
        header = self.attendance_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 70, 200, 220, 150)):
            self.attendance_view.setColumnWidth(column, width)
        layout.addWidget(self.attendance_view, 1)
        row = QHBoxLayout()
        self.count_hint = hint("")
        row.addWidget(self.count_hint, 1)
        remove = QPushButton(translate("RecordActivityDialog", "Retirer la personne sélectionnée"))
        remove.clicked.connect(self.remove_selected)
        row.addWidget(remove)
        layout.addLayout(row)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.picker.show_new_form)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.attendance_view,
            self.remove_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self._update_count()
        return self.attendance_box

    def _agents_box(self) -> QGroupBox:
        self.agents_box = QGroupBox(translate("RecordActivityDialog", "Agents formés"))
        grid = QGridLayout(self.agents_box)
        self.trained: dict[str, QCheckBox] = {}
        for i, agent in enumerate(list_agents(self.ws)):
            check = QCheckBox(agent.name)
            self.trained[agent.id] = check
            grid.addWidget(check, i // 3, i % 3)
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
        self.attendance.add(Attendee(candidate.id, candidate.name, candidate.first_time))
        self.attendance_view.scrollToBottom()
        self._update_count()

    def remove_selected(self) -> None:
        """Remove the selected attendee."""
        self.attendance.remove(self.attendance_view.currentIndex().row())
        self._update_count()

    def _update_count(self) -> None:
        self.count_hint.setText(
            translate(
                "RecordActivityDialog",
                "{n} présent(s). Double-clic ou F2 pour noter "
                "l'autonomie, une note ou un prochain rendez-vous.",
            ).format(n=self.attendance.rowCount())
        )

    def minutes(self) -> int:
        """The chosen duration in minutes."""
        value = self.duration.currentData()
        return self.custom_minutes.value() if value == CUSTOM else int(value)

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
        if self.duration.findData(data.duree_minutes) >= 0:
            select_code(self.duration, data.duree_minutes)
        else:
            select_code(self.duration, CUSTOM)
            self.custom_minutes.setValue(data.duree_minutes)
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
        self._update_count()
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

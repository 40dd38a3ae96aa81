"""The fields of an activity: what, when, how long, where, who led it; its themes, equipment
and, for a training, the agents trained. Parts of the record-an-activity dialog."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.table_model import duration
from ardoiz_desk.gui.kit.widgets import code_combo, compact, select_code
from ardoiz_desk.services.activities.sessions import DURATION_PRESETS
from ardoiz_desk.services.sites.sites import list_agents, list_sites, this_agent, this_site
from ardoiz_desk.services.workspace import Workspace

CUSTOM = -1  # the duration combo's « Autre durée… »: minutes typed in the spin box


class GeneralFields(QWidget):
    """Type, date, duration, place, site, agent, workshop title, level, anonymous count."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = code_combo(voc.kinds(), translate("RecordActivityDialog", "Type d'activité"))
        today = ws.today()
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setAccessibleName(translate("RecordActivityDialog", "Date"))
        duration_row = self._duration_row()
        self.place = code_combo(voc.types_lieu(), translate("RecordActivityDialog", "Lieu"))
        self.site = code_combo(
            {s.id: s.name for s in list_sites(ws)}, translate("RecordActivityDialog", "Site")
        )
        here = this_site(ws)
        select_code(self.site, here.id if here else None)
        self.agent = code_combo(
            {a.id: a.name for a in list_agents(ws)},
            translate("RecordActivityDialog", "Agent"),
            empty="—",
        )
        me = this_agent(ws)
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
        # The longest site or place name must not widen the form: the lists show them whole,
        # and the form keeps room for the themes beside it on a 1024 px screen.
        for combo in (self.kind, self.place, self.site, self.agent, self.level):
            compact(combo, 18)

    def _duration_row(self) -> QHBoxLayout:
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
        row = QHBoxLayout()
        row.addWidget(self.duration)
        row.addWidget(self.custom_minutes)
        row.addStretch(1)
        return row

    def minutes(self) -> int:
        """The chosen duration in minutes."""
        value = self.duration.currentData()
        return self.custom_minutes.value() if value == CUSTOM else int(value)

    def set_minutes(self, minutes: int) -> None:
        """Show a duration: a preset when there is one, else « Autre durée… » and the minutes."""
        if self.duration.findData(minutes) >= 0:
            select_code(self.duration, minutes)
        else:
            select_code(self.duration, CUSTOM)
            self.custom_minutes.setValue(minutes)


class ThemesBox(QGroupBox):
    """La Coop's digital themes and the equipment used, as check boxes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("RecordActivityDialog", "Thématiques et matériel"), parent)
        grid = QGridLayout(self)
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


class TrainedAgentsBox(QGroupBox):
    """For an agents' training: who was trained."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(translate("RecordActivityDialog", "Agents formés"), parent)
        grid = QGridLayout(self)
        self.trained: dict[str, QCheckBox] = {}
        for i, agent in enumerate(list_agents(ws)):
            check = QCheckBox(agent.name)
            self.trained[agent.id] = check
            grid.addWidget(check, i // 3, i % 3)

"""The participant's journey across the pilot's stages, and their follow-ups, on the card."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.followups.model import followup_model
from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.a11y import buddy, release_tab
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.table_model import Column, ItemTableModel, duration, fr_date
from ardoiz_desk.services.activities.sessions import JourneyStep


def journey_model(parent=None) -> ItemTableModel:
    """A model listing the activities a participant attended."""
    stages, kinds, autonomies = voc.stages(), voc.kinds(), voc.autonomies()
    return ItemTableModel(
        [
            Column(
                translate("Journey", "Date"),
                lambda s: fr_date(s.date),
                lambda s: s.date.toordinal(),
            ),
            Column(translate("Journey", "Étape"), lambda s: voc.label(stages, s.stage)),
            Column(
                translate("Journey", "Activité"),
                lambda s: s.titre_atelier or voc.label(kinds, s.kind),
            ),
            Column(
                translate("Journey", "Durée"),
                lambda s: duration(s.duree_minutes),
                lambda s: s.duree_minutes,
            ),
            Column(
                translate("Journey", "Autonomie observée"),
                lambda s: voc.label(autonomies, s.autonomie, "—"),
            ),
            Column(translate("Journey", "Note"), lambda s: s.note),
        ],
        parent,
    )


def journey_summary(steps: list[JourneyStep]) -> str:
    """One sentence: how many workshops and hands-on sessions, and the latest autonomy."""
    if not steps:
        return translate("Journey", "Aucune activité enregistrée pour l'instant.")
    count = Counter(s.stage for s in steps)
    text = translate(
        "Journey", "Animation : {a} atelier(s) · Prise en main : {p} séance(s) · Autres : {o}"
    ).format(a=count["animation"], p=count["prise_en_main"], o=count["autre"])
    latest = next((s.autonomie for s in reversed(steps) if s.autonomie), None)
    if latest:
        text += "\n" + translate("Journey", "Dernière autonomie observée : {a}").format(
            a=voc.label(voc.autonomies(), latest)
        )
    return text


def table(model, name: str, stretch: int | None = None) -> QTableView:
    """A read-only, row-selecting table view over a model."""
    view = release_tab(QTableView())
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setAlternatingRowColors(True)
    return view


class JourneyTab(QWidget):
    """The activities attended, oldest first, with a summary per stage."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = journey_model(self)
        layout.addWidget(
            table(self.model, translate("Journey", "Parcours du participant"), stretch=2), 1
        )

    def set_steps(self, steps: list[JourneyStep]) -> None:
        """Show a journey."""
        self.summary.setText(journey_summary(steps))
        self.model.set_items(steps)


class FollowUpsTab(QWidget):
    """A participant's follow-ups: plan one, mark one done."""

    def __init__(self, today, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.model = followup_model(self, with_person=False)
        self.view = table(self.model, translate("FollowUpsTab", "Suivis du participant"))
        layout.addWidget(self.view, 1)
        self.done_button = QPushButton(translate("FollowUpsTab", "Marquer comme fait"))
        layout.addWidget(self.done_button)
        row = QHBoxLayout()
        self.due = QDateEdit(QDate(today.year, today.month, today.day).addDays(14))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setAccessibleName(translate("FollowUpsTab", "Date du prochain rendez-vous"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(translate("FollowUpsTab", "Motif (ex. revoir les e-mails)"))
        self.reason.setAccessibleName(translate("FollowUpsTab", "Motif du rendez-vous"))
        self.add_button = QPushButton(translate("FollowUpsTab", "Planifier"))
        row.addWidget(buddy(QLabel(translate("FollowUpsTab", "Prochain rendez-vous :")), self.due))
        row.addWidget(self.due)
        row.addWidget(self.reason, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)

    def selected(self):
        """The selected follow-up, if any."""
        return self.model.item(self.view.currentIndex().row())
